/**
 * The explorer's data from a live Neo4j: every query is a parameterised READ transaction with a
 * timeout and a row cap (GraphService.read), so nothing the explorer sends can write or run away.
 */
import { int } from "neo4j-driver";
import { z } from "zod";
import type { GraphService, Row } from "../../graph/neo4jService.ts";
import {
  toEntityEdge,
  toEntityNode,
  type DataSource,
  type EntityEdge,
  type EntityNode,
  type GraphData,
  type SearchHit,
  type SourceDocument,
} from "./types.ts";

const NODE = "n {.*} AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label";
const EDGE = "r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r {.*} AS props";

export interface Neo4jSourceOptions {
  timeoutMs: number;
  maxRows: number;
}

// Records are validated where they enter: a database that holds something else fails loudly here.
const nodeRecord = z.object({
  label: z.string(),
  props: z.record(z.string(), z.unknown()).and(z.object({ id: z.string() })),
});
const edgeRecord = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  props: z.record(z.string(), z.unknown()),
});
const sourceRecord = z.object({
  title: z.string(),
  titleEn: z.string(),
  text: z.string(),
  sections: z.string(),
});

function nodeOf(row: Row): EntityNode {
  const { label, props } = nodeRecord.parse(row);
  return toEntityNode(props.id, label, props);
}

function edgeOf(row: Row): EntityEdge {
  const { id, type, source, target, props } = edgeRecord.parse(row);
  return toEntityEdge(id, type, source, target, props);
}

export class Neo4jSource implements DataSource {
  readonly mode = "neo4j" as const;
  private readonly service: GraphService;
  private readonly options: Neo4jSourceOptions;

  constructor(service: GraphService, options: Neo4jSourceOptions) {
    this.service = service;
    this.options = options;
  }

  private read(query: string, params: Record<string, unknown>) {
    return this.service.read(query, params, {
      timeoutMs: this.options.timeoutMs,
      maxRows: this.options.maxRows,
    });
  }

  private async edgesAmong(fresh: string[], all: string[]): Promise<EntityEdge[]> {
    if (fresh.length === 0) return [];
    const result = await this.read(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE (a.id IN $fresh AND b.id IN $all) OR (a.id IN $all AND b.id IN $fresh)
       RETURN ${EDGE}`,
      { fresh, all },
    );
    return result.rows.map(edgeOf);
  }

  async initial(cap: number): Promise<GraphData> {
    const result = await this.read(
      `MATCH (h:Hub)
       WITH collect(h) AS hubs
       CALL (hubs) {
         UNWIND hubs AS h
         MATCH (h)--(m:Entity)
         RETURN DISTINCT m ORDER BY m.id LIMIT $cap
       }
       WITH hubs, collect(m) AS neighbours
       UNWIND hubs + neighbours AS n
       WITH DISTINCT n
       RETURN ${NODE}`,
      { cap: int(Math.max(0, Math.floor(cap))) },
    );
    const nodes = result.rows.map(nodeOf);
    const ids = nodes.map((n) => n.id);
    return { nodes, edges: await this.edgesAmong(ids, ids) };
  }

  async expand(id: string, options: { limit: number; skip: number; known?: string[] }) {
    const result = await this.read(
      `MATCH (c:Entity {id: $id})--(n:Entity)
       WITH DISTINCT n
       ORDER BY COUNT { (n)--() } DESC, n.id
       WITH collect(n) AS neighbours
       UNWIND neighbours[$skip..($skip + $limit)] AS n
       RETURN size(neighbours) AS total, ${NODE}`,
      { id, skip: int(options.skip), limit: int(options.limit) },
    );
    const nodes = result.rows.map(nodeOf);
    const total = Number(result.rows[0]?.total ?? 0);
    const fresh = nodes.map((n) => n.id);
    const all = [...new Set([...fresh, id, ...(options.known ?? [])])];
    return { nodes, edges: await this.edgesAmong(fresh, all), total };
  }

  async shortestPath(from: string, to: string): Promise<GraphData | null> {
    const result = await this.read(
      `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
       MATCH p = shortestPath((a)-[*..10]-(b))
       UNWIND nodes(p) AS n
       RETURN ${NODE}, [x IN relationships(p) | x.id] AS rels`,
      { from, to },
    );
    if (result.rows.length === 0) return null;
    const nodes = result.rows.map(nodeOf);
    const relIds = (result.rows[0]!.rels as string[]) ?? [];
    const edges = await this.read(`MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id IN $ids RETURN ${EDGE}`, {
      ids: relIds,
    });
    return { nodes, edges: edges.rows.map(edgeOf) };
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const q = text.trim();
    if (!q) return [];
    const result = await this.read(
      `WITH $q AS q, toLower($q) AS lq
       MATCH (n:Entity)
       WITH n, q, lq,
         CASE
           WHEN n.name = q THEN 0
           WHEN n.name CONTAINS q THEN 1
           WHEN any(a IN n.aliases WHERE a CONTAINS q) THEN 2
           WHEN toLower(n.nameEn) CONTAINS lq THEN 3
           WHEN n.pinyin CONTAINS replace(lq, ' ', '') OR any(w IN split(n.pinyinInitials, ' ') WHERE w STARTS WITH lq) THEN 4
           ELSE null
         END AS rank
       WHERE rank IS NOT NULL
       RETURN ${NODE}, rank
       ORDER BY rank, size(n.name), n.name
       LIMIT $limit`,
      { q, limit: int(limit) },
    );
    const via = ["name", "name", "alias", "nameEn", "pinyin"] as const;
    return result.rows.map((row) => ({ node: nodeOf(row), via: via[Number(row.rank)] ?? "name" }));
  }

  async source(id: string): Promise<SourceDocument> {
    const result = await this.read(
      "MATCH (s:Source {id: $id}) RETURN s.title AS title, s.titleEn AS titleEn, s.text AS text, s.sections AS sections",
      { id },
    );
    const row = result.rows[0];
    if (!row) throw new Error(`source "${id}" is not in the database`);
    const { title, titleEn, text, sections } = sourceRecord.parse(row);
    return { id, title, titleEn, text, sections: JSON.parse(sections) as SourceDocument["sections"] };
  }

  async byLabel(label: string): Promise<EntityNode[]> {
    const result = await this.read(
      `MATCH (n:Entity) WHERE $label IN labels(n) RETURN ${NODE} ORDER BY coalesce(n.order, 0), n.name`,
      { label },
    );
    return result.rows.map(nodeOf);
  }

  /**
   * The whole graph as one row of two lists (the same fields as NODE and EDGE), so that the row cap
   * cannot cut it short unnoticed; the timeout still applies.
   */
  async everything(): Promise<GraphData> {
    const result = await this.read(
      `CALL () {
         MATCH (n:Entity)
         RETURN collect({props: n {.*}, label: [l IN labels(n) WHERE l <> 'Entity'][0]}) AS nodes
       }
       CALL () {
         MATCH (a:Entity)-[r]->(b:Entity)
         RETURN collect({id: r.id, type: type(r), source: a.id, target: b.id, props: r {.*}}) AS edges
       }
       RETURN nodes, edges`,
      {},
    );
    const row = result.rows[0];
    const list = (value: unknown) => (Array.isArray(value) ? (value as Row[]) : []);
    return { nodes: list(row?.nodes).map(nodeOf), edges: list(row?.edges).map(edgeOf) };
  }

  async counts(): Promise<Record<string, number>> {
    const result = await this.read(
      "MATCH (n:Entity) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS n",
      {},
    );
    return Object.fromEntries(result.rows.map((r) => [z.string().parse(r.label), Number(r.n)]));
  }
}
