/**
 * A document's own structure: its header (title, issuers, number, date, subject place) for a policy
 * text and a news report, headings that stay headings (not talent categories, statistics or topic
 * measures), 第X条 articles scoping their measures under the document's policy, and enumeration
 * fragments that are not names. The texts are short illustrations written for these tests.
 */
import { describe, expect, it } from "vitest";
import type { Label } from "../../graph/model.ts";
import type { Mention } from "../../importer/extract/analysis.ts";
import type { Draft } from "../../importer/extract/draft.ts";
import { extractDraft } from "../../importer/extract/extract.ts";
import { leadingPlaces, parseDate, readHeader } from "../../importer/extract/header.ts";
import { headingLevel } from "../../importer/extract/headings.ts";
import { detectSections } from "../../importer/extract/sections.ts";
import { isListFragment } from "../../importer/extract/structure.ts";
import { buildView } from "../../importer/extract/textView.ts";

const NOW = new Date("2024-01-01T00:00:00Z");

function draftOf(text: string): Draft {
  return extractDraft({
    sourceId: "t",
    text,
    sections: [{ id: "s", title: "测试", start: 0, end: text.length }],
    now: NOW,
  });
}

const headerOf = (text: string) =>
  readHeader(buildView(text, [{ id: "s", title: "测试", start: 0, end: text.length }], []));
const named = (d: Draft, label: Label, name: string) =>
  d.entities.find((e) => e.label === label && e.name === name);
const related = (d: Draft, type: string, from: string | undefined, to: string | undefined) =>
  d.relations.some((r) => r.type === type && r.from === from && r.to === to);

const POLICY = [
  "中共嘉兴市委办公室 嘉兴市人民政府办公室",
  "关于加快集聚创新创业人才的",
  "实施意见",
  "嘉委办发〔2021〕8号",
  "二〇二一年三月五日",
  "为贯彻落实人才强市战略，加快建设人才高地，结合本市实际，现提出如下意见。",
  "第一章 引进人才",
  "第一条 对新引进的顶尖人才团队，经评审认定后给予最高1000万元的项目资助和安家补贴。",
  "第二条 设立人才创业投资引导基金，支持各类投资机构投资人才创办的初创型科技企业。",
  "第二章 附则",
  "第三条 本意见自发布之日起施行，由有关部门负责解释和组织实施。",
].join("\n");

