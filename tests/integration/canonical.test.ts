/**
 * The canonical knowledge base asked of Neo4j the way an analyst would: each kind of fact the
 * canonical-knowledge work turned from free text into structure is one MATCH over typed
 * relationships, the hierarchies are complete, the editorial's claims are nodes, and nothing quoted
 * before the change was lost. Expectations are read off the source text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeTextRelations } from "../../importer/canonical.ts";
import { loadKnowledgeBase, type KnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { testService } from "../setup/graph.ts";
import { savedRows } from "../setup/savedQueries.ts";

const service = testService();
let kb: KnowledgeBase;

beforeAll(async () => {
  const loaded = loadKnowledgeBase(KNOWLEDGE_ROOT);
  expect(loaded.problems).toEqual([]);
  kb = loaded.kb;
  await importKnowledge(service, kb, () => {});
});
afterAll(() => service.close());

async function rows(query: string, params: Record<string, unknown> = {}) {
  return (await service.read(query, params)).rows;
}
const names = async (query: string, params: Record<string, unknown> = {}) =>
  (await rows(query, params)).map((r) => r.name as string).sort();

describe("nothing lost", () => {
  /**
   * Quotes of the graph before canonicalisation (frozen in the fixture). The only one that may go is
   * a definition of our own taxonomy that was reworded on purpose: the supply-side instrument
   * 人才培养 was renamed 教育培训 so that it no longer shares its name with the theme 人才培养.
   */
  const REWORDED = new Map([
    [
      "taxonomy\tframework\t人才培养：开展教育培训、建设培养平台、实施培养计划，提升人才能力",
      "taxonomy\tframework\t教育培训：开展教育培训、建设培养平台、实施培养计划，提升人才能力",
    ],
  ]);

  it("every quote of the graph before the change is still in the graph", () => {
    const now = new Set(
      [...kb.nodes, ...kb.relations].flatMap((x) =>
        x.evidence.map((e) => `${e.source}\t${e.section}\t${e.quote}`),
      ),
    );
    const before = readFileSync(path.join(PROJECT_ROOT, "tests/fixtures/canonical/quotes-before.tsv"), "utf8")
      .trim()
      .split("\n");
    expect(before.length).toBe(1105);
    const missing = before.filter((q) => !now.has(REWORDED.get(q) ?? q));
    expect(missing).toEqual([]);
  });

  it("which nodes cite a sentence is one MATCH over the quotes lists", async () => {
    const quote = "整合公安、外专、外事等部门职能";
    const cited = await rows(
      "MATCH (n:Entity) WHERE any(q IN n.quotes WHERE q CONTAINS $quote) RETURN n.name AS name, n.quoteSections AS sections",
      { quote },
    );
    expect(cited.map((r) => r.name)).toEqual(
      expect.arrayContaining(["公安", "外专", "外事", "外国人业务“三窗合一”"]),
    );
    for (const r of cited) expect(r.sections).toContain("qianhai");
    const saved = await savedRows(service, "cites-sentence.cypher", { text: "三窗合一" });
    expect(saved.length).toBeGreaterThan(0);
    for (const r of saved) {
      expect(r.quote).toContain("三窗合一");
      expect(r.section).toBe("qianhai");
      expect(Number(r.start)).toBeGreaterThan(0);
    }
  });
});

