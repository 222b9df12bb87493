/**
 * What an exported picture holds, read from sigma as it draws the graph now (after the reducers, so
 * hidden stays hidden and dimmed stays dimmed): the nodes and edges in the current view or in the
 * whole graph, the camera that frames the whole graph beside the title and legend, and the scene for
 * the SVG writer in output pixels. The explorer's own camera is never moved: the export draws with a
 * camera of its own.
 */
import type Sigma from "sigma";
import type { CameraState, EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { Scope } from "./pictureCaption.ts";
import type { Box, Measure } from "./pictureLayout.ts";
import type { PictureScene } from "./pictureSvg.ts";
import type { RenderEdge, RenderNode } from "./renderGraph.ts";
import { colorOf } from "./style.ts";

type View = Sigma<RenderNode, RenderEdge>;

export interface DrawnNode {
  id: string;
  /** The entity's label (its kind), which the legend names. */
  kind: string;
  display: NodeDisplayData;
}

export interface Drawn {
  nodes: DrawnNode[];
  edges: { id: string; source: string; target: string; display: EdgeDisplayData }[];
}

/** Screen pixels kept beside a node for its label when the whole graph is framed. */
const LABEL_ROOM = 90;
/** The swatch for "dimmed" when the picture fades nodes of several colours. */
const FADED = "#dde1e6";

/** The camera at which the whole graph fills the view (sigma's reset). */
const RESET: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/**
 * The nodes and edges the picture shows: every one sigma does not hide, and in view scope only those
 * within the view (a node whose disc reaches in; an edge whose extent crosses it).
 */
export function drawnPart(sigma: View, scope: Scope): Drawn {
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  // Positions through the camera as it is now, not the matrix of the last frame sigma drew: a frame
  // may still be pending after a camera move, and the picture is of the view the user sees next.
  const now = { cameraState: sigma.getCamera().getState() };
  const inView = (x: number, y: number, r: number) =>
    x + r >= 0 && x - r <= width && y + r >= 0 && y - r <= height;
  const nodes: DrawnNode[] = [];
  const where = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id, a) => {
    const display = sigma.getNodeDisplayData(id);
    if (!display || display.hidden) return;
    const at = sigma.framedGraphToViewport(display, now);
    where.set(id, at);
    if (scope === "view" && !inView(at.x, at.y, sigma.scaleSize(display.size))) return;
    nodes.push({ id, kind: a.entity.label, display });
  });
  const kept = new Set(nodes.map((node) => node.id));
  const edges: Drawn["edges"] = [];
  graph.forEachEdge((id, _a, source, target) => {
    const display = sigma.getEdgeDisplayData(id);
    const [s, t] = [where.get(source), where.get(target)];
    if (!display || display.hidden || !s || !t) return;
    const crosses =
      Math.max(s.x, t.x) >= 0 &&
      Math.min(s.x, t.x) <= width &&
      Math.max(s.y, t.y) >= 0 &&
      Math.min(s.y, t.y) <= height;
    if (scope === "whole" || kept.has(source) || kept.has(target) || crosses)
      edges.push({ id, source, target, display });
  });
  return { nodes, edges };
}

/** Per label, the nodes drawn in the label's colour; and the nodes drawn in another (dimmed) colour. */
export function colourCounts(drawn: Drawn): {
  kinds: Map<string, { color: string; count: number }>;
  dimmed: { color: string; count: number } | null;
} {
  const kinds = new Map<string, { color: string; count: number }>();
  const others = new Map<string, number>();
  for (const { kind, display } of drawn.nodes) {
    const color = colorOf(kind);
    if (display.color.toLowerCase() === color.toLowerCase()) {
      kinds.set(kind, { color, count: (kinds.get(kind)?.count ?? 0) + 1 });
    } else others.set(display.color, (others.get(display.color) ?? 0) + 1);
  }
  // Dimmed nodes are faded tints of their own colours: one colour is shown as it is, several as grey.
  const count = [...others.values()].reduce((sum, c) => sum + c, 0);
  const color = others.size === 1 ? [...others.keys()][0]! : FADED;
  return { kinds, dimmed: count > 0 ? { color, count } : null };
}

/**
 * The camera (for a view of sigma's size) that fits the drawn nodes, their discs and labels, into
 * `area` (screen pixels). Positions scale with the zoom, discs with its square root (sigma's default)
 * and labels not at all, so the zoom is found by bisection; then the nodes are placed in the area.
 */
