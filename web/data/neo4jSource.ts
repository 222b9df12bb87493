/**
 * The explorer's data from a live Neo4j: every query is a parameterised READ transaction with a
 * timeout and a row cap (GraphService.read), so nothing the explorer sends can write or run away.
 */
import { int } from "neo4j-driver";
import { z } from "zod";
import type { GraphService, Row } from "../../graph/neo4jService.ts";
import { byLength, checkPathOptions, MAX_HOPS } from "./pathOptions.ts";
import {
  toEntityEdge,
  toEntityNode,
  type DataSource,
  type EntityEdge,
  type EntityNode,
  type ExpandOptions,
  type GraphData,
  type InitialPage,
  type InitialPageRequest,
  type GraphPath,
  type PathOptions,
  type PathResult,
  type RelationshipCount,
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
const countRecord = z.object({
  type: z.string(),
  direction: z.enum(["out", "in"]),
  count: z.number().int(),
  labels: z.array(z.string()),
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

  /** The explorer's own queries (fixed text, values as parameters): no plan check needed. */
  private read(query: string, params: Record<string, unknown>) {
    return this.service.read(query, params, {
      timeoutMs: this.options.timeoutMs,
      maxRows: this.options.maxRows,
      trusted: true,
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

  async initial({ skip, limit, known }: InitialPageRequest): Promise<InitialPage> {
    // The hubs' distinct neighbours (hubs linked to hubs are counted as hubs) in id order, one page
    // of them; the hubs themselves come with the first page.
    const result = await this.read(
      `MATCH (h:Hub)
       WITH collect(h) AS hubs
       CALL (hubs) {
         UNWIND hubs AS h
         MATCH (h)--(m:Entity)
         WHERE NOT m:Hub
         WITH DISTINCT m ORDER BY m.id
         RETURN collect(m) AS neighbours
       }
       WITH hubs, neighbours, size(neighbours) AS total
       UNWIND (CASE WHEN $skip = 0 THEN hubs ELSE [] END) + neighbours[$skip..($skip + $limit)] AS n
       RETURN ${NODE}, total`,
      { skip: int(Math.max(0, Math.floor(skip))), limit: int(Math.max(0, Math.floor(limit))) },
    );
    const nodes = result.rows.map(nodeOf);
    const total = result.rows.length > 0 ? Number(result.rows[0]!.total) : await this.neighbourTotal();
    const ids = nodes.map((n) => n.id);
    return { nodes, edges: await this.edgesAmong(ids, [...known, ...ids]), total };
  }

  /** The hubs' distinct neighbours in all (for a page past the end, which has no rows to carry it). */
  private async neighbourTotal(): Promise<number> {
    const result = await this.read(
      `MATCH (:Hub)--(m:Entity) WHERE NOT m:Hub RETURN count(DISTINCT m) AS total`,
      {},
    );
    return Number(result.rows[0]?.total ?? 0);
  }

  async expand(id: string, options: ExpandOptions) {
    // The type and direction are parameters compared in WHERE, never written into the query text.
    const result = await this.read(
      `MATCH (c:Entity {id: $id})-[r]-(n:Entity)
       WHERE ($type IS NULL OR type(r) = $type)
         AND ($direction IS NULL OR (startNode(r) = c) = ($direction = 'out'))
         AND NOT n.id IN $exclude
       WITH DISTINCT n
       ORDER BY COUNT { (n)--() } DESC, n.id
       WITH collect(n) AS neighbours
       UNWIND neighbours[$skip..($skip + $limit)] AS n
       RETURN size(neighbours) AS total, ${NODE}`,
      {
        id,
        skip: int(options.skip),
        limit: int(options.limit),
        type: options.type ?? null,
        direction: options.direction ?? null,
        exclude: options.unknownOnly ? (options.known ?? []) : [],
      },
    );
    const nodes = result.rows.map(nodeOf);
    const total = Number(result.rows[0]?.total ?? 0);
    // When only undrawn neighbours are asked for, the node's own edges to drawn ones come too: a
    // graph merged from elsewhere (the console) may hold both ends without the edge.
    const fresh = [...nodes.map((n) => n.id), ...(options.unknownOnly ? [id] : [])];
    const all = [...new Set([...fresh, id, ...(options.known ?? [])])];
    return { nodes, edges: await this.edgesAmong(fresh, all), total };
  }

  /**
   * Both directions as one union, so that a type present both ways gives two rows; the labels of the
   * other ends are grouped first so that each row can list them, the most frequent first.
   */
  async relationshipCounts(id: string): Promise<RelationshipCount[]> {
    const result = await this.read(
      `MATCH (c:Entity {id: $id})
       CALL (c) {
         MATCH (c)-[r]->(n:Entity) RETURN type(r) AS type, 'out' AS direction, n
         UNION ALL
         MATCH (c)<-[r]-(n:Entity) RETURN type(r) AS type, 'in' AS direction, n
       }
       WITH type, direction, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS k
       ORDER BY k DESC, label
       WITH type, direction, sum(k) AS count, collect(label) AS labels
       RETURN type, direction, count, labels
       ORDER BY count DESC, type, direction`,
      { id },
    );
    return result.rows.map((row) => {
      const { type, direction, count, labels } = countRecord.parse(row);
      return { type, direction, count, labels };
    });
  }

  /**
   * Neo4j's `SHORTEST k` over a quantified path pattern. The WHERE stands inside the parenthesised
   * pattern, so it filters while searching (a path through an excluded node is never counted among
   * the k), and it keeps nodes distinct, as the snapshot's search does. Types and labels are list
   * parameters; k and the hop limit are written into the text because Neo4j 5's grammar takes only
   * a literal there — both are checked integers, never text from the caller.
   */
  async shortestPath(from: string, to: string, options: PathOptions): Promise<PathResult> {
    const { exclude, types, k } = checkPathOptions(options);
    if (from === to) return { nodes: [], edges: [], paths: [] };
    const result = await this.read(
      `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
       MATCH p = SHORTEST ${k} ((a) ((x:Entity)-[r]-(y:Entity)){1,${MAX_HOPS}} (b)
         WHERE all(rel IN r WHERE type(rel) IN $types)
           AND all(n IN y[..-1] WHERE none(l IN labels(n) WHERE l IN $exclude))
           AND all(i IN range(0, size(y) - 1) WHERE y[i] <> a AND NOT y[i] IN y[i + 1..]))
       RETURN
         [n IN nodes(p) | {props: n {.*}, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
         [rel IN relationships(p) |
           {id: rel.id, type: type(rel), source: startNode(rel).id, target: endNode(rel).id, props: rel {.*}}
         ] AS edges`,
      { from, to, types, exclude },
    );
    const nodes = new Map<string, EntityNode>();
    const edges = new Map<string, EntityEdge>();
    const paths: GraphPath[] = result.rows.map((row) => {
      const list = (value: unknown) => (Array.isArray(value) ? (value as Row[]) : []);
      const pathNodes = list(row.nodes).map(nodeOf);
      const pathEdges = list(row.edges).map(edgeOf);
      for (const n of pathNodes) nodes.set(n.id, n);
      for (const e of pathEdges) edges.set(e.id, e);
      return { nodes: pathNodes.map((n) => n.id), edges: pathEdges.map((e) => e.id) };
    });
    return { nodes: [...nodes.values()], edges: [...edges.values()], paths: paths.sort(byLength) };
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
