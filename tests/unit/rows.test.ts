import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { baseQuantity, toRows } from "../../importer/rows.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";

describe("rows for Neo4j and the snapshot", () => {
  it("restates figures without Chinese magnitude prefixes", () => {
    expect(baseQuantity(7.6, "万人")).toEqual({ baseValue: 76000, baseUnit: "人" });
    expect(baseQuantity(52326.3, "亿元")).toEqual({ baseValue: 5232630000000, baseUnit: "元" });
    expect(baseQuantity(5.91, "万件")).toEqual({ baseValue: 59100, baseUnit: "件" });
    expect(baseQuantity(32, "岁")).toEqual({ baseValue: 32, baseUnit: "岁" });
    // people are counted as 人, 名 or 位: one base unit, so that the figures compare
    expect(baseQuantity(2, "万名")).toEqual({ baseValue: 20000, baseUnit: "人" });
    expect(baseQuantity(900, "位")).toEqual({ baseValue: 900, baseUnit: "人" });
    expect(baseQuantity(3, "万")).toEqual({ baseValue: 3, baseUnit: "万" });
  });

  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);

  it("gives every row a content hash that changes with its content only", () => {
    const a = toRows(kb);
    const b = toRows(kb);
    expect(a.nodes.map((n) => n.props.hash)).toEqual(b.nodes.map((n) => n.props.hash));
    const changed = toRows({
      ...kb,
      nodes: kb.nodes.map((n, i) => (i === 0 ? { ...n, nameEn: `${n.nameEn}!` } : n)),
    });
    expect(changed.nodes[0]!.props.hash).not.toBe(a.nodes[0]!.props.hash);
    expect(changed.nodes[1]!.props.hash).toBe(a.nodes[1]!.props.hash);
  });

  it("serialises the graph as graphology JSON with label, names, aliases and evidence", () => {
    const snapshot = buildSnapshot(kb);
    expect(snapshot.options).toMatchObject({ type: "directed", multi: true });
    expect(snapshot.nodes).toHaveLength(kb.nodes.length);
    expect(snapshot.edges).toHaveLength(kb.relations.length);
    const zhangjiang = snapshot.nodes.find((n) => n.key === "hub:zhangjiang")!.attributes!;
    expect(zhangjiang).toMatchObject({ label: "Hub", name: "张江", nameEn: "Zhangjiang" });
    expect(zhangjiang.aliases).toContain("张江科学城");
    expect((zhangjiang.evidence as { quote: string }[])[0]!.quote).toContain("张江模式");
    const edge = snapshot.edges[0]!;
    expect(typeof edge.attributes!.type).toBe("string");
    expect(Array.isArray(edge.attributes!.evidence)).toBe(true);
  });
});