describe("document header", () => {
  it("reads a policy text's title, issuers, number, date and subject place", () => {
    const h = headerOf(POLICY)!;
    expect(h.kind).toBe("policy");
    expect(h.policy?.text).toBe("关于加快集聚创新创业人才的实施意见");
    expect(h.issuers.map((i) => i.text)).toEqual(["中共嘉兴市委办公室", "嘉兴市人民政府办公室"]);
    expect(h.number?.text).toBe("嘉委办发〔2021〕8号");
    expect(h.date?.iso).toBe("2021-03-05");
    expect(h.place).toMatchObject({ name: "嘉兴", kind: "city" });
  });

  it("names the policy from 关于 on when the issuers open the title line, and takes the place of the title", () => {
    const text = [
      "杭州市余杭区人民政府关于印发《余杭区高层次人才分类认定办法》的通知",
      "各镇人民政府，各街道办事处：现将《余杭区高层次人才分类认定办法》印发给你们，请认真贯彻执行。",
    ].join("\n");
    const h = headerOf(text)!;
    expect(h.policy?.text).toBe("余杭区高层次人才分类认定办法");
    expect(h.issuers.map((i) => i.text)).toEqual(["杭州市余杭区人民政府"]);
    expect(h.place).toMatchObject({ name: "余杭区", kind: "district" });
  });

  it("gives the policy its issuers (ISSUED_BY) and its subject region (COVERS), with header quotes", () => {
    const d = draftOf(POLICY);
    const policy = named(d, "Policy", "关于加快集聚创新创业人才的实施意见");
    expect(policy?.props).toMatchObject({ level: "municipal", year: 2021, date: "2021-03-05" });
    expect(policy?.evidence[0]?.quote).toContain("关于加快集聚创新创业人才的");
    const office = named(d, "Organization", "中共嘉兴市委办公室");
    const government = named(d, "Organization", "嘉兴市人民政府办公室");
    expect(office?.props).toMatchObject({ kind: "government" });
    expect(related(d, "ISSUED_BY", policy?.id, office?.id)).toBe(true);
    expect(related(d, "ISSUED_BY", policy?.id, government?.id)).toBe(true);
    expect(related(d, "COVERS", policy?.id, named(d, "Region", "嘉兴")?.id)).toBe(true);
    // the two issuers written side by side are not one organisation
    expect(d.entities.some((e) => e.name === "中共嘉兴市委办公室嘉兴市人民政府办公室")).toBe(false);
  });

  it("reads a news report's headline, date line and subject place from the dateline", () => {
    const text = [
      "人才创新创业大赛决赛举行",
      "2021年07月06日 10:15 来源：新华网",
      "新华社杭州7月6日电（记者 王某）第五届人才创新创业大赛决赛6日举行，来自各地的两百个项目参加了比赛，评选出一等奖十个。",
    ].join("\n");
    const h = headerOf(text)!;
    expect(h.kind).toBe("news");
    expect(h.title?.text).toBe("人才创新创业大赛决赛举行");
    expect(h.date?.iso).toBe("2021-07-06");
    expect(h.place).toMatchObject({ name: "杭州", kind: "city" });
    expect(named(draftOf(text), "Region", "杭州")).toBeDefined();
  });

  it("takes a news report's subject place from its headline when the dateline names none", () => {
    const text = [
      "宁波市召开全市人才工作会议",
      "本报讯（记者 张某 通讯员 李某）昨天，全市人才工作会议召开，会议部署了今年的人才工作，提出加大高层次人才引进力度。",
    ].join("\n");
    expect(headerOf(text)?.place).toMatchObject({ name: "宁波", kind: "city" });
  });

  it("takes no headline reporting a document, nor a study of a policy, for a document's title", () => {
    const body = "近日，本市围绕人才引进、培养、评价和激励等环节出台一揽子政策措施，进一步优化人才发展环境。";
    expect(headerOf(`某市出台人才安居实施办法\n${body}`)).toBeNull();
    expect(headerOf(`某区人才政策\n${body}`)).toBeNull();
    expect(headerOf(`某区人才发展专项资金管理办法\n${body}`)?.kind).toBe("policy");
  });

  it("reads no header from a text that opens with neither a document title nor a dateline", () => {
    const text =
      "卷首语\n科技创新中心是人才资源密集的重要集聚载体，本期聚焦三大科创中心的人才集聚经验，介绍其资源特征。";
    expect(headerOf(text)).toBeNull();
  });

  it("parses dates in Arabic and Chinese numerals, and leading places most specific last", () => {
    expect(parseDate("二〇二〇年十二月二十一日")?.iso).toBe("2020-12-21");
    expect(parseDate("2020年7月1日")?.iso).toBe("2020-07-01");
    expect(parseDate("2020年13月1日")).toBeNull();
    expect(leadingPlaces("杭州市余杭区人民政府").map((p) => p.name)).toEqual(["杭州", "余杭区"]);
    expect(leadingPlaces("中共浙江省委")[0]?.name).toBe("浙江");
  });
});

