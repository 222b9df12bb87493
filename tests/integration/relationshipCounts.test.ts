/**
 * The inspector's "what is there to expand": every relationship type at a node with its count in the
 * database, from Neo4j and from the snapshot, against Cypher `count` on the same graph; and the
 * expansion through one type and direction, against the neighbours Cypher finds that way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { Neo4jSource } from "../../web/data/neo4jSource.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import type { DataSource, RelationshipCount } from "../../web/data/types.ts";
import { testService } from "../setup/graph.ts";

const service = testService();
let sources: [string, DataSource][];
/** Cypher's counts per node: "type direction" → count. */
const expected = new Map<string, Map<string, number>>();
/** The measure with the most relationship types (the one the issue saw as "1 (ADOPTS)"). */
let measure: string;

beforeAll(async () => {
  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  await importKnowledge(service, kb, () => {});
  sources = [
    ["neo4j", new Neo4jSource(service, { timeoutMs: 15_000, maxRows: 5_000 })],
    ["snapshot", new SnapshotSource(JSON.parse(JSON.stringify(buildSnapshot(kb))))],
  ];
  const rows = await service.read(
    `MATCH (a:Entity)-[r]->(:Entity) RETURN a.id AS id, type(r) AS type, 'out' AS direction, count(r) AS n
     UNION ALL
     MATCH (:Entity)-[r]->(b:Entity) RETURN b.id AS id, type(r) AS type, 'in' AS direction, count(r) AS n`,
    {},
    { maxRows: 100_000 },
  );
  for (const r of rows.rows) {
    const id = r.id as string;
    const counts = expected.get(id) ?? new Map<string, number>();
    counts.set(`${r.type as string} ${r.direction as string}`, Number(r.n));
    expected.set(id, counts);
  }
  const measures = await service.read(
    `MATCH (m:Measure)-[r]-(:Entity)
     WITH m, count(DISTINCT [type(r), startNode(r) = m]) AS types
     RETURN m.id AS id ORDER BY types DESC, id LIMIT 1`,
  );
  measure = measures.rows[0]!.id as string;
});
afterAll(() => service.close());

const asMap = (counts: RelationshipCount[]) =>
  new Map(counts.map((c) => [`${c.type} ${c.direction}`, c.count]));

describe("relationship counts of a node", () => {
  it("equal a Cypher count for every type and direction of the measure with the most types", async () => {
    const cypher = await service.read(
      `MATCH (m:Entity {id: $id})-[r]-(:Entity)
       RETURN type(r) AS type, CASE WHEN startNode(r) = m THEN 'out' ELSE 'in' END AS direction,
              count(r) AS n`,
      { id: measure },
    );
    const want = new Map(
      cypher.rows.map((r) => [`${r.type as string} ${r.direction as string}`, Number(r.n)]),
    );
    expect(want.size).toBeGreaterThanOrEqual(5);
    for (const [name, source] of sources) {
      const counts = await source.relationshipCounts(measure);
      expect(asMap(counts), name).toEqual(want);
      expect(counts.find((c) => c.type === "ADOPTS")?.direction, name).toBe("in");
    }
  });

  it("equal Cypher's counts for every node, in both sources, most first", async () => {
    const ids = (await service.read("MATCH (n:Entity) RETURN n.id AS id", {}, { maxRows: 100_000 })).rows.map(
      (r) => r.id as string,
    );
    expect(ids.length).toBeGreaterThan(500);
    for (const [name, source] of sources) {
      for (const id of ids) {
        const counts = await source.relationshipCounts(id);
        expect(asMap(counts), `${name} ${id}`).toEqual(expected.get(id) ?? new Map());
        const order = counts.map((c) => c.count);
        expect(order, `${name} ${id}`).toEqual([...order].sort((a, b) => b - a));
      }
    }
  });

  it("name the labels at the other ends, and both sources agree on every row", async () => {
    const hub = "hub:zhangjiang";
    const cypher = await service.read(
      `MATCH (:Entity {id: $id})-[r]->(n:Entity)
       RETURN type(r) AS type, collect(DISTINCT [l IN labels(n) WHERE l <> 'Entity'][0]) AS labels`,
      { id: hub },
    );
    const [neo4j, snapshot] = await Promise.all(sources.map(([, s]) => s.relationshipCounts(hub)));
    expect(neo4j!.length).toBeGreaterThan(3);
    for (const r of cypher.rows) {
      const row = neo4j!.find((c) => c.type === r.type && c.direction === "out");
      expect([...row!.labels].sort(), r.type as string).toEqual([...(r.labels as string[])].sort());
    }
    expect(snapshot).toEqual(neo4j);
    expect(await sources[0]![1].relationshipCounts("no-such-node")).toEqual([]);
    expect(await sources[1]![1].relationshipCounts("no-such-node")).toEqual([]);
  });
});

describe("expanding through one relationship type", () => {
  it("loads exactly the neighbours Cypher finds through that type and direction", async () => {
    const counts = await sources[0]![1].relationshipCounts(measure);
    for (const { type, direction } of counts) {
      const arrow = direction === "out" ? "-[r]->" : "<-[r]-";
      const cypher = await service.read(
        `MATCH (:Entity {id: $id})${arrow}(n:Entity) WHERE type(r) = $type RETURN DISTINCT n.id AS id`,
        { id: measure, type },
      );
      const want = cypher.rows.map((r) => r.id as string).sort();
      for (const [name, source] of sources) {
        const page = await source.expand(measure, { limit: 100, skip: 0, type, direction });
        expect(page.nodes.map((n) => n.id).sort(), `${name} ${type} ${direction}`).toEqual(want);
        expect(page.total, `${name} ${type} ${direction}`).toBe(want.length);
        // The edges that connect them to the measure come with them.
        const linked = page.edges.filter(
          (e) => e.type === type && (direction === "out" ? e.source : e.target) === measure,
        );
        expect(linked.length, `${name} ${type} ${direction}`).toBeGreaterThanOrEqual(want.length);
      }
    }
  });

  it("leaves out what is drawn when asked, and keeps old callers' paging", async () => {
    const hub = "hub:qianhai";
    for (const [name, source] of sources) {
      const first = await source.expand(hub, { limit: 5, skip: 0, type: "ADOPTS", direction: "out" });
      expect(first.nodes, name).toHaveLength(5);
      const rest = await source.expand(hub, {
        limit: 500,
        skip: 0,
        type: "ADOPTS",
        direction: "out",
        known: first.nodes.map((n) => n.id),
        unknownOnly: true,
      });
      expect(rest.total, name).toBe(first.total - 5);
      expect(
        rest.nodes.filter((n) => first.nodes.some((f) => f.id === n.id)),
        name,
      ).toEqual([]);
      expect(new Set(rest.nodes.map((n) => n.label)), name).toEqual(new Set(["Measure"]));
      // The hub's own edges to the drawn five come too (a merged graph may lack them).
      const back = rest.edges.filter(
        (e) => e.source === hub && e.type === "ADOPTS" && first.nodes.some((f) => f.id === e.target),
      );
      expect(back, name).toHaveLength(5);
      // Without a filter: all neighbours, a page at a time, as before.
      const all = await source.expand(hub, { limit: 10, skip: 0 });
      const next = await source.expand(hub, { limit: 10, skip: 10 });
      expect(all.total, name).toBeGreaterThan(first.total);
      expect(
        next.nodes.filter((n) => all.nodes.some((a) => a.id === n.id)),
        name,
      ).toEqual([]);
    }
  });
});
