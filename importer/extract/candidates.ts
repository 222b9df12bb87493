/**
 * From mentions to candidate entities: every rule's mentions are pooled, a hub's names win over the
 * same words read as a place or a park, a mention inside a longer one of the same label is dropped,
 * one name read with several labels keeps its most frequent label, and the mentions of one name
 * become one candidate (figures and measures stay one candidate per mention).
 */
import type { Label } from "../../graph/model.ts";
import { analyse, normName, type Analysis, type Mention } from "./analysis.ts";
import type { Classification } from "./classify.ts";
import { mergeRestatedFigures, mergeShortForms } from "./coreference.ts";
import { documentMentions } from "./documents.ts";
import type { HanlpSpan } from "./hanlp.ts";
import { applyHanlpSignal } from "./hanlpSignal.ts";
import { headerMentions, readHeader, shadowedByHeader, type DocumentHeader } from "./header.ts";
import { documentScopes, headingGuard, headingPolicies, type Scope } from "./headings.ts";
import { measureMentions } from "./measures.ts";
import { hyponymMentions, memberListMentions } from "./members.ts";
import { nameMentions } from "./names.ts";
import { lexiconMentions, organizationLexicon } from "./orgLexicon.ts";
import { newsItems, type NewsSpan } from "./news.ts";
import { statisticMentions } from "./numbers.ts";
import type { Segmenter } from "./segment.ts";
import {
  articleMentions,
  findHubs,
  hubMentions,
  industryListMentions,
  sectorMentions,
  fieldMentions,
  patternMentions,
  isListFragment,
  type HubInfo,
} from "./structure.ts";
import type { TextView } from "./textView.ts";

export interface Candidate {
  key: string;
  label: Label;
  name: string;
  aliases: string[];
  props: Record<string, unknown>;
  mentions: Mention[];
  rule: string;
  confidence: number;
  classification?: Classification;
}

export interface CandidateSet {
  analysis: Analysis;
  candidates: Candidate[];
  hubs: HubInfo[];
  news: NewsSpan[];
  /** Headings that name a policy, and the text they govern (the document's own policy included). */
  scopes: Scope[];
  /** The document's own header (title, issuers, date, place) and the mentions it gives. */
  header: DocumentHeader | null;
  headerMentions: Mention[];
  /** The candidate each kept mention belongs to. */
  of: Map<Mention, Candidate>;
}

/** Labels whose candidates are one per mention: their "names" are descriptions. */
const PER_MENTION: readonly Label[] = ["Statistic"];
/** When one name is read with several labels and counts tie, the earlier label wins. */
const PRIORITY: readonly Label[] = [
  "NewsItem",
  "Article",
  "Publication",
  "Policy",
  "Hub",
  "Alliance",
  "Program",
  "Organization",
  "Carrier",
  "TalentCategory",
  "Industry",
  "Region",
  "Trait",
  "Positioning",
  "Person",
  "Measure",
  "Statistic",
];

function contained(inner: Mention, outer: Mention) {
  return (
    inner !== outer &&
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    outer.end - outer.start > inner.end - inner.start
  );
}

function dropShadowed(mentions: Mention[], hubNames: ReadonlySet<string>): Mention[] {
  const byLabel = new Map<Label, Mention[]>();
  for (const m of mentions) byLabel.set(m.label, [...(byLabel.get(m.label) ?? []), m]);
  const titles = mentions.filter((m) => m.label === "Policy" || m.label === "Publication");
  return mentions.filter((m) => {
    if (
      m.label !== "Hub" &&
      hubNames.has(normName(m.name)) &&
      ["Region", "Carrier", "Organization"].includes(m.label)
    )
      return false;
    // a programme or policy word inside a document's title is part of the title (人才高峰工程 in 《…行动方案》)
    if (
      (m.label === "Program" || m.label === "Policy") &&
      m.rule.startsWith("head:") &&
      titles.some((t) => contained(m, t))
    )
      return false;
    if (m.label === "Statistic" || m.label === "Measure") return true;
    return !(byLabel.get(m.label) ?? []).some((o) => contained(m, o));
  });
}

/** One label per name: the one its mentions give most weight (a rule reading the context counts twice). */
function settleLabels(mentions: Mention[]): Mention[] {
  const counts = new Map<string, Map<Label, number>>();
  for (const m of mentions) {
    if (m.label === "Statistic" || m.label === "Measure") continue;
    const key = normName(m.name);
    const c = counts.get(key) ?? new Map<Label, number>();
    // a rule that reads a name from its context (a stating pattern such as 功能定位——…, a list frame,
    // a quotation, a title) outweighs one that reads it from its own last word or a gazetteer
    c.set(
      m.label,
      (c.get(m.label) ?? 0) + (m.rule.startsWith("head:") || m.rule.startsWith("place:") ? 1 : 2),
    );
    counts.set(key, c);
  }
  const winner = new Map<string, Label>();
  for (const [key, c] of counts) {
    const best = [...c].sort((a, b) => b[1] - a[1] || PRIORITY.indexOf(a[0]) - PRIORITY.indexOf(b[0]))[0]!;
    winner.set(key, best[0]);
  }
  return mentions.filter(
    (m) => m.label === "Statistic" || m.label === "Measure" || winner.get(normName(m.name)) === m.label,
  );
}

