/**
 * Shortest paths on the seed, from Neo4j (SHORTEST k) and from the snapshot (Yen over BFS): both
 * honour the options the same way and find paths of the same lengths, and every hop of a path has
 * its relationship and a quote.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RELATION_TYPE_NAMES } from "../../graph/model.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { Neo4jSource } from "../../web/data/neo4jSource.ts";
import { DEFAULT_EXCLUDED, DEFAULT_PATH_OPTIONS, MAX_HOPS } from "../../web/data/pathOptions.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import type { DataSource, PathOptions, PathResult } from "../../web/data/types.ts";
import { hopsOf } from "../../web/explorer/pathHops.ts";
import { testService } from "../setup/graph.ts";

const service = testService();
const sources: Record<string, DataSource> = {};

beforeAll(async () => {
  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  await importKnowledge(service, kb, () => {});
  sources.neo4j = new Neo4jSource(service, { timeoutMs: 15_000, maxRows: 5_000 });
  sources.snapshot = new SnapshotSource(JSON.parse(JSON.stringify(buildSnapshot(kb))));
});
afterAll(() => service.close());

const ZHANGJIANG = "hub:zhangjiang";
const QIANHAI = "hub:qianhai";

const find = (mode: string, from: string, to: string, options: Partial<PathOptions> = {}) =>
  sources[mode]!.shortestPath(from, to, { ...DEFAULT_PATH_OPTIONS, ...options });

const labelsInside = (result: PathResult, i: number) => {
  const labels = new Map(result.nodes.map((n) => [n.id, n.label]));
  return result.paths[i]!.nodes.slice(1, -1).map((id) => labels.get(id));
};
const typesOf = (result: PathResult) => {
  const types = new Map(result.edges.map((e) => [e.id, e.type]));
  return result.paths.flatMap((p) => p.edges.map((id) => types.get(id)));
};
const lengths = (result: PathResult) => result.paths.map((p) => p.edges.length);

describe.each(["neo4j", "snapshot"])("shortest paths from %s", (mode) => {
  it("joins 张江 and 前海 by default without the editorial, article or taxonomy nodes, hop by hop", async () => {
    const result = await find(mode, ZHANGJIANG, QIANHAI, { k: 1 });
    expect(result.paths).toHaveLength(1);
    const [path] = result.paths;
    expect(path!.nodes[0]).toBe(ZHANGJIANG);
    expect(path!.nodes.at(-1)).toBe(QIANHAI);
    expect(path!.nodes).not.toContain("article:editorial");
    for (const label of labelsInside(result, 0)) expect(DEFAULT_EXCLUDED).not.toContain(label);
    const hops = hopsOf(result, path!);
    expect(hops.length).toBeGreaterThanOrEqual(2);
    for (const hop of hops) {
      expect(hop.quote?.quote.length).toBeGreaterThan(0);
      expect(hop.edge.evidence[0]).toEqual(hop.quote);
    }
  });

  it("goes through the editorial when articles are allowed and only DESCRIBES may be walked", async () => {
    const through = await find(mode, ZHANGJIANG, QIANHAI, { exclude: [], types: ["DESCRIBES"], k: 1 });
    expect(through.paths[0]!.nodes).toEqual([ZHANGJIANG, "article:editorial", QIANHAI]);
    const without = await find(mode, ZHANGJIANG, QIANHAI, { types: ["DESCRIBES"] });
    expect(without.paths).toEqual([]);
    expect(without.nodes).toEqual([]);
  });

  it("gives up to k distinct loopless paths, shortest first", async () => {
    const result = await find(mode, ZHANGJIANG, QIANHAI, { k: 3 });
    expect(result.paths).toHaveLength(3);
    expect(new Set(result.paths.map((p) => p.edges.join())).size).toBe(3);
    for (const p of result.paths) {
      expect(new Set(p.nodes).size).toBe(p.nodes.length);
      expect(p.nodes.length).toBe(p.edges.length + 1);
      expect(p.edges.length).toBeLessThanOrEqual(MAX_HOPS);
    }
    expect(lengths(result)).toEqual([...lengths(result)].sort((a, b) => a - b));
    const ids = new Set(result.paths.flatMap((p) => p.nodes));
    expect(new Set(result.nodes.map((n) => n.id))).toEqual(ids);
  });

  it("never walks a relationship type that is not allowed", async () => {
    const left = ["HAS_TRAIT", "HOLDS_FOR", "HAS_CARRIER", "FOCUSES_ON", "LOCATED_IN"];
    const types = RELATION_TYPE_NAMES.filter((t) => !left.includes(t));
    const result = await find(mode, ZHANGJIANG, QIANHAI, { types, k: 5 });
    expect(result.paths.length).toBeGreaterThan(0);
    for (const type of typesOf(result)) expect(left).not.toContain(type);
  });

  it("finds no path when the allowed types cannot join the two, and refuses names not in the model", async () => {
    expect((await find(mode, ZHANGJIANG, QIANHAI, { types: ["SUBTYPE_OF"] })).paths).toEqual([]);
    await expect(find(mode, ZHANGJIANG, QIANHAI, { exclude: ["Article' OR true //"] })).rejects.toThrow(
      /not a label of the model/,
    );
    await expect(find(mode, ZHANGJIANG, QIANHAI, { types: ["ADOPTS|RELATED_TO"] })).rejects.toThrow(
      /not a relationship type/,
    );
  });
});

describe("Neo4j and the snapshot", () => {
  it.each([
    [ZHANGJIANG, QIANHAI, {}],
    [ZHANGJIANG, QIANHAI, { k: 5, exclude: [] }],
    ["hub:zhongguancun", QIANHAI, { k: 5, exclude: [...DEFAULT_EXCLUDED, "Trait", "Claim", "Carrier"] }],
    ["region:zhejiang", QIANHAI, { k: 4 }],
  ] as const)("find paths of the same lengths from %s to %s (%o)", async (from, to, options) => {
    const [a, b] = await Promise.all([find("neo4j", from, to, options), find("snapshot", from, to, options)]);
    expect(lengths(a).length).toBeGreaterThan(0);
    expect(lengths(a)).toEqual(lengths(b));
  });
});
