/**
 * HanLP as a signal (importer/extract/hanlp.ts, hanlpSignal.ts) and the organisation lexicon derived
 * from HanLP's dictionaries (orgLexicon.ts). These run the real span reader in a JVM (built with
 * Maven on first use); the sentences are short illustrations written for these tests.
 */
import { describe, expect, it } from "vitest";
import { analyse, mention } from "../../importer/extract/analysis.ts";
import { extractDraft } from "../../importer/extract/extract.ts";
import { ensureHanlp, hanlpSpans, SetupError } from "../../importer/extract/hanlp.ts";
import { applyHanlpSignal } from "../../importer/extract/hanlpSignal.ts";
import { organizationWords } from "../../importer/extract/orgLexicon.ts";
import { createSegmenter } from "../../importer/extract/segment.ts";
import { buildView } from "../../importer/extract/textView.ts";

const organizations = (text: string, hanlp = false) =>
  extractDraft({ sourceId: "t", text, sections: [], hanlp }).entities.filter(
    (e) => e.label === "Organization",
  );

describe("HanLP span reader", () => {
  it("returns words whose offsets match the text, across lines and quotes", () => {
    const text = "去年，腾讯在深圳设立了“研究院”。\n\n清华大学的张教授说：“很好。”";
    const spans = hanlpSpans(text);
    expect(spans.length).toBeGreaterThan(10);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.word);
    // in order, without overlaps, and every non-space character is in a word
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    const covered = spans.reduce((n, s) => n + s.end - s.start, 0);
    expect(covered).toBe(text.replace(/\s/gu, "").length);
    expect(spans.find((s) => s.word === "腾讯")?.nature).toBe("ntc");
    expect(spans.find((s) => s.word === "清华大学")?.nature).toMatch(/^nt/u);
  });

  it("says what to install when Java is missing", () => {
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = "/nonexistent-java-home";
    try {
      expect(() => ensureHanlp(() => {})).toThrow(SetupError);
      expect(() => ensureHanlp(() => {})).toThrow(/Java 17 or newer is required/u);
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });
});

describe("organisation lexicon from HanLP's dictionaries", () => {
  it("keeps names without an ordinary-word reading, and no place", () => {
    const words = organizationWords(
      new Map([
        ["腾讯", new Map([["ntc", 600]])],
        [
          "现代",
          new Map([
            ["t", 231],
            ["ntc", 2745],
          ]),
        ],
        [
          "中国科学院",
          new Map([
            ["n", 1],
            ["nt", 335],
          ]),
        ],
        ["北师大", new Map([["nt", 43]])],
        [
          "深圳",
          new Map([
            ["ns", 100],
            ["nt", 3],
          ]),
        ],
        ["未##团", new Map([["nt", 1000]])],
      ]),
    );
    expect([...words.keys()].sort()).toEqual(["中国科学院", "北师大", "腾讯"].sort());
    expect(words.get("腾讯")?.kind).toBe("enterprise");
    expect(words.get("北师大")?.kind).toBe("university");
  });

  it("finds a company and a university in running text, without --hanlp", () => {
    const found = organizations("去年，腾讯和北师大在本市合办了一所研究院，华为也来了。");
    const byName = new Map(found.map((e) => [e.name, e]));
    expect(byName.get("腾讯")?.props?.kind).toBe("enterprise");
    expect(byName.get("北师大")?.props?.kind).toBe("university");
    expect(byName.has("华为")).toBe(true);
    // an ordinary word HanLP also lists as a company is not one
    expect(organizations("发展现代服务业。").map((e) => e.name)).not.toContain("现代");
  });
});

describe("HanLP as a signal", () => {
  const read = (text: string) => {
    const view = buildView(text, [{ id: "s", title: "t", start: 0, end: text.length }], []);
    return { analysis: analyse(view, createSegmenter()), spans: hanlpSpans(view.norm) };
  };

  it("drops a clause ending in a class word, keeps the body before it", () => {
    // the kind of mention a head rule reads when nothing stops it at the copula
    const { analysis, spans } = read("行业协会是企业、高校、科研院所之间的桥梁。");
    const org = (name: string, rule: string) =>
      mention(analysis, 0, {
        label: "Organization",
        name,
        start: 0,
        end: name.length,
        rule,
        confidence: 0.4,
      });
    const out = applyHanlpSignal(
      analysis,
      [org("行业协会是企业", "head:企业"), org("行业协会", "head:协会")],
      spans,
      new Map(),
    );
    expect(out.map((m) => m.name)).toEqual(["行业协会"]);
  });

  it("trusts a person HanLP also reads as a name, and adds a company its dictionary knows", () => {
    const { analysis, spans } = read("院士李兰娟和腾讯的代表出席会议。");
    const person = mention(analysis, 0, {
      label: "Person",
      name: "李兰娟",
      start: 2,
      end: 5,
      rule: "person:titled",
      confidence: 0.5,
    });
    const lexicon = new Map([["腾讯", { word: "腾讯", kind: "enterprise" as const, nature: "ntc" }]]);
    const out = applyHanlpSignal(analysis, [person], spans, lexicon);
    expect(out.find((m) => m.label === "Person")?.confidence).toBeCloseTo(0.6);
    const company = out.find((m) => m.label === "Organization");
    expect(company).toMatchObject({ name: "腾讯", start: 6, end: 8, props: { kind: "enterprise" } });
    // …but not a company its dictionary knows that the lexicon refused
    expect(applyHanlpSignal(analysis, [person], spans, new Map()).map((m) => m.label)).toEqual(["Person"]);
  });

  it("changes nothing in a sentence without organisations or persons to judge", () => {
    const { analysis, spans } = read("今年新增就业岗位三千个。");
    expect(applyHanlpSignal(analysis, [], spans, new Map())).toEqual([]);
    expect(organizations("今年新增就业岗位三千个。", true)).toEqual([]);
  });
});
