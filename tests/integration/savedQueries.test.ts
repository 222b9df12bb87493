import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindParams, parseSavedQuery } from "../../graph/savedQuery.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { testConfig, testService } from "../setup/graph.ts";
import { saved, savedRows } from "../setup/savedQueries.ts";

const service = testService();

beforeAll(async () => {
  await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
});
afterAll(() => service.close());

const run = (file: string, params: Record<string, string> = {}) => savedRows(service, file, params);

describe("saved queries", () => {
  it("all have a bilingual header", () => {
    expect(saved.size).toBeGreaterThanOrEqual(19);
    for (const q of saved.values()) {
      expect(q.title.length).toBeGreaterThan(1);
      expect(q.titleEn.length).toBeGreaterThan(1);
      expect(q.descriptionEn.length).toBeGreaterThan(10);
    }
  });

  it("hub-profile: 张江 with its positionings and traits", async () => {
    const [row] = await run("hub-profile.cypher");
    expect(row).toMatchObject({ hub: "张江", hubEn: "Zhangjiang", model: "张江模式" });
    expect(row!.positionings).toContain("综合性国家科学中心");
    expect(row!.traits).toEqual(expect.arrayContaining(["高端化", "国际化", "年轻化"]));
    expect(row!.measures).toBeGreaterThan(20);
    const [byAlias] = await run("hub-profile.cypher", { hub: "前海深港现代服务业合作区" });
    expect(byAlias!.hub).toBe("前海");
  });

  it("alliance-members: the five founders of 中国智能终端安全产业联盟", async () => {
    const rows = await run("alliance-members.cypher");
    const alliance = rows.find((r) => r.alliance === "中国智能终端安全产业联盟")!;
    expect(alliance.founded).toBe(2015);
    const members = (alliance.members as { member: string }[]).map((m) => m.member).sort();
    expect(members).toEqual(
      ["上海市浦东新区研发机构联合会", "上海市通信制造业协会", "中兴通讯", "腾讯", "阿里YunOS"].sort(),
    );
  });

  it("hub-statistics: 中关村's 353 listed companies", async () => {
    const rows = await run("hub-statistics.cypher", { hub: "Zhongguancun" });
    expect(rows.find((r) => r.measure === "上市公司数量")).toMatchObject({ value: 353, unit: "家" });
  });

  it("measures-by-theme: medical care at all three hubs, workstations at 张江 and 前海 only", async () => {
    const rows = await run("measures-by-theme.cypher");
    const hubsOf = (theme: string) =>
      (rows.find((r) => r.theme === theme)!.perHub as { hub: string }[]).map((p) => p.hub).sort();
    expect(hubsOf("医疗服务")).toEqual(["中关村", "前海", "张江"].sort());
    expect(hubsOf("工作站")).toEqual(["前海", "张江"].sort());
    expect(rows[0]!.hubs).toBe(3);
  });

  it("talent-categories-by-hub: 前海 targets 港澳青年 most", async () => {
    const rows = await run("talent-categories-by-hub.cypher");
    expect(rows[0]!.category).toBe("港澳青年");
  });

  it("news-by-place: the 19 dated news items of July 2020", async () => {
    const rows = await run("news-by-place.cypher");
    expect(rows).toHaveLength(19);
    for (const r of rows) expect(r.date).toMatch(/^2020-07-\d\d$/);
  });

  it("rejects a header without a title and an unreadable parameter, naming the line", () => {
    expect(() => parseSavedQuery("x.cypher", "// description: d\nRETURN 1")).toThrow(/x\.cypher:1: .*title/);
    expect(() => parseSavedQuery("y.cypher", "// title: t\n// title_en: t\n// param: $$$\nRETURN 1")).toThrow(
      /y\.cypher:3: cannot read the parameter/,
    );
    const q = parseSavedQuery("z.cypher", "// title: t\n// title_en: t\n// param: n integer = 3\nRETURN $n");
    expect(() => bindParams(q, { n: "three" })).toThrow(/not an integer/);
  });
});

type Item = { name: string; nameEn: string; quotes: number };
type PerHub = { hub: string; hubEn: string; measures: number };
const perHubCounts = (value: unknown) =>
  Object.fromEntries((value as PerHub[]).map((p) => [p.hub, p.measures] as const));
