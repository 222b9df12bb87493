/**
 * Scoring a draft against curated knowledge of the same source.
 *
 * Matching rule (one-to-one, by maximum bipartite matching over the pairs the rule allows):
 * a candidate matches a curated entity of the SAME label when
 *  1. a name of one equals a name of the other once normalised (whitespace, 《》 and quotation marks
 *     removed, full-width brackets made ASCII), where the names of each are its name and aliases, and
 *     a curated name also counts without a trailing bracketed gloss (高校院所（技术转移联盟首批成员）); or
 *  2. for Measure and Statistic only (curated names paraphrase the text), when one of the
 *     candidate's evidence spans overlaps one of the curated entity's located quotes by at least
 *     half of the shorter of the two spans — and, for a Statistic, the two values are the same
 *     quantity: the same unit and number once 万/亿 are expanded (a value with decimals within half a
 *     percent: curators round).
 * Name matches are tried before overlap matches. A candidate relation matches a curated relation of
 * the same type whose two endpoints are the curated entities its endpoints were matched to
 * (taxonomy ids match themselves); each curated relation counts once.
 */
import { TAXONOMY_LABELS } from "../../graph/model.ts";
import type { KnowledgeBase, KnowledgeNode } from "../knowledgeBase.ts";
import { baseQuantity } from "../rows.ts";
import { normName } from "./analysis.ts";
import type { Draft, DraftEntity } from "./draft.ts";

export interface Counts {
  gold: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  source: string;
  entities: Record<string, Counts>;
  entitiesOverall: Counts;
  relations: Record<string, Counts>;
  relationsOverall: Counts;
}

export function counts(gold: number, found: number, matched: number): Counts {
  const precision = found ? matched / found : 0;
  const recall = gold ? matched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, found, matched, precision, recall, f1 };
}

/**
 * The curated knowledge of one source: its entities and the relations it states, less what is the
 * curators' synthesis rather than the text's — taxonomy terms and the editorial's claims (a claim
 * sums up a section; no clause states it).
 */
export function goldOf(kb: KnowledgeBase, sourceId: string) {
  const synthesis = new Set(kb.nodes.filter((n) => NOT_TEXT.has(n.label)).map((n) => n.id));
  const nodes = kb.nodes.filter((n) => !NOT_TEXT.has(n.label) && n.sources.includes(sourceId));
  const relations = kb.relations.filter(
    (r) => r.type !== "SUBTYPE_OF" && !synthesis.has(r.from) && r.sources.includes(sourceId),
  );
  return { nodes, relations };
}

const NOT_TEXT = new Set<string>([...TAXONOMY_LABELS, "Claim"]);

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return inter > 0 && inter >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

function sameValue(c: DraftEntity, g: KnowledgeNode): boolean {
  const cv = c.props?.value;
  const gv = g.props.value;
  if (typeof cv !== "number" || typeof gv !== "number") return false;
  const a = baseQuantity(cv, typeof c.props?.unit === "string" ? c.props.unit : "");
  const b = baseQuantity(gv, typeof g.props.unit === "string" ? g.props.unit : "");
  // The same quantity: the same unit once scaled (5 万人 is 50,000 人, 名 and 位 are 人) — a number
  // that matches in another unit (5 亿元 against 5 人) is a different figure.
  if (a.baseUnit !== b.baseUnit) return false;
  // equal; or, for a value that is not a whole number, equal once rounded as curators round
  // (三分之一 written 33.3 against 33.33) — whole numbers must be equal (1000 is not 1004)
  const close = (x: number, y: number) =>
    Math.abs(x - y) < 1e-6 ||
    ((!Number.isInteger(x) || !Number.isInteger(y)) &&
      Math.abs(x - y) <= 0.005 * Math.max(Math.abs(x), Math.abs(y)));
  return close(a.baseValue, b.baseValue);
}

