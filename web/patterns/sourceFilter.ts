/**
 * The facts of one source document: relationships with evidence from it, the entities it gives
 * evidence for or that those relationships connect, and the taxonomy (which belongs to no report).
 */
import type { GraphData } from "../data/types.ts";

const TAXONOMY_LABELS = new Set(["Theme", "Instrument", "Stage"]);

/** Every source document the data quotes, except the taxonomy's own text. */
export function sourcesOf(data: GraphData): string[] {
  const ids = new Set<string>();
  for (const item of [...data.nodes, ...data.edges]) for (const e of item.evidence) ids.add(e.source);
  ids.delete("taxonomy");
  return [...ids].sort();
}

export function onlySource(data: GraphData, source: string): GraphData {
  const edges = data.edges.filter((e) => e.evidence.some((ev) => ev.source === source));
  const ends = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = data.nodes.filter(
    (n) => TAXONOMY_LABELS.has(n.label) || ends.has(n.id) || n.evidence.some((ev) => ev.source === source),
  );
  return { nodes, edges };
}
