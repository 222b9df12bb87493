/**
 * The exported picture's pure parts: the SVG writer (escaping, legend, viewBox at the resolution,
 * labels that never overlap), the resolution, and the title that says what is shown.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { describe, expect, it } from "vitest";
import { legendEntries, pictureTitle, type CaptionInput } from "../../web/explorer/pictureCaption.ts";
import { MAX_SIDE, outputScale, overlayLayout } from "../../web/explorer/pictureLayout.ts";
import { SVG_FONT_FAMILY, toSvg, type PictureScene, type SceneNode } from "../../web/explorer/pictureSvg.ts";
import { LABEL_COLORS } from "../../web/explorer/style.ts";

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img onerror=x>';
const HUB = LABEL_COLORS.Hub!;
const MEASURE = LABEL_COLORS.Measure!;

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  /** The enclosing elements (name, or name.class), outermost first. */
  path: string[];
}

/** A strict XML parse of the document, each element with its text and where it sits. */
function readSvg(svg: string): { errors: string[]; elements: Element[] } {
  const errors: string[] = [];
  const elements: Element[] = [];
  const open: Element[] = [];
  const parser = new SaxesParser();
  parser.on("error", (e) => errors.push(e.message));
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const element = {
      name: tag.name,
      attributes: tag.attributes,
      text: "",
      path: open.map(({ name, attributes }) => (attributes.class ? `${name}.${attributes.class}` : name)),
    };
    elements.push(element);
    open.push(element);
  });
  parser.on("text", (text) => {
    const current = open[open.length - 1];
    if (current) current.text += text;
  });
  parser.on("closetag", () => open.pop());
  parser.write(svg).close();
  return { errors, elements };
}

function node(x: number, y: number, label: string, rest: Partial<SceneNode> = {}): SceneNode {
  return { x, y, r: 6, color: HUB, label, forceLabel: false, zIndex: 0, ...rest };
}

function scene(rest: Partial<PictureScene> = {}): PictureScene {
  return {
    width: 800,
    height: 600,
    background: "#ffffff",
    nodes: [node(100, 100, "张江"), node(400, 300, "人才特区", { color: MEASURE })],
    edges: [
      {
        x1: 100,
        y1: 100,
        x2: 400,
        y2: 300,
        targetR: 6,
        width: 1.5,
        color: "#c9ced6",
        arrow: true,
        zIndex: 0,
      },
    ],
    labelSize: 13,
    labelColor: "#000000",
    title: "人才政策图谱",
    fontCss: "",
    overlay: null,
    ...rest,
  };
}

const drawn = (labels: Record<string, number>) =>
  new Map(Object.entries(labels).map(([label, count]) => [label, { color: LABEL_COLORS[label]!, count }]));

