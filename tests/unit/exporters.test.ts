import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { describe, expect, it } from "vitest";
import type { EntityEdge, EntityNode, Evidence } from "../../web/data/types.ts";
import { edgesCsv, nodesCsv, toGexf, toGraphml, type IsShown } from "../../web/explorer/exporters.ts";
import type { RenderEdge, RenderGraph, RenderNode } from "../../web/explorer/renderGraph.ts";

const SOURCE = "rczcyjdt-2020-07";
const hubEvidence: Evidence[] = [
  {
    source: SOURCE,
    section: "zhangjiang",
    quote: '“张江模式”：\n人才"引、育、用、留" <全链条> & 服务',
    start: 10,
    end: 36,
    line: 3,
  },
];
const relEvidence: Evidence[] = [
  { source: SOURCE, section: "zhangjiang", quote: "人才总量约 7.6 万人", start: 40, end: 51, line: 4 },
];

function node(id: string, label: string, name: string, rest: Partial<EntityNode>): EntityNode {
  const base = { nameEn: "", aliases: [], props: {}, evidence: [], sources: [SOURCE], sections: [] };
  return { id, label, name, ...base, hubIds: [], themeIds: [], ...rest };
}

const hub = node("hub:zhangjiang", "Hub", "张江", {
  nameEn: "Zhangjiang",
  aliases: ["张江科学城", 'the "Z" park, Shanghai'],
  // `size` is taken by the drawing, so it is exported as `prop.size`.
  props: { city: "上海", established: 1992, area: "A < B & C > D", size: "big" },
  evidence: hubEvidence,
  sections: ["zhangjiang"],
});
const STAT_NAME = '人才总量，"约"7.6 万人\n（2019 年）';
const stat = node("stat:zhangjiang/talent", "Statistic", STAT_NAME, {
  // A bell (U+0007) cannot appear in XML at all; a tab can.
  props: {
    value: 7.6,
    unit: "万人",
    baseValue: 76000,
    note: "bell\u0007, tab\there",
    memo: "old Mac\rline end",
    qualifier: null,
  },
});
const secret = node("org:secret", "Organization", "隐藏机构", { props: { kind: "other", secretProp: "x" } });

function edge(
  id: string,
  type: string,
  source: string,
  target: string,
  rest: Partial<EntityEdge>,
): EntityEdge {
  return { id, type, source, target, props: {}, evidence: [], sections: [], ...rest };
}
const hasStat = edge("rel:1", "HAS_STATISTIC", hub.id, stat.id, {
  props: { year: 2019, remark: 'a,b "c"\r\nd' },
  evidence: relEvidence,
  sections: ["zhangjiang"],
});
const mentions = edge("rel:2", "MENTIONS", hub.id, stat.id, {});

function renderGraph(): RenderGraph {
  const graph = new Graph<RenderNode, RenderEdge>({ type: "directed", multi: true });
  graph.addNode(hub.id, { x: 1.5, y: -2.25, size: 14, color: "#d62728", label: "张江", entity: hub });
  graph.addNode(stat.id, { x: 0, y: 3, size: 4.5, color: "#aec7e8", label: STAT_NAME, entity: stat });
  graph.addNode(secret.id, { x: 9, y: 9, size: 3, color: "#1f77b4", label: "隐藏机构", entity: secret });
  for (const e of [hasStat, mentions]) {
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { size: 1, color: "#c9ced6", entity: e });
  }
  const toSecret = edge("rel:3", "MEMBER_OF", hub.id, secret.id, {});
  const fromSecret = edge("rel:4", "MENTIONS", secret.id, stat.id, {});
  for (const e of [toSecret, fromSecret]) {
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { size: 1, color: "#c9ced6", entity: e });
  }
  return graph;
}

const isShown: IsShown = (id) => id !== secret.id;
const json = (value: unknown) => JSON.stringify(value);
const ALIASES_JSON = '["张江科学城","the \\"Z\\" park, Shanghai"]';

/** RFC 4180, strictly: CRLF between records, quotes only around whole fields, quotes doubled. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  while (i < text.length) {
    if (text[i] === '"' && field === "") {
      const close = () => text.indexOf('"', i);
      i++;
      for (let j = close(); ; j = close()) {
        if (j < 0) throw new Error("unclosed quote");
        field += text.slice(i, j);
        i = j + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
      if (i < text.length && text[i] !== "," && text[i] !== "\r")
        throw new Error(`text after a quote at ${i}`);
      continue;
    }
    const c = text[i]!;
    if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else if (c === "\r" || c === "\n" || c === '"') throw new Error(`unquoted ${json(c)} at ${i}`);
    else field += c;
    i++;
  }
  if (field !== "" || row.length > 0) throw new Error("the last record has no CRLF");
  return rows;
}

/** A strict XML 1.0 parse: saxes reports every well-formedness error (xmldom lets many pass). */
function readXml(text: string): { errors: string[]; tags: SaxesTagPlain[] } {
  const errors: string[] = [];
  const tags: SaxesTagPlain[] = [];
  const parser = new SaxesParser();
  parser.on("error", (e) => errors.push(e.message));
  parser.on("opentag", (tag) => tags.push(tag));
  parser.write(text).close();
  return { errors, tags };
}

