import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { locateQuote, type SourceDoc } from "../../importer/sourceText.ts";
import { readable } from "../../web/explorer/SourceViewer.tsx";

const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
const seed = kb.sources.find((s) => s.id === "rczcyjdt-2020-07") as SourceDoc;

describe("quote location in the seed text", () => {
  it("finds its five sections in order, starting at their headings", () => {
    expect(seed.sections.map((s) => s.id)).toEqual([
      "editorial",
      "zhangjiang",
      "zhongguancun",
      "qianhai",
      "news",
    ]);
    expect(seed.sections.map((s) => s.line)).toEqual([1, 83, 362, 530, 1063]);
    for (let i = 1; i < seed.sections.length; i++) {
      expect(seed.sections[i]!.start).toBe(seed.sections[i - 1]!.end);
    }
  });

  it("matches across PDF line breaks and maps back to raw offsets", () => {
    // In the text this clause is broken over two lines: "…有序参与人才开发引进，\n\n开创产学研…".
    const quote = "有序参与人才开发引进，开创产学研人才引用新模式";
    const at = locateQuote(seed, quote);
    expect(at).not.toBeNull();
    const raw = seed.text.slice(at!.start, at!.end);
    expect(raw.replace(/\s/g, "")).toBe(quote);
    expect(raw).toContain("\n");
    expect(at!.section).toBe("editorial");
    expect(seed.text.split("\n")[at!.line - 1]).toContain("有序参与人才开发引进");
  });

  it("skips page headers, footers and page numbers left inline", () => {
    // Lines 819–826 carry a page header, the publisher line and page number 17 between two halves of a sentence.
    const lines = seed.text.split("\n");
    expect(lines[818]).toContain("总第 126 期");
    const before = lines.slice(808, 818).join("").replace(/\s/g, "").slice(-12);
    const after = lines.slice(826, 830).join("").replace(/\s/g, "").slice(0, 12);
    const at = locateQuote(seed, before + after);
    expect(at).not.toBeNull();
    expect(seed.text.slice(at!.start, at!.end)).toContain("总第 126 期");
  });

  it("prefers the occurrence in the requested section and rejects absent or altered quotes", () => {
    const anywhere = locateQuote(seed, "人才特区");
    const inQianhai = locateQuote(seed, "人才特区", "qianhai");
    expect(anywhere?.section).not.toBe("qianhai");
    expect(inQianhai?.section).toBe("qianhai");
    expect(locateQuote(seed, "张江人才政策及人才集聚经验研究了")).toBeNull();
    // Punctuation matters: an ASCII comma is not the source's full-width one.
    expect(locateQuote(seed, "有序参与人才开发引进,开创产学研")).toBeNull();
  });
});

describe("the source viewer's reading text", () => {
  it("draws one blank line as a line break and a wider gap as one blank line", () => {
    expect(readable("甲\n\n乙\n \n丙")).toBe("甲\n乙\n丙");
    expect(readable("段一\n\n\n\n段二")).toBe("段一\n\n段二");
    expect(readable("不变\n一行")).toBe("不变\n一行");
  });
});
