/**
 * The network: one SigmaContainer over the app-lifetime render graph, with small controllers for
 * events, for highlighting (sigma reducers: hover, selection, filters, path — never by writing
 * attributes into the data), for labels that never overlap (labelLayer.ts) and for zoom.
 */
import { SigmaContainer, useRegisterEvents, useSetSettings, useSigma } from "@react-sigma/core";
import { useEffect, useMemo, useState, type RefObject } from "react";
import type Sigma from "sigma";
import { attachLabelLayer, drawNodeHover, drawNodeLabel } from "./labelLayer.ts";
import { labelPriority, TIER } from "./labels.ts";
import type { RenderEdge, RenderGraph, RenderNode } from "./renderGraph.ts";
import { LABEL_DENSITY, LABEL_SETTINGS } from "./sigmaSettings.ts";
import type { ExplorerState } from "./state.ts";
import { EDGE_COLORS, fade } from "./style.ts";
import { exposeView } from "./testHooks.ts";
import { ZoomControls } from "./ZoomControls.tsx";

const EDGE_EVENTS_LIMIT = 5000;
/** Up to this many neighbours of the focus are offered as labels (the label layer thins them). */
const FORCE_LABEL_LIMIT = 300;
/**
 * Hovering a node highlights its neighbourhood through the reducers, which sigma then runs again on
 * every node and edge: on graphs larger than this, moving the mouse over the canvas (or dragging it)
 * would do that at each node passed, so only the selection highlights there; the hovered node's
 * name still shows (sigma's hover layer).
 */
const HOVER_FOCUS_LIMIT = 5000;
const NONE: ReadonlySet<string> = new Set();

export interface GraphViewProps {
  graph: RenderGraph;
  state: ExplorerState;
  isShown: (id: string, entity: RenderNode["entity"]) => boolean;
  onSelect: (target: ExplorerState["selected"]) => void;
  onExpand: (id: string) => void;
  /** What the search box lists: drawn in colour and labelled before other nodes. */
  searchHits?: readonly string[];
}

/** Faded colours, computed once per colour (the reducer runs for every node on every refresh). */
const faded = new Map<string, string>();
function dimmed(color: string): string {
  let out = faded.get(color);
  if (out === undefined) {
    out = /^#[0-9a-f]{6}$/i.test(color) ? fade(color) : EDGE_COLORS.dimmed;
    faded.set(color, out);
  }
  return out;
}

type NodeDisplay = Partial<RenderNode> & {
  highlighted?: boolean;
  zIndex?: number;
  forceLabel?: boolean;
  hidden?: boolean;
  labelPriority?: number;
};

