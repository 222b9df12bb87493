/**
 * The shared-patterns analyses on the seed, without Neo4j: the knowledge files → the snapshot the
 * importer writes → SnapshotSource.everything() → analyse(). The facts asserted are the source's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import type { GraphData } from "../../web/data/types.ts";
import {
  analyse,
  categoriesAt,
  comparableStatistics,
  cypherCompare,
  findHub,
  GraphIndex,
  hubPairShared,
  roundHalfUp,
  share,
  sharedCategories,
  themeMeasures,
  uniqueToHub,
  type Patterns,
} from "../../web/patterns/analysis.ts";
import { patternNetwork } from "../../web/patterns/network.ts";

const ZJ = "hub:zhangjiang";
const ZGC = "hub:zhongguancun";
const QH = "hub:qianhai";

let data: GraphData;
let p: Patterns;

beforeAll(async () => {
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  expect(problems).toEqual([]);
  // through JSON, as the app reads snapshot.json
  const serialized: unknown = JSON.parse(JSON.stringify(buildSnapshot(kb)));
  data = await new SnapshotSource(serialized).everything();
  p = analyse(data);
});

const name = (id: string) => p.nodes.get(id)!.name;
const names = (ids: string[]) => ids.map(name);
const theme = (zh: string) => p.themes.find((r) => r.theme.name === zh)!;
const category = (zh: string, from: Patterns = p) => from.categories.find((r) => r.category.name === zh)!;
const sorted = (values: string[]) => [...values].sort();

describe("the graph data", () => {
  it("holds every entity and relationship of the knowledge files", () => {
    const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
    expect(data.nodes).toHaveLength(kb.nodes.length);
    expect(data.edges).toHaveLength(kb.relations.length);
    expect(new Set(data.edges.map((e) => e.id)).size).toBe(data.edges.length);
  });
});

describe("hubs", () => {
  it("come by year established (前海 has none: last), as the queries order them", () => {
    expect(p.hubs.map((h) => h.name)).toEqual(["中关村", "张江", "前海"]);
    expect(findHub(p.hubs, "Qianhai")?.id).toBe(QH);
    expect(findHub(p.hubs, "前海深港现代服务业合作区")?.id).toBe(QH);
    expect(findHub(p.hubs, "nowhere")).toBeUndefined();
  });
});

describe("themes", () => {
  it("15 themes at all three hubs, 6 at two, 2 at 前海 alone; none without a hub", () => {
    expect(p.themes).toHaveLength(23);
    const of = (s: string) => p.themes.filter((r) => r.share === s).map((r) => r.theme.name);
    expect(of("all")).toEqual([
      "国际人才引进",
      "体制机制改革",
      "科技金融",
      "创业扶持",
      "孵化与创业载体",
      "出入境与居留",
      "人才培养",
      "一站式服务",
      "创新平台",
      "医疗服务",
      "人才评价",
      "人才计划",
      "就业服务",
      "人力资源服务",
      "人才组织与联盟",
    ]);
    expect(sorted(of("two"))).toEqual(
      sorted(["人才住房", "子女教育", "工作站", "产学研合作", "区域人才合作", "生活配套"]),
    );
    expect(of("one")).toEqual(["资金资助与税收优惠", "法治环境"]);
    expect(of("none")).toEqual([]);
    expect(theme("资金资助与税收优惠")).toMatchObject({ hubIds: [QH], total: 30 });
    // 张江's two: the financing services of the science parks of 复旦大学 and 上海理工大学
    const finance = theme("科技金融");
    expect(finance).toMatchObject({ share: "all", hubIds: [ZGC, ZJ, QH], total: 30 });
    expect(sorted(finance.byHub[ZJ]!)).toEqual([
      "measure:zhangjiang/fudan-park-financing-services",
      "measure:zhangjiang/usst-park-tech-finance",
    ]);
    expect([finance.byHub[ZGC]!.length, finance.byHub[QH]!.length]).toEqual([12, 16]);
  });

  it("医疗服务 is shared by all three hubs, with the measures behind each and their quotes", () => {
    const medical = theme("医疗服务");
    expect(medical).toMatchObject({ share: "all", hubCount: 3, total: 14, hubIds: [ZGC, ZJ, QH] });
    expect(Object.fromEntries(Object.entries(medical.byHub).map(([h, ids]) => [h, ids.length]))).toEqual({
      [ZGC]: 3,
      [ZJ]: 5,
      [QH]: 6,
    });
    expect(sorted(names(medical.byHub[ZGC]!))).toEqual(
      sorted(["开通绿色就诊通道", "指定5所三级甲等医院作为定点医院", "高层次人才医疗照顾待遇"]),
    );
    expect(names(medical.byHub[ZJ]!)).toContain("建立“上海国际医学中心”");
    expect(names(medical.byHub[QH]!)).toContain("允许香港服务业提供者在前海设立独资医院");
    const green = medical.byHub[ZGC]!.find((id) => name(id) === "开通绿色就诊通道")!;
    expect(p.nodes.get(green)!.evidence[0]!.quote).toBe("开通绿色就诊通道，服务高端人才就医");
    // measures-shared-theme: the same measures, by hub then name
    const listed = themeMeasures(p, "Medical care")!;
    expect(listed.hubCount).toBe(3);
    expect(listed.measures.map((m) => m.hubId)).toEqual([
      ...Array<string>(3).fill(ZGC),
      ...Array<string>(5).fill(ZJ),
      ...Array<string>(6).fill(QH),
    ]);
    expect(themeMeasures(p, "no such theme")).toBeNull();
  });

  it("postdoctoral workstations: at 张江 and 前海, not at 中关村 — as a theme and as a carrier kind", () => {
    const workstations = theme("工作站");
    expect(workstations).toMatchObject({ share: "two", hubIds: [ZJ, QH] });
    expect(workstations.byHub[ZGC]).toEqual([]);
    expect(workstations.byHub[ZJ]).toHaveLength(2);
    expect(workstations.byHub[QH]).toEqual(
      expect.arrayContaining([
        "measure:qianhai/p-postdoc-workstation",
        "measure:qianhai/p-sz-hk-postdoc-base",
      ]),
    );
    const kind = p.carrierKinds.find((r) => r.kind === "workstation")!;
    expect(kind).toMatchObject({ share: "two", hubIds: [ZJ, QH] });
    expect(kind.byHub[ZGC]).toEqual([]);
    const postdoc = (ids: string[]) => names(ids).filter((n) => n.includes("博士后"));
    expect(postdoc(kind.byHub[ZJ]!)).toEqual(["企业博士后工作站"]);
    expect(sorted(postdoc(kind.byHub[QH]!))).toEqual(sorted(["前海博士后科研工作站", "金融博士后工作站"]));
    // one carrier node, 院士专家工作站, belongs to both
    expect(kind.byHub[ZJ]).toContain("carrier:academician-expert-workstation");
    expect(kind.byHub[QH]).toContain("carrier:academician-expert-workstation");
  });

  it("the talent special zone (人才特区): 中关村's and 前海's measures meet under 体制机制改革", () => {
    const zgcZone = "measure:zhongguancun/build-talent-special-zone";
    const qhZone = "measure:qianhai/talent-special-zone";
    expect(p.nodes.get(zgcZone)!.evidence.map((e) => e.quote)).toContain("大力建设人才特区");
    expect(p.nodes.get(qhZone)!.evidence[0]!.quote).toContain("“人才特区”");
    // 中关村 is positioned as the national talent special zone (a Positioning of the hub)
    const positioning = data.edges.find(
      (e) => e.type === "HAS_POSITIONING" && e.source === ZGC && name(e.target) === "国家级人才特区",
    );
    expect(positioning).toBeDefined();

    const reform = theme("体制机制改革");
    expect(reform.share).toBe("all");
    expect(reform.byHub[ZGC]).toContain(zgcZone);
    expect(reform.byHub[QH]).toContain(qhZone);

    // the pair's similarity carries both measures behind the shared theme
    const pair = p.similarity.find((s) => s.hubA === QH && s.hubB === ZGC)!;
    const shared = pair.themes.shared.find((t) => t.name === "体制机制改革")!;
    expect(shared.idsA).toContain(qhZone);
    expect(shared.idsB).toContain(zgcZone);
    expect(hubPairShared(p, ZGC, QH).find((t) => t.id === "theme:institutional-reform")).toMatchObject({
      idsA: expect.arrayContaining([zgcZone]) as unknown,
      idsB: expect.arrayContaining([qhZone]) as unknown,
    });

    // and both are classified alike: environmental and demand-side, at the attract and use stages
    for (const [hub, measure] of [
      [ZGC, zgcZone],
      [QH, qhZone],
    ] as const) {
      const matrix = p.instrumentStage.find((m) => m.hubId === hub)!;
      for (const type of ["instrument:environmental", "instrument:demand"])
        for (const stage of ["stage:attract", "stage:use"])
          expect(matrix.cells[type]![stage], `${hub} ${type} ${stage}`).toContain(measure);
      expect(matrix.cells["instrument:supply"]!["stage:attract"]).not.toContain(measure);
    }
  });

  it("unique-to-hub: 张江 has no theme of its own, 前海 two", () => {
    const zj = uniqueToHub(p, ZJ);
    expect(zj.filter((t) => t.dimension === "theme")).toEqual([]);
    // by top-level class, only 本土人才 is 张江's own (21 wordings were, before the hierarchy)
    expect(zj.filter((t) => t.dimension === "category").map((t) => t.name)).toEqual(["本土人才"]);
    expect(zj.filter((t) => t.dimension === "carrierKind")).toMatchObject([
      { id: "community", name: "社区", ids: ["carrier:zhangjiang-international-talent-apartment"] },
    ]);
    const qh = uniqueToHub(p, QH).filter((t) => t.dimension === "theme");
    expect(qh.map((t) => [t.name, t.ids.length])).toEqual([
      ["资金资助与税收优惠", 30],
      ["法治环境", 11],
    ]);
  });
});

describe("talent categories and carrier kinds", () => {
  it("by top-level class, five categories at all three hubs (高层次人才 among them), five more at two", () => {
    expect(p.categoryLevel).toBe("class");
    expect(sorted(p.categories.filter((r) => r.share === "all").map((r) => r.category.name))).toEqual(
      sorted(["境外人才", "高层次人才", "专业人才", "青年人才", "创新创业人才"]),
    );
    expect(sorted(sharedCategories(p).map((r) => r.category.name))).toEqual(
      sorted([
        "境外人才",
        "高层次人才",
        "专业人才",
        "青年人才",
        "创新创业人才",
        "现代服务业人才",
        "紧缺人才",
        "就业人员",
        "高校大学生",
        "高校毕业生",
      ]),
    );
    const top = p.categories[0]!;
    expect(top.category.name).toBe("境外人才");
    expect([top.byHub[ZGC]!.length, top.byHub[ZJ]!.length, top.byHub[QH]!.length]).toEqual([8, 10, 36]);
    // a measure targeting 港澳青年 counts under the class it falls under, 境外人才
    const youth = p.nodes.get("talent:hk-macao-youth")!;
    expect(youth.name).toBe("港澳青年");
    expect(categoriesAt(new GraphIndex(data), youth.id, "class")).toContain("talent:overseas-talent");
  });

  it("as named, the wording still differs: three categories at all three hubs, 85 in all", () => {
    const named = analyse(data, { categoryLevel: "named" });
    expect(sorted(named.categories.filter((r) => r.share === "all").map((r) => r.category.name))).toEqual(
      sorted(["高层次人才", "外籍人才", "外籍高层次人才"]),
    );
    expect(named.categories).toHaveLength(85);
    expect(category("港澳青年", named).hubIds).toEqual([QH]);
    // with every broader category, 高层次人才 and its narrower 外籍高层次人才 both count at every hub
    const all = analyse(data, { categoryLevel: "all" });
    const everywhere = all.categories.filter((r) => r.share === "all").map((r) => r.category.name);
    expect(everywhere).toEqual(
      expect.arrayContaining(["高层次人才", "外籍高层次人才", "境外人才", "外籍人才"]),
    );
  });

  it("parks and platforms at all three hubs; lab platforms only at 中关村, fund towns only at 前海", () => {
    const of = (s: string) => p.carrierKinds.filter((r) => r.share === s).map((r) => r.kind);
    expect(sorted(of("all"))).toEqual(["park", "platform"]);
    expect(sorted(of("two"))).toEqual(["base", "incubator", "service_center", "workstation"]);
    expect(p.carrierKinds.find((r) => r.kind === "lab_platform")!.hubIds).toEqual([ZGC]);
    expect(p.carrierKinds.find((r) => r.kind === "fund_town")!.hubIds).toEqual([QH]);
    expect(p.carrierKinds.some((r) => r.kind === "other")).toBe(false);
  });
});

describe("instrument × stage", () => {
  it("counts each hub's measures by instrument type and stage", () => {
    expect(p.instrumentTypes.map((t) => t.name)).toEqual([
      "供给型政策工具",
      "环境型政策工具",
      "需求型政策工具",
    ]);
    expect(p.stages.map((s) => s.name)).toEqual(["引才", "育才", "用才", "留才"]);
    const row = (hub: string, type: string) => {
      const m = p.instrumentStage.find((x) => x.hubId === hub)!;
      return [...p.stages.map((s) => m.cells[type]![s.id]!.length), m.byType[type]!.length];
    };
    expect(row(ZJ, "instrument:supply")).toEqual([8, 14, 11, 19, 38]);
    expect(row(ZJ, "instrument:environmental")).toEqual([15, 4, 15, 7, 27]);
    expect(row(ZGC, "instrument:environmental")).toEqual([11, 3, 25, 5, 32]);
    expect(row(QH, "instrument:demand")).toEqual([18, 4, 18, 4, 35]);
    const qh = p.instrumentStage.find((x) => x.hubId === QH)!;
    // every measure of the hub is at some stage; byStage counts each once whatever its instruments
    expect(qh.byStage["stage:retain"]!.length).toBeGreaterThanOrEqual(37);
  });
});

describe("similarity", () => {
  it("张江 and 前海 are the most alike", () => {
    expect(p.similarity).toHaveLength(3);
    const [first] = p.similarity;
    expect([first!.hubA, first!.hubB]).toEqual([QH, ZJ]);
    expect(first!.themes).toMatchObject({ rounded: 0.87, ratio: "20/23" });
    // by top-level class; as named (wording) it was 6/79 = 0.076
    expect(first!.categories).toMatchObject({ rounded: 0.692, ratio: "9/13" });
    expect(first!.mean).toBe(0.729);
    expect(first!.carrierKinds).toMatchObject({ rounded: 0.625, ratio: "5/8" });
    expect(first!.carrierKinds.shared.map((t) => t.nameEn)).toEqual([
      "base",
      "park",
      "platform",
      "service_center",
      "workstation",
    ]);
    const zjZgc = p.similarity.find((s) => s.hubA === ZJ && s.hubB === ZGC)!;
    expect(zjZgc.categories).toMatchObject({ rounded: 0.417, ratio: "5/12" });
    expect(zjZgc.themes).toMatchObject({ rounded: 0.714, ratio: "15/21" });
    expect(zjZgc.themes.union).toHaveLength(21);
    expect(zjZgc.mean).toBe(0.46);
    // by mean: 前海 and 中关村 (0.511) now come before 张江 and 中关村 (0.46): they share more
    // classes of talent than their wording showed
    expect(p.similarity.map((s) => [s.hubA, s.hubB])).toEqual([
      [QH, ZJ],
      [QH, ZGC],
      [ZJ, ZGC],
    ]);
  });
});

describe("statistics side by side", () => {
  it("all 76 hub figures; only those of one metric, population kind and unit are compared", () => {
    expect(p.statistics).toHaveLength(76);
    const count = (hub: string) => p.statistics.filter((r) => r.hubId === hub).length;
    expect([count(ZJ), count(ZGC), count(QH)]).toEqual([40, 25, 11]);
    const comparable = comparableStatistics(p.statistics);
    expect(comparable.map((r) => r.topic)).toEqual([
      "area",
      "area",
      "master-or-above/employees",
      "master-or-above/employees",
      "returnees",
      "returnees",
    ]);
    expect(comparable.find((r) => r.statistic.props.measure === "硕士及以上学历就业人员")).toMatchObject({
      hubId: ZJ,
      hubs: 2,
      statistic: { props: { value: 4.97, unit: "万人", baseValue: 49700, baseUnit: "人" } },
    });
    // the average ages look alike but count different populations: not compared, and said why
    const ages = p.statistics.filter((r) => String(r.statistic.props.metric).startsWith("average-age/"));
    expect(ages.map((r) => [r.hubId, r.reason, r.statistic.props.value])).toEqual([
      [QH, "population", 37],
      [ZJ, "population", 32],
    ]);
    expect(p.statistics.find((r) => r.statistic.props.target === true)).toBeUndefined();
  });
});

describe("the Zhejiang lens", () => {
  it("Zhejiang news touches every theme but entry and residence", () => {
    const lens = p.zhejiang;
    expect(lens.region).toBe("浙江");
    expect(lens.regionIds).toEqual(["region:zhejiang"]);
    expect(lens.rows).toHaveLength(23);
    expect(lens.rows[0]).toMatchObject({ hubIds: [ZJ, QH], coverage: "both", inNews: true });
    expect(lens.rows[0]!.theme.name).toBe("产学研合作");
    expect(lens.rows[0]!.news).toHaveLength(11);
    expect(lens.rows.filter((r) => !r.inNews).map((r) => r.theme.name)).toEqual(["出入境与居留"]);
    const funding = lens.rows.find((r) => r.theme.name === "资金资助与税收优惠")!;
    expect(name(funding.news[0]!.newsId)).toBe("浙江省科学技术奖励大会在杭州举行");
    const employment = lens.rows.find((r) => r.theme.name === "就业服务")!;
    expect(employment.news.map((n) => n.date)).not.toContain("2020-07-06");
    // another region: 杭州's news only
    const hangzhou = analyse(data, { region: "Hangzhou" }).zhejiang;
    expect(hangzhou.regionIds).toEqual(["region:hangzhou"]);
    const dates = new Set(hangzhou.rows.flatMap((r) => r.news.map((n) => n.date)));
    expect([...dates].sort()).toEqual(["2020-07-17", "2020-07-20", "2020-07-23"]);
  });
});

describe("the pattern network", () => {
  it("links hubs to themes and categories by measure counts, with seeded communities and PageRank", () => {
    const graph = patternNetwork(p, { seed: 7, layers: ["theme", "category"] });
    expect(graph.order).toBe(3 + 23 + p.categories.length);
    expect(graph.getEdgeAttributes(`${ZJ}|theme:medical`)).toMatchObject({ weight: 5 });
    expect(graph.getEdgeAttributes(`${ZJ}|theme:medical`).measureIds).toEqual(theme("医疗服务").byHub[ZJ]);
    expect(graph.hasEdge(`${ZGC}|theme:workstations`)).toBe(false);
    const total = graph.reduceNodes((sum, _id, a) => sum + a.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
    const ranked = graph
      .filterNodes(() => true)
      .sort((a, b) => graph.getNodeAttribute(b, "pagerank") - graph.getNodeAttribute(a, "pagerank"));
    expect(ranked[0]).toBe(QH);
    expect(graph.getAttribute("communities")).toBeGreaterThan(1);
    // the same seed, the same communities
    const again = patternNetwork(p, { seed: 7, layers: ["theme", "category"] });
    graph.forEachNode((id, a) => expect(again.getNodeAttribute(id, "community")).toBe(a.community));
    // only what two or more hubs share
    const shared = patternNetwork(p, { minHubs: 2, layers: ["theme", "category"] });
    expect(shared.order).toBe(3 + 21 + sharedCategories(p).length);
  });
});

describe("helpers", () => {
  it("order, round and name shares as Cypher does", () => {
    expect([3, null, 1].sort(cypherCompare)).toEqual([1, 3, null]);
    expect(["张江", "中关村", "前海"].sort(cypherCompare)).toEqual(["中关村", "前海", "张江"]);
    expect(roundHalfUp(0.8260869565217391, 3)).toBe(0.826);
    expect(roundHalfUp(1.0005, 3)).toBe(1.001);
    expect(roundHalfUp(0.0625, 3)).toBe(0.063);
    expect([0, 1, 2, 3, 4].map((n) => share(n, 4))).toEqual(["none", "one", "two", "3", "all"]);
  });
});
