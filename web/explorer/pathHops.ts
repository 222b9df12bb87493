/**
 * A found path as the hop list reads it: each step from one node to the next, through which
 * relationship and in which direction, with the relationship's first quote. Pure, so it is tested
 * without a browser.
 */
import type { EntityEdge, EntityNode, Evidence, GraphPath, PathResult } from "../data/types.ts";

export interface Hop {
  from: EntityNode;
  to: EntityNode;
  edge: EntityEdge;
  /** Whether the relationship points along the path (from → to) or against it. */
  forward: boolean;
  /** The relationship's first quote; null when it has none. */
  quote: Evidence | null;
}

/** The hops of one path of `result`, or an error naming what the result lacks. */
export function hopsOf(result: PathResult, path: GraphPath): Hop[] {
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  const edges = new Map(result.edges.map((e) => [e.id, e]));
  if (path.nodes.length !== path.edges.length + 1)
    throw new Error(`hopsOf: a path of ${path.edges.length} relationships needs one node more`);
  return path.edges.map((id, i) => {
    const [fromId, toId] = [path.nodes[i]!, path.nodes[i + 1]!];
    const [from, to, edge] = [nodes.get(fromId), nodes.get(toId), edges.get(id)];
    if (!from || !to || !edge) throw new Error(`hopsOf: hop ${i + 1} names a node or relationship not found`);
    const forward = edge.source === fromId && edge.target === toId;
    if (!forward && !(edge.source === toId && edge.target === fromId))
      throw new Error(`hopsOf: relationship ${id} does not join ${fromId} and ${toId}`);
    return { from, to, edge, forward, quote: edge.evidence[0] ?? null };
  });
}
