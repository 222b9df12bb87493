/**
 * The k shortest loopless paths between two nodes of a graphology graph (Yen's algorithm over a
 * breadth-first search), for the snapshot. Relationships are walked in both directions, a path is a
 * sequence of relationships (two parallel relationships make two paths), and no node is visited
 * twice — what Neo4j's `SHORTEST k` with a distinct-nodes predicate returns, so that both sources
 * find paths of the same lengths.
 */
import type Graph from "graphology";
import type { Attributes } from "graphology-types";
import type { GraphPath } from "./types.ts";

export interface PathRules {
  /** Whether a node may stand inside a path (the two ends are always allowed). */
  node: (id: string, attributes: Attributes) => boolean;
  /** Whether a relationship may be walked. */
  edge: (key: string, attributes: Attributes) => boolean;
  maxHops: number;
}

/**
 * The shortest path from `start` to `end` by breadth-first search, avoiding `bannedNodes` and
 * `bannedEdges`, of at most `maxHops` relationships; null if there is none.
 */
function bfs(
  graph: Graph,
  start: string,
  end: string,
  rules: PathRules,
  bannedNodes: ReadonlySet<string>,
  bannedEdges: ReadonlySet<string>,
  maxHops: number,
): GraphPath | null {
  if (maxHops < 1) return null;
  const via = new Map<string, { from: string; edge: string }>();
  const seen = new Set<string>([start, ...bannedNodes]);
  let frontier = [start];
  for (let depth = 0; depth < maxHops && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const key of graph.edges(node)) {
        if (bannedEdges.has(key)) continue;
        const [source, target] = graph.extremities(key);
        const other = source === node ? target : source;
        if (seen.has(other)) continue;
        if (other !== end && !rules.node(other, graph.getNodeAttributes(other))) continue;
        if (!rules.edge(key, graph.getEdgeAttributes(key))) continue;
        seen.add(other);
        via.set(other, { from: node, edge: key });
        if (other === end) return walkBack(via, start, end);
        next.push(other);
      }
    }
    frontier = next;
  }
  return null;
}

function walkBack(via: ReadonlyMap<string, { from: string; edge: string }>, start: string, end: string) {
  const nodes = [end];
  const edges: string[] = [];
  for (let at = end; at !== start;) {
    const step = via.get(at)!;
    edges.unshift(step.edge);
    nodes.unshift(step.from);
    at = step.from;
  }
  return { nodes, edges };
}

const keyOf = (path: GraphPath) => path.edges.join("\u0000");

const sameStart = (a: readonly string[], b: readonly string[], n: number) =>
  a.length >= n && b.length >= n && a.slice(0, n).every((x, i) => x === b[i]);

/** Up to `k` shortest loopless paths, shortest first; none when the ends are the same or unknown. */
export function kShortestPaths(
  graph: Graph,
  from: string,
  to: string,
  k: number,
  rules: PathRules,
): GraphPath[] {
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`kShortestPaths: k must be a positive integer, got ${k}`);
  if (from === to || !graph.hasNode(from) || !graph.hasNode(to)) return [];
  const first = bfs(graph, from, to, rules, new Set(), new Set(), rules.maxHops);
  if (!first) return [];
  const found: GraphPath[] = [first];
  const known = new Set([keyOf(first)]);
  const candidates: GraphPath[] = [];
  while (found.length < k) {
    const last = found[found.length - 1]!;
    // Each node of the last path in turn is where a new path leaves it ("spur"), keeping the part
    // before ("root") and avoiding the next relationship of every path found with the same root.
    for (let j = 0; j < last.edges.length; j++) {
      const rootEdges = last.edges.slice(0, j);
      const bannedEdges = new Set(
        found.filter((p) => sameStart(p.edges, rootEdges, j) && p.edges.length > j).map((p) => p.edges[j]!),
      );
      const bannedNodes = new Set(last.nodes.slice(0, j));
      const spur = bfs(graph, last.nodes[j]!, to, rules, bannedNodes, bannedEdges, rules.maxHops - j);
      if (!spur) continue;
      const path = {
        nodes: [...last.nodes.slice(0, j), ...spur.nodes],
        edges: [...rootEdges, ...spur.edges],
      };
      if (known.has(keyOf(path))) continue;
      known.add(keyOf(path));
      candidates.push(path);
    }
    if (candidates.length === 0) break;
    // The shortest candidate next; among equals the one found first, so the result is stable.
    let best = 0;
    for (let i = 1; i < candidates.length; i++)
      if (candidates[i]!.edges.length < candidates[best]!.edges.length) best = i;
    found.push(candidates.splice(best, 1)[0]!);
  }
  return found;
}
