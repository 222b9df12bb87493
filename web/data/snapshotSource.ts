/**
 * The explorer's data from the static snapshot (`snapshot.json`, graphology's serialised graph), for
 * a published site or when Neo4j is unreachable. Answers the same questions as Neo4jSource, in memory.
 */
import Graph from "graphology";
import { toUndirected } from "graphology-operators";
import { bidirectional } from "graphology-shortest-path/unweighted";
import type { SerializedGraph } from "graphology-types";
import { z } from "zod";
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
  private readonly undirected: Graph;
  private readonly sources: SourceDocument[];

  constructor(serialized: unknown) {
    const parsed = snapshotSchema.safeParse(serialized);
    if (!parsed.success)
      throw new Error(`snapshot.json is not a Talent Policy Graph snapshot: ${parsed.error.message}`);
    this.graph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
    this.graph.import(parsed.data as unknown as SerializedGraph);
    this.undirected = toUndirected(this.graph);
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

  private edgesAmong(fresh: Set<string>, all: Set<string>): EntityEdge[] {
    const out: EntityEdge[] = [];
    this.graph.forEachEdge((key, _attributes, source, target) => {
      if ((fresh.has(source) && all.has(target)) || (all.has(source) && fresh.has(target)))
        out.push(this.edge(key));
    });
    return out;
  }

  initial(cap: number): Promise<GraphData> {
    const hubs = this.graph.filterNodes((_id, a) => a.label === "Hub");
    const neighbours = [...new Set(hubs.flatMap((h) => this.graph.neighbors(h)))].sort().slice(0, cap);
    const ids = new Set([...hubs, ...neighbours]);
    return Promise.resolve({ nodes: [...ids].map((id) => this.node(id)), edges: this.edgesAmong(ids, ids) });
  }

  expand(id: string, options: { limit: number; skip: number; known?: string[] }) {
    const all = this.graph
      .neighbors(id)
      .sort((a, b) => this.graph.degree(b) - this.graph.degree(a) || a.localeCompare(b));
    const page = all.slice(options.skip, options.skip + options.limit);
    const fresh = new Set(page);
    const known = new Set([...page, id, ...(options.known ?? [])]);
    return Promise.resolve({
      nodes: page.map((n) => this.node(n)),
      edges: this.edgesAmong(fresh, known),
      total: all.length,
    });
  }

  shortestPath(from: string, to: string): Promise<GraphData | null> {
    if (!this.graph.hasNode(from) || !this.graph.hasNode(to)) return Promise.resolve(null);
    const path = bidirectional(this.undirected, from, to);
    if (!path) return Promise.resolve(null);
    const edges: EntityEdge[] = [];
    for (let i = 0; i + 1 < path.length; i++) {
      const [a, b] = [path[i]!, path[i + 1]!];
      const key = this.graph.edges(a, b)[0] ?? this.graph.edges(b, a)[0];
      if (key) edges.push(this.edge(key));
    }
    return Promise.resolve({ nodes: path.map((n) => this.node(n)), edges });
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