/**
 * A curated name without the gloss a curator adds to tell apart entities the text names alike:
 * 高校院所（技术转移联盟首批成员） → 高校院所. The full name is tried as well, so a bracket the text
 * itself writes (嘉善国际创新中心（上海）) still matches as written.
 */
function withoutGloss(name: string): string {
  const bare = name.replace(/（[^（）]{2,20}）$/u, "");
  return bare.length >= 2 ? bare : name;
}

/** Whether candidate c may match gold g, and how strongly (2 by name, 1 by evidence, 0 not). */
export function matchKind(c: DraftEntity, g: KnowledgeNode, sourceId: string): 0 | 1 | 2 {
  if (c.label !== g.label) return 0;
  const names = new Set([c.name, ...(c.aliases ?? [])].map(normName));
  if ([g.name, ...g.aliases].some((n) => names.has(normName(n)) || names.has(normName(withoutGloss(n)))))
    return 2;
  if (g.label !== "Measure" && g.label !== "Statistic") return 0;
  const spans = g.evidence.filter((e) => e.source === sourceId);
  const hit = c.evidence.some((ce) => spans.some((ge) => overlaps(ce, ge)));
  if (!hit) return 0;
  return g.label === "Statistic" && !sameValue(c, g) ? 0 : 1;
}

/** Maximum one-to-one matching (Kuhn's algorithm), name edges tried first. */
export function matchEntities(
  found: DraftEntity[],
  gold: KnowledgeNode[],
  sourceId: string,
): Map<DraftEntity, KnowledgeNode> {
  const byLabel = new Map<string, KnowledgeNode[]>();
  for (const g of gold) byLabel.set(g.label, [...(byLabel.get(g.label) ?? []), g]);
  const edges = new Map<DraftEntity, KnowledgeNode[]>();
  for (const c of found) {
    const options = (byLabel.get(c.label) ?? [])
      .map((g) => ({ g, k: matchKind(c, g, sourceId) }))
      .filter((o) => o.k > 0)
      .sort((a, b) => b.k - a.k)
      .map((o) => o.g);
    if (options.length) edges.set(c, options);
  }
  const owner = new Map<KnowledgeNode, DraftEntity>();
  const tryAssign = (c: DraftEntity, seen: Set<KnowledgeNode>): boolean => {
    for (const g of edges.get(c) ?? []) {
      if (seen.has(g)) continue;
      seen.add(g);
      const current = owner.get(g);
      if (!current || tryAssign(current, seen)) {
        owner.set(g, c);
        return true;
      }
    }
    return false;
  };
  // name matches first, so that evidence overlaps only fill what names leave open
  const ordered = [...edges.keys()].sort(
    (a, b) => matchKind(b, edges.get(b)![0]!, sourceId) - matchKind(a, edges.get(a)![0]!, sourceId),
  );
  for (const c of ordered) tryAssign(c, new Set());
  return new Map([...owner].map(([g, c]) => [c, g]));
}

export function scoreDraft(draft: Draft, kb: KnowledgeBase, sourceId = draft.source): Score {
  const gold = goldOf(kb, sourceId);
  const matched = matchEntities(draft.entities, gold.nodes, sourceId);
  const labels = [
    ...new Set([...gold.nodes.map((n) => n.label), ...draft.entities.map((e) => e.label)]),
  ].sort();
  const entities: Record<string, Counts> = {};
  for (const label of labels) {
    const g = gold.nodes.filter((n) => n.label === label).length;
    const f = draft.entities.filter((e) => e.label === label).length;
    const m = [...matched.keys()].filter((e) => e.label === label).length;
    entities[label] = counts(g, f, m);
  }
  const entitiesOverall = counts(gold.nodes.length, draft.entities.length, matched.size);

  const goldId = new Map<string, string>();
  for (const [c, g] of matched) goldId.set(c.id, g.id);
  const mapEnd = (id: string) => goldId.get(id) ?? (/^(theme|instrument|stage):/u.test(id) ? id : null);
  const goldKeys = new Map<string, string>();
  for (const r of gold.relations) goldKeys.set(`${r.type}|${r.from}|${r.to}`, r.type);
  const hit = new Set<string>();
  const foundByType = new Map<string, number>();
  for (const r of draft.relations) {
    foundByType.set(r.type, (foundByType.get(r.type) ?? 0) + 1);
    const from = mapEnd(r.from);
    const to = mapEnd(r.to);
    const key = `${r.type}|${from}|${to}`;
    if (from && to && goldKeys.has(key)) hit.add(key);
  }
  const relations: Record<string, Counts> = {};
  const types = [...new Set([...goldKeys.values(), ...foundByType.keys()])].sort();
  for (const type of types) {
    const g = [...goldKeys.values()].filter((t) => t === type).length;
    const m = [...hit].filter((k) => k.startsWith(`${type}|`)).length;
    relations[type] = counts(g, foundByType.get(type) ?? 0, m);
  }
  const relationsOverall = counts(goldKeys.size, draft.relations.length, hit.size);
  return { source: sourceId, entities, entitiesOverall, relations, relationsOverall };
}