const itemNames = (value: unknown) => (value as Item[]).map((i) => i.name);
const sorted = (values: unknown[]) => [...values].sort();

describe("comparison queries", () => {
  it("every saved query runs with its defaults, in READ mode", async () => {
    for (const file of saved.keys()) {
      await expect(run(file), file).resolves.toBeInstanceOf(Array);
    }
  });

  it("themes-shared-by-hubs: 15 themes at all three hubs, 6 at two, two at 前海 only", async () => {
    const rows = await run("themes-shared-by-hubs.cypher");
    expect(rows).toHaveLength(23);
    const share = (s: string) => rows.filter((r) => r.share === s).map((r) => r.theme);
    expect(share("all")).toHaveLength(15);
    expect(share("all")).toContain("科技金融");
    expect(sorted(share("two"))).toEqual(
      sorted(["人才住房", "子女教育", "工作站", "产学研合作", "区域人才合作", "生活配套"]),
    );
    expect(sorted(share("one"))).toEqual(sorted(["资金资助与税收优惠", "法治环境"]));
    // sorted by hub count, then measures: 国际人才引进 has the most measures of the shared themes
    expect(rows[0]).toMatchObject({ theme: "国际人才引进", hubs: 3, shareZh: "全部共有", measures: 52 });
    const medical = rows.find((r) => r.theme === "医疗服务")!;
    expect(perHubCounts(medical.perHub)).toEqual({ 张江: 5, 中关村: 3, 前海: 6 });
    // the science parks of 复旦大学 and 上海理工大学 in 张江 offer financing services
    const finance = rows.find((r) => r.theme === "科技金融")!;
    expect(finance).toMatchObject({ share: "all", measures: 30 });
    expect(perHubCounts(finance.perHub)).toEqual({ 中关村: 12, 张江: 2, 前海: 16 });
    const workstations = rows.find((r) => r.theme === "工作站")!;
    expect(workstations).toMatchObject({ share: "two", shareZh: "两地共有" });
    expect(perHubCounts(workstations.perHub)).toEqual({ 张江: 2, 前海: 6 });
    expect(rows.find((r) => r.theme === "资金资助与税收优惠")).toMatchObject({
      hubNames: ["前海"],
      measures: 30,
    });
  });

  it("unique-to-hub: 张江 has no theme of its own, one class of talent (19 wordings) and the talent community", async () => {
    const rows = await run("unique-to-hub.cypher");
    expect(rows.filter((r) => r.dimensionEn === "theme")).toEqual([]);
    const categories = rows.filter((r) => r.dimensionEn === "talent category");
    expect(categories.map((r) => r.name)).toEqual(["本土人才"]);
    const named = (await run("unique-to-hub.cypher", { level: "named" })).filter(
      (r) => r.dimensionEn === "talent category",
    );
    expect(named).toHaveLength(19);
    expect(named[0]).toMatchObject({ name: "研究生", nameEn: "Graduate students", count: 4 });
    expect(named.map((r) => r.name)).toEqual(
      expect.arrayContaining(["首席科学家", "导师", "高峰人才", "长三角高端人群", "外资研发中心人才"]),
    );
    const kinds = rows.filter((r) => r.dimensionEn === "carrier kind");
    expect(kinds).toHaveLength(1);
    expect(kinds[0]).toMatchObject({ name: "社区", nameEn: "community" });
    expect(itemNames(kinds[0]!.items)).toEqual(["张江国际人才公寓"]);

    const qianhai = await run("unique-to-hub.cypher", { hub: "Qianhai" });
    const themes = qianhai.filter((r) => r.dimensionEn === "theme");
    expect(themes.map((r) => [r.name, r.count])).toEqual([
      ["资金资助与税收优惠", 30],
      ["法治环境", 11],
    ]);
    for (const item of themes[0]!.items as Item[]) expect(item.quotes).toBeGreaterThanOrEqual(1);
    expect(qianhai.filter((r) => r.dimensionEn === "talent category")).toHaveLength(2);
    expect(
      (await run("unique-to-hub.cypher", { hub: "Qianhai", level: "named" })).filter(
        (r) => r.dimensionEn === "talent category",
      ),
    ).toHaveLength(51);
    expect(qianhai.filter((r) => r.dimensionEn === "carrier kind").map((r) => r.name)).toEqual(["基金小镇"]);
  });

  it("hub-pair-shared: 张江 and 前海 share 20 themes, 9 classes of talent (6 wordings) and 5 carrier kinds", async () => {
    const rows = await run("hub-pair-shared.cypher");
    const of = (dimension: string) => rows.filter((r) => r.dimensionEn === dimension);
    expect(of("theme")).toHaveLength(20);
    expect(of("theme")[0]).toMatchObject({
      hubA: "张江",
      hubB: "前海",
      name: "国际人才引进",
      countA: 21,
      countB: 23,
    });
    expect(sorted(of("talent category").map((r) => r.name))).toEqual(
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
      ]),
    );
    const named = (await run("hub-pair-shared.cypher", { level: "named" })).filter(
      (r) => r.dimensionEn === "talent category",
    );
    expect(sorted(named.map((r) => r.name))).toEqual(
      sorted(["创新创业人才", "高层次人才", "外籍人才", "外籍高层次人才", "紧缺人才", "境外人才"]),
    );
    expect(sorted(of("carrier kind").map((r) => r.nameEn))).toEqual([
      "base",
      "park",
      "platform",
      "service_center",
      "workstation",
    ]);
    expect(of("carrier kind").find((r) => r.nameEn === "workstation")).toMatchObject({
      countA: 5,
      countB: 3,
    });

    const zq = await run("hub-pair-shared.cypher", { a: "Zhongguancun", b: "前海深港现代服务业合作区" });
    expect(zq.find((r) => r.name === "科技金融")).toMatchObject({ hubA: "中关村", countA: 12, countB: 16 });
    expect(zq.some((r) => r.name === "人才住房")).toBe(false);
    expect(sorted(zq.filter((r) => r.dimensionEn === "carrier kind").map((r) => r.nameEn))).toEqual([
      "incubator",
      "park",
      "platform",
    ]);
  });

  it("measures-shared-theme: the 14 medical-care measures of the three hubs with their first quotes", async () => {
    const rows = await run("measures-shared-theme.cypher");
    expect(rows).toHaveLength(14);
    const byHub = (hub: string) => rows.filter((r) => r.hub === hub).map((r) => r.measure);
    expect(sorted(byHub("中关村"))).toEqual(
      sorted(["开通绿色就诊通道", "指定5所三级甲等医院作为定点医院", "高层次人才医疗照顾待遇"]),
    );
    expect(byHub("张江")).toHaveLength(5);
    expect(byHub("张江")).toContain("建立“上海国际医学中心”");
    expect(byHub("前海")).toHaveLength(6);
    expect(byHub("前海")).toContain("允许香港服务业提供者在前海设立独资医院");
    for (const r of rows) expect(r).toMatchObject({ theme: "医疗服务", themeEn: "Medical care", hubs: 3 });
    // the quote taken apart in Cypher is the first one of the stored evidence JSON
    const stored = await service.read(
      "MATCH (m:Measure) WHERE m.name IN $names RETURN m.name AS name, m.evidence AS evidence",
      { names: rows.map((r) => r.measure) },
    );
    for (const { name, evidence } of stored.rows) {
      const quotes = (JSON.parse(evidence as string) as { quote: string }[]).map((e) => e.quote);
      expect(rows.find((r) => r.measure === name)).toMatchObject({ quote: quotes[0], quotes: quotes.length });
    }
    expect(rows.find((r) => r.measure === "开通绿色就诊通道")!.quote).toBe(
      "开通绿色就诊通道，服务高端人才就医",
    );

    const housing = await run("measures-shared-theme.cypher", { theme: "theme:housing" });
    expect(new Set(housing.map((r) => r.hub))).toEqual(new Set(["张江", "前海"]));
    expect(housing).toHaveLength(9);
  });

  it("institutions-by-hub: 张江's workstations, the universities running its science parks, 中关村's universities", async () => {
    const rows = await run("institutions-by-hub.cypher");
    const group = (typeEn: string, kindEn: string) =>
      rows.find((r) => r.typeEn === typeEn && r.kindEn === kindEn) as
        { count: number; items: unknown } | undefined;
    expect(group("Carrier", "workstation")!.count).toBe(5);
    expect(itemNames(group("Carrier", "workstation")!.items)).toEqual(
      expect.arrayContaining(["院士专家工作站", "企业博士后工作站", "张江海外人才工作站（美国硅谷）"]),
    );
    expect(rows.find((r) => r.kindEn === "workstation")).toMatchObject({ kind: "工作站", type: "载体" });
    const universities = group("Organization", "university")!.items as { name: string; via: string[] }[];
    expect(universities.map((u) => [u.name, u.via])).toEqual([
      ["上海理工大学", ["OPERATES 上海理工大学国家科技园"]],
      ["复旦大学", ["OPERATES 复旦大学国家科技园"]],
    ]);
    expect(itemNames(group("Organization", "hospital")!.items)).toEqual(["上海国际医学中心"]);

    const zgc = await run("institutions-by-hub.cypher", { hub: "中关村" });
    const zgcUniversities = zgc.find((r) => r.typeEn === "Organization" && r.kindEn === "university")!;
    expect(sorted(itemNames(zgcUniversities.items))).toEqual(
      sorted(["清华大学", "北京大学", "中国人民大学", "高校院所"]),
    );
    expect(zgc.find((r) => r.kindEn === "lab_platform")).toMatchObject({ count: 4, kind: "科研平台" });
  });

  it("statistics-side-by-side: all 76 hub figures; compared only within one metric, population kind and unit", async () => {
    const all = await run("statistics-side-by-side.cypher");
    expect(all).toHaveLength(76);
    const count = (hub: string) => all.filter((r) => r.hub === hub).length;
    expect([count("张江"), count("中关村"), count("前海")]).toEqual([40, 25, 11]);

    const rows = await run("statistics-side-by-side.cypher", { comparable: "true" });
    expect(rows.map((r) => r.topic)).toEqual([
      "area",
      "area",
      "master-or-above/employees",
      "master-or-above/employees",
      "returnees",
      "returnees",
    ]);
    expect(rows.find((r) => r.metric === "硕士及以上学历就业人员")).toMatchObject({
      hub: "张江",
      value: 4.97,
      unit: "万人",
      baseValue: 49700,
      baseUnit: "人",
      hubs: 2,
      reason: null,
    });
    const returnees = rows.filter((r) => r.topic === "returnees");
    expect(returnees.map((r) => [r.hub, r.baseValue, r.baseUnit])).toEqual([
      ["中关村", 50000, "人"],
      ["张江", 7500, "人"],
    ]);
    expect(returnees.find((r) => r.hub === "张江")).toMatchObject({ year: 2016, asOf: "截至2016年" });
    // 前海's shares of degree holders are of its mid/high-end talent (2018 report), 中关村's of all
    // employees: one measure, two populations, not compared — and each row says so
    const masters = all.filter((r) =>
      ((r.metricKey as string | null) ?? "").startsWith("master-or-above-share/"),
    );
    expect(masters.map((r) => [r.hub, r.reason])).toEqual(
      expect.arrayContaining([
        ["中关村", "population"],
        ["前海", "population"],
      ]),
    );
    expect(masters.find((r) => r.hub === "前海")).toMatchObject({ value: 30, unit: "%", year: 2018 });
    expect(masters.find((r) => r.hub === "前海")!.population as string).toContain("中高端人才");
  });

  it("news-by-city-and-theme: three news items in 杭州; talent programmes in Zhejiang; medical care anywhere", async () => {
    const hangzhou = await run("news-by-city-and-theme.cypher");
    expect(hangzhou.map((r) => r.date)).toEqual(["2020-07-17", "2020-07-20", "2020-07-23"]);
    expect(hangzhou[1]).toMatchObject({ title: "浙江大学杭州国际科创中心首期开园", place: "杭州市萧山区" });
    expect(hangzhou[1]!.regions).toEqual(expect.arrayContaining(["萧山区", "杭州"]));
    expect(hangzhou[2]!.themes).toEqual(expect.arrayContaining(["科技金融"]));

    const zhejiang = await run("news-by-city-and-theme.cypher", { city: "浙江" });
    expect(zhejiang).toHaveLength(18);
    expect(zhejiang.map((r) => r.date)).not.toContain("2020-07-06");
    const programmes = await run("news-by-city-and-theme.cypher", { city: "Zhejiang", theme: "人才计划" });
    expect(programmes.map((r) => r.date)).toEqual([
      "2020-07-07",
      "2020-07-08",
      "2020-07-14",
      "2020-07-15",
      "2020-07-28",
    ]);
    const medical = await run("news-by-city-and-theme.cypher", { city: "全部", theme: "Medical care" });
    expect(medical).toHaveLength(1);
    expect(medical[0]).toMatchObject({ title: "舟山人才码上线", place: "舟山", date: "2020-07-10" });
    expect(await run("news-by-city-and-theme.cypher", { city: "", theme: "" })).toHaveLength(19);
  });

  it("connection-between: 张江 reaches 浙江 in three steps, drawn as paths", async () => {
    const rows = await run("connection-between.cypher");
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      expect(r.hops).toBe(3);
      expect(r.names).toEqual([expect.anything(), expect.anything(), expect.anything(), expect.anything()]);
      expect((r.names as string[])[0]).toBe("张江");
      expect((r.names as string[])[3]).toBe("浙江");
      expect(r.path).toMatchObject({ kind: "path" });
      expect((r.path as { nodes: unknown[] }).nodes).toHaveLength(4);
    }
    expect(rows.map((r) => r.route)).toContain(
      "张江 <-[DESCRIBES]- 上海张江人才政策及人才集聚经验研究 -[MENTIONS]-> 长三角 <-[PART_OF]- 浙江",
    );
    expect(rows.map((r) => r.route)).toContain(
      "张江 -[FOCUSES_ON]-> 高端装备制造 <-[FOCUSES_ON]- 浙江省“万人计划” <-[IMPLEMENTS]- 浙江",
    );

    const hubs = await run("connection-between.cypher", { from: "Zhongguancun", to: "前海" });
    // besides the editorial and a shared trait, each of the editorial's five common denominators
    // is a claim that holds for both
    expect(hubs.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        "中关村 <-[DESCRIBES]- 卷首语 -[DESCRIBES]-> 前海",
        "中关村 -[HAS_TRAIT]-> 高学历化 <-[HAS_TRAIT]- 前海",
        "中关村 <-[HOLDS_FOR]- 科创中心发展措施的公约数：产学研合作 -[HOLDS_FOR]-> 前海",
      ]),
    );
    expect(hubs.filter((r) => (r.route as string).includes("HOLDS_FOR"))).toHaveLength(5);

    // two measures of different hubs: two steps apart through a shared instrument, four steps without taxonomy nodes
    const ends = {
      from: "measure:zhangjiang/multi-permit-pilot",
      to: "measure:qianhai/financial-dedicated-supervision",
    };
    const plain = await run("connection-between.cypher", ends);
    expect(plain.length).toBeGreaterThan(0);
    for (const r of plain) expect(r.hops).toBe(4);
    const viaTaxonomy = await run("connection-between.cypher", { ...ends, viaTaxonomy: "true" });
    expect(viaTaxonomy.map((r) => r.relationships)).toEqual([["HAS_INSTRUMENT", "HAS_INSTRUMENT"]]);
    expect((viaTaxonomy[0]!.names as string[])[1]).toBe("体制改革");
  });

  it("policy-leads-to: 前海's carrier fund rules — nine grants to two kinds of carrier; the 中关村 action plan's issuers and carrier", async () => {
    // (前海人才政策 was a section heading, not a policy document: the canonical graph no longer has it)
    const [row] = await run("policy-leads-to.cypher");
    expect(row).toMatchObject({
      policy: "前海深港现代服务业合作区支持创新创业载体发展专项资金实施细则（试行）",
      implementedBy: ["前海"],
      measureCount: 9,
    });
    // the query collects carriers in no set order
    expect(sorted(row!.carriers as string[])).toEqual(sorted(["创业载体", "创新载体"]));
    expect(row!.measures).toEqual(expect.arrayContaining(["开办资助", "运营经费资助", "租金及物业费资助"]));
    const themes = row!.themes as { theme: string; measures: number }[];
    expect(themes.slice(0, 2)).toEqual([
      expect.objectContaining({ theme: "孵化与创业载体", measures: 9 }),
      expect.objectContaining({ theme: "资金资助与税收优惠", measures: 9 }),
    ]);
    expect((row!.stages as { stage: string }[]).map((s) => s.stage)).toEqual(["引才", "用才"]);
    expect((row!.instruments as { instrument: string; measures: number }[])[0]).toMatchObject({
      instrument: "资金投入",
      measures: 9,
    });

    const [zgc] = await run("policy-leads-to.cypher", {
      policy: "加快建设中关村人才特区行动计划（2011-2015）",
    });
    expect(zgc).toMatchObject({
      year: 2011,
      measureCount: 6,
      carriers: ["中关村人才特区"],
      implementedBy: ["中关村"],
    });
    expect(sorted(zgc!.issuedBy as string[])).toEqual(sorted(["北京市委", "北京市政府"]));
    expect((zgc!.themes as { theme: string; measures: number }[])[0]).toEqual(
      expect.objectContaining({ theme: "体制机制改革", measures: 4 }),
    );
  });

  it("instrument-stage-matrix: each hub's measures by instrument type and stage", async () => {
    const rows = await run("instrument-stage-matrix.cypher");
    expect(rows).toHaveLength(9);
    // the stages come from the graph, in their order
    const cell = (hub: string, instrument: string) => {
      const r = rows.find((x) => x.hub === hub && x.instrument === instrument)!;
      const stages = r.stages as { stage: string; measures: number }[];
      expect(stages.map((s) => s.stage)).toEqual(["引才", "育才", "用才", "留才"]);
      return [...stages.map((s) => s.measures), r.total];
    };
    expect(cell("张江", "供给型政策工具")).toEqual([8, 14, 11, 19, 38]);
    expect(cell("张江", "环境型政策工具")).toEqual([15, 4, 15, 7, 27]);
    expect(cell("张江", "需求型政策工具")).toEqual([8, 5, 2, 1, 10]);
    expect(cell("中关村", "供给型政策工具")).toEqual([6, 3, 6, 9, 17]);
    expect(cell("中关村", "环境型政策工具")).toEqual([11, 3, 25, 5, 32]);
    expect(cell("中关村", "需求型政策工具")).toEqual([5, 0, 4, 0, 6]);
    expect(cell("前海", "供给型政策工具")).toEqual([23, 11, 23, 37, 75]);
    expect(cell("前海", "需求型政策工具")).toEqual([18, 4, 18, 4, 35]);
  });

  it("talent-categories-shared: 高层次人才 and four more classes at all three hubs, five at two", async () => {
    const rows = await run("talent-categories-shared.cypher");
    expect(rows).toHaveLength(10);
    expect(sorted(rows.filter((r) => r.hubs === 3).map((r) => r.category))).toEqual(
      sorted(["境外人才", "高层次人才", "专业人才", "青年人才", "创新创业人才"]),
    );
    expect(sorted(rows.filter((r) => r.hubs === 2).map((r) => r.category))).toEqual(
      sorted(["现代服务业人才", "紧缺人才", "就业人员", "高校大学生", "高校毕业生"]),
    );
    const high = rows.find((r) => r.category === "高层次人才")!;
    expect(high).toMatchObject({ hubs: 3, measures: 39 });
    expect(await run("talent-categories-shared.cypher", { minHubs: "3" })).toHaveLength(5);
    // as named, one 高层次人才 (高端人才 is its alias now) is targeted at all three hubs by 18 measures
    const named = await run("talent-categories-shared.cypher", { level: "named" });
    expect(named[0]).toMatchObject({ category: "高层次人才", hubs: 3, measures: 18 });
    expect(named.map((r) => r.category)).not.toContain("高端人才");
    expect(named).toHaveLength(9);
  });

  it("zhejiang-lens: Zhejiang news touches every theme but entry and residence", async () => {
    const rows = await run("zhejiang-lens.cypher");
    expect(rows).toHaveLength(23);
    expect(rows[0]).toMatchObject({
      theme: "产学研合作",
      news: 11,
      hubNames: ["张江", "前海"],
      coverage: "both",
    });
    expect(rows.filter((r) => !r.inNews).map((r) => r.theme)).toEqual(["出入境与居留"]);
    expect(rows.find((r) => r.theme === "出入境与居留")).toMatchObject({ hubs: 3, coverage: "hubs only" });
    expect(rows.find((r) => r.theme === "创新平台")).toMatchObject({ news: 10, hubs: 3 });
    const funding = rows.find((r) => r.theme === "资金资助与税收优惠")!;
    expect(funding).toMatchObject({ hubNames: ["前海"], news: 1 });
    expect((funding.newsItems as { title: string }[])[0]!.title).toBe("浙江省科学技术奖励大会在杭州举行");
    // the national news item of 2020-07-06 is not set in Zhejiang
    const employment = rows.find((r) => r.theme === "就业服务")!;
    expect((employment.newsItems as { date: string }[]).map((n) => n.date)).not.toContain("2020-07-06");
  });

  it("hub-similarity: 张江 and 前海 are the most alike", async () => {
    const rows = await run("hub-similarity.cypher");
    expect(rows).toHaveLength(3);
    const pair = (a: string, b: string) =>
      rows.find((r) => sorted([r.hubA, r.hubB]).join() === sorted([a, b]).join())!;
    expect(sorted([rows[0]!.hubA, rows[0]!.hubB])).toEqual(sorted(["张江", "前海"]));
    expect(pair("张江", "前海")).toMatchObject({
      themeJaccard: 0.87,
      themeShare: "20/23",
      categoryJaccard: 0.692,
      categoryShare: "9/13",
      carrierKindShare: "5/8",
      carrierKindJaccard: 0.625,
      mean: 0.729,
    });
    expect(pair("张江", "中关村")).toMatchObject({
      themeJaccard: 0.714,
      themeShare: "15/21",
      categoryJaccard: 0.417,
      categoryShare: "5/12",
      mean: 0.46,
      sharedCarrierKinds: ["park", "platform"],
    });
    expect(pair("中关村", "前海")).toMatchObject({
      themeShare: "16/23",
      categoryShare: "6/13",
      carrierKindShare: "3/8",
      mean: 0.511,
    });
    // compared by class, 前海 and 中关村 are closer than 张江 and 中关村; by wording they were not
    expect(rows.map((r) => [r.hubA, r.hubB])).toEqual([
      ["前海", "张江"],
      ["前海", "中关村"],
      ["张江", "中关村"],
    ]);
    const named = await run("hub-similarity.cypher", { level: "named" });
    expect(named.map((r) => r.categoryShare)).toEqual(["6/79", "6/34", "3/66"]);
    expect(pair("中关村", "前海").sharedThemes).toEqual(expect.arrayContaining(["科技金融", "区域人才合作"]));
    expect(pair("中关村", "前海").sharedThemes).not.toContain("人才住房");
  });
});

