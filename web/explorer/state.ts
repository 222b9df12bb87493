/**
 * Explorer state and its named, pure actions. Components dispatch actions; nothing mutates the
 * canonical data or the render graph directly. Expansions are recorded so that a node's can be
 * collapsed; undo and redo of every step live in timeline.ts.
 */
import type { EntityEdge, EntityNode, GraphData } from "../data/types.ts";

export interface Expansion {
  /** The node whose neighbours were added (null for a search result or a path). */
  origin: string | null;
  nodes: string[];
  edges: string[];
}

export interface ExplorerState {
  nodes: ReadonlyMap<string, EntityNode>;
  edges: ReadonlyMap<string, EntityEdge>;
  history: readonly Expansion[];
  /** Neighbours loaded so far and in all, per expanded node. */
  expanded: ReadonlyMap<string, { loaded: number; total: number }>;
  hidden: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  hiddenLabels: ReadonlySet<string>;
  selected: { kind: "node" | "edge"; id: string } | null;
  path: { nodes: string[]; edges: string[] } | null;
  /**
   * Only what links directly to these hubs / measures of these themes / facts from these sections or
   * these source documents.
   */
  filters: Filters;
  /** Show only the neighbourhood of a node up to a depth. */
  ego: { id: string; depth: number } | null;
  metric: Metric;
}

export interface Filters {
  hubs: readonly string[];
  themes: readonly string[];
  sections: readonly string[];
  sources: readonly string[];
}

export type Metric = "degree" | "pagerank" | "betweenness";

export const emptyState: ExplorerState = {
  nodes: new Map(),
  edges: new Map(),
  history: [],
  expanded: new Map(),
  hidden: new Set(),
  pinned: new Set(),
  hiddenLabels: new Set(),
  selected: null,
  path: null,
  filters: { hubs: [], themes: [], sections: [], sources: [] },
  ego: null,
  metric: "degree",
};

export type Action =
  | { type: "loaded"; data: GraphData }
  | { type: "merged"; data: GraphData; origin: string | null; total?: number }
  /** A later page of the first view, streamed in: part of the graph as loaded, not an expansion. */
  | { type: "streamed"; data: GraphData }
  | { type: "collapse"; id: string }
  | { type: "select"; target: ExplorerState["selected"] }
  | { type: "toggleHidden"; id: string }
  | { type: "showAll" }
  | { type: "togglePinned"; id: string }
  | { type: "toggleLabel"; label: string }
  | { type: "path"; path: ExplorerState["path"] }
  | { type: "filter"; key: keyof Filters; values: readonly string[] }
  | { type: "ego"; ego: ExplorerState["ego"] }
  | { type: "metric"; metric: Metric }
  | {
      type: "restore";
      view: Partial<Pick<ExplorerState, "hiddenLabels" | "filters" | "ego" | "metric" | "selected">>;
    };

function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

function remove(state: ExplorerState, nodeIds: readonly string[], edgeIds: readonly string[]): ExplorerState {
  const drop = new Set(nodeIds);
  const nodes = new Map([...state.nodes].filter(([id]) => !drop.has(id)));
  const dropEdges = new Set(edgeIds);
  const edges = new Map(
    [...state.edges].filter(([id, e]) => !dropEdges.has(id) && !drop.has(e.source) && !drop.has(e.target)),
  );
  const selected =
    state.selected && (drop.has(state.selected.id) || dropEdges.has(state.selected.id))
      ? null
      : state.selected;
  return { ...state, nodes, edges, selected };
}

export function reduce(state: ExplorerState, action: Action): ExplorerState {
  switch (action.type) {
    case "loaded":
      return {
        ...emptyState,
        hiddenLabels: state.hiddenLabels,
        filters: state.filters,
        metric: state.metric,
        nodes: new Map(action.data.nodes.map((n) => [n.id, n])),
        edges: new Map(action.data.edges.map((e) => [e.id, e])),
      };
    case "streamed": {
      const nodes = new Map(state.nodes);
      for (const n of action.data.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
      const edges = new Map(state.edges);
      for (const e of action.data.edges)
        if (nodes.has(e.source) && nodes.has(e.target) && !edges.has(e.id)) edges.set(e.id, e);
      return { ...state, nodes, edges };
    }
    case "merged": {
      const nodes = new Map(state.nodes);
      const edges = new Map(state.edges);
      const added: Expansion = { origin: action.origin, nodes: [], edges: [] };
      for (const n of action.data.nodes) {
        if (!nodes.has(n.id)) added.nodes.push(n.id);
        nodes.set(n.id, n);
      }
      for (const e of action.data.edges) {
        if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
        if (!edges.has(e.id)) added.edges.push(e.id);
        edges.set(e.id, e);
      }
      const expanded = new Map(state.expanded);
      if (action.origin && action.total !== undefined) {
        const before = expanded.get(action.origin)?.loaded ?? 0;
        expanded.set(action.origin, { loaded: before + action.data.nodes.length, total: action.total });
      }
      const history = added.nodes.length + added.edges.length > 0 ? [...state.history, added] : state.history;
      return { ...state, nodes, edges, expanded, history };
    }
    case "collapse": {
      // Remove the neighbours this node brought in, unless another expansion also brought them.
      const mine = state.history.filter((h) => h.origin === action.id);
      const others = new Set(state.history.filter((h) => h.origin !== action.id).flatMap((h) => h.nodes));
      const drop = mine.flatMap((h) => h.nodes).filter((id) => !others.has(id) && !state.pinned.has(id));
      const next = remove(
        state,
        drop,
        mine.flatMap((h) => h.edges),
      );
      const expanded = new Map(next.expanded);
      expanded.delete(action.id);
      return { ...next, expanded, history: state.history.filter((h) => h.origin !== action.id) };
    }
    case "select":
      return { ...state, selected: action.target };
    case "toggleHidden":
      return { ...state, hidden: toggle(state.hidden, action.id) };
    case "showAll":
      return { ...state, hidden: new Set() };
    case "togglePinned":
      return { ...state, pinned: toggle(state.pinned, action.id) };
    case "toggleLabel":
      return { ...state, hiddenLabels: toggle(state.hiddenLabels, action.label) };
    case "path":
      return { ...state, path: action.path };
    case "filter":
      return { ...state, filters: { ...state.filters, [action.key]: [...action.values] } };
    case "ego":
      return { ...state, ego: action.ego };
    case "metric":
      return { ...state, metric: action.metric };
    case "restore":
      return { ...state, ...action.view };
  }
}
