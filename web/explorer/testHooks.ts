/**
 * A read-only window onto what the canvas shows, for the end-to-end tests (real Chromium cannot read
 * a WebGL canvas's meaning from its pixels): where nodes are on screen, what colour they are drawn in,
 * and the boxes of the labels drawn in the last frame. Nothing here changes the view.
 */
import type Sigma from "sigma";
import { shownNodes } from "./camera.ts";
import type { LabelBox } from "./labels.ts";
import type { RenderEdge, RenderNode } from "./renderGraph.ts";
import { colorOf, fade } from "./style.ts";

export interface ViewProbe {
  nodes: () => string[];
  /** The nodes the reducers leave visible. */
  shown: () => string[];
  /** Of the given nodes, those not drawn inside the canvas (hidden ones included). */
  outside: (ids: string[]) => string[];
  /** How each node is drawn: its colour, its category's colour, and that colour dimmed. */
  colors: (ids: string[]) => { id: string; drawn: string | null; own: string; dimmed: string }[];
  labels: () => readonly LabelBox[];
  camera: () => { x: number; y: number; ratio: number; animating: boolean };
}

declare global {
  interface Window {
    __tpgView?: ViewProbe;
  }
}

export function exposeView(
  sigma: Sigma<RenderNode, RenderEdge>,
  labels: () => readonly LabelBox[],
): () => void {
  const graph = sigma.getGraph();
  const probe: ViewProbe = {
    nodes: () => graph.nodes(),
    shown: () => shownNodes(sigma),
    outside: (ids) => {
      const { width, height } = sigma.getDimensions();
      return ids.filter((id) => {
        const data = graph.hasNode(id) ? sigma.getNodeDisplayData(id) : undefined;
        if (!data || data.hidden) return true;
        const p = sigma.framedGraphToViewport(data);
        return p.x < 0 || p.y < 0 || p.x > width || p.y > height;
      });
    },
    colors: (ids) =>
      ids.map((id) => {
        const own = graph.hasNode(id) ? colorOf(graph.getNodeAttribute(id, "entity").label) : "";
        return {
          id,
          drawn: sigma.getNodeDisplayData(id)?.color ?? null,
          own,
          dimmed: own ? fade(own) : "",
        };
      }),
    labels,
    camera: () => ({ ...sigma.getCamera().getState(), animating: sigma.getCamera().isAnimated() }),
  };
  window.__tpgView = probe;
  return () => {
    if (window.__tpgView === probe) delete window.__tpgView;
  };
}
