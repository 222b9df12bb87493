/** The inspector's rows: database counts beside what is drawn, and the quote shown per neighbour. */
import { describe, expect, it } from "vitest";
import type { EntityEdge, EntityNode, Evidence } from "../../web/data/types.ts";
import { notDrawn, relationshipRows } from "../../web/explorer/relationshipRows.ts";

const quote = (text: string): Evidence => ({
  source: "doc",
  section: "s1",
  quote: text,
  start: 0,
  end: text.length,
  line: 1,
});

const node = (id: string, label: string, name: string, evidence: Evidence[] = []): EntityNode => ({
  id,
  label,
  name,
  nameEn: `${name} (en)`,
  aliases: [],
  props: {},
  evidence,
  sources: [],
  sections: [],
  hubIds: [],
  themeIds: [],
});

const edge = (id: string, type: string, source: string, target: string, evidence: Evidence[] = []) =>
  ({ id, type, source, target, props: {}, evidence, sections: [] }) satisfies EntityEdge;

const m = node("m", "Measure", "举措", [quote("举措原文")]);
const hub = node("h", "Hub", "张江");
const stat = node("s", "Statistic", "统计", [quote("统计原文")]);
const nodes = new Map([m, hub, stat].map((n) => [n.id, n]));
const edges = new Map(
  [
    edge("e1", "ADOPTS", "h", "m", [quote("张江推出举措")]),
    edge("e2", "HAS_STATISTIC", "m", "s"),
    edge("e3", "ADOPTS", "h", "x"), // not at m
  ].map((e) => [e.id, e]),
);

describe("relationship rows", () => {
  it("keep the database's order and counts, and count what is drawn per type and direction", () => {
    const rows = relationshipRows("m", nodes, edges, [
      { type: "HAS_STATISTIC", direction: "out", count: 9, labels: ["Statistic"] },
      { type: "BELONGS_TO", direction: "out", count: 3, labels: ["Theme"] },
      { type: "ADOPTS", direction: "in", count: 1, labels: ["Hub"] },
    ]);
    expect(rows.map((r) => [r.type, r.direction, r.count, r.drawn.length])).toEqual([
      ["HAS_STATISTIC", "out", 9, 1],
      ["BELONGS_TO", "out", 3, 0],
      ["ADOPTS", "in", 1, 1],
    ]);
    expect(rows.map(notDrawn)).toEqual([8, 3, 0]);
  });

  it("quote the relationship's evidence, else the neighbour's own", () => {
    const rows = relationshipRows("m", nodes, edges, null);
    const byType = new Map(rows.map((r) => [r.type, r]));
    expect(byType.get("ADOPTS")!.drawn[0]!.quote?.quote).toBe("张江推出举措");
    expect(byType.get("HAS_STATISTIC")!.drawn[0]!.quote?.quote).toBe("统计原文");
    expect(byType.get("HAS_STATISTIC")!.drawn[0]!.node?.nameEn).toBe("统计 (en)");
  });

  it("show drawn types while the counts are unknown, with nothing to expand", () => {
    const rows = relationshipRows("m", nodes, edges, null);
    expect(rows.map((r) => [r.type, r.direction, r.count, r.labels])).toEqual([
      ["ADOPTS", "in", null, ["Hub"]],
      ["HAS_STATISTIC", "out", null, ["Statistic"]],
    ]);
    expect(rows.map(notDrawn)).toEqual([0, 0]);
  });
});
