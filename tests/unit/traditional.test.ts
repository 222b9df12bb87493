/**
 * Traditional-character texts (importer/extract/script.ts): detection, a simplified reading that
 * keeps every character at its index, and extraction from it with names and quotes as the source
 * writes them. The sentences are written here only to test that behaviour.
 */
import { describe, expect, it } from "vitest";
import type { Label } from "../../graph/model.ts";
import type { KnowledgeNode } from "../../importer/knowledgeBase.ts";
import type { Draft } from "../../importer/extract/draft.ts";
import { extractDraft } from "../../importer/extract/extract.ts";
import {
  readScript,
  toSimplified,
  traditionalShare,
  TRADITIONAL_SHARE,
} from "../../importer/extract/script.ts";
import { buildView } from "../../importer/extract/textView.ts";

const TRADITIONAL =
  "澳門大學與騰訊公司合作設立聯合實驗室，培養青年科技人才。\n" +
  "上海市人力資源和社會保障局發佈《關於引進海外高層次人才的若干措施》。";
const SIMPLIFIED = "上海市人力资源和社会保障局发布《关于引进海外高层次人才的若干措施》，培养青年科技人才。";

function draftOf(text: string, nodes: KnowledgeNode[] = []): Draft {
  return extractDraft({
    sourceId: "t",
    text,
    sections: [{ id: "s", title: "测试", start: 0, end: text.length }],
    ...(nodes.length ? { kb: { sources: [], relations: [], nodes } } : {}),
    now: new Date("2024-01-01T00:00:00Z"),
  });
}

const named = (d: Draft, label: Label, name: string) =>
  d.entities.find((e) => e.label === label && e.name === name);

describe("detecting traditional characters", () => {
  it("reads a traditional text as traditional and a simplified one as simplified", () => {
    expect(traditionalShare(TRADITIONAL)).toBeGreaterThan(0.2);
    expect(traditionalShare(SIMPLIFIED)).toBe(0);
    expect(readScript(TRADITIONAL).script).toBe("traditional");
    expect(readScript(SIMPLIFIED)).toEqual({ script: "simplified", text: SIMPLIFIED });
  });

  it("does not take a simplified text quoting one traditional name for a traditional text", () => {
    const text = `${SIMPLIFIED}香港大學${SIMPLIFIED}`;
    expect(traditionalShare(text)).toBeGreaterThan(0);
    expect(traditionalShare(text)).toBeLessThan(TRADITIONAL_SHARE);
    expect(readScript(text).script).toBe("simplified");
  });
});

describe("the simplified reading", () => {
  it("converts Hong Kong and Taiwan forms to mainland simplified, index for index", () => {
    expect(toSimplified("澳門大學與騰訊公司")).toBe("澳门大学与腾讯公司");
    // 裏 (Hong Kong form) and 裡 (Taiwan form) are both 里
    expect(toSimplified("這裏")).toBe("这里");
    expect(toSimplified("這裡")).toBe("这里");
    const simplified = toSimplified(TRADITIONAL);
    expect(simplified.length).toBe(TRADITIONAL.length);
    expect(simplified.indexOf("腾讯公司")).toBe(TRADITIONAL.indexOf("騰訊公司"));
  });

  it("reads corner brackets as quotation marks, and keeps a character whose simplified form is astral", () => {
    expect(toSimplified("「人才通行證」")).toBe("“人才通行证”");
    // 勣's simplified form lies outside the BMP: kept, so that UTF-16 indices stay aligned
    expect(toSimplified("功勣")).toBe("功勣");
  });

  it("gives the view a simplified text to read and the written one to quote", () => {
    const view = buildView(TRADITIONAL, [{ id: "s", title: "s", start: 0, end: TRADITIONAL.length }], []);
    expect(view.script).toBe("traditional");
    expect(view.norm).toContain("澳门大学");
    expect(view.written).toContain("澳門大學");
    expect(view.norm.length).toBe(view.written.length);
  });
});

describe("extracting from a traditional text", () => {
  const d = draftOf(TRADITIONAL);

  it("finds places and organisations, named as the source writes them", () => {
    expect(named(d, "Organization", "澳門大學")).toBeDefined();
    expect(named(d, "Organization", "騰訊公司")).toBeDefined();
    expect(named(d, "Organization", "上海市人力資源和社會保障局")).toBeDefined();
    expect(named(d, "Region", "上海")?.aliases).toEqual(["上海市"]);
    expect(named(d, "Policy", "關於引進海外高層次人才的若干措施")).toBeDefined();
    // nothing is named in the simplified reading
    expect(d.entities.filter((e) => /[门学与讯]/u.test(e.name))).toEqual([]);
  });

  it("finds what the same text in simplified characters gives", () => {
    const s = draftOf(toSimplified(TRADITIONAL));
    const found = (x: Draft) => x.entities.map((e) => `${e.label} ${e.id}`).sort();
    expect(found(d)).toEqual(found(s));
    expect(d.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toEqual(
      s.relations.map((r) => `${r.from} ${r.type} ${r.to}`),
    );
  });

  it("quotes the original text verbatim, at its offsets", () => {
    const evidence = [...d.entities, ...d.relations].flatMap((x) => x.evidence);
    expect(evidence.length).toBeGreaterThan(5);
    for (const e of evidence) expect(TRADITIONAL.slice(e.start, e.end).replace(/\s/gu, "")).toBe(e.quote);
    expect(evidence.some((e) => e.quote.includes("澳門大學與騰訊公司"))).toBe(true);
  });

  it("resolves a traditional name to the knowledge base's simplified entity", () => {
    const kb: KnowledgeNode[] = [
      {
        id: "org:tencent",
        label: "Organization",
        name: "腾讯公司",
        nameEn: "Tencent",
        aliases: [],
        props: {},
        evidence: [],
        sources: ["x"],
        notSameAs: [],
        file: "x.yaml",
        line: 1,
      },
    ];
    const withKb = draftOf(TRADITIONAL, kb);
    expect(withKb.entities.find((e) => e.id === "org:tencent")).toMatchObject({
      name: "騰訊公司",
      status: "existing",
    });
  });
});
