import { describe, expect, it } from "vitest";
import type { PlainNode, PlainRelationship, Row } from "../../graph/neo4jService.ts";
import {
  cellText,
  compareValues,
  errorOffset,
  graphOf,
  parametersOf,
  toCsv,
  toJson,
} from "../../web/console/results.ts";

const node = (elementId: string, label: string, id: string, name: string): PlainNode => ({
  kind: "node",
  elementId,
  labels: ["Entity", label],
  properties: { id, name, nameEn: `${name}-en`, evidence: "[]" },
});
const rel = (elementId: string, type: string, from: string, to: string): PlainRelationship => ({
  kind: "relationship",
  elementId,
  type,
  startNodeElementId: from,
  endNodeElementId: to,
  properties: {},
});

describe("console results", () => {
  it("finds nodes, relationships and paths in any column, also nested", () => {
    const h = node("e1", "Hub", "hub:zj", "张江");
    const p = node("e2", "Positioning", "pos:a", "甲");
    const q = node("e3", "Positioning", "pos:b", "乙");
    const rows: Row[] = [
      { path: { kind: "path", nodes: [h, p], relationships: [rel("r1", "HAS_POSITIONING", "e1", "e2")] } },
      { nested: { list: [q, rel("r2", "HAS_POSITIONING", "e1", "e3")] } },
      { orphan: rel("r3", "HAS_POSITIONING", "e1", "e9") },
    ];
    const graph = graphOf(rows);
    expect(graph.nodes.map((n) => [n.id, n.label]).sort()).toEqual([
      ["hub:zj", "Hub"],
      ["pos:a", "Positioning"],
      ["pos:b", "Positioning"],
    ]);
    expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
      ["hub:zj", "pos:a"],
      ["hub:zj", "pos:b"],
    ]);
    expect(graph.missing).toEqual(["e9"]);
    const completed = graphOf(rows, [node("e9", "Positioning", "pos:c", "丙")]);
    expect(completed.edges).toHaveLength(3);
    expect(completed.missing).toEqual([]);
  });

  it("sorts numbers (big integers exactly) before text, nulls last", () => {
    const values = ["乙", null, 10, 2n ** 64n, 2, "甲", true];
    const sorted = [...values].sort(compareValues);
    expect(sorted).toEqual([2, 10, 2n ** 64n, true, "乙", "甲", null].sort(compareValues));
    expect(sorted.slice(0, 3)).toEqual([2, 10, 2n ** 64n]);
    expect(sorted.at(-1)).toBeNull();
  });

  it("prints every kind of value as one line", () => {
    expect(cellText([1, "a", null])).toBe("[1, a, null]");
    expect(cellText({ year: 2020, hubs: ["张江"] })).toBe("{year: 2020, hubs: [张江]}");
    expect(cellText(node("e1", "Hub", "hub:zj", "张江"))).toBe("(:Hub 张江)");
    expect(cellText(12345678901234567890n)).toBe("12345678901234567890");
  });

  it("writes CSV with a BOM, quoting and nested values as JSON; JSON with big integers", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        { a: 'say "hi", 你好', b: [1, 2] },
        { a: null, b: 2n ** 70n },
      ],
    );
    expect(csv).toBe('\uFEFFa,b\r\n"say ""hi"", 你好","[1,2]"\r\n,1180591620717411303424\r\n');
    expect(JSON.parse(toJson([{ n: 2n ** 70n }]))).toEqual([{ n: "1180591620717411303424" }]);
  });

  it("lists the $parameters a query uses, not those in strings or comments", () => {
    const query =
      "// $notThis\nMATCH (h {name: $hub}) WHERE h.x = '$no' AND h.y IN $`list` /* $nor */\nRETURN $hub, $名称";
    expect(parametersOf(query)).toEqual(["hub", "list", "名称"]);
    expect(parametersOf("MATCH (n) WHERE n.url = 'http://x' AND n.y = $p RETURN n")).toEqual(["p"]);
  });

  it("reads the position of a server error", () => {
    const query = "MATCH (n)\nRETRN n";
    expect(errorOffset("Invalid input 'RETRN' (line 2, column 1 (offset: 10))", query)).toBe(10);
    expect(errorOffset("Invalid input (line 2, column 1)", query)).toBe(10);
    expect(errorOffset("Variable `x` not defined", query)).toBeNull();
  });
});