describe("facts as typed relationships", () => {
  it("what integrates what: 三窗合一 brings together 公安, 外专 and 外事", async () => {
    expect(
      await names(
        "MATCH (:Carrier {name: '外国人一站式服务窗口'})-[:INTEGRATES]->(o:Organization) RETURN o.name AS name",
      ),
    ).toEqual(["公安", "外专", "外事"].sort());
  });

  it("who issued: every named issuer of the seven-department notice, and the count of seven", async () => {
    const policy = "关于引导和鼓励高校毕业生到城乡社区就业创业的通知";
    expect(
      await names("MATCH (:Policy {name: $policy})-[:ISSUED_BY]->(o) RETURN o.name AS name", { policy }),
    ).toEqual(["中组部", "人社部", "民政部"].sort());
    const issuers = await savedRows(service, "policy-issuers.cypher");
    expect(issuers.find((r) => r.policy === policy)).toMatchObject({ named: 3, issuersInText: 7 });
  });

  it("who founded what and when: the State Council approved 中关村's predecessor in May 1988", async () => {
    const [row] = await rows(
      `MATCH (f)-[r:ESTABLISHES]->(x {name: '北京市高新技术产业开发试验区'})<-[:SUCCEEDS]-(h:Hub)
       RETURN f.name AS founder, r.year AS year, r.date AS date, h.name AS hub`,
    );
    expect(row).toEqual({ founder: "国务院", year: 1988, date: "1988-05", hub: "中关村" });
    const founded = await savedRows(service, "founded-when.cypher");
    expect(founded.find((r) => r.entity === "中关村国家人力资源服务联盟")).toMatchObject({ date: "2019-01" });
    const years = founded.map((r) => r.year as number | null).filter((y): y is number => y !== null);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it("which carriers a measure names: 前海's international cooperation carriers", async () => {
    expect(
      await names(
        "MATCH (:Hub {name: '前海'})-[:ADOPTS]->(:Measure {name: '提升国际合作载体运营水平'})-[:DEVELOPS]->(c:Carrier) RETURN c.name AS name",
      ),
    ).toEqual(["前海深港创新中心", "前海深港基金小镇", "前海深港青年梦工场", "粤港澳青年创业区"].sort());
    const links = await savedRows(service, "measure-links.cypher", { hub: "前海" });
    expect(new Set(links.map((r) => r.link))).toEqual(new Set(["DEVELOPS", "DELIVERED_THROUGH", "INVOLVES"]));
    expect(links.find((r) => r.target === "全国人大")).toMatchObject({ link: "INVOLVES", role: "authority" });
  });

  it("exemplars and prizes: the 大树效应 lineages, and 浙江科技大奖 2019 to a person and a team", async () => {
    expect(
      await names("MATCH (o)-[:EXEMPLIFIES]->(:Trait {name: '大树效应'}) RETURN o.name AS name"),
    ).toEqual(["华为系", "百度系", "联想系"].sort());
    const prizes = await rows(
      "MATCH (:Program {name: '浙江科技大奖'})-[r:AWARDED_TO]->(p) RETURN p.name AS name, r.year AS year, r.role AS role ORDER BY name",
    );
    expect(prizes).toEqual([
      { name: "张建锋", year: 2019, role: "团队" },
      { name: "李兰娟", year: 2019, role: "个人" },
    ]);
  });

  it("a ratio is one statistic with its parts; alliance figures hang off the alliance", async () => {
    const [ratio] = await rows(
      "MATCH (s:Statistic) WHERE s.parts IS NOT NULL RETURN s.parts AS parts, s.partNames AS partNames, s.target AS target",
    );
    expect(ratio).toMatchObject({ parts: [1, 1, 1], target: true });
    expect(ratio!.partNames).toEqual(["内地", "香港", "国际"]);
    const members = await rows(
      "MATCH (a:Alliance)-[:HAS_STATISTIC]->(s:Statistic {metric: 'alliance-members'}) RETURN a.name AS alliance, s.value AS value ORDER BY value",
    );
    expect(members.map((r) => r.value)).toEqual(expect.arrayContaining([40, 141]));
  });

  it("free text is the justified exception: fewer than 20 RELATED_TO, each with its reason; MENTIONS carry no relation", async () => {
    const free = freeTextRelations(kb.relations);
    expect(free.length).toBeGreaterThan(0);
    expect(free.length).toBeLessThan(20);
    for (const r of free) expect(String(r.props.why).length).toBeGreaterThan(20);
    const [counts] = await rows(
      "RETURN COUNT { ()-[:RELATED_TO]->() } AS related, COUNT { ()-[m:MENTIONS]->() WHERE m.relation IS NOT NULL } AS mentionsWithText",
    );
    expect(counts).toEqual({ related: free.length, mentionsWithText: 0 });
  });
});

describe("one relationship per fact", () => {
  it("no two relationships of one type join the same two entities: 前海 is collected once", async () => {
    const [parallel] = await rows(
      "MATCH (a:Entity)-[r]->(b:Entity) WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*) AS pairs",
    );
    expect(parallel!.pairs).toBe(0);
    const [hubs] = await rows(
      "MATCH (h:Hub)-[:HAS_TRAIT]->(:Trait {name: '深港合作'}) RETURN collect(h.name) AS hubs",
    );
    expect(hubs!.hubs).toEqual(["前海"]);
  });
});

describe("hierarchies", () => {
  it("every region reaches a country; 广州 through 广东, 香港 as a special administrative region", async () => {
    const orphans = await names(
      "MATCH (r:Region) WHERE r.kind <> 'country' AND NOT (r)-[:PART_OF*1..6]->(:Region {kind: 'country'}) RETURN r.name AS name",
    );
    expect(orphans).toEqual([]);
    const regions = await savedRows(service, "region-hierarchy.cypher");
    expect(regions.find((r) => r.region === "广州")!.chain).toEqual(["广州", "广东", "中国"]);
    expect(regions.find((r) => r.region === "香港")).toMatchObject({ kind: "sar", chain: ["香港", "中国"] });
    expect(regions.find((r) => r.region === "萧山区")!.chain).toEqual(["萧山区", "杭州", "浙江", "中国"]);
  });

  it("talent categories: one 高层次人才 with its synonyms as aliases and narrower groups below it", async () => {
    const [high] = await rows(
      "MATCH (c:TalentCategory {name: '高层次人才'}) RETURN c.facet AS facet, c.aliases AS aliases, COUNT { (:TalentCategory)-[:PART_OF*1..]->(c) } AS below",
    );
    expect(high!.facet).toBe("level");
    expect(high!.aliases).toContain("高端人才");
    expect(high!.below).toBeGreaterThan(20);
    expect(
      await names("MATCH (:TalentCategory {name: '外籍高层次人才'})-[:PART_OF]->(p) RETURN p.name AS name"),
    ).toEqual(expect.arrayContaining(["外籍人才", "高层次人才"]));
    const unplaced = await names(
      "MATCH (c:TalentCategory) WHERE c.facet IS NULL AND NOT (c)-[:PART_OF]->(:TalentCategory) RETURN c.name AS name",
    );
    expect(unplaced).toEqual([]);
    const tree = await savedRows(service, "talent-category-tree.cypher");
    const facets = new Set(tree.map((r) => r.facet));
    for (const facet of ["level", "origin", "role", "field", "stage"]) expect(facets).toContain(facet);
  });

  it("industries sit in the national classifications; 生物医药 under 生物产业 of 战略性新兴产业", async () => {
    const unplaced = await names(
      `MATCH (i:Industry) WHERE i.scheme IS NULL
         AND NOT EXISTS { MATCH (i)-[:PART_OF*1..]->(s:Industry) WHERE s.scheme IS NOT NULL }
         AND NOT EXISTS { MATCH (s:Industry)-[:PART_OF*1..]->(i) WHERE s.scheme IS NOT NULL }
       RETURN i.name AS name`,
    );
    expect(unplaced).toEqual([]);
    const chain = await rows(
      "MATCH p = (:Industry {name: '生物医药'})-[:PART_OF*1..3]->(:Industry {name: '战略性新兴产业'}) RETURN [n IN nodes(p) | n.name] AS chain",
    );
    expect(chain.map((r) => r.chain)).toContainEqual(["生物医药", "生物产业", "战略性新兴产业"]);
  });
});

describe("the editorial's claims", () => {
  it("the five common denominators are claims for all three hubs, each summing up a theme", async () => {
    const claims = await rows(
      `MATCH (:Article {kind: 'editorial'})-[:STATES]->(c:Claim {kind: 'common_denominator'})
       RETURN c.name AS name, COUNT { (c)-[:HOLDS_FOR]->(:Hub) } AS hubs, [(c)-[:GENERALIZES]->(t:Theme) | t.name] AS themes
       ORDER BY name`,
    );
    expect(claims).toHaveLength(5);
    for (const c of claims) {
      expect(c.hubs).toBe(3);
      expect(c.themes).toHaveLength(1);
    }
  });

  it("the articles bear the claims out except two: 区域人才合作 not at 张江, 产学研合作 not at 中关村", async () => {
    const all = await savedRows(service, "claims-vs-evidence.cypher");
    const common = all.filter((r) => r.kind === "common_denominator");
    expect(common).toHaveLength(15);
    const gaps = common
      .filter((r) => r.claimed && r.support !== "supported")
      .map((r) => `${(r.claim as string).split("：")[1]} @ ${r.hub as string}`)
      .sort();
    expect(gaps).toEqual(["产学研合作 @ 中关村", "推动区域间人才合作 @ 张江"].sort());
    // each hub's own model is borne out by its own article
    for (const r of all.filter((x) => x.kind === "model" && x.claimed)) expect(r.support).toBe("supported");
  });
});
