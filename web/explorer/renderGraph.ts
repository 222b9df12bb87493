/**
 * Derives the render graph (graphology, drawn by sigma) from the canonical data. The graph instance
 * lives for the app's lifetime; sync() adds and drops nodes and edges in place, so positions survive
 * and sigma is never recreated. New nodes start next to the node they came from.
 */
import type Graph from "graphology";
import type { EntityEdge, EntityNode } from "../data/types.ts";
import { colorOf, EDGE_COLORS } from "./style.ts";

export interface RenderNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  entity: EntityNode;
}

export interface RenderEdge {
  size: number;
  color: string;
  entity: EntityEdge;
}

export type RenderGraph = Graph<RenderNode, RenderEdge>;

export function nodeSize(degree: number, label: string): number {
  const base = label === "Hub" ? 14 : 3;
  return base + Math.min(12, Math.sqrt(degree) * 1.6);
}

export function displayName(entity: EntityNode, lang: "zh" | "en"): string {
  return lang === "en" && entity.nameEn ? entity.nameEn : entity.name;
}

/**
 * Applies canonical nodes and edges to the render graph; returns whether the structure changed.
 * Sizes are left to applyMetric (metrics.ts), which runs after every sync.
 */
export function sync(
  graph: RenderGraph,
  nodes: ReadonlyMap<string, EntityNode>,
  edges: ReadonlyMap<string, EntityEdge>,
  lang: "zh" | "en",
): boolean {
  let changed = false;
  graph.forEachNode((id) => {
    if (!nodes.has(id)) {
      graph.dropNode(id);
      changed = true;
    }
  });
  graph.forEachEdge((id) => {
    if (!edges.has(id)) {
      graph.dropEdge(id);
      changed = true;
    }
  });
  // For each node not yet drawn, one neighbour that is (built once: O(edges), not per node).
  const placedNeighbour = new Map<string, string>();
  for (const e of edges.values()) {
    if (!graph.hasNode(e.source) && graph.hasNode(e.target)) placedNeighbour.set(e.source, e.target);
    if (!graph.hasNode(e.target) && graph.hasNode(e.source)) placedNeighbour.set(e.target, e.source);
  }
  let i = graph.order;
  for (const entity of nodes.values()) {
    if (graph.hasNode(entity.id)) {
      graph.mergeNodeAttributes(entity.id, { entity, label: displayName(entity, lang) });
      continue;
    }
    // Place a new node beside an already placed neighbour, or on a spiral when it has none.
    const other = placedNeighbour.get(entity.id) ?? null;
    const angle = i * 2.399963;
    const radius = other ? 1 + Math.random() * 2 : 4 * Math.sqrt(i + 1);
    const cx = other ? graph.getNodeAttribute(other, "x") : 0;
    const cy = other ? graph.getNodeAttribute(other, "y") : 0;
    graph.addNode(entity.id, {
      x: cx + radius * Math.cos(angle),
      y: cy + radius * Math.sin(angle),
      size: 4,
      color: colorOf(entity.label),
      label: displayName(entity, lang),
      entity,
    });
    i++;
    changed = true;
  }
  for (const entity of edges.values()) {
    if (graph.hasEdge(entity.id) || !graph.hasNode(entity.source) || !graph.hasNode(entity.target)) continue;
    graph.addDirectedEdgeWithKey(entity.id, entity.source, entity.target, {
      size: 1,
      color: EDGE_COLORS.normal,
      entity,
    });
    changed = true;
  }
  return changed;
}
