/**
 * extractDraft: a report's text (and its sections) in, a draft of its knowledge out — candidate
 * entities and relations with verbatim evidence, resolved against a knowledge base when one is given.
 * Rules only (jieba for words and parts of speech): no model, no network, the same draft every run.
 */
import { pinyin } from "pinyin-pro";
import { ID_PREFIX, RELATION_TYPES, type RelationType } from "../../graph/model.ts";
import type { KnowledgeBase } from "../knowledgeBase.ts";
import { collectCandidates, type Candidate } from "./candidates.ts";
import type { Draft, DraftEntity, DraftEvidence, DraftRelation } from "./draft.ts";
import { hanlpSpans } from "./hanlp.ts";
import { findRelations } from "./relations.ts";
import { indexKnowledgeBase, resolveCandidate, type Resolution } from "./resolve.ts";
import { createSegmenter, userWordsFrom } from "./segment.ts";
import { buildView, rawSpan, sectionAt, writtenName, type SectionSpan, type TextView } from "./textView.ts";

export const EXTRACTOR_VERSION = "tpg-extract 0.1.0 (rules + jieba)";

export interface ExtractInput {
  sourceId: string;
  text: string;
  sections: readonly SectionSpan[];
  /** Page headers/footers left inline (regular expressions or their sources). */
  furniture?: ReadonlyArray<RegExp | string>;
  /** The knowledge base to resolve against; its names also become jieba user words. */
  kb?: KnowledgeBase;
  /** Load the KB's names as a jieba user dictionary (default: when a KB is given). */
  userDictionary?: boolean;
  /** Use HanLP's reading as a signal on the rules (one JVM per document; hanlpSignal.ts). */
  hanlp?: boolean;
  /** The time written into `generated` (for reproducible output in tests). */
  now?: Date;
}

/** Evidence for a span of the normalised text: one quote, or two where it crosses a link echo. */
export function evidenceFor(view: TextView, start: number, end: number): DraftEvidence[] {
  const cuts = [start];
  for (let i = start + 1; i < end; i++) if (view.breaks.has(i)) cuts.push(i);
  cuts.push(end);
  const out: DraftEvidence[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k]!, cuts[k + 1]!];
    if (b <= a) continue;
    // quotes are cut from the text as written (traditional characters stay as they are)
    out.push({ quote: view.written.slice(a, b), section: sectionAt(view, a), ...rawSpan(view, a, b) });
  }
  return out;
}

export function slugOf(name: string): string {
  const syllables = pinyin(name.replace(/[《》“”"'（）()、，：]/gu, " "), {
    toneType: "none",
    type: "array",
    nonZh: "consecutive",
  });
  const slug = syllables
    .join("-")
    .toLowerCase()
    .replace(/ü/gu, "v")
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  if (slug.length <= 40) return slug;
  const cut = slug.slice(0, 40);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : 40).replace(/-+$/u, "");
}

function entityIds(sourceId: string, candidates: readonly Candidate[]): Map<Candidate, string> {
  const ids = new Map<Candidate, string>();
  const used = new Set<string>();
  for (const c of candidates) {
    const base = `${ID_PREFIX[c.label]}:${sourceId}/${slugOf(c.name) || c.label.toLowerCase()}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(c, id);
  }
  return ids;
}

/** Whether a relation type may join the final labels (an entity resolved to another label may not). */
function allowedBetween(
  type: RelationType,
  from: DraftEntity | undefined,
  to: DraftEntity | undefined,
): boolean {
  const spec = RELATION_TYPES[type];
  if (!from || !(spec.from as readonly string[]).includes(from.label)) return false;
  return !to || (spec.to as readonly string[]).includes(to.label);
}

export function extractDraft(input: ExtractInput): Draft {
  const furniture = (input.furniture ?? []).map((f) => (typeof f === "string" ? new RegExp(f, "u") : f));
  const sections = input.sections.length
    ? input.sections
    : [{ id: "default", title: input.sourceId, start: 0, end: input.text.length }];
  const view = buildView(input.text, sections, furniture);
  const withDictionary = input.kb && (input.userDictionary ?? true);
  const segmenter = createSegmenter(withDictionary ? userWordsFrom(input.kb!) : []);
  const set = collectCandidates(view, segmenter, input.hanlp ? hanlpSpans(view.norm) : undefined);
  const index = input.kb ? indexKnowledgeBase(input.kb) : null;

  const resolution = new Map<Candidate, Resolution>();
  for (const c of set.candidates) {
    resolution.set(c, index ? resolveCandidate(index, c.label, [c.name, ...c.aliases]) : { status: "new" });
  }
  const ids = entityIds(input.sourceId, set.candidates);
  const idOf = (c: Candidate) => resolution.get(c)?.existing ?? ids.get(c)!;

  // candidates that resolve to the same knowledge-base entity become one draft entity
  const byId = new Map<string, DraftEntity>();
  for (const c of set.candidates) {
    const r = resolution.get(c)!;
    const id = idOf(c);
    const evidence = byId.get(id)?.evidence ?? [];
    for (const m of c.mentions) {
      for (const e of evidenceFor(view, m.quoteStart, m.quoteEnd)) {
        if (evidence.length < 3 && !evidence.some((x) => x.quote === e.quote)) evidence.push(e);
      }
    }
    // names as the source writes them (a traditional text's characters; the rules read it simplified)
    const written = (name: string) => writtenName(view, name, c.mentions);
    const name = written(c.name);
    const cAliases = [...new Set(c.aliases.map(written))].filter((a) => a !== name);
    const previous = byId.get(id);
    if (previous) {
      const aliases = [...new Set([...(previous.aliases ?? []), name, ...cAliases])].filter(
        (a) => a !== previous.name,
      );
      previous.aliases = aliases;
      previous.confidence = Math.max(previous.confidence, c.confidence);
      continue;
    }
    byId.set(id, {
      id,
      label: r.label ?? c.label,
      name,
      nameEn: "",
      ...(cAliases.length ? { aliases: cAliases } : {}),
      ...(Object.keys(c.props).length ? { props: c.props } : {}),
      evidence,
      confidence: c.confidence,
      status: r.status,
      ...(r.existing ? { existing: r.existing } : {}),
      ...(r.similar ? { similar: r.similar } : {}),
      why: c.rule,
    });
  }
  const entities = [...byId.values()];
  const seen = new Set<string>();
  const relations: DraftRelation[] = [];
  for (const r of findRelations(set)) {
    const from = idOf(r.from);
    const to = typeof r.to === "string" ? r.to : idOf(r.to);
    // two candidates of one existing entity can give the same relation twice
    const key = `${r.type}|${from}|${to}`;
    if (from === to || seen.has(key) || !allowedBetween(r.type, byId.get(from), byId.get(to))) continue;
    seen.add(key);
    relations.push({
      type: r.type,
      from,
      to,
      ...(r.props ? { props: r.props } : {}),
      evidence: evidenceFor(view, r.quote[0], r.quote[1]),
      confidence: r.confidence,
      why: r.why,
    });
  }
  return {
    source: input.sourceId,
    section: sections[0]!.id,
    draft: true,
    generated: (input.now ?? new Date()).toISOString(),
    extractor: EXTRACTOR_VERSION,
    entities,
    relations,
  };
}