/**
 * Scores of several documents pooled: gold, found and matched summed per type (and overall) before
 * precision, recall and F1 are computed — a micro-average, so a long document weighs more.
 */
export function poolScores(scores: readonly Score[], source: string): Score {
  const sum = (tables: Record<string, Counts>[]) => {
    const totals = new Map<string, [number, number, number]>();
    for (const table of tables)
      for (const [key, c] of Object.entries(table)) {
        const t = totals.get(key) ?? [0, 0, 0];
        totals.set(key, [t[0] + c.gold, t[1] + c.found, t[2] + c.matched]);
      }
    return Object.fromEntries(
      [...totals.keys()].sort().map((key) => {
        const [g, f, m] = totals.get(key)!;
        return [key, counts(g, f, m)];
      }),
    );
  };
  const overall = (xs: Counts[]) =>
    counts(
      xs.reduce((n, c) => n + c.gold, 0),
      xs.reduce((n, c) => n + c.found, 0),
      xs.reduce((n, c) => n + c.matched, 0),
    );
  return {
    source,
    entities: sum(scores.map((s) => s.entities)),
    entitiesOverall: overall(scores.map((s) => s.entitiesOverall)),
    relations: sum(scores.map((s) => s.relations)),
    relationsOverall: overall(scores.map((s) => s.relationsOverall)),
  };
}

const pct = (x: number) => x.toFixed(2);

/** One line: entities P/R/F1 and relations P/R/F1 of a score (summary tables of the corpus parts). */
export function formatSummary(name: string, score: Score, width = 34): string {
  const e = score.entitiesOverall;
  const r = score.relationsOverall;
  return `  ${name.padEnd(width)} ${pct(e.precision)}  ${pct(e.recall)}  ${pct(e.f1)}   ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}`;
}

export function summaryHead(title: string, width = 34): string {
  return `  ${title.padEnd(width)} entities P/R/F1   relations P/R/F1`;
}

/** The score as a plain-text table. */
export function formatScore(score: Score, title: string, ms?: number): string {
  const rows: string[] = [];
  const row = (name: string, c: Counts) =>
    `  ${name.padEnd(16)} ${String(c.gold).padStart(5)} ${String(c.found).padStart(6)} ${String(c.matched).padStart(7)}   ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}`;
  const head = `  ${"".padEnd(16)} ${"gold".padStart(5)} ${"found".padStart(6)} ${"matched".padStart(7)}   P     R     F1`;
  rows.push(`${title}${ms === undefined ? "" : ` — extraction ${ms.toFixed(0)} ms`}`, "entities", head);
  for (const [label, c] of Object.entries(score.entities)) rows.push(row(label, c));
  rows.push(row("ALL ENTITIES", score.entitiesOverall), "relations", head);
  for (const [type, c] of Object.entries(score.relations)) if (c.gold || c.found) rows.push(row(type, c));
  rows.push(row("ALL RELATIONS", score.relationsOverall));
  return rows.join("\n");
}
