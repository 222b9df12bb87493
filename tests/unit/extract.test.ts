/**
 * The extractor: its rules on short texts, entity resolution against a knowledge base, the draft
 * format, verbatim evidence, and the evaluation against the curated seed and the hand-annotated
 * second document — with floors a little below the measured scores, so that a regression fails.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { isRelationType, RELATION_TYPES, type Label } from "../../graph/model.ts";
import { loadKnowledgeBase, type KnowledgeBase, type KnowledgeNode } from "../../importer/knowledgeBase.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import { locateQuote, loadSource, type SourceDoc } from "../../importer/sourceText.ts";
import { INSTRUMENT_RULES, STAGE_RULES, THEME_RULES, classify } from "../../importer/extract/classify.ts";
import { draftToYaml, parseDraft, type Draft } from "../../importer/extract/draft.ts";
import { evaluateAll, loadIsolated, SECOND_DIR, type Evaluation } from "../../importer/extract/eval.ts";
import { extractDraft, slugOf } from "../../importer/extract/extract.ts";
import { indexKnowledgeBase, resolveCandidate } from "../../importer/extract/resolve.ts";

const SEED_DIR = path.join(PROJECT_ROOT, "importer/sources/rczcyjdt-2020-07");
const NOW = new Date("2024-01-01T00:00:00Z");

/** A one-section draft of a short text. */
function draftOf(text: string, kb?: KnowledgeBase): Draft {
  return extractDraft({
    sourceId: "t",
    text,
    sections: [{ id: "s", title: "测试", start: 0, end: text.length }],
    kb,
    now: NOW,
  });
}

const named = (d: Draft, label: Label, name: string) =>
  d.entities.find((e) => e.label === label && e.name === name);

