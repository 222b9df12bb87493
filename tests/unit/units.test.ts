/** Figures in English carry no Chinese measure word: base value, English unit. */
import { describe, expect, it } from "vitest";
import { figureText, unitEn } from "../../web/units.ts";

describe("figures in the UI's language", () => {
  it("keeps the text's value and unit in Chinese and restates it in English", () => {
    const props = { value: 4.97, unit: "万人", baseValue: 49700, baseUnit: "人" };
    expect(figureText(props, "zh")).toBe("4.97万人");
    expect(figureText(props, "en")).toBe("49,700 persons");
    expect(figureText({ value: 60, unit: "%", baseValue: 60, baseUnit: "%" }, "en")).toBe("60%");
    expect(figureText({ value: 3, unit: "个", baseValue: 3, baseUnit: "个" }, "en")).toBe("3");
    expect(figureText({ value: 94, unit: "平方公里", baseValue: 94, baseUnit: "平方公里" }, "en")).toBe(
      "94 km²",
    );
  });

  it("translates every base unit of the seed's figures", async () => {
    const { loadKnowledgeBase } = await import("../../importer/knowledgeBase.ts");
    const { KNOWLEDGE_ROOT } = await import("../../importer/paths.ts");
    const { baseQuantity } = await import("../../importer/rows.ts");
    const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
    for (const s of kb.nodes.filter((n) => n.label === "Statistic")) {
      const { baseUnit } = baseQuantity(s.props.value as number, s.props.unit as string);
      expect(unitEn(baseUnit), `${s.id}: ${baseUnit}`).not.toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
