/**
 * The explorer's data from the static snapshot (`snapshot.json`, graphology's serialised graph), for
 * a published site or when Neo4j is unreachable. Answers the same questions as Neo4jSource, in memory.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import { z } from "zod";
import { kShortestPaths } from "./kShortestPaths.ts";
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
  type PathOptions,
  type PathResult,
  type RelationshipCount,
  type SearchHit,
  type SourceDocument,
} from "./types.ts";

const snapshotSchema = z.object({
  attributes: z.object({
    sources: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        titleEn: z.string(),
        text: z.string(),
        sections: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            titleEn: z.string(),
            start: z.number(),
            end: z.number(),
            line: z.number(),
          }),
        ),
      }),
    ),
  }),
  nodes: z.array(z.object({ key: z.string(), attributes: z.record(z.string(), z.unknown()) })),
  edges: z.array(
    z.object({
      key: z.string(),
      source: z.string(),
      target: z.string(),
      attributes: z.record(z.string(), z.unknown()),
    }),
  ),
});

export class SnapshotSource implements DataSource {
  readonly mode = "snapshot" as const;
  private readonly graph: Graph;
  private readonly sources: SourceDocument[];

  constructor(serialized: unknown) {
    const parsed = snapshotSchema.safeParse(serialized);
    if (!parsed.success)
      throw new Error(`snapshot.json is not a Talent Policy Graph snapshot: ${parsed.error.message}`);
    this.graph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
    this.graph.import(parsed.data as unknown as SerializedGraph);
    this.sources = parsed.data.attributes.sources;
  }

  static async fetch(url: string): Promise<SnapshotSource> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
    return new SnapshotSource(await response.json());
  }

  private node(id: string): EntityNode {
    const attributes = this.graph.getNodeAttributes(id);
    return toEntityNode(id, String(attributes.label), attributes);
  }

  private edge(key: string): EntityEdge {
    const attributes = this.graph.getEdgeAttributes(key);
    return toEntityEdge(
      key,
      String(attributes.type),
      this.graph.source(key),
      this.graph.target(key),
      attributes,
    );
  }

  /**
   * Edges between a fresh node and any of `all` (which holds the fresh ones too): walked from the fresh
   * nodes' own edges, not over the whole graph.
   */
  private edgesAmong(fresh: Set<string>, all: Set<string>): EntityEdge[] {
    const keys = new Set<string>();
    for (const id of fresh) {
      if (!this.graph.hasNode(id)) continue;
      this.graph.forEachEdge(id, (key, _attributes, source, target) => {
        if (all.has(source === id ? target : source)) keys.add(key);
      });
    }
    return [...keys].map((key) => this.edge(key));
  }

  /** The hubs, and their distinct neighbours (not hubs) in id order: the first view, computed once. */
  private firstView?: { hubs: string[]; neighbours: string[] };

  private firstViewNodes(): { hubs: string[]; neighbours: string[] } {
    if (!this.firstView) {
      const hubs = this.graph.filterNodes((_id, a) => a.label === "Hub");
      const hubSet = new Set(hubs);
      const neighbours = [...new Set(hubs.flatMap((h) => this.graph.neighbors(h)))]
        .filter((id) => !hubSet.has(id))
        .sort();
      this.firstView = { hubs, neighbours };
    }
    return this.firstView;
  }

  initial({ skip, limit, known }: InitialPageRequest): Promise<InitialPage> {
    const { hubs, neighbours: all } = this.firstViewNodes();
    const page = new Set([...(skip === 0 ? hubs : []), ...all.slice(skip, skip + limit)]);
    return Promise.resolve({
      nodes: [...page].map((id) => this.node(id)),
      edges: this.edgesAmong(page, new Set([...known, ...page])),
      total: all.length,
    });
  }

  /** The distinct neighbours of `id`, or only those through one relationship type and direction. */
  private neighboursVia(id: string, type?: string, direction?: "out" | "in"): string[] {
    if (!type && !direction) return this.graph.neighbors(id);
    const found = new Set<string>();
    const wanted = (attributes: Record<string, unknown>) => !type || attributes.type === type;
    if (direction !== "in")
      this.graph.forEachOutEdge(id, (_key, attributes, _source, target) => {
        if (wanted(attributes)) found.add(target);
      });
    if (direction !== "out")
      this.graph.forEachInEdge(id, (_key, attributes, source) => {
        if (wanted(attributes)) found.add(source);
      });
    return [...found];
  }

  expand(id: string, options: ExpandOptions) {
    const leaveOut = new Set(options.unknownOnly ? (options.known ?? []) : []);
    const all = this.neighboursVia(id, options.type, options.direction)
      .filter((n) => !leaveOut.has(n))
      .sort((a, b) => this.graph.degree(b) - this.graph.degree(a) || a.localeCompare(b));
    const page = all.slice(options.skip, options.skip + options.limit);
    // As in Neo4jSource: with `unknownOnly`, the node's own edges to drawn neighbours come too.
    const fresh = new Set([...page, ...(options.unknownOnly ? [id] : [])]);
    const known = new Set([...page, id, ...(options.known ?? [])]);
    return Promise.resolve({
      nodes: page.map((n) => this.node(n)),
      edges: this.edgesAmong(fresh, known),
      total: all.length,
    });
  }

  relationshipCounts(id: string): Promise<RelationshipCount[]> {
    if (!this.graph.hasNode(id)) return Promise.resolve([]);
    const rows = new Map<string, { type: string; direction: "out" | "in"; ends: Map<string, number> }>();
    const add = (type: string, direction: "out" | "in", other: string) => {
      const key = `${direction} ${type}`;
      const row = rows.get(key) ?? { type, direction, ends: new Map<string, number>() };
      const label = String(this.graph.getNodeAttribute(other, "label"));
      row.ends.set(label, (row.ends.get(label) ?? 0) + 1);
      rows.set(key, row);
    };
    this.graph.forEachOutEdge(id, (_key, a, _source, target) => add(String(a.type), "out", target));
    this.graph.forEachInEdge(id, (_key, a, source) => add(String(a.type), "in", source));
    // Ordered as the Neo4j query orders them (by code point, not by locale).
    const byCodePoint = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const counts = [...rows.values()].map(({ type, direction, ends }) => ({
      type,
      direction,
      count: [...ends.values()].reduce((sum, n) => sum + n, 0),
      labels: [...ends].sort((x, y) => y[1] - x[1] || byCodePoint(x[0], y[0])).map(([label]) => label),
    }));
    counts.sort(
      (x, y) => y.count - x.count || byCodePoint(x.type, y.type) || byCodePoint(x.direction, y.direction),
    );
    return Promise.resolve(counts);
  }

  /** Rejects (as Neo4jSource does) rather than throws when the options are not the model's. */
  shortestPath(from: string, to: string, options: PathOptions): Promise<PathResult> {
    return Promise.resolve().then(() => {
      const { exclude, types, k } = checkPathOptions(options);
      const [excluded, allowed] = [new Set<string>(exclude), new Set<string>(types)];
      const paths = kShortestPaths(this.graph, from, to, k, {
        node: (_id, attributes) => !excluded.has(String(attributes.label)),
        edge: (_key, attributes) => allowed.has(String(attributes.type)),
        maxHops: MAX_HOPS,
      }).sort(byLength);
      const nodes = [...new Set(paths.flatMap((p) => p.nodes))].map((id) => this.node(id));
      const edges = [...new Set(paths.flatMap((p) => p.edges))].map((key) => this.edge(key));
      return { nodes, edges, paths };
    });
  }

  search(text: string, limit: number): Promise<SearchHit[]> {
    const q = text.trim();
    const lq = q.toLowerCase().replace(/\s+/g, "");
    if (!q) return Promise.resolve([]);
    const hits: (SearchHit & { rank: number })[] = [];
    this.graph.forEachNode((id, a) => {
      const name = String(a.name ?? "");
      const aliases = (a.aliases as string[] | undefined) ?? [];
      const initials = String(a.pinyinInitials ?? "").split(" ");
      let rank: number | null = null;
      let via: SearchHit["via"] = "name";
      if (name === q) rank = 0;
      else if (name.includes(q)) rank = 1;
      else if (aliases.some((x) => x.includes(q))) [rank, via] = [2, "alias"];
      else if (
        String(a.nameEn ?? "")
          .toLowerCase()
          .includes(q.toLowerCase())
      )
        [rank, via] = [3, "nameEn"];
      else if (String(a.pinyin ?? "").includes(lq) || initials.some((w) => w.startsWith(lq)))
        [rank, via] = [4, "pinyin"];
      if (rank !== null) hits.push({ node: this.node(id), via, rank });
    });
    hits.sort(
      (x, y) =>
        x.rank - y.rank || x.node.name.length - y.node.name.length || x.node.name.localeCompare(y.node.name),
    );
    return Promise.resolve(hits.slice(0, limit).map(({ node, via }) => ({ node, via })));
  }

  source(id: string): Promise<SourceDocument> {
    const found = this.sources.find((s) => s.id === id);
    return found
      ? Promise.resolve(found)
      : Promise.reject(new Error(`source "${id}" is not in the snapshot`));
  }

  byLabel(label: string): Promise<EntityNode[]> {
    const ids = this.graph.filterNodes((_id, a) => a.label === label);
    const nodes = ids.map((id) => this.node(id));
    const order = (n: EntityNode) => (typeof n.props.order === "number" ? n.props.order : 0);
    return Promise.resolve(nodes.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name)));
  }

  everything(): Promise<GraphData> {
    return Promise.resolve({
      nodes: this.graph.mapNodes((id) => this.node(id)),
      edges: this.graph.mapEdges((key) => this.edge(key)),
    });
  }

  counts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    this.graph.forEachNode((_id, a) => {
      const label = String(a.label);
      counts[label] = (counts[label] ?? 0) + 1;
    });
    return Promise.resolve(counts);
  }
}
