/**
 * The review's placement of accepted new entities in the hierarchies (importer/review/place.ts), on
 * the project's knowledge base: by a known name the new one contains, by the words of its name, or
 * not at all; and one name, one thing among the candidates themselves.
 */
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import type { DraftEntity } from "../../importer/review/draft.ts";
import { placeAccepted } from "../../importer/review/place.ts";

const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);

function candidate(
  id: string,
  label: string,
  name: string,
  props: Record<string, unknown> = {},
): DraftEntity {
  return {
    id,
    label,
    name,
    nameEn: "",
    aliases: [],
    props,
    evidence: [{ quote: `引进${name}` }],
    confidence: 0.8,
    status: "new",
    similar: [],
    why: "",
  };
}

const place = (...entities: DraftEntity[]) => placeAccepted({ entities, relations: [] }, kb);
const parentOf = (placed: ReturnType<typeof place>, id: string) =>
  placed.relations.filter((r) => r.type === "PART_OF" && r.from === id).map((r) => r.to);

describe("placing new entities in the hierarchies", () => {
  it("puts a talent category under the longest known category its name contains, quoting its own clause", () => {
    const placed = place(candidate("talent:x/intl-high-level", "TalentCategory", "国际化高层次人才"));
    expect(parentOf(placed, "talent:x/intl-high-level")).toEqual(["talent:high-level-talent"]);
    const rel = placed.relations[0]!;
    expect(rel.evidence).toEqual([{ quote: "引进国际化高层次人才" }]);
    expect(rel.why).toContain("高层次人才");
    // an alias counts as a name: 高端人才 is an alias of 高层次人才
    const byAlias = place(candidate("talent:x/fintech-high-end", "TalentCategory", "科技高端人才"));
    expect(parentOf(byAlias, "talent:x/fintech-high-end")).toEqual(["talent:high-level-talent"]);
  });

  it("makes a talent category that contains no known one a top-level class by the words of its name", () => {
    const placed = place(candidate("talent:x/returnee-founders", "TalentCategory", "归国创客"));
    expect(placed.relations).toEqual([]);
    expect(placed.entities[0]!.props.facet).toBe("origin");
    expect(placed.notes[0]).toMatch(/top-level talent category, facet origin \(check it\)/);
  });

  it("puts an industry under a known one it contains, else under the section its words point to", () => {
    const placed = place(
      candidate("industry:x/green-finance", "Industry", "绿色金融"),
      candidate("industry:x/cloud", "Industry", "云计算"),
      candidate("industry:x/puzzles", "Industry", "拼图"),
    );
    expect(parentOf(placed, "industry:x/green-finance")).toEqual(["industry:finance"]);
    expect(parentOf(placed, "industry:x/cloud")).toEqual(["industry:gbt/i-ict"]);
    expect(placed.entities.map((e) => e.id)).not.toContain("industry:x/puzzles");
    expect(placed.notes.join("\n")).toMatch(
      /left out industry:x\/puzzles \(拼图\): no place in the Industry hierarchy/,
    );
  });

  it("puts a region under the region its name contains, else the nearest known one containing it by GB/T 2260, else a Chinese administrative name under 中国", () => {
    const placed = place(
      candidate("region:x/yuhang", "Region", "杭州市余杭区", { kind: "district" }),
      candidate("region:x/wenzhou", "Region", "温州市", { kind: "city" }),
      candidate("region:x/nanchang", "Region", "南昌市", { kind: "city" }),
      candidate("region:x/bavaria", "Region", "巴伐利亚", { kind: "area" }),
      candidate("region:x/germany", "Region", "德国", { kind: "country" }),
    );
    expect(parentOf(placed, "region:x/yuhang")).toEqual(["region:hangzhou"]);
    expect(parentOf(placed, "region:x/wenzhou")).toEqual(["region:zhejiang"]);
    expect(placed.relations.find((r) => r.from === "region:x/wenzhou")?.why).toBe(
      "placed by GB/T 2260: 浙江 contains it",
    );
    // 江西 is not in the knowledge base: the nearest known container is 中国
    expect(parentOf(placed, "region:x/nanchang")).toEqual(["region:china"]);
    expect(placed.entities.map((e) => e.id)).toEqual([
      "region:x/yuhang",
      "region:x/wenzhou",
      "region:x/nanchang",
      "region:x/germany",
    ]);
  });

  it("keeps one of two candidates with one name, and the relations of the other go with it", () => {
    const measure = candidate("measure:x/community", "Measure", "科技城国际人才社区");
    const carrier = candidate("carrier:x/community", "Carrier", "科技城国际人才社区");
    const placed = placeAccepted(
      {
        entities: [measure, carrier],
        relations: [
          {
            type: "HAS_CARRIER",
            from: "hub:zhangjiang",
            to: "carrier:x/community",
            props: {},
            evidence: [{ quote: "引进" }],
            confidence: 0.5,
            why: "",
          },
        ],
      },
      kb,
    );
    expect(placed.entities.map((e) => e.id)).toEqual(["measure:x/community"]);
    expect(placed.relations).toEqual([]);
    expect(placed.notes[0]).toMatch(
      /left out carrier:x\/community: same name as Measure measure:x\/community/,
    );
  });
});