/** A candidate named like another one's alias (万人计划 beside 浙江省“万人计划”) is that candidate. */
function mergeAliases(candidates: Candidate[], of: Map<Mention, Candidate>): Candidate[] {
  const byAlias = new Map<string, Candidate>();
  for (const c of candidates)
    for (const a of c.aliases)
      if (!byAlias.has(`${c.label}|${normName(a)}`)) byAlias.set(`${c.label}|${normName(a)}`, c);
  const out: Candidate[] = [];
  for (const c of candidates) {
    const host = byAlias.get(`${c.label}|${normName(c.name)}`);
    if (!host || host === c || PER_MENTION.includes(c.label) || c.label === "Measure") {
      out.push(c);
      continue;
    }
    host.mentions.push(...c.mentions);
    for (const m of c.mentions) of.set(m, host);
    host.confidence = Math.max(host.confidence, c.confidence);
  }
  return out;
}

/** `hanlp`: HanLP's words of the normalised text, a signal on the rules' mentions (hanlpSignal.ts). */
export function collectCandidates(
  view: TextView,
  segmenter: Segmenter,
  hanlp?: readonly HanlpSpan[],
): CandidateSet {
  // the hubs come from the section titles; their names are words for the segmenter from then on
  // (jieba reads 以前/海, 前/海外 where the text means 前海)
  const hubs = findHubs(view);
  const hubWords = hubs.flatMap((h) => [h.name, ...h.aliases]).map((word) => ({ word, tag: "ns" }));
  const analysis = analyse(view, segmenter.extend(hubWords));
  const news = newsItems(analysis);
  const header = readHeader(view);
  const fromHeader = headerMentions(analysis, header);
  const headingScopes = headingPolicies(analysis, hubs);
  const headingSpans = headingScopes.map((x) => x.policy);
  const ownPolicy = fromHeader.find((m) => m.label === "Policy");
  const scopes = [...headingScopes, ...documentScopes(ownPolicy, header, headingScopes, view.norm.length)];
  // a heading read as a policy is not also a measure
  const measures = measureMentions(analysis).filter(
    (m) => !headingSpans.some((h) => h.start < m.end && m.start < h.end),
  );
  const hubNames = new Set(hubs.flatMap((h) => [h.name, ...h.aliases].map(normName)));
  const lexicon = organizationLexicon();
  const all: Mention[] = [
    ...fromHeader,
    ...hubMentions(analysis, hubs),
    ...articleMentions(analysis, header?.kind === "policy"),
    ...news.map((n) => n.item),
    ...headingSpans,
    ...documentMentions(analysis),
    ...nameMentions(
      analysis,
      hubs.flatMap((h) => [h.name, ...h.aliases]),
    ),
    ...lexiconMentions(analysis, lexicon),
    ...industryListMentions(analysis),
    ...sectorMentions(analysis),
    ...fieldMentions(analysis),
    ...memberListMentions(analysis),
    ...hyponymMentions(analysis),
    ...patternMentions(analysis),
    ...statisticMentions(analysis),
    ...measures,
  ];
  // headings are structure, not things; enumeration fragments are not names
  const ruled = headingGuard(analysis, header, all).filter(
    (m) => !isListFragment(m) && !shadowedByHeader(header, m),
  );
  const pooled = hanlp ? applyHanlpSignal(analysis, ruled, hanlp, lexicon) : ruled;
  const kept = settleLabels(dropShadowed(pooled, hubNames));
  const classification = new Map<Mention, Classification>(measures.map((m) => [m, m.classification]));

  const byKey = new Map<string, Candidate>();
  const of = new Map<Mention, Candidate>();
  for (const m of kept) {
    // a figure is one per mention, unless the same phrase says it again (a news title and its body)
    const perMention = PER_MENTION.includes(m.label) && m.name.length < 12;
    const key = perMention ? `${m.label}|${m.start}` : `${m.label}|${normName(m.name)}`;
    let c = byKey.get(key);
    if (!c) {
      c = {
        key,
        label: m.label,
        name: m.name,
        aliases: [],
        props: {},
        mentions: [],
        rule: m.rule,
        confidence: 0,
      };
      byKey.set(key, c);
    }
    c.mentions.push(m);
    for (const a of m.aliases) if (a !== c.name && !c.aliases.includes(a)) c.aliases.push(a);
    for (const [k, v] of Object.entries(m.props)) if (c.props[k] === undefined) c.props[k] = v;
    c.confidence = Math.max(c.confidence, m.confidence);
    const cls = classification.get(m);
    if (cls && !c.classification) c.classification = cls;
    of.set(m, c);
  }
  const candidates = mergeRestatedFigures(
    mergeShortForms(mergeAliases([...byKey.values()], of), of, [...hubNames]),
    of,
  );
  for (const c of candidates) {
    c.mentions.sort((a, b) => a.start - b.start);
    c.confidence = Math.min(
      0.95,
      Number((c.confidence + 0.05 * Math.min(3, c.mentions.length - 1)).toFixed(2)),
    );
    c.aliases = c.aliases.filter((a) => normName(a) !== normName(c.name));
  }
  return { analysis, candidates, hubs, news, scopes, header, headerMentions: fromHeader, of };
}