export function fitCamera(
  sigma: View,
  nodes: readonly DrawnNode[],
  area: Box,
  measure: Measure,
): CameraState {
  if (nodes.length === 0) return RESET;
  const { labelSize } = sigma.getSettings();
  const { width, height } = sigma.getDimensions();
  const items = nodes.map(({ display }) => ({
    at: sigma.framedGraphToViewport(display, { cameraState: RESET }),
    size: display.size,
    label: display.label ? measure(display.label, labelSize, 400) + 3 : 0,
  }));
  // Labels keep their size at any zoom, so long ones would shrink the graph to a dot: the zoom keeps
  // room for the start of each (`room`); the slack left over then goes to the labels' full length.
  const extent = (zoom: number, room = Infinity) => {
    let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const { at, size, label } of items) {
      const r = sigma.scaleSize(size, 1 / zoom);
      left = Math.min(left, at.x * zoom - r);
      right = Math.max(right, at.x * zoom + r + Math.min(room, label));
      const half = Math.max(r, label > 0 ? labelSize * 0.7 : 0);
      top = Math.min(top, at.y * zoom - half);
      bottom = Math.max(bottom, at.y * zoom + half);
    }
    return { left, right, top, bottom };
  };
  const fits = (zoom: number) => {
    const e = extent(zoom, LABEL_ROOM);
    return e.right - e.left <= area.width && e.bottom - e.top <= area.height;
  };
  // Bisection on the logarithm of the zoom, between sigma's usual bounds.
  let [low, high] = [Math.log(1 / 64), Math.log(64)];
  if (!fits(Math.exp(low))) high = low;
  for (let i = 0; i < 40 && high - low > 1e-4; i++) {
    const middle = (low + high) / 2;
    if (fits(Math.exp(middle))) low = middle;
    else high = middle;
  }
  const zoom = Math.exp(low);
  const e = extent(zoom);
  // At this zoom a point seen at p (at the reset camera) appears at zoom·p + offset. Centred with
  // whole labels if they fit, else flush left, which leaves the labels the most room.
  const offset = {
    x: e.right - e.left <= area.width ? area.x + area.width / 2 - (e.left + e.right) / 2 : area.x - e.left,
    y: area.y + area.height / 2 - (e.top + e.bottom) / 2,
  };
  // The camera's centre is the point that appears in the middle of the view.
  const centre = { x: (width / 2 - offset.x) / zoom, y: (height / 2 - offset.y) / zoom };
  const framed = sigma.viewportToFramedGraph(centre, { cameraState: RESET });
  return { x: framed.x, y: framed.y, ratio: 1 / zoom, angle: 0 };
}

/** The drawn part as the SVG writer takes it: output pixels at `scale`, seen through `camera`. */
export function sceneOf(
  sigma: View,
  drawn: Drawn,
  frame: { camera: CameraState; scale: number; width: number; height: number },
  caption: Pick<PictureScene, "title" | "overlay" | "fontCss">,
): PictureScene {
  const { camera, scale } = frame;
  const settings = sigma.getSettings();
  const at = (display: NodeDisplayData) => {
    const p = sigma.framedGraphToViewport(display, { cameraState: camera });
    return { x: p.x * scale, y: p.y * scale, r: sigma.scaleSize(display.size, camera.ratio) * scale };
  };
  const placed = new Map(drawn.nodes.map(({ id, display }) => [id, at(display)]));
  const graph = sigma.getGraph();
  const outside = (id: string) => {
    const display = sigma.getNodeDisplayData(id);
    return display ? at(display) : null;
  };
  return {
    width: frame.width,
    height: frame.height,
    background: "#ffffff",
    nodes: drawn.nodes.map(({ id, display }) => ({
      ...placed.get(id)!,
      color: display.color,
      label: display.label ?? "",
      forceLabel: display.forceLabel || display.highlighted,
      // Set by the explorer's node reducer for its label layer; sigma keeps it in the display data.
      priority: (display as { labelPriority?: number }).labelPriority,
      zIndex: display.zIndex,
    })),
    edges: drawn.edges.flatMap(({ id, source, target, display }) => {
      const [s, t] = [placed.get(source) ?? outside(source), placed.get(target) ?? outside(target)];
      if (!s || !t) return [];
      const width = Math.max(sigma.scaleSize(display.size, camera.ratio), settings.minEdgeThickness) * scale;
      const type = display.type || settings.defaultEdgeType;
      return [
        {
          x1: s.x,
          y1: s.y,
          x2: t.x,
          y2: t.y,
          targetR: t.r,
          width,
          color: display.color,
          arrow: type === "arrow" && graph.isDirected(id),
          zIndex: display.zIndex,
        },
      ];
    }),
    labelSize: settings.labelSize * scale,
    labelColor: settings.labelColor.color ?? "#000000",
    ...caption,
  };
}
