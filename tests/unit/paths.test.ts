/**
 * Path finding without a database: the k shortest loopless paths of the snapshot (Yen over BFS), the
 * check of path options, and the hop list built from a found path.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { kShortestPaths, type PathRules } from "../../web/data/kShortestPaths.ts";
import { checkPathOptions, DEFAULT_PATH_OPTIONS, MAX_PATHS } from "../../web/data/pathOptions.ts";
import { toEntityEdge, toEntityNode, type PathResult } from "../../web/data/types.ts";
import { hopsOf } from "../../web/explorer/pathHops.ts";
import { failure } from "../../web/explorer/usePathFinder.ts";

/**
 *   a — b — e        a to e: a-b-e (2), a-c-e (2), a-c-d-e (3), a-x-e (2, but x is an Article)
 *   |    \  |        plus a parallel b=e relationship (a second 2-hop path through b)
 *   c —— d  |
 *    \______/
 */
function sample(): Graph {
  const g = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
  for (const [id, label] of [
    ["a", "Hub"],
    ["b", "Region"],
    ["c", "Measure"],
    ["d", "Organization"],
    ["e", "Hub"],
    ["x", "Article"],
  ] as const)
    g.addNode(id, { label });
  const edge = (key: string, s: string, t: string, type: string) => g.addEdgeWithKey(key, s, t, { type });
  edge("ab", "a", "b", "LOCATED_IN");
  edge("be", "e", "b", "LOCATED_IN"); // against the path's direction
  edge("be2", "b", "e", "NEAR");
  edge("ac", "a", "c", "ADOPTS");
  edge("ce", "e", "c", "ADOPTS");
  edge("cd", "c", "d", "INVOLVES");
  edge("de", "d", "e", "LOCATED_IN");
  edge("bd", "b", "d", "COOPERATES_WITH");
  edge("xa", "x", "a", "DESCRIBES");
  edge("xe", "x", "e", "DESCRIBES");
  return g;
}

const rules = (over: Partial<PathRules> = {}): PathRules => ({
  node: (_id, a) => a.label !== "Article",
  edge: () => true,
  maxHops: 8,
  ...over,
});

const lengths = (paths: { edges: string[] }[]) => paths.map((p) => p.edges.length);

describe("k shortest paths (snapshot)", () => {
  it("finds the shortest path first and no path through an excluded label", () => {
    const [first, ...rest] = kShortestPaths(sample(), "a", "e", 10, rules());
    expect(first!.edges).toHaveLength(2);
    expect(first!.nodes[0]).toBe("a");
    expect(first!.nodes.at(-1)).toBe("e");
    for (const p of [first!, ...rest]) expect(p.nodes).not.toContain("x");
  });

  it("lists paths shortest first, each distinct and loopless, parallel relationships apart", () => {
    const paths = kShortestPaths(sample(), "a", "e", 10, rules());
    expect(lengths(paths)).toEqual([...lengths(paths)].sort((x, y) => x - y));
    expect(lengths(paths).slice(0, 3)).toEqual([2, 2, 2]); // a-b-e twice (two relationships), a-c-e
    expect(new Set(paths.map((p) => p.edges.join())).size).toBe(paths.length);
    for (const p of paths) expect(new Set(p.nodes).size).toBe(p.nodes.length);
    expect(paths.map((p) => p.edges.join())).toEqual(expect.arrayContaining(["ab,be", "ab,be2", "ac,ce"]));
  });

  it("gives at most k paths, and the x hub only when Article is allowed", () => {
    expect(kShortestPaths(sample(), "a", "e", 2, rules())).toHaveLength(2);
    const open = kShortestPaths(sample(), "a", "e", 10, rules({ node: () => true }));
    expect(open.some((p) => p.nodes.includes("x"))).toBe(true);
  });

  it("walks only the allowed relationship types and stays within the hop limit", () => {
    const located = kShortestPaths(sample(), "a", "e", 5, rules({ edge: (_k, a) => a.type !== "NEAR" }));
    for (const p of located) expect(p.edges).not.toContain("be2");
    const onlyAdopts = kShortestPaths(sample(), "a", "e", 5, rules({ edge: (_k, a) => a.type === "ADOPTS" }));
    expect(onlyAdopts.map((p) => p.edges)).toEqual([["ac", "ce"]]);
    const short = kShortestPaths(sample(), "a", "e", 10, rules({ maxHops: 2 }));
    expect(Math.max(...lengths(short))).toBe(2);
    expect(kShortestPaths(sample(), "a", "d", 1, rules({ maxHops: 1 }))).toEqual([]);
  });

  it("finds nothing between a node and itself or an unknown node, and checks k", () => {
    expect(kShortestPaths(sample(), "a", "a", 3, rules())).toEqual([]);
    expect(kShortestPaths(sample(), "a", "nowhere", 3, rules())).toEqual([]);
    expect(() => kShortestPaths(sample(), "a", "e", 0, rules())).toThrow(/kShortestPaths: k/);
  });
});

