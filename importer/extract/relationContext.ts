/**
 * What the relation rules share: the candidates, their mentions per sentence in reading order, the
 * hub each passage is about, the news item a mention belongs to, and `add`, which keeps one
 * relation per type and endpoints (the most confident) and drops any the model does not allow.
 */
import { RELATION_TYPES, type Label, type RelationType } from "../../graph/model.ts";
import type { Mention } from "./analysis.ts";
import type { Candidate, CandidateSet } from "./candidates.ts";
import type { NewsSpan } from "./news.ts";

export interface RelationCandidate {
  type: RelationType;
  from: Candidate;
  to: Candidate | string;
  props?: Record<string, unknown>;
  /** Normalised-text span of the evidence. */
  quote: [number, number];
  confidence: number;
  why: string;
}

export interface RelationContext {
  set: CandidateSet;
  add: (r: RelationCandidate) => void;
  /** The candidate of a mention. */
  cand: (m: Mention) => Candidate;
  /** Mentions of each sentence, in reading order. */
  bySentence: Map<number, Mention[]>;
  /** The hub each sentence is about (its section's, or the one named last), by sentence index. */
  currentHub: Array<Candidate | undefined>;
  /** The hub candidate of each hub section. */
  hubOfSection: Map<string, Candidate | undefined>;
  newsOf: (m: Mention) => NewsSpan | undefined;
  /** A quote for two mentions: their clauses when in one sentence (capped), else the second's. */
  both: (a: Mention, b: Mention) => [number, number];
  /** A relation's confidence: the weaker endpoint's, scaled by how sure the rule is. */
  conf: (a: Candidate, b: Candidate | null, factor: number) => number;
  relations: () => RelationCandidate[];
}

export const ACTOR: readonly Label[] = ["Hub", "Region", "Organization"];
const MAX_QUOTE = 120;

function allowed(type: RelationType, from: Label, to: Label | null): boolean {
  const spec = RELATION_TYPES[type];
  return (
    (spec.from as readonly Label[]).includes(from) &&
    (to === null || (spec.to as readonly Label[]).includes(to))
  );
}

export function createContext(set: CandidateSet): RelationContext {
  const { analysis, candidates, hubs, news, of } = set;
  const { view } = analysis;
  const out = new Map<string, RelationCandidate>();
  const add = (r: RelationCandidate) => {
    const toLabel = typeof r.to === "string" ? null : r.to.label;
    if (r.to === r.from || !allowed(r.type, r.from.label, toLabel)) return;
    const key = `${r.type}|${r.from.key}|${typeof r.to === "string" ? r.to : r.to.key}`;
    const previous = out.get(key);
    if (!previous || previous.confidence < r.confidence) out.set(key, r);
  };
  const bySentence = new Map<number, Mention[]>();
  for (const m of of.keys()) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start);
  const cand = (m: Mention) => of.get(m)!;
  const hubOfSection = new Map(
    hubs.map((h) => [h.section, candidates.find((c) => c.label === "Hub" && c.name === h.name)]),
  );
  const currentHub: Array<Candidate | undefined> = [];
  let last: Candidate | undefined;
  let lastSection = "";
  view.sentences.forEach((sentence, s) => {
    if (sentence.section !== lastSection) last = hubOfSection.get(sentence.section);
    lastSection = sentence.section;
    const named = (bySentence.get(s) ?? []).find((m) => m.label === "Hub");
    if (named && !hubOfSection.get(sentence.section)) last = cand(named);
    currentHub[s] = last;
  });
  return {
    set,
    add,
    cand,
    bySentence,
    currentHub,
    hubOfSection,
    newsOf: (m) => news.find((n) => m.start >= n.start && m.start < n.end),
    both: (a, b) => {
      if (a.sentence !== b.sentence) return [b.quoteStart, b.quoteEnd];
      const start = Math.min(a.quoteStart, b.quoteStart, a.start, b.start);
      const end = Math.max(a.quoteEnd, b.quoteEnd, a.end, b.end);
      return end - start > MAX_QUOTE ? [Math.min(a.start, b.start), Math.max(a.end, b.end)] : [start, end];
    },
    conf: (a, b, factor) => Number((Math.min(a.confidence, b?.confidence ?? 1) * factor).toFixed(2)),
    relations: () => [...out.values()],
  };
}

/** Who acts in a news item: the first organisation, place or hub its title names. */
export function itemActor(ctx: RelationContext, item: Mention): Candidate | undefined {
  const first = (ctx.bySentence.get(item.sentence) ?? []).find(
    (o) => o.start >= item.start && o.end <= item.end && ACTOR.includes(o.label),
  );
  return first ? ctx.cand(first) : undefined;
}
