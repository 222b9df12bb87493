/**
 * The one function that turns validated knowledge into the rows stored in Neo4j and in the snapshot.
 * Nested values (evidence) are JSON strings in Neo4j, since Neo4j properties cannot hold maps.
 */
import { createHash } from "node:crypto";
import { pinyin } from "pinyin-pro";
import type { KnowledgeBase, KnowledgeNode, KnowledgeRelation } from "./knowledgeBase.ts";

export type Scalar = string | number | boolean | string[] | number[];

export interface NodeRow {
  id: string;
  label: string;
  props: Record<string, Scalar>;
}

export interface RelationRow {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, Scalar>;
}

export interface SourceRow {
  id: string;
  props: Record<string, Scalar>;
}

function withHash<T extends { props: Record<string, Scalar> }>(row: T): T {
  const hash = createHash("sha1").update(JSON.stringify(row)).digest("hex").slice(0, 16);
  row.props.hash = hash;
  return row;
}

function sections(evidence: KnowledgeNode["evidence"]): string[] {
  return [...new Set(evidence.map((e) => `${e.source}#${e.section}`))];
}

/**
 * The evidence again as parallel lists, so that Cypher can ask about quotes without parsing JSON:
 * `MATCH (n:Entity) WHERE $sentence IN n.quotes` — "which nodes cite this sentence" — or
 * `any(q IN n.quotes WHERE q CONTAINS '三窗合一')`. Item i of each list belongs to quote i.
 */
function quoteLists(evidence: KnowledgeNode["evidence"]): Record<string, string[] | number[]> {
  return {
    quotes: evidence.map((e) => e.quote),
    quoteSources: evidence.map((e) => e.source),
    quoteSections: evidence.map((e) => e.section),
    quoteStarts: evidence.map((e) => e.start),
    quoteEnds: evidence.map((e) => e.end),
  };
}

const UNIT_SCALES: ReadonlyArray<[prefix: string, factor: number]> = [
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];

/** Measure words that count the same thing: people are counted as 人, 名 or 位. */
const SAME_UNIT: Record<string, string> = { 名: "人", 位: "人" };

/**
 * Figures keep the text's own value and unit (7.6 万人); `baseValue`/`baseUnit` restate them without
 * the Chinese magnitude prefix (76000 人), and with one measure word for people (2 万名 → 20000 人),
 * so that figures can be compared and charted.
 */
export function baseQuantity(value: number, unit: string): { baseValue: number; baseUnit: string } {
  for (const [prefix, factor] of UNIT_SCALES) {
    if (unit.startsWith(prefix) && unit.length > prefix.length) {
      const base = unit.slice(prefix.length);
      return { baseValue: Number((value * factor).toPrecision(12)), baseUnit: SAME_UNIT[base] ?? base };
    }
  }
  return { baseValue: value, baseUnit: SAME_UNIT[unit] ?? unit };
}

/** Pinyin of the name and aliases (full syllables and initials), so users can search 张江 as "zhangjiang" or "zj". */
export function pinyinKeys(names: readonly string[]): { pinyin: string; pinyinInitials: string } {
  const full = names.map((n) =>
    pinyin(n, { toneType: "none", type: "array", nonZh: "consecutive" }).join(""),
  );
  const initials = names.map((n) =>
    pinyin(n, { pattern: "first", toneType: "none", type: "array", nonZh: "removed" }).join(""),
  );
  return { pinyin: full.join(" ").toLowerCase(), pinyinInitials: initials.join(" ").toLowerCase() };
}

export interface RowKeys {
  hubIds: string[];
  themeIds: string[];
  /** The date of the source a figure comes from (YYYY-MM): when the text reports it. */
  reportedIn?: string;
}

export function nodeRow(node: KnowledgeNode, keys?: RowKeys): NodeRow {
  const props: Record<string, Scalar> = {
    id: node.id,
    name: node.name,
    nameEn: node.nameEn,
    aliases: node.aliases,
    ...pinyinKeys([node.name, ...node.aliases]),
    hubIds: keys?.hubIds ?? [],
    themeIds: keys?.themeIds ?? [],
    evidence: JSON.stringify(node.evidence),
    ...quoteLists(node.evidence),
    sources: node.sources,
    sections: sections(node.evidence),
  };
  for (const [key, value] of Object.entries(node.props)) props[key] = value as Scalar;
  if (node.label === "Statistic" && typeof props.value === "number" && typeof props.unit === "string") {
    Object.assign(props, baseQuantity(props.value, props.unit));
    if (keys?.reportedIn) props.reportedIn = keys.reportedIn;
  }
  return withHash({ id: node.id, label: node.label, props });
}

export function relationRow(relation: KnowledgeRelation): RelationRow {
  const props: Record<string, Scalar> = {
    id: relation.id,
    evidence: JSON.stringify(relation.evidence),
    ...quoteLists(relation.evidence),
    sources: relation.sources,
    sections: sections(relation.evidence),
  };
  for (const [key, value] of Object.entries(relation.props)) props[key] = value as Scalar;
  return withHash({ id: relation.id, type: relation.type, from: relation.from, to: relation.to, props });
}

export function sourceRows(kb: KnowledgeBase): SourceRow[] {
  return kb.sources.map((s) =>
    withHash({
      id: s.id,
      props: {
        id: s.id,
        kind: s.kind,
        title: s.title,
        titleEn: s.titleEn,
        publisher: s.publisher,
        date: s.date,
        text: s.text,
        sections: JSON.stringify(s.sections),
      },
    }),
  );
}

/**
 * Keys the explorer filters on, stored on each node so that a filter needs no extra query:
 * `hubIds` — the hubs a node is directly linked to; `themeIds` — the themes a measure belongs to.
 */
function filterKeys(kb: KnowledgeBase): Map<string, { hubIds: string[]; themeIds: string[] }> {
  const hubs = new Set(kb.nodes.filter((n) => n.label === "Hub").map((n) => n.id));
  const keys = new Map(
    kb.nodes.map((n) => [n.id, { hubIds: new Set<string>(), themeIds: new Set<string>() }]),
  );
  for (const r of kb.relations) {
    if (hubs.has(r.from)) keys.get(r.to)?.hubIds.add(r.from);
    if (hubs.has(r.to)) keys.get(r.from)?.hubIds.add(r.to);
    if (r.type === "BELONGS_TO") keys.get(r.from)?.themeIds.add(r.to);
  }
  return new Map(
    [...keys].map(([id, k]) => [id, { hubIds: [...k.hubIds].sort(), themeIds: [...k.themeIds].sort() }]),
  );
}

export function toRows(kb: KnowledgeBase) {
  const keys = filterKeys(kb);
  const dates = new Map(kb.sources.map((s) => [s.id, s.date]));
  const reportedIn = (n: KnowledgeNode) => (n.sources[0] ? dates.get(n.sources[0]) : undefined);
  return {
    nodes: kb.nodes.map((n) => nodeRow(n, { ...keys.get(n.id)!, reportedIn: reportedIn(n) })),
    relations: kb.relations.map(relationRow),
    sources: sourceRows(kb),
  };
}
