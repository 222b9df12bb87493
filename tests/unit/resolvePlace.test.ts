/**
 * Entity resolution that respects place (importer/extract/resolve.ts, places.ts): the place a name
 * opens with, the containment of places, near-duplicate suggestions only between things whose places
 * agree, and resolution through the knowledge files' aliases (strings and `{ name, quote }`).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Label } from "../../graph/model.ts";
import { loadKnowledgeBase, type KnowledgeNode } from "../../importer/knowledgeBase.ts";
import { leadingPlace, placesCompatible } from "../../importer/extract/places.ts";
import { indexKnowledgeBase, resolveCandidate } from "../../importer/extract/resolve.ts";
import { edit, miniRoot } from "../setup/fixtures.ts";

function node(id: string, label: Label, name: string, aliases: string[] = []): KnowledgeNode {
  return {
    id,
    label,
    name,
    nameEn: name,
    aliases,
    props: {},
    evidence: [],
    sources: ["x"],
    notSameAs: [],
    file: "x.yaml",
    line: 1,
  };
}

describe("the place a name opens with", () => {
  it("reads a division, its short form, or the province in 中国（…）", () => {
    expect(leadingPlace("上海自贸试验区")).toBe("上海");
    expect(leadingPlace("杭州市人才服务中心")).toBe("杭州");
    expect(leadingPlace("中国（广东）自由贸易试验区")).toBe("广东");
    expect(leadingPlace("余杭区人才服务中心")).toBe("余杭区");
    expect(leadingPlace("香港科技大学")).toBe("香港");
  });

  it("reads no place from economic areas, abbreviations or ordinary words", () => {
    expect(leadingPlace("长三角人才服务中心")).toBeUndefined();
    expect(leadingPlace("沪苏浙皖人才联盟")).toBeUndefined();
    expect(leadingPlace("新型研发机构")).toBeUndefined();
    expect(leadingPlace("人才服务中心")).toBeUndefined();
  });

  it("lets a place contain its cities and districts, not its neighbours", () => {
    expect(placesCompatible("浙江", "杭州")).toBe(true);
    expect(placesCompatible("余杭区", "浙江")).toBe(true);
    expect(placesCompatible("中国", "广东")).toBe(true);
    expect(placesCompatible("香港", "中国")).toBe(true);
    expect(placesCompatible("杭州", "宁波")).toBe(false);
    expect(placesCompatible("上海", "广东")).toBe(false);
    expect(placesCompatible("美国", "中国")).toBe(false);
  });
});

describe("near-duplicates need a compatible place", () => {
  const index = indexKnowledgeBase({
    sources: [],
    relations: [],
    nodes: [
      // a curated alias without the place: 自贸试验区 is contained in any zone's name
      node("region:guangdong-ftz", "Region", "中国（广东）自由贸易试验区", ["自贸试验区"]),
      node("carrier:ningbo-talent-centre", "Carrier", "宁波市人才服务中心"),
      node("carrier:zhejiang-talent-centre", "Carrier", "浙江人才服务中心"),
      node("org:hangzhou-hrss", "Organization", "杭州市人力资源和社会保障局"),
    ],
  });

  it("does not suggest a thing of another region", () => {
    expect(resolveCandidate(index, "Region", ["上海自贸试验区"])).toEqual({ status: "new" });
    expect(resolveCandidate(index, "Carrier", ["杭州市人才服务中心"])).toEqual({ status: "new" });
    expect(resolveCandidate(index, "Organization", ["宁波市人力资源和社会保障局"])).toEqual({
      status: "new",
    });
  });

  it("still suggests a thing of the same region, of a region containing it, or without a place", () => {
    expect(resolveCandidate(index, "Region", ["广东自贸试验区"])).toEqual({
      status: "near-duplicate",
      similar: ["region:guangdong-ftz"],
    });
    // the same city, and the province that contains it
    expect(resolveCandidate(index, "Carrier", ["宁波人才服务中心"])).toEqual({
      status: "near-duplicate",
      similar: ["carrier:ningbo-talent-centre", "carrier:zhejiang-talent-centre"],
    });
    // 浙江 contains 杭州
    expect(resolveCandidate(index, "Carrier", ["杭州人才服务中心"])).toEqual({
      status: "near-duplicate",
      similar: ["carrier:zhejiang-talent-centre"],
    });
    expect(resolveCandidate(index, "Region", ["自由贸易试验区"])).toMatchObject({ status: "near-duplicate" });
  });

  it("keeps labels apart as before: a near-duplicate has the candidate's label", () => {
    expect(resolveCandidate(index, "Organization", ["宁波人才服务中心"])).toEqual({ status: "new" });
  });
});

describe("resolution through the knowledge files' aliases", () => {
  const { root } = miniRoot();
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = path.join(root, "sources", "mini", "park.yaml");
  edit(file, (text) =>
    text
      .replace(
        "    nameEn: Test Park\n",
        "    nameEn: Test Park\n    aliases: [{ name: 园区, quote: 园区开通人才就诊绿色通道, section: services }]\n",
      )
      .replace("    nameEn: Demo City\n", "    nameEn: Demo City\n    aliases: [示范]\n"),
  );
  const { kb, problems } = loadKnowledgeBase(root, root);
  const index = indexKnowledgeBase(kb);

  it("loads both forms of alias without problems", () => {
    expect(problems).toEqual([]);
    expect(kb.nodes.find((n) => n.id === "hub:test-park")?.aliases).toEqual(["园区"]);
  });

  it("resolves an alias written as { name, quote } and one written as a string to its entity", () => {
    expect(resolveCandidate(index, "Hub", ["园区"])).toEqual({
      status: "existing",
      existing: "hub:test-park",
    });
    // a hub read as a place is the same thing
    expect(resolveCandidate(index, "Region", ["园区"])).toEqual({
      status: "existing",
      existing: "hub:test-park",
      label: "Hub",
    });
    expect(resolveCandidate(index, "Region", ["示范"])).toEqual({
      status: "existing",
      existing: "region:demo-city",
    });
  });

  it("resolves a name written in traditional characters to its simplified entity", () => {
    expect(resolveCandidate(index, "Organization", ["示範大學"])).toEqual({
      status: "existing",
      existing: "org:demo-university",
    });
  });
});
