/**
 * The explorer's canonical data: what came from Neo4j or the snapshot, typed and validated. The
 * render graph (graphology, for sigma) is derived from it and never edited by hand.
 */
import { z } from "zod";
import { evidenceSchema, type Evidence } from "../../graph/model.ts";

export type { Evidence };

export interface EntityNode {
  id: string;
  label: string;
  name: string;
  nameEn: string;
  aliases: string[];
  props: Record<string, unknown>;
  evidence: Evidence[];
  sources: string[];
  sections: string[];
  /** Hubs this node is directly linked to, and the themes of a measure (for filters). */
  hubIds: string[];
  themeIds: string[];
}

export interface EntityEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  evidence: Evidence[];
  sections: string[];
}

export interface GraphData {
  nodes: EntityNode[];
  edges: EntityEdge[];
}

export interface Expansion extends GraphData {
  /** Neighbours of the node in all, of which `nodes` holds a page. */
  total: number;
}

export interface SourceDocument {
  id: string;
  title: string;
  titleEn: string;
  text: string;
  sections: { id: string; title: string; titleEn: string; start: number; end: number; line: number }[];
}

export interface SearchHit {
  node: EntityNode;
  /** Which field matched: name, English, alias or pinyin. */
  via: "name" | "nameEn" | "alias" | "pinyin";
}

/** Where the explorer's data comes from: a live Neo4j, or the static snapshot. */
export interface DataSource {
  readonly mode: "neo4j" | "snapshot";
  /** The hubs and their neighbourhoods, at most `cap` nodes. */
  initial(cap: number): Promise<GraphData>;
  /** A page of the neighbours of `id`, with the edges between them and `known` nodes. */
  expand(id: string, options: { limit: number; skip: number; known?: string[] }): Promise<Expansion>;
  shortestPath(from: string, to: string): Promise<GraphData | null>;
  search(text: string, limit: number): Promise<SearchHit[]>;
  source(id: string): Promise<SourceDocument>;
  counts(): Promise<Record<string, number>>;
  /** All nodes of one label (for filter lists such as the themes and hubs). */
  byLabel(label: string): Promise<EntityNode[]>;
  /** Every entity node and every relationship between them (for the analyses of web/patterns). */
  everything(): Promise<GraphData>;
}

const RESERVED = new Set([
  "id",
  "name",
  "nameEn",
  "aliases",
  "evidence",
  "quotes",
  "quoteSources",
  "quoteSections",
  "quoteStarts",
  "quoteEnds",
  "sources",
  "sections",
  "hash",
  "pinyin",
  "pinyinInitials",
  "hubIds",
  "themeIds",
  "label",
  "type",
]);

/** Properties of a stored node or edge that are not part of the fixed envelope. */
export function extraProps(all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => !RESERVED.has(key)));
}

export function parseEvidence(value: unknown): Evidence[] {
  const raw: unknown = typeof value === "string" ? JSON.parse(value) : value;
  const parsed = z.array(evidenceSchema).safeParse(raw);
  return parsed.success ? parsed.data : [];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

export function toEntityNode(id: string, label: string, props: Record<string, unknown>): EntityNode {
  return {
    id,
    label,
    name: typeof props.name === "string" ? props.name : id,
    nameEn: typeof props.nameEn === "string" ? props.nameEn : "",
    aliases: strings(props.aliases),
    props: extraProps(props),
    evidence: parseEvidence(props.evidence),
    sources: strings(props.sources),
    sections: strings(props.sections),
    hubIds: strings(props.hubIds),
    themeIds: strings(props.themeIds),
  };
}

export function toEntityEdge(
  id: string,
  type: string,
  source: string,
  target: string,
  props: Record<string, unknown>,
): EntityEdge {
  return {
    id,
    type,
    source,
    target,
    props: extraProps(props),
    evidence: parseEvidence(props.evidence),
    sections: strings(props.sections),
  };
}