describe("the picture as SVG", () => {
  it("writes hostile names as text, never as markup", () => {
    const entries = legendEntries(drawn({ Hub: 1 }), "zh").map((e) => ({ ...e, name: IMG }));
    const overlay = overlayLayout({ width: 800, height: 600, scale: 1 }, [SCRIPT, IMG], entries, "图例");
    const svg = toSvg(
      scene({
        nodes: [node(100, 100, SCRIPT), node(400, 300, IMG), node(600, 500, "A & B\r\nC")],
        title: `${SCRIPT} ${IMG}`,
        fontCss: `@font-face { font-family: "Noto Sans SC"; src: url("https://x/a.woff2") } ${SCRIPT}`,
        overlay,
      }),
    );
    const { errors, elements } = readSvg(svg);
    expect(errors).toEqual([]);
    expect(svg).not.toMatch(/<script|<img/i);
    const names = new Set(elements.map((e) => e.name));
    expect([...names].sort()).toEqual([
      ...["circle", "defs", "g", "line", "polygon", "rect", "style", "svg", "text", "title"],
    ]);
    const texts = elements.filter((e) => e.name === "text").map((e) => e.text);
    // Node labels, the title band and the legend entry keep their exact text.
    expect(texts).toEqual(expect.arrayContaining([SCRIPT, IMG, "A & B\r\nC"]));
    expect(texts.filter((t) => t === IMG).length).toBe(3); // a label, the title's second line, the entry
    expect(elements.find((e) => e.name === "title")!.text).toBe(`${SCRIPT} ${IMG}`);
    expect(elements.find((e) => e.name === "style")!.text).toMatch(
      /^@font-face .*<script>alert\(1\)<\/script>$/,
    );
    for (const e of elements)
      for (const value of Object.values(e.attributes)) expect(value).not.toContain("<");
  });

  it("sets the viewBox and size to the chosen resolution", () => {
    const view = { width: 840, height: 610 };
    const twice = outputScale({ kind: "scale", scale: 2 }, view);
    expect(twice).toBe(2);
    const { elements } = readSvg(toSvg(scene({ width: view.width * twice, height: view.height * twice })));
    const root = elements[0]!;
    expect(root.name).toBe("svg");
    expect(root.attributes).toMatchObject({ width: "1680", height: "1220", viewBox: "0 0 1680 1220" });
    expect(root.attributes["font-family"]).toBe(SVG_FONT_FAMILY);
    expect(root.attributes["font-family"]).toMatch(/^'Noto Sans SC'/);

    const wide = outputScale({ kind: "width", width: 2000 }, view);
    expect(Math.round(view.width * wide)).toBe(2000);
    expect(Math.round(view.height * wide)).toBe(1452);
    // Too big for a browser's drawing buffer: the longest side is held to MAX_SIDE.
    const huge = outputScale({ kind: "scale", scale: 16 }, view);
    expect(Math.round(view.width * huge)).toBe(MAX_SIDE);
    expect(() => outputScale({ kind: "width", width: Number.NaN }, view)).toThrow(/outputScale/);
  });

  it("draws a legend entry for each label present, in both languages, and none for the absent", () => {
    const entries = legendEntries(drawn({ Measure: 12, Hub: 3 }), "zh", { color: "#f4d4d4", count: 40 });
    expect(entries.map((e) => [e.key, e.name, e.other, e.count])).toEqual([
      ["Hub", "科创中心", "Hub", 3],
      ["Measure", "举措", "Measure", 12],
      ["dimmed", "淡色：不在焦点内", "Faded: out of focus", 40],
    ]);
    const overlay = overlayLayout(
      { width: 800, height: 600, scale: 1 },
      ["人才政策图谱", "当前视图"],
      entries,
      "图例",
    );
    const { elements } = readSvg(toSvg(scene({ overlay })));
    const caption = elements.filter((e) => e.path.includes("g.caption"));
    const discs = caption.filter((e) => e.name === "circle").map((e) => e.attributes.fill);
    expect(discs).toEqual([HUB, MEASURE, "#f4d4d4"]);
    const texts = caption.filter((e) => e.name === "text").map((e) => e.text);
    expect(texts).toEqual(
      expect.arrayContaining(["图例", "科创中心", "Hub", "3", "举措", "Measure", "12", "人才政策图谱"]),
    );
    expect(texts).not.toContain("人物");
    // In English the English name leads.
    const en = legendEntries(drawn({ Hub: 3 }), "en");
    expect([en[0]!.name, en[0]!.other]).toEqual(["Hub", "科创中心"]);
  });

  it("puts the first legend entry in the same place whatever the entries, and keeps the graph beside it", () => {
    const size = { width: 1680, height: 1220, scale: 2 };
    const title = ["Talent Policy Graph", "Current view"];
    const one = overlayLayout(size, title, legendEntries(drawn({ Hub: 1 }), "en"), "Legend");
    const many = overlayLayout(
      size,
      title,
      legendEntries(drawn({ Hub: 1, Measure: 9, Policy: 2 }), "en"),
      "Legend",
    );
    expect(many.discs[0]).toEqual(one.discs[0]);
    expect(one.discs[0]!.r).toBe(10); // 5 px at 1×
    const legend = one.boxes[2]!;
    expect(one.free.x).toBeGreaterThan(legend.x + legend.width);
    expect(one.free.y).toBeGreaterThan(one.boxes[0]!.height);
    // A title too long for the band is cut with an ellipsis.
    const long = overlayLayout({ width: 300, height: 300, scale: 1 }, ["x".repeat(200), ""], [], "Legend");
    expect(long.texts[0]!.text.endsWith("…")).toBe(true);
    expect(long.texts[0]!.text.length).toBeLessThan(200);
  });

  it("writes labels that never overlap, the forced one first", () => {
    const nodes = [
      node(100, 100, "大节点", { r: 12 }),
      node(102, 101, "重叠的标签"),
      node(104, 102, "选中", { forceLabel: true }),
      node(500, 400, "远处"),
      node(2000, 2000, "画外"),
    ];
    const { elements } = readSvg(toSvg(scene({ nodes })));
    const labels = elements.filter((e) => e.name === "text").map((e) => e.text);
    expect(labels).toEqual(["选中", "远处"]);
    expect(elements.filter((e) => e.name === "circle")).toHaveLength(5);
    // The directed edge ends in an arrow head at the target's disc.
    expect(elements.filter((e) => e.name === "polygon")).toHaveLength(1);
  });
});

describe("the picture's title", () => {
  const names: Record<string, string> = {
    "hub:zhangjiang": "张江",
    "m:1": "人才特区",
    "hub:qianhai": "前海",
  };
  const input = (rest: Partial<CaptionInput>): CaptionInput => ({
    lang: "zh",
    scope: "view",
    view: {
      selected: null,
      path: null,
      ego: null,
      filters: { hubs: [], themes: [], sections: [], sources: [] },
      hiddenLabels: new Set(),
    },
    nameOf: (id) => names[id],
    endsOf: () => undefined,
    nodes: 120,
    edges: 300,
    ...rest,
  });

  it("names the app and what is shown, in the UI language", () => {
    expect(pictureTitle(input({}))).toEqual(["人才政策图谱", "当前视图 · 120 个节点 · 300 条关系"]);
    const view = {
      selected: { kind: "node" as const, id: "m:1" },
      path: { nodes: ["hub:zhangjiang", "m:1", "hub:qianhai"], edges: ["e1", "e2"] },
      ego: { id: "m:1", depth: 2 },
      filters: {
        hubs: ["hub:zhangjiang", "hub:unknown"],
        themes: [],
        sections: ["a#1", "a#2"],
        sources: ["a"],
      },
      hiddenLabels: new Set(["Person"]),
    };
    expect(pictureTitle(input({ view, scope: "whole" }))[1]).toBe(
      "全图 · 路径：张江 → 前海（2 步） · 邻域：人才特区（2 层） · 选中：人才特区 · 科创中心：张江、+1 · " +
        "来源文献：1 份 · 原文章节：2 个 · 已隐藏：人物 · 120 个节点 · 300 条关系",
    );
    expect(pictureTitle(input({ view, lang: "en" }))).toEqual([
      "Talent Policy Graph",
      "Current view · Path: 张江 → 前海 (length 2) · Neighbourhood: 人才特区 (depth 2) · Selected: 人才特区 · " +
        "Hubs: 张江, +1 · Source documents: 1 · Source sections: 2 · Hidden: Person · 120 nodes · 300 relationships",
    ]);
  });
});