function Highlighter({
  state,
  isShown,
  searchHits,
}: Pick<GraphViewProps, "state" | "isShown" | "searchHits">) {
  const sigma = useSigma<RenderNode, RenderEdge>();
  const setSettings = useSetSettings<RenderNode, RenderEdge>();
  const [hovered, setHovered] = useState<string | null>(null);
  const registerEvents = useRegisterEvents();

  useEffect(() => {
    registerEvents({
      enterNode: (e) => {
        if (sigma.getGraph().order <= HOVER_FOCUS_LIMIT) setHovered(e.node);
      },
      leaveNode: () => setHovered(null),
    });
  }, [registerEvents, sigma]);

  const selectedNode = state.selected?.kind === "node" ? state.selected.id : null;
  const focus = hovered ?? selectedNode;
  const pathNodes = useMemo(() => new Set(state.path?.nodes ?? []), [state.path]);
  const pathEdges = useMemo(() => new Set(state.path?.edges ?? []), [state.path]);
  const hits = useMemo(() => new Set(searchHits ?? []), [searchHits]);
  // What the last expansion of the selected node brought in: coloured and labelled first. Not
  // `highlighted`: sigma draws highlighted nodes above the labels, and fifty of them would cover them.
  const fresh = useMemo(() => {
    const last = state.history[state.history.length - 1];
    return last?.origin && last.origin === selectedNode ? new Set(last.nodes) : NONE;
  }, [state.history, selectedNode]);

  useEffect(() => {
    const graph = sigma.getGraph();
    // Edge events draw every edge a second time for hit-testing: worth it on small graphs only.
    sigma.setSetting("enableEdgeEvents", graph.size <= EDGE_EVENTS_LIMIT);
    const hidden = (id: string, a: RenderNode) => !isShown(id, a.entity);
    // A focus the filters hide (a node selected before they changed) dims nothing. Its
    // neighbourhood is read from the graph as each node is drawn, not captured here: the nodes an
    // expansion adds reach sigma after this effect ran, and must not come out dimmed.
    const focusShown =
      focus !== null && graph.hasNode(focus) && !hidden(focus, graph.getNodeAttributes(focus));
    const near = (id: string) => focusShown && graph.areNeighbors(focus, id);
    const dim = (out: NodeDisplay, a: RenderNode) =>
      Object.assign(out, { color: dimmed(a.color), label: "", zIndex: 0, forceLabel: false });
    setSettings({
      nodeReducer: (id, a) => {
        if (hidden(id, a)) return { ...a, hidden: true };
        const out: NodeDisplay = { ...a, labelPriority: labelPriority(TIER.other, a.size) };
        const mark = (tier: number, more: NodeDisplay) =>
          Object.assign(out, { labelPriority: labelPriority(tier, a.size), ...more });
        if (hits.has(id) && !pathNodes.has(id) && id !== focus) {
          // Found by the search: in colour and labelled (on a plate) whatever else is in focus.
          mark(TIER.search, { forceLabel: true, zIndex: 2 });
        } else if (pathNodes.size > 0) {
          if (pathNodes.has(id)) mark(TIER.path, { highlighted: true, forceLabel: true, zIndex: 2 });
          else dim(out, a);
        } else if (focusShown) {
          if (id === focus) mark(TIER.focus, { highlighted: true, forceLabel: true, zIndex: 2 });
          else if (focus === selectedNode && fresh.has(id)) mark(TIER.fresh, { forceLabel: true, zIndex: 1 });
          else if (near(id))
            mark(TIER.neighbour, { forceLabel: graph.degree(focus) <= FORCE_LABEL_LIMIT, zIndex: 1 });
          else dim(out, a);
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
            ? { ...a, color: EDGE_COLORS.path, size: 3, zIndex: 2 }
            : { ...a, color: EDGE_COLORS.dimmed };
        if (state.selected?.kind === "edge" && state.selected.id === id)
          return { ...a, color: EDGE_COLORS.selected, size: 3 };
        if (focusShown)
          return s === focus || t === focus
            ? { ...a, color: EDGE_COLORS.focus, size: 1.5 }
            : { ...a, color: EDGE_COLORS.dimmed };
        return a;
      },
    });
  }, [
    sigma,
    setSettings,
    focus,
    selectedNode,
    fresh,
    hits,
    state.pinned,
    state.selected,
    isShown,
    pathNodes,
    pathEdges,
  ]);
  return null;
}

/** Routes sigma's labels through the no-overlap label layer, and shows the view to the e2e tests. */
function Labels() {
  const sigma = useSigma<RenderNode, RenderEdge>();
  useEffect(() => {
    const layer = attachLabelLayer(sigma);
    const hide = exposeView(sigma, layer.drawn);
    return () => {
      hide();
      layer.detach();
    };
  }, [sigma]);
  return null;
}

/**
 * Sigma resizes its canvases on window resizes only; the canvas also changes size when a side panel
 * folds or the inspector opens, so redraw whenever the container does.
 */
function FollowSize() {
  const sigma = useSigma<RenderNode, RenderEdge>();
  useEffect(() => {
    const observer = new ResizeObserver(() => sigma.scheduleRefresh());
    observer.observe(sigma.getContainer());
    return () => observer.disconnect();
  }, [sigma]);
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
  searchHits,
  sigmaRef,
}: GraphViewProps & { sigmaRef: RefObject<Sigma<RenderNode, RenderEdge> | null> }) {
  // Never changed after mount: react-sigma recreates sigma when its settings prop changes.
  const settings = useMemo(
    () => ({
      ...LABEL_SETTINGS,
      ...LABEL_DENSITY.normal,
      defaultDrawNodeLabel: drawNodeLabel,
      defaultDrawNodeHover: drawNodeHover,
      zIndex: true,
      allowInvalidContainer: true,
      enableEdgeEvents: true,
    }),
    [],
  );
  return (
    <SigmaContainer<RenderNode, RenderEdge>
      ref={sigmaRef}
      graph={graph}
      settings={settings}
      className="graph-canvas"
    >
      <Highlighter state={state} isShown={isShown} searchHits={searchHits} />
      <Labels />
      <FollowSize />
      <Events onSelect={onSelect} onExpand={onExpand} />
      <ZoomControls />
    </SigmaContainer>
  );
}
