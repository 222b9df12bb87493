/**
 * The network: one SigmaContainer over the app-lifetime render graph, with small controllers for
 * events and for highlighting (sigma reducers: hover, selection, filters, path — never by writing
 * attributes into the data).
 */
import { SigmaContainer, useRegisterEvents, useSetSettings, useSigma } from "@react-sigma/core";
import { useEffect, useMemo, useState, type RefObject } from "react";
import type Sigma from "sigma";
import type { RenderEdge, RenderGraph, RenderNode } from "./renderGraph.ts";
import { LABEL_SETTINGS } from "./sigmaSettings.ts";
import type { ExplorerState } from "./state.ts";

const DIM_NODE = "#e3e6eb";
const EDGE_EVENTS_LIMIT = 5000;
const DIM_EDGE = "#eef0f3";

export interface GraphViewProps {
  graph: RenderGraph;
  state: ExplorerState;
  isShown: (id: string, entity: RenderNode["entity"]) => boolean;
  onSelect: (target: ExplorerState["selected"]) => void;
  onExpand: (id: string) => void;
}

function Highlighter({ state, isShown }: Pick<GraphViewProps, "state" | "isShown">) {
  const sigma = useSigma<RenderNode, RenderEdge>();
  const setSettings = useSetSettings<RenderNode, RenderEdge>();
  const [hovered, setHovered] = useState<string | null>(null);
  const registerEvents = useRegisterEvents();

  useEffect(() => {
    registerEvents({
      enterNode: (e) => setHovered(e.node),
      leaveNode: () => setHovered(null),
    });
  }, [registerEvents]);

  const focus = hovered ?? (state.selected?.kind === "node" ? state.selected.id : null);
  const pathNodes = useMemo(() => new Set(state.path?.nodes ?? []), [state.path]);
  const pathEdges = useMemo(() => new Set(state.path?.edges ?? []), [state.path]);

  useEffect(() => {
    const graph = sigma.getGraph();
    // Edge events draw every edge a second time for hit-testing: worth it on small graphs only.
    sigma.setSetting("enableEdgeEvents", graph.size <= EDGE_EVENTS_LIMIT);
    const neighbours = focus && graph.hasNode(focus) ? new Set(graph.neighbors(focus)) : null;
    const hidden = (id: string, a: RenderNode) => !isShown(id, a.entity);
    setSettings({
      nodeReducer: (id, a) => {
        if (hidden(id, a)) return { ...a, hidden: true };
        const out: Partial<RenderNode> & { highlighted?: boolean; zIndex?: number; forceLabel?: boolean } = {
          ...a,
        };
        if (pathNodes.size > 0) {
          if (pathNodes.has(id)) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
          else Object.assign(out, { color: DIM_NODE, label: "", zIndex: 0 });
        } else if (focus && neighbours) {
          if (id === focus) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
          // Forcing every label of a hub's hundreds of neighbours makes an unreadable heap: force
          // them only for small neighbourhoods and let sigma's label grid choose otherwise.
          else if (neighbours.has(id)) Object.assign(out, { forceLabel: neighbours.size <= 30, zIndex: 1 });
          else Object.assign(out, { color: DIM_NODE, label: "", zIndex: 0 });
        }
        if (state.pinned.has(id)) out.highlighted = true;
        return out;
      },
      edgeReducer: (id, a) => {
        const [s, t] = graph.extremities(id);
        const sa = graph.getNodeAttributes(s);
        const ta = graph.getNodeAttributes(t);
        if (hidden(s, sa) || hidden(t, ta)) return { ...a, hidden: true };
        if (pathEdges.size > 0)
          return pathEdges.has(id)
            ? { ...a, color: "#d62728", size: 3, zIndex: 2 }
            : { ...a, color: DIM_EDGE };
        if (state.selected?.kind === "edge" && state.selected.id === id)
          return { ...a, color: "#2f5bea", size: 3 };
        if (focus)
          return s === focus || t === focus
            ? { ...a, color: "#7d8aa3", size: 1.5 }
            : { ...a, color: DIM_EDGE };
        return a;
      },
    });
  }, [sigma, setSettings, focus, state.pinned, state.selected, isShown, pathNodes, pathEdges]);
  return null;
}

function Events({ onSelect, onExpand }: Pick<GraphViewProps, "onSelect" | "onExpand">) {
  const registerEvents = useRegisterEvents();
  useEffect(() => {
    registerEvents({
      clickNode: (e) => onSelect({ kind: "node", id: e.node }),
      clickEdge: (e) => onSelect({ kind: "edge", id: e.edge }),
      doubleClickNode: (e) => {
        e.preventSigmaDefault();
        onExpand(e.node);
      },
      clickStage: () => onSelect(null),
    });
  }, [registerEvents, onSelect, onExpand]);
  return null;
}

export function GraphView({
  graph,
  state,
  isShown,
  onSelect,
  onExpand,
  sigmaRef,
}: GraphViewProps & { sigmaRef: RefObject<Sigma<RenderNode, RenderEdge> | null> }) {
  const settings = useMemo(
    () => ({ ...LABEL_SETTINGS, zIndex: true, allowInvalidContainer: true, enableEdgeEvents: true }),
    [],
  );
  return (
    <SigmaContainer<RenderNode, RenderEdge>
      ref={sigmaRef}
      graph={graph}
      settings={settings}
      className="graph-canvas"
    >
      <Highlighter state={state} isShown={isShown} />
      <Events onSelect={onSelect} onExpand={onExpand} />
    </SigmaContainer>
  );
}
