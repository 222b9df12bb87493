/**
 * HanLP as a signal (importer/extract/hanlp.ts, hanlpSignal.ts) and the organisation lexicon derived
 * from HanLP's dictionaries (orgLexicon.ts). These run the real span reader in a JVM (built with
 * Maven on first use); the sentences are short illustrations written for these tests.
 */
import { describe, expect, it } from "vitest";
import { extractDraft } from "../../importer/extract/extract.ts";
import { ensureHanlp, hanlpSpans, SetupError } from "../../importer/extract/hanlp.ts";
import { organizationWords } from "../../importer/extract/orgLexicon.ts";

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
  it("drops a clause ending in a class word, keeps the body before it", () => {
    const text = "行业协会是企业、高校、科研院所之间的桥梁。";
    expect(organizations(text).map((e) => e.name)).toContain("行业协会是企业");
    const names = organizations(text, true).map((e) => e.name);
    expect(names).not.toContain("行业协会是企业");
    expect(names).toContain("行业协会");
  });
});