describe("exports of what is shown", () => {
  it("writes nodes as RFC 4180 CSV in UTF-8 with a BOM, leaving hidden nodes out", () => {
    const csv = nodesCsv(renderGraph(), isShown);
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from("张江科学城", "utf8"))).toBe(true);
    expect(csv).not.toContain("隐藏机构");
    expect(csv).not.toContain("secretProp");
    const header = ["id", "label", "name", "nameEn", "aliases", "sources", "sections"];
    const props = ["area", "baseValue", "city", "established", "memo", "note", "prop.size", "unit", "value"];
    expect(readCsv(csv.slice(1))).toEqual([
      [...header, ...props, "evidence"],
      [
        ...[hub.id, "Hub", "张江", "Zhangjiang", ALIASES_JSON, `["${SOURCE}"]`, '["zhangjiang"]'],
        ...["A < B & C > D", "", "上海", "1992", "", "", "big", "", ""],
        json(hubEvidence),
      ],
      [
        ...[stat.id, "Statistic", STAT_NAME, "", "[]", `["${SOURCE}"]`, "[]"],
        ...["", "76000", "", "", "old Mac\rline end", "bell\u0007, tab\there", "", "万人", "7.6"],
        "[]",
      ],
    ]);
    expect(csv).toContain(`"${STAT_NAME.replaceAll('"', '""')}"`);
  });

  it("writes the edges between shown nodes as CSV", () => {
    const csv = edgesCsv(renderGraph(), isShown);
    expect(csv.startsWith("\uFEFFid,type,source,target,sections,remark,year,evidence\r\n")).toBe(true);
    expect(readCsv(csv.slice(1))).toEqual([
      ["id", "type", "source", "target", "sections", "remark", "year", "evidence"],
      [
        "rel:1",
        "HAS_STATISTIC",
        hub.id,
        stat.id,
        '["zhangjiang"]',
        'a,b "c"\r\nd',
        "2019",
        json(relEvidence),
      ],
      ["rel:2", "MENTIONS", hub.id, stat.id, "[]", "", "", "[]"],
    ]);
  });

  const hubAttributes = {
    type: "Hub",
    name: "张江",
    nameEn: "Zhangjiang",
    aliases: ALIASES_JSON,
    sources: `["${SOURCE}"]`,
    sections: '["zhangjiang"]',
    area: "A < B & C > D",
    city: "上海",
    established: 1992,
    "prop.size": "big",
    evidence: json(hubEvidence),
  };
  // nameEn is empty: both XML writers leave empty values out.
  const statAttributes = {
    type: "Statistic",
    name: STAT_NAME,
    aliases: "[]",
    sources: `["${SOURCE}"]`,
    sections: "[]",
    baseValue: 76000,
    memo: "old Mac\rline end",
    note: "bell, tab\there",
    unit: "万人",
    value: 7.6,
    evidence: "[]",
  };
  const hasStatAttributes = {
    type: "HAS_STATISTIC",
    sections: '["zhangjiang"]',
    remark: 'a,b "c"\r\nd',
    year: 2019,
    evidence: json(relEvidence),
  };
  const mentionsAttributes = { type: "MENTIONS", sections: "[]", evidence: "[]" };

  it("writes GEXF 1.3 that graphology-gexf reads back with the entity data and the drawing", () => {
    const gexf = toGexf(renderGraph(), isShown);
    expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    expect(gexf).not.toContain("隐藏机构");
    expect(gexf).not.toContain(secret.id);
    expect(readXml(gexf).errors).toEqual([]);
    const parsed = parseGexf(Graph, gexf);
    expect([parsed.type, parsed.multi, parsed.order, parsed.size]).toEqual(["directed", true, 2, 2]);
    expect(parsed.getNodeAttributes(hub.id)).toEqual({
      label: "张江",
      color: "#d62728",
      size: 14,
      x: 1.5,
      y: -2.25,
      ...hubAttributes,
    });
    expect(parsed.getNodeAttributes(stat.id)).toEqual({
      label: STAT_NAME,
      color: "#aec7e8",
      size: 4.5,
      x: 0,
      y: 3,
      ...statAttributes,
    });
    expect(parsed.extremities("rel:1")).toEqual([hub.id, stat.id]);
    expect(parsed.getEdgeAttributes("rel:1")).toEqual({
      label: "HAS_STATISTIC",
      color: "#c9ced6",
      thickness: 1,
      ...hasStatAttributes,
    });
    expect(parsed.getEdgeAttributes("rel:2")).toEqual({
      label: "MENTIONS",
      color: "#c9ced6",
      thickness: 1,
      ...mentionsAttributes,
    });
  });

  it("writes well-formed GraphML with typed keys that graphology-graphml reads back", () => {
    const bad = readXml("<graphml>A & B</graphml>");
    expect(bad.errors.length).toBeGreaterThan(0); // the check below can fail

    const graphml = toGraphml(renderGraph(), isShown);
    const { errors, tags } = readXml(graphml);
    expect(errors).toEqual([]);
    expect(tags[0]!.attributes.xmlns).toBe("http://graphml.graphdrawing.org/xmlns");
    const keys = tags
      .filter((tag) => tag.name === "key")
      .map((tag) => ["id", "for", "attr.name", "attr.type"].map((a) => tag.attributes[a]).join(" "));
    const nodeKeys = [
      ["label", "string"],
      ["x", "double"],
      ["y", "double"],
      ["size", "double"],
      ["r", "int"],
      ["g", "int"],
      ["b", "int"],
      ...["type", "name", "nameEn", "aliases", "sources", "sections", "area"].map((n) => [n, "string"]),
      ["baseValue", "int"],
      ["city", "string"],
      ["established", "int"],
      ["memo", "string"],
      ["note", "string"],
      ["prop.size", "string"],
      ["unit", "string"],
      ["value", "double"],
      ["evidence", "string"],
    ];
    const edgeKeys = [
      ["label", "string"],
      ["r", "int"],
      ["g", "int"],
      ["b", "int"],
      ...["type", "sections", "remark"].map((n) => [n, "string"]),
      ["year", "int"],
      ["evidence", "string"],
    ];
    expect(keys).toEqual([
      ...nodeKeys.map(([name, type], i) => `d${i} node ${name} ${type}`),
      ...edgeKeys.map(([name, type], i) => `d${nodeKeys.length + i} edge ${name} ${type}`),
    ]);
    expect(graphml).toContain(">A &lt; B &amp; C &gt; D</data>");
    expect(graphml).toContain('>a,b "c"&#13;\nd</data>');
    expect(graphml).not.toContain("隐藏机构");

    const parsed = parseGraphml(Graph, graphml);
    expect([parsed.type, parsed.order, parsed.size]).toEqual(["directed", 2, 2]);
    // graphology-graphml turns Gephi's r, g, b keys back into a colour.
    expect(parsed.getNodeAttributes(hub.id)).toEqual({
      label: "张江",
      x: 1.5,
      y: -2.25,
      size: 14,
      color: "#d62728",
      ...hubAttributes,
    });
    expect(parsed.getNodeAttributes(stat.id)).toEqual({
      label: STAT_NAME,
      x: 0,
      y: 3,
      size: 4.5,
      color: "#aec7e8",
      ...statAttributes,
    });
    expect(parsed.extremities("rel:1")).toEqual([hub.id, stat.id]);
    expect(parsed.getEdgeAttributes("rel:1")).toEqual({
      label: "HAS_STATISTIC",
      color: "#c9ced6",
      ...hasStatAttributes,
    });
    expect(parsed.getEdgeAttributes("rel:2")).toEqual({
      label: "MENTIONS",
      color: "#c9ced6",
      ...mentionsAttributes,
    });
  });

  it("takes the explorer's (id, entity) predicate, and exports nothing when nothing is shown", () => {
    const graph = renderGraph();
    const byLabel: IsShown = (_id, entity) => entity.label !== "Organization";
    expect(toGraphml(graph, byLabel)).toBe(toGraphml(graph, isShown));
    expect(nodesCsv(graph, byLabel)).toBe(nodesCsv(graph, isShown));

    const none: IsShown = () => false;
    expect(nodesCsv(graph, none)).toBe("\uFEFFid,label,name,nameEn,aliases,sources,sections,evidence\r\n");
    expect(edgesCsv(graph, none)).toBe("\uFEFFid,type,source,target,sections,evidence\r\n");
    expect(parseGexf(Graph, toGexf(graph, none)).order).toBe(0);
    const empty = toGraphml(graph, none);
    expect(readXml(empty).errors).toEqual([]);
    expect(parseGraphml(Graph, empty).order).toBe(0);
  });
});