describe("headings as headings", () => {
  it("opens a policy text's first section with its own (wrapped) title, not its date or number line", () => {
    const { sections } = detectSections(POLICY);
    expect(sections.map((x) => x.title)).toEqual([
      "关于加快集聚创新创业人才的实施意见",
      "第一章 引进人才",
      "第二章 附则",
    ]);
    expect(sections[0]!.start).toBe(0);
    // its title and chapters are parts of one text, not articles of a periodical
    const d = extractDraft({ sourceId: "t", text: POLICY, sections, now: NOW });
    expect(d.entities.filter((e) => e.label === "Article")).toEqual([]);
    expect(named(d, "Policy", "关于加快集聚创新创业人才的实施意见")).toBeDefined();
  });

  it("reads a web news page by its date-and-source line", () => {
    const text = [
      "青年人才驿站在宁波启用",
      "2021-03-15 09:30 来源：宁波日报",
      "昨天，青年人才驿站正式启用，为来甬求职的高校毕业生提供免费住宿和就业指导等服务，首批可接待一百人。",
    ].join("\n");
    expect(headerOf(text)).toMatchObject({ kind: "news", date: { iso: "2021-03-15" } });
    expect(headerOf(text)?.place).toMatchObject({ name: "宁波" });
  });

  it("knows chapter, section and numbered markers, and their levels", () => {
    expect(headingLevel("第三章 人才引进")?.level).toBe(0);
    expect(headingLevel("第一节 总则")?.level).toBe(0.5);
    expect(headingLevel("一、总体要求")?.level).toBe(1);
    expect(headingLevel("（二）青年人才")?.level).toBe(2);
    expect(headingLevel("3. 建设人才公寓")?.level).toBe(3);
    expect(headingLevel("2.5 万人")).toBeNull();
  });

  it("does not read a heading as a talent category, nor a topic heading as a measure", () => {
    const text = [
      "一、人才服务创新",
      "（一）青年人才",
      "对来本市就业的高校毕业生给予每人每年两万元的生活补贴，连续发放三年，支持其安居乐业。",
      "（二）建设国际人才社区",
      "在重点区域布局建设一批国际人才社区，为外籍人才提供住房、子女教育和医疗等一站式服务。",
    ].join("\n");
    const d = draftOf(text);
    expect(named(d, "TalentCategory", "青年人才")).toBeUndefined();
    expect(named(d, "TalentCategory", "高校毕业生")).toBeDefined();
    const measures = d.entities.filter((e) => e.label === "Measure").map((e) => e.name);
    expect(measures).toContain("建设国际人才社区");
    expect(measures).not.toContain("人才服务创新");
  });

  it("reads no measure from a question of a Q&A", () => {
    const text = [
      "问：如何申请支持企业引进高层次人才的专项资金？",
      "答：符合条件的企业可向人才工作部门提出申请，经审核后给予最高五十万元的引才奖励。",
    ].join("\n");
    const measures = draftOf(text).entities.filter((e) => e.label === "Measure");
    expect(measures.some((m) => m.name.includes("给予最高五十万元"))).toBe(true);
    expect(measures.some((m) => m.name.includes("专项资金"))).toBe(false);
  });

  it("puts the measures of 第X条 articles under the document's policy, none from the articles about itself", () => {
    const d = draftOf(POLICY);
    const policy = named(d, "Policy", "关于加快集聚创新创业人才的实施意见")!;
    const measures = d.entities.filter((e) => e.label === "Measure");
    const fund = measures.find((m) => m.name.startsWith("设立人才创业投资引导基金"));
    const grant = measures.find((m) => m.name.includes("给予最高1000万元"));
    expect(related(d, "INCLUDES", policy.id, fund?.id)).toBe(true);
    expect(related(d, "INCLUDES", policy.id, grant?.id)).toBe(true);
    // 本意见自发布之日起施行, 现提出如下意见: the document speaking of itself
    expect(measures.some((m) => /施行|组织实施|如下意见/u.test(m.name))).toBe(false);
    // neither an article's number nor the document number is a statistic
    const figures = d.entities.filter((e) => e.label === "Statistic");
    expect(figures.every((f) => (f.props as { value?: number }).value === 1000)).toBe(true);
  });
});

describe("enumeration fragments", () => {
  const m = (label: Label, name: string) => ({ label, name, rule: "test" }) as Mention;
  it("are clause fragments, not names, when ordinal-led, punctuated or (for list frames) verb-led", () => {
    expect(isListFragment(m("Trait", "一是加大引才力度"))).toBe(true);
    expect(isListFragment(m("TalentCategory", "①青年人才"))).toBe(true);
    expect(isListFragment(m("Organization", "人才办，组织部"))).toBe(true);
    expect(isListFragment(m("Industry", "加强人才队伍建设"))).toBe(true);
    expect(isListFragment(m("Industry", "人工智能"))).toBe(false);
    expect(isListFragment(m("Trait", "开放"))).toBe(false);
    expect(isListFragment(m("Trait", "创新驱动"))).toBe(false);
    expect(isListFragment(m("Measure", "一是加大引才力度"))).toBe(false);
  });
});