describe("extraction rules", () => {
  it("reads 《titles》 as policies (dated by their sentence) or publications", () => {
    const d = draftOf(
      "2016年5月，上海多部门联合出台了《关于“双自”联动建设国际人才试验区的实施意见》。本期《人才政策研究动态》聚焦张江。",
    );
    const policy = named(d, "Policy", "关于“双自”联动建设国际人才试验区的实施意见");
    expect(policy?.props).toMatchObject({ year: 2016, date: "2016-05" });
    expect(named(d, "Publication", "人才政策研究动态")).toBeDefined();
  });

  it("finds organisations, alliances, programmes and talent categories from their head words", () => {
    const d = draftOf(
      "由中关村近40家知名猎头机构和科技企业联合发起成立了中关村国家人力资源服务联盟。截至2016年，国家“千人计划”专家116人。浙江省政府印发通知。",
    );
    expect(named(d, "Alliance", "中关村国家人力资源服务联盟")).toBeDefined();
    expect(named(d, "Program", "国家“千人计划”")).toBeDefined();
    expect(named(d, "TalentCategory", "国家“千人计划”专家")).toBeDefined();
    expect(named(d, "Organization", "浙江省政府")?.props).toEqual({ kind: "government" });
  });

  it("reads Chinese numerals through nzh, N 个亿 as N 亿, and no count of the text's own articles", () => {
    const figures = (text: string) =>
      draftOf(text)
        .entities.filter((e) => e.label === "Statistic")
        .map((e) => `${String(e.props?.value)}${String(e.props?.unit)}`);
    expect(figures("引进人才一百二十名，资金两亿元，三千五百万元用于补贴。")).toEqual([
      "120名",
      "2亿元",
      "3500万元",
    ]);
    expect(figures("项目总投资达3个亿。")).toEqual(["3亿元"]);
    expect(figures("该市出台人才新政81条，其中第十二条提出10项措施。")).toEqual([]);
    expect(figures("入选国家千人计划的专家")).toEqual([]);
  });

  it("knows administrative divisions from GB/T 2260 data, with the division each belongs to", () => {
    const d = draftOf("萧山区位于杭州市，义乌市是金华的县级市。");
    expect(named(d, "Region", "杭州")?.aliases).toEqual(["杭州市"]);
    const xiaoshan = named(d, "Region", "萧山区");
    expect(xiaoshan?.props).toEqual({ kind: "district" });
    const partOf = (e: { id: string } | undefined) =>
      d.relations.filter((r) => r.type === "PART_OF" && r.from === e?.id).map((r) => r.to);
    expect(partOf(xiaoshan)).toEqual([named(d, "Region", "杭州")!.id]);
    expect(partOf(named(d, "Region", "义乌市"))).toEqual([named(d, "Region", "金华")!.id]);
  });

  it("finds carriers with their kind, and places with their short name", () => {
    const d = draftOf("张江现已设立21个院士专家工作站，建设国际人才公寓。中关村位于北京市海淀区。");
    expect(named(d, "Carrier", "院士专家工作站")?.props).toEqual({ kind: "workstation" });
    expect(named(d, "Carrier", "国际人才公寓")?.props).toEqual({ kind: "community" });
    const beijing = named(d, "Region", "北京");
    expect(beijing?.aliases).toContain("北京市");
    expect(named(d, "Region", "海淀区")?.props).toEqual({ kind: "district" });
  });

  it("finds persons with their title before or after the name", () => {
    const persons = (text: string) =>
      draftOf(text)
        .entities.filter((e) => e.label === "Person")
        .map((e) => [e.name, e.props?.role]);
    expect(persons("中国工程院院士李兰娟表示，人才是第一资源。")).toEqual([["李兰娟", "院士"]]);
    expect(persons("腾讯公司董事长马化腾出席大会。")).toEqual([["马化腾", "董事长"]]);
    expect(persons("会上，马化腾董事长致辞。")).toEqual([["马化腾", "董事长"]]);
    // A title with no name beside it is nobody.
    expect(persons("董事长出席大会，院士们发言。")).toEqual([]);
  });

  it("reads figures with their value, unit, qualifier and year", () => {
    const d = draftOf(
      "截至2016年，张江科学城留学归国人员超7500人。目前缺口达7.6万。本科占比超过9成，平均年龄约为32岁。",
    );
    const stats = d.entities.filter((e) => e.label === "Statistic").map((e) => e.props);
    expect(stats).toContainEqual(
      expect.objectContaining({ value: 7500, unit: "人", qualifier: "over", year: 2016, asOf: "截至2016年" }),
    );
    // A gap (缺口) may count people or money: a bare 万 stays bare; 人口 says people, 月薪 and 资金 money.
    expect(stats).toContainEqual(expect.objectContaining({ value: 7.6, unit: "万" }));
    const counted = draftOf("张江科学城常住人口43万。金融行业平均月薪超6万。资金缺口达2亿。")
      .entities.filter((e) => e.label === "Statistic")
      .map((e) => [e.props?.value, e.props?.unit]);
    expect(counted).toEqual(
      expect.arrayContaining([
        [43, "万人"],
        [6, "万元"],
        [2, "亿元"],
      ]),
    );
    expect(stats).toContainEqual(expect.objectContaining({ value: 90, unit: "%", qualifier: "over" }));
    expect(stats).toContainEqual(expect.objectContaining({ value: 32, unit: "岁", qualifier: "about" }));
  });

  it("reads dated news items with their link", () => {
    const text = [
      "舟山人才码上线",
      "【2020-07-10】近日，舟山面向全市人才上线人才码。",
      "相关链接：https://example.com/a",
      "嘉兴市政府与浙江大学签署协议",
      "【2020-07-16】近日，双方签署协议。",
      "相关链接：https://example.com/b",
    ].join("\n");
    const d = draftOf(text);
    const news = d.entities.filter((e) => e.label === "NewsItem");
    expect(news.map((n) => [n.name, n.props?.date, n.props?.url])).toEqual([
      ["舟山人才码上线", "2020-07-10", "https://example.com/a"],
      ["嘉兴市政府与浙江大学签署协议", "2020-07-16", "https://example.com/b"],
    ]);
  });

  it("turns policy clauses into measures, classified on all three axes", () => {
    const d = draftOf("张江全力推进人才引进，建设国际人才公寓，为高级专家办理健康卡。");
    const measure = named(d, "Measure", "建设国际人才公寓")!;
    expect(measure).toBeDefined();
    const types = d.relations.filter((r) => r.from === measure.id).map((r) => `${r.type} ${r.to}`);
    expect(types).toContain("BELONGS_TO theme:housing");
    expect(types).toContain("HAS_INSTRUMENT instrument:supply/public-services");
    expect(types).toContain("AT_STAGE stage:retain");
    expect(classify("对新引进的博士后给予每人每年10万元的生活补贴").instruments).toEqual([
      "instrument:supply/funding",
    ]);
  });

  it("names a qualified talent category inside a longer phrase, and a category that shares its head", () => {
    const d = draftOf(
      "加快建设护理人才队伍，发布外籍紧缺人才职业清单，营造良好人才生态。引进复合型和高级管理人才。",
    );
    expect(named(d, "TalentCategory", "护理人才")).toBeDefined();
    expect(named(d, "TalentCategory", "外籍紧缺人才")).toBeDefined();
    // a vague qualifier does not make a category of 人才生态
    expect(named(d, "TalentCategory", "良好人才")).toBeUndefined();
    expect(named(d, "TalentCategory", "复合型人才")).toBeDefined();
    expect(named(d, "TalentCategory", "高级管理人才")).toBeDefined();
  });

  it("reads sectors from an enumeration of them, not from any list", () => {
    const d = draftOf(
      "重点引进集成电路、生物医药、人工智能等领域人才。综合体集聚技术研发、工业设计、检验检测、标准信息、成果转化、创业孵化等功能。",
    );
    for (const name of ["集成电路", "生物医药", "人工智能"]) expect(named(d, "Industry", name)).toBeDefined();
    // two sector words among six functions are not a list of sectors
    expect(named(d, "Industry", "工业设计")).toBeUndefined();
  });

  it("names the bodies a frame lists: founders, departments, the class after 等, joint bodies", () => {
    const d = draftOf(
      "该联盟由海康威视、大华股份、浙江大学等多家单位共同发起。整合人社、科技、外事等部门职能。舟山港、北仑港和梅山港等港口联动发展。由京津冀科协共同举办。",
    );
    for (const name of ["海康威视", "大华股份", "人社", "外事"])
      expect(named(d, "Organization", name)).toBeDefined();
    expect(named(d, "Organization", "外事")?.props).toEqual({ kind: "government" });
    for (const name of ["舟山港", "北仑港", "梅山港"]) expect(named(d, "Carrier", name)).toBeDefined();
    for (const name of ["北京市科协", "天津市科协", "河北省科协"])
      expect(named(d, "Organization", name)).toBeDefined();
  });

  it("reads metro lines, a place in brackets after a body, and head words jieba cuts in two", () => {
    const d = draftOf(
      "杭州地铁1号线、5号线直达园区。平湖国际创新中心（上海）正式运营。宁波梅山保税港区和杭州青山湖科技城联动。",
    );
    expect(named(d, "Carrier", "杭州地铁1号线")).toBeDefined();
    expect(named(d, "Carrier", "杭州地铁5号线")?.aliases).toContain("5号线");
    expect(named(d, "Carrier", "平湖国际创新中心（上海）")?.aliases).toContain("平湖国际创新中心");
    expect(named(d, "Carrier", "杭州青山湖科技城")).toBeDefined();
    expect(named(d, "Carrier", "宁波梅山保税港区")?.props).toEqual({ kind: "park" });
    // the line number ends the name before it: no "号线直达园区"
    expect(
      d.entities.filter((e) => e.name.includes("号线")).every((e) => e.name.startsWith("杭州地铁")),
    ).toBe(true);
  });

  it("reads durations, counted clusters and fractions as figures", () => {
    const d = draftOf(
      "此次招聘为期一周。园区已形成8大产业集群，历经近20年的发展。研发投入占全国的四分之一。",
    );
    const stats = d.entities.filter((e) => e.label === "Statistic").map((e) => e.props);
    expect(stats).toContainEqual(expect.objectContaining({ value: 1, unit: "周" }));
    expect(stats).toContainEqual(expect.objectContaining({ value: 8, unit: "个" }));
    expect(stats).toContainEqual(expect.objectContaining({ value: 20, unit: "年", qualifier: "nearly" }));
    expect(stats).toContainEqual(expect.objectContaining({ value: 25, unit: "%" }));
    expect(named(d, "Industry", "产业集群")).toBeUndefined();
  });

  it("splits a clause of several grants, and reads the ways listed after 通过", () => {
    const d = draftOf(
      "包括对符合条件的企业减按15%征收企业所得税、对紧缺人才给予个人所得税补贴、将园区纳入试点范围等优惠政策。通过直播带岗、云端面试等方式引进高校毕业生。",
    );
    const measures = d.entities.filter((e) => e.label === "Measure").map((e) => e.name);
    expect(measures).toContain("对符合条件的企业减按15%征收企业所得税");
    expect(measures).toContain("对紧缺人才给予个人所得税补贴");
    expect(measures.some((m) => m.startsWith("将园区纳入试点范围"))).toBe(true);
    expect(measures).toContain("直播带岗");
    expect(measures).toContain("云端面试");
  });

  it("never takes a verb inside a title for the clause's verb", () => {
    const d = draftOf(
      "对符合《支持创新创业载体发展专项资金实施细则》规定的企业给予开办资助、运营资助、租金资助等支持政策。",
    );
    const measures = d.entities.filter((e) => e.label === "Measure").map((e) => e.name);
    expect(measures).toContain("给予开办资助");
    expect(measures).toContain("给予租金资助");
  });

  it("keeps names whole where a list frame, a count or a verb could cut them", () => {
    const d = draftOf(
      "华为、腾讯和阿里巴巴等企业纷纷入驻。国有资本投资公司、民营企业等企业参与。重点引进等三类人才。设立港澳研究院。建设服务贸易示范园区。近3年来引进人才超过2万人。",
    );
    const names = d.entities.map((e) => e.name);
    for (const name of ["华为", "腾讯", "阿里巴巴", "国有资本投资公司"])
      expect(named(d, "Organization", name)).toBeDefined();
    expect(names).not.toContain("资本投资公司");
    expect(names).not.toContain("等三类人才");
    // two places before a head word are one body unless a gloss counts them
    expect(named(d, "Organization", "港澳研究院")).toBeDefined();
    expect(names).not.toContain("香港研究院");
    expect(named(d, "Carrier", "服务贸易示范园区")).toBeDefined();
    // 近3年来 is a time frame, not a figure; 引进人才 is a verb and its object
    expect(d.entities.filter((e) => e.label === "Statistic").map((e) => e.props?.unit)).not.toContain("年");
    expect(d.entities.filter((e) => e.label === "TalentCategory")).toEqual([]);
  });

  it("names new entities <prefix>:<source>/<pinyin slug>, de-duplicated", () => {
    expect(slugOf("院士专家工作站")).toBe("yuan-shi-zhuan-jia-gong-zuo-zhan");
    const d = draftOf("设立院士专家工作站。");
    expect(named(d, "Carrier", "院士专家工作站")?.id).toBe("carrier:t/yuan-shi-zhuan-jia-gong-zuo-zhan");
    const ids = d.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("taxonomy rules", () => {
  it("only name taxonomy terms that exist", () => {
    const taxonomy = parse(
      readFileSync(path.join(PROJECT_ROOT, "importer/taxonomy/taxonomy.yaml"), "utf8"),
    ) as {
      entities: Array<{ id: string }>;
    };
    const ids = new Set(taxonomy.entities.map((e) => e.id));
    for (const rule of [...THEME_RULES, ...INSTRUMENT_RULES, ...STAGE_RULES])
      expect(ids, rule.id).toContain(rule.id);
  });
});

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

describe("entity resolution", () => {
  const kb: KnowledgeBase = {
    sources: [],
    relations: [],
    nodes: [
      node("org:zhejiang-lab", "Organization", "之江实验室"),
      node("region:zhejiang", "Region", "浙江", ["浙江省"]),
      node("org:hr-alliance-office", "Organization", "人才发展联盟办公室"),
      node("talent:overseas-high-level", "TalentCategory", "海外高层次人才"),
      node("carrier:postdoc-workstations", "Carrier", "企业博士后工作站"),
      node("article:other/editorial", "Article", "卷首语"),
    ],
  };
  const index = indexKnowledgeBase(kb);

  it("refers to an existing entity by its id, through a name or an alias", () => {
    expect(resolveCandidate(index, "Organization", ["之江实验室"])).toEqual({
      status: "existing",
      existing: "org:zhejiang-lab",
    });
    expect(resolveCandidate(index, "Region", ["浙江省"])).toEqual({
      status: "existing",
      existing: "region:zhejiang",
    });
  });

  it("flags near-duplicates without merging them", () => {
    expect(resolveCandidate(index, "Carrier", ["博士后工作站"])).toEqual({
      status: "near-duplicate",
      similar: ["carrier:postdoc-workstations"],
    });
    expect(resolveCandidate(index, "TalentCategory", ["海外高层次人材"])).toMatchObject({
      status: "near-duplicate",
    });
    // the same name under another label
    expect(resolveCandidate(index, "Alliance", ["之江实验室"])).toEqual({
      status: "near-duplicate",
      similar: ["org:zhejiang-lab"],
    });
    // a document's own parts are never another document's
    expect(resolveCandidate(index, "Article", ["卷首语"])).toMatchObject({ status: "near-duplicate" });
    expect(resolveCandidate(index, "Organization", ["复旦大学"])).toEqual({ status: "new" });
  });

  it("uses the existing id in the draft's entities and relations", () => {
    const d = draftOf("依托之江实验室等科研资源，浙江省引进海外高层次人才。", kb);
    const lab = d.entities.find((e) => e.name === "之江实验室")!;
    expect(lab).toMatchObject({ id: "org:zhejiang-lab", status: "existing", existing: "org:zhejiang-lab" });
    expect(d.entities.filter((e) => e.id === "org:zhejiang-lab")).toHaveLength(1);
    const zhejiang = d.entities.find((e) => e.label === "Region" && e.name === "浙江")!;
    expect(zhejiang.id).toBe("region:zhejiang");
    const endpoints = d.relations.flatMap((r) => [r.from, r.to]);
    expect(endpoints).toContain("talent:overseas-high-level");
  });
});

describe("extraction against the project's knowledge base", () => {
  it("refers the second document's known names to their ids, once each", () => {
    const { kb, problems } = loadKnowledgeBase(path.join(PROJECT_ROOT, "importer"));
    expect(problems).toEqual([]);
    const doc = sourceOf(SECOND_DIR);
    const draft = extractDraft({
      sourceId: doc.id,
      text: doc.text,
      sections: doc.sections,
      furniture: furnitureOf(SECOND_DIR),
      kb,
      now: NOW,
    });
    const existing = new Map(
      draft.entities.filter((e) => e.status === "existing").map((e) => [e.name, e.id]),
    );
    expect(existing.get("浙江大学")).toBe("org:zhejiang-university");
    expect(existing.get("之江实验室")).toBe("org:zhejiang-lab");
    expect(existing.get("杭州")).toBe("region:hangzhou");
    for (const e of draft.entities.filter((x) => x.status === "existing")) expect(e.id).toBe(e.existing);
    const ids = draft.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // this editorial is not the seed's, though both are called 卷首语
    expect(draft.entities.find((e) => e.label === "Article" && e.name === "卷首语")?.status).toBe(
      "near-duplicate",
    );
    expect(draft.entities.some((e) => e.status === "near-duplicate" && (e.similar ?? []).length > 0)).toBe(
      true,
    );
  });
});

function furnitureOf(dir: string): RegExp[] {
  const meta = parse(readFileSync(path.join(dir, "source.yaml"), "utf8")) as { furniture?: string[] };
  return (meta.furniture ?? []).map((f) => new RegExp(f, "u"));
}

function sourceOf(dir: string): SourceDoc {
  const doc = loadSource(dir, (f) => f);
  if (Array.isArray(doc)) throw new Error(JSON.stringify(doc));
  return doc;
}

describe("drafts of the two documents", () => {
  const cases = [
    { name: "seed", dir: SEED_DIR },
    { name: "second", dir: SECOND_DIR },
  ].map((c) => {
    const doc = sourceOf(c.dir);
    const furniture = furnitureOf(c.dir);
    return {
      ...c,
      doc,
      furniture,
      draft: extractDraft({ sourceId: doc.id, text: doc.text, sections: doc.sections, furniture, now: NOW }),
    };
  });

  it.each(cases)(
    "$name: every quote is the source text between its offsets, whitespace (but for a space between Chinese characters) and page furniture removed",
    ({ doc, furniture, draft }) => {
      const evidence = [...draft.entities, ...draft.relations].flatMap((x) => x.evidence);
      expect(evidence.length).toBeGreaterThan(100);
      for (const e of evidence) {
        const lines = doc.text.slice(e.start, e.end).split("\n");
        const kept = lines.filter(
          (line, i) => i === 0 || i === lines.length - 1 || !furniture.some((re) => re.test(line)),
        );
        // whitespace goes, except one space where it separates two Chinese characters on a line
        const read = (line: string) =>
          line
            .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, " ")
            .replace(/[^\S ]|(?<!\p{Script=Han}) | (?!\p{Script=Han})/gu, "");
        expect(kept.map(read).join("")).toBe(e.quote);
        expect(locateQuote(doc, e.quote), e.quote).not.toBeNull();
        expect(doc.sections.find((s) => s.id === e.section)).toBeDefined();
      }
    },
  );

  it.each(cases)(
    "$name: ids, relation types and label pairs follow the model; measures are classified",
    ({ draft }) => {
      const byId = new Map(draft.entities.map((e) => [e.id, e]));
      expect(byId.size).toBe(draft.entities.length);
      for (const e of draft.entities) expect(e.id).toMatch(/^[a-z]+:[a-z0-9][a-z0-9./-]*$/u);
      for (const r of draft.relations) {
        expect(isRelationType(r.type)).toBe(true);
        if (!isRelationType(r.type)) continue;
        const from = byId.get(r.from);
        const to = byId.get(r.to);
        expect((RELATION_TYPES[r.type].from as readonly string[]).includes(from!.label)).toBe(true);
        if (to) expect((RELATION_TYPES[r.type].to as readonly string[]).includes(to.label)).toBe(true);
        else expect(r.to).toMatch(/^(theme|instrument|stage):/u);
      }
      const outgoing = new Map<string, Set<string>>();
      for (const r of draft.relations)
        outgoing.set(r.from, new Set([...(outgoing.get(r.from) ?? []), r.type]));
      for (const m of draft.entities.filter((e) => e.label === "Measure")) {
        expect([...(outgoing.get(m.id) ?? [])]).toEqual(
          expect.arrayContaining(["BELONGS_TO", "HAS_INSTRUMENT", "AT_STAGE"]),
        );
      }
    },
  );

  it("is deterministic, and its YAML reads back to the same draft", () => {
    const { doc, furniture, draft } = cases[1]!;
    const again = extractDraft({
      sourceId: doc.id,
      text: doc.text,
      sections: doc.sections,
      furniture,
      now: NOW,
    });
    expect(again).toEqual(draft);
    const yaml = draftToYaml(draft);
    expect(yaml).toMatch(/^# DRAFT/u);
    expect(parseDraft(yaml)).toEqual(draft);
    expect(() => parseDraft("source: x\nsection: y\n")).toThrow(/not a draft/u);
  });
});

describe("the second document's gold annotation", () => {
  it("is a valid knowledge file of the project's model and taxonomy", () => {
    // loadIsolated validates like `npm run validate` (model, taxonomy, quotes; not the canonical
    // rules of a curated base, which a gold annotation need not follow) and throws on any problem
    const kb = loadIsolated(SECOND_DIR, "rcfzgc-2021-03");
    expect(kb.nodes.filter((n) => n.sources.includes("rcfzgc-2021-03")).length).toBeGreaterThan(100);
    expect(kb.relations.filter((r) => r.sources.includes("rcfzgc-2021-03")).length).toBeGreaterThan(200);
  });
});

describe("evaluation against curated knowledge", () => {
  let results: Evaluation[];
  beforeAll(() => {
    results = evaluateAll();
  });

  // Floors a little below the scores measured when they were set (seed entities P 0.718 R 0.855,
  // second document entities 0.761/0.855, relations 0.454/0.594). The seed's relation floors were
  // lowered when the curated graph became canonical (seed relations 0.455/0.425 → 0.411/0.380):
  // the gold gained typed relationships the extractor does not draw yet (PART_OF placements in the
  // hierarchies, DEVELOPS, DELIVERED_THROUGH, INVOLVES …) and lost the INCLUDES of section headings
  // that were policies; the extractor itself did not change. Carrier recall was lowered (0.699 →
  // 0.559; entities 0.708/0.862 → 0.706/0.849, in-sample) when head rules that each matched a single
  // seed entity and name no class of things (人才码, 核心园, 城际线, 枢纽站, 梦工场 …) were removed
  // (issue 15): the floors hold general rules, not rules written for the seed's own names. Issue
  // 15's general rules then raised them (seed entities 0.758/0.848/F1 0.800, relations 0.488/0.375;
  // second 0.796/0.848/0.821, relations 0.493/0.594), all in-sample.
  it("keeps the seed's scores", () => {
    const seed = results[0]!.score;
    expect(seed.entitiesOverall.precision).toBeGreaterThanOrEqual(0.74);
    expect(seed.entitiesOverall.recall).toBeGreaterThanOrEqual(0.83);
    expect(seed.entitiesOverall.f1).toBeGreaterThanOrEqual(0.79);
    expect(seed.relationsOverall.precision).toBeGreaterThanOrEqual(0.46);
    expect(seed.relationsOverall.recall).toBeGreaterThanOrEqual(0.36);
    expect(seed.entities.Statistic!.f1).toBeGreaterThanOrEqual(0.9);
    expect(seed.entities.Measure!.recall).toBeGreaterThanOrEqual(0.86);
    expect(seed.entities.Industry!.recall).toBeGreaterThanOrEqual(0.75);
    expect(seed.entities.Carrier!.recall).toBeGreaterThanOrEqual(0.55);
    expect(seed.entities.Organization!.recall).toBeGreaterThanOrEqual(0.8);
    expect(seed.entities.TalentCategory!.recall).toBeGreaterThanOrEqual(0.78);
    expect(seed.entities.Region!.f1).toBeGreaterThanOrEqual(0.87);
  });

  it("keeps the second document's scores", () => {
    const second = results[1]!.score;
    expect(second.entitiesOverall.precision).toBeGreaterThanOrEqual(0.77);
    expect(second.entitiesOverall.recall).toBeGreaterThanOrEqual(0.83);
    expect(second.relationsOverall.precision).toBeGreaterThanOrEqual(0.47);
    expect(second.relationsOverall.recall).toBeGreaterThanOrEqual(0.57);
  });
});
