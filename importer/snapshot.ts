/**
 * The static snapshot: the whole validated graph as graphology's serialised JSON (`graph.export()`),
 * which the web app loads when no Neo4j is reachable. Built from the same rows as the Neo4j import,
 * so the two cannot drift apart.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { KnowledgeBase } from "./knowledgeBase.ts";
import { toRows, type Scalar } from "./rows.ts";

export interface SnapshotSource {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  publisher: string;
  date: string;
  /** The full text, so that the static site's source viewer can highlight quotes. */
  text: string;
  sections: unknown;
}

/**
 * Evidence is stored as JSON text in Neo4j; in the snapshot it is a real array, which makes the
 * parallel quote lists (there for Cypher) redundant.
 */
function attributes(props: Record<string, Scalar>): Record<string, unknown> {
  const {
    evidence,
    hash: _hash,
    quotes: _quotes,
    quoteSources: _sources,
    quoteSections: _sections,
    quoteStarts: _starts,
    quoteEnds: _ends,
    ...rest
  } = props;
  return { ...rest, evidence: JSON.parse(String(evidence)) as unknown };
}

export function buildSnapshot(kb: KnowledgeBase): SerializedGraph {
  const rows = toRows(kb);
  const graph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
  const sources: SnapshotSource[] = rows.sources.map((s) => ({
    id: String(s.props.id),
    kind: String(s.props.kind),
    title: String(s.props.title),
    titleEn: String(s.props.titleEn),
    publisher: String(s.props.publisher),
    date: String(s.props.date),
    text: String(s.props.text),
    sections: JSON.parse(String(s.props.sections)) as unknown,
  }));
  graph.replaceAttributes({ name: "Talent Policy Graph", sources });
  for (const node of rows.nodes) graph.addNode(node.id, { label: node.label, ...attributes(node.props) });
  for (const rel of rows.relations) {
    graph.addDirectedEdgeWithKey(rel.id, rel.from, rel.to, { type: rel.type, ...attributes(rel.props) });
  }
  return graph.export();
}

export function writeSnapshot(kb: KnowledgeBase, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(buildSnapshot(kb)));
}