describe("tpg query (npm run cypher)", () => {
  const exec = promisify(execFile);
  const cli = async (...args: string[]) => {
    const { uri, user, password } = testConfig();
    try {
      const out = await exec(process.execPath, ["--import", "tsx", "cli/tpg.ts", "query", ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
      });
      return { code: 0, ...out };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  };

  it("prints a saved query as JSON, CSV and a table", async () => {
    const json = await cli("cypher/hub-statistics.cypher", "--param", "hub=中关村", "--format", "json");
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { measure: string; value: number }[];
    expect(rows.find((r) => r.measure === "上市公司数量")?.value).toBe(353);
    const csv = await cli("MATCH (h:Hub) RETURN h.name AS hub ORDER BY hub", "--format", "csv");
    expect(csv.stdout.trim().split("\n")).toEqual(["hub", ...["中关村", "前海", "张江"].sort()]);
    const table = await cli("RETURN 1 AS one, '张江' AS hub");
    expect(table.stdout).toMatch(/one\s+│\s+hub/);
    expect(table.stdout).toContain("张江");
  });

  it("refuses writes and reports syntax errors (exit 1), usage errors (1) and connection failures (2)", async () => {
    const write = await cli("CREATE (:Nope)");
    expect(write.code).toBe(1);
    expect(write.stderr).toContain("READ mode");
    const syntax = await cli("MATCH (n RETURN n");
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain("Neo.ClientError.Statement.SyntaxError");
    const usage = await cli("RETURN 1", "--format", "xml");
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("Allowed choices are table, json, csv");
    const refused = await cli("RETURN 1", "--password", "not-the-password");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("refused the user name or password");
    expect(refused.stderr).not.toContain("not-the-password");
  });
});
