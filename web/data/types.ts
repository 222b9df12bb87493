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

/** One relationship type at a node, in one direction, as the database holds it. */
export interface RelationshipCount {
  type: string;
  /** "out": the node is the start of these relationships; "in": their end. */
  direction: "out" | "in";
  /** How many such relationships the node has in the database (drawn or not). */
  count: number;
  /** Labels of the nodes at the other ends, the most frequent first. */
  labels: string[];
}

export interface ExpandOptions {
  limit: number;
  skip: number;
  known?: string[];
  /** Only neighbours reached through relationships of this type … */
  type?: string;
  /** … in this direction, seen from the expanded node. */
  direction?: "out" | "in";
  /** Leave out the neighbours in `known`, so that a page holds only what is not drawn yet. */
  unknownOnly?: boolean;
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

/**
 * What a path may pass through. Names are checked against graph/model.ts (web/data/pathOptions.ts)
 * before any source uses them; the start and end nodes are never excluded.
 */
export interface PathOptions {
  /** Labels no node inside the path may carry. */
  exclude: readonly string[];
  /** Relationship types the path may use; null for all. */
  types: readonly string[] | null;
  /** How many paths, 1 to MAX_PATHS. */
  k: number;
}

/** One path: its node ids and relationship ids in order from the start (nodes.length = edges.length + 1). */
export interface GraphPath {
  nodes: string[];
  edges: string[];
}

/** The paths found, shortest first, with every node and relationship they pass (each listed once). */
export interface PathResult extends GraphData {
  paths: GraphPath[];
}

export interface InitialPageRequest {
  skip: number;
  limit: number;
  /** Nodes already loaded (earlier pages), for the edges between them and this page. */
  known: readonly string[];
}

export interface InitialPage extends GraphData {
  /** The hubs' distinct neighbours in all (the hubs not counted). */
  total: number;
}

/** Where the explorer's data comes from: a live Neo4j, or the static snapshot. */
export interface DataSource {
  readonly mode: "neo4j" | "snapshot";
  /**
   * A page of the first view: the hubs' neighbours from `skip` on (at most `limit`, in id order), the
   * hubs themselves on the first page, and the edges between them and the `known` nodes.
   */
  initial(page: InitialPageRequest): Promise<InitialPage>;
  /** A page of the neighbours of `id`, with the edges between them and `known` nodes. */
  expand(id: string, options: ExpandOptions): Promise<Expansion>;
  /** Every relationship type at `id` with its direction and count in the database, most first. */
  relationshipCounts(id: string): Promise<RelationshipCount[]>;
  /** Up to `options.k` shortest paths between two nodes, shortest first (none: `paths` is empty). */
  shortestPath(from: string, to: string, options: PathOptions): Promise<PathResult>;
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
