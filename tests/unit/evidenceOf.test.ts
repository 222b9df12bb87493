/** The console finds the evidence of a node, a relationship or an evidence string, and nothing else. */
import { describe, expect, it } from "vitest";
import { evidenceOf } from "../../web/console/EvidenceOf.tsx";

const evidence = JSON.stringify([
  { source: "s", section: "qianhai", quote: "三窗合一", start: 10, end: 14, line: 3 },
]);

describe("evidence in console results", () => {
  it("reads a node's, a relationship's or a string's evidence", () => {
    const node = { kind: "node" as const, elementId: "1", labels: ["Measure"], properties: { evidence } };
    expect(evidenceOf(node).map((e) => e.quote)).toEqual(["三窗合一"]);
    const rel = {
      kind: "relationship" as const,
      elementId: "2",
      type: "ADOPTS",
      startNodeElementId: "1",
      endNodeElementId: "3",
      properties: { evidence },
    };
    expect(evidenceOf(rel)[0]).toMatchObject({ section: "qianhai", line: 3 });
    expect(evidenceOf(evidence)).toHaveLength(1);
  });

  it("finds none where there is none, or where the text is not evidence", () => {
    expect(evidenceOf("三窗合一")).toEqual([]);
    expect(evidenceOf("[not json")).toEqual([]);
    expect(evidenceOf(42)).toEqual([]);
    expect(evidenceOf({ kind: "node", elementId: "1", labels: [], properties: {} })).toEqual([]);
  });
});
