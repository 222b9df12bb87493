/**
 * The explorer's first view streams in pages (web/explorer/Explorer.tsx): the pages, from Neo4j and
 * from the snapshot, together hold exactly the hubs and their distinct neighbours that Cypher finds,
 * each once, with every relationship among them — the same graph a single load would give.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { Neo4jSource } from "../../web/data/neo4jSource.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import type { DataSource } from "../../web/data/types.ts";
import { testService } from "../setup/graph.ts";

const service = testService();
let sources: [string, DataSource][];
let wantNodes: string[];
let wantEdges: string[];
let neighbours: number;

beforeAll(async () => {
  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  await importKnowledge(service, kb, () => {});
  sources = [
    ["neo4j", new Neo4jSource(service, { timeoutMs: 15_000, maxRows: 5_000 })],
    ["snapshot", new SnapshotSource(JSON.parse(JSON.stringify(buildSnapshot(kb))))],
  ];
  const nodes = await service.read(
    `MATCH (h:Hub) OPTIONAL MATCH (h)--(m:Entity) WHERE NOT m:Hub
     WITH collect(DISTINCT h.id) AS hubs, collect(DISTINCT m.id) AS ms
     RETURN hubs + ms AS ids, size(ms) AS neighbours`,
  );
  wantNodes = (nodes.rows[0]!.ids as string[]).sort();
  neighbours = Number(nodes.rows[0]!.neighbours);
  const edges = await service.read(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id`,
    { ids: wantNodes },
    { maxRows: 100_000 },
  );
  wantEdges = edges.rows.map((r) => r.id as string).sort();
});
afterAll(() => service.close());

describe("the first view in pages", () => {
  it("adds up, page by page, to the hubs' whole neighbourhood with every relationship among it", async () => {
    expect(neighbours).toBeGreaterThan(300);
    for (const [name, source] of sources) {
      const seen: string[] = [];
      const edges: string[] = [];
      const limit = 150;
      let total = -1;
      for (let skip = 0; total < 0 || skip < total; skip += limit) {
        const page = await source.initial({ skip, limit, known: [...seen] });
        total = page.total;
        seen.push(...page.nodes.map((n) => n.id));
        edges.push(...page.edges.map((e) => e.id));
      }
      expect(total, name).toBe(neighbours);
      expect(new Set(seen).size, `${name}: a node came twice`).toBe(seen.length);
      expect([...seen].sort(), name).toEqual(wantNodes);
      expect(new Set(edges).size, `${name}: an edge came twice`).toBe(edges.length);
      expect([...edges].sort(), name).toEqual(wantEdges);
    }
  });

  it("gives the hubs on the first page only, and nothing past the end", async () => {
    for (const [name, source] of sources) {
      const first = await source.initial({ skip: 0, limit: 10, known: [] });
      const hubs = first.nodes.filter((n) => n.label === "Hub").length;
      expect(hubs, name).toBeGreaterThanOrEqual(3);
      expect(first.nodes.length, name).toBe(hubs + 10);
      const second = await source.initial({ skip: 10, limit: 10, known: first.nodes.map((n) => n.id) });
      expect(
        second.nodes.some((n) => n.label === "Hub"),
        name,
      ).toBe(false);
      const past = await source.initial({ skip: neighbours, limit: 10, known: [] });
      expect(past.nodes, name).toEqual([]);
      expect(past.total, name).toBe(neighbours);
    }
  });
});