describe("path options", () => {
  it("leave out articles, publications and the taxonomy by default, and allow every type", () => {
    const checked = checkPathOptions(DEFAULT_PATH_OPTIONS);
    expect(checked.exclude).toEqual(["Article", "Publication", "Theme", "Instrument", "Stage"]);
    expect(checked.types).toContain("ADOPTS");
    expect(checked.types.length).toBeGreaterThan(40);
  });

  it("refuse names that are not the model's, an empty type list and k out of range", () => {
    const base = DEFAULT_PATH_OPTIONS;
    expect(() => checkPathOptions({ ...base, exclude: ["Article'] RETURN 1 //"] })).toThrow(/not a label/);
    expect(() => checkPathOptions({ ...base, types: ["ADOPTS|KNOWS"] })).toThrow(/not a relationship type/);
    expect(() => checkPathOptions({ ...base, types: [] })).toThrow(/no relationship type/);
    expect(() => checkPathOptions({ ...base, k: 0 })).toThrow(/k must be/);
    expect(() => checkPathOptions({ ...base, k: MAX_PATHS + 1 })).toThrow(/k must be/);
    expect(() => checkPathOptions({ ...base, k: 1.5 })).toThrow(/k must be/);
  });
});

describe("the hop list", () => {
  const quote = { source: "s", section: "sec", quote: "张江与前海", start: 0, end: 5, line: 1 };
  const result: PathResult = {
    nodes: [
      toEntityNode("a", "Hub", { name: "张江" }),
      toEntityNode("b", "Region", { name: "浦东" }),
      toEntityNode("e", "Hub", { name: "前海" }),
    ],
    edges: [
      toEntityEdge("ab", "LOCATED_IN", "a", "b", { evidence: JSON.stringify([quote]) }),
      toEntityEdge("eb", "LOCATED_IN", "e", "b", {}),
    ],
    paths: [{ nodes: ["a", "b", "e"], edges: ["ab", "eb"] }],
  };

  it("gives each hop its direction along the path and the relationship's first quote", () => {
    const hops = hopsOf(result, result.paths[0]!);
    expect(hops.map((h) => [h.from.name, h.edge.type, h.to.name, h.forward])).toEqual([
      ["张江", "LOCATED_IN", "浦东", true],
      ["浦东", "LOCATED_IN", "前海", false],
    ]);
    expect(hops[0]!.quote?.quote).toBe("张江与前海");
    expect(hops[1]!.quote).toBeNull();
  });

  it("says what is wrong with a path that does not hold together", () => {
    expect(() => hopsOf(result, { nodes: ["a", "e"], edges: ["ab"] })).toThrow(/does not join/);
    expect(() => hopsOf(result, { nodes: ["a"], edges: ["ab"] })).toThrow(/one node more/);
  });
});

describe("a failed search", () => {
  const coded = (code: string) => Object.assign(new Error(`refused (${code})`), { code });

  it("is told apart by Neo4j's error code: timeout, lost connection, or anything else with its message", () => {
    expect(failure(coded("Neo.ClientError.Transaction.TransactionTimedOut"))).toMatchObject({
      kind: "failed",
      reason: "timeout",
    });
    expect(failure(coded("ServiceUnavailable"))).toMatchObject({ reason: "lost" });
    expect(failure(coded("Neo.ClientError.Statement.SyntaxError"))).toEqual({
      kind: "failed",
      reason: "other",
      detail: "refused (Neo.ClientError.Statement.SyntaxError)",
    });
    expect(failure("plain")).toEqual({ kind: "failed", reason: "other", detail: "plain" });
  });
});
