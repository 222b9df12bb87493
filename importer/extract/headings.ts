/**
 * Numbered headings as document structure. A heading that names a body of policy ("（一）人才政策")
 * is a Policy whose measures are everything under it; its numbered sub-headings that have their own
 * sub-headings ("1、构建多层次人才政策支撑体系") are the policy's pillars, Policies too. Chapters
 * (第X章, 第X节) bound them. A policy document's articles (第X条 …) are its structural units: the
 * clauses of an article are measures under the document's own policy (its header, header.ts), and
 * so is everything no heading policy governs.
 *
 * headingGuard keeps headings from being read as things: a heading line (numbered, a chapter, a
 * question 问：…, the document's title) is not itself a talent category or a statistic, a measure
 * only when it opens with a verb, and the articles that speak about the document itself (本办法自…
 * 起施行, 由…负责解释) hold no measures.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";
import type { DocumentHeader } from "./header.ts";
import { POLICY_VERBS } from "./lexicon.ts";
import type { HubInfo } from "./structure.ts";

export interface Scope {
  policy: Mention;
  /** Normalised-text span the heading governs. */
  start: number;
  end: number;
  parent?: Mention;
}

const CHINESE_ORDINAL = "[一二三四五六七八九十百零〇]";
// (a marker takes the space after it: the reading text keeps one between Chinese characters)
const LEVELS: Array<[RegExp, number]> = [
  [new RegExp(`^第${CHINESE_ORDINAL}{1,4}[编章部] ?`, "u"), 0],
  [new RegExp(`^第${CHINESE_ORDINAL}{1,4}节 ?`, "u"), 0.5],
  [/^[一二三四五六七八九十]{1,3}[、.．] ?/u, 1],
  [/^[（(][一二三四五六七八九十]{1,3}[）)] ?/u, 2],
  [/^\d{1,2}(?:、|[.．](?!\d)) ?/u, 3],
  [/^[（(]\d{1,2}[）)] ?/u, 4],
];
/** An article of a policy text: 第十二条 …. */
export const ARTICLE = new RegExp(`^第(?:${CHINESE_ORDINAL}{1,4}|\\d{1,3})条 ?`, "u");
/** A question of a Q&A (政策解读, 一问一答): 问：…, Q1：…, or a numbered line ending in ？. */
const QUESTION =
  /^(?:问|Q\d{0,2}|提问)[：:]|^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])[^。；]{4,60}[？?]$/u;
/** A sentence that announces the document it stands in (现提出如下意见, 特制定本办法): no measures in it. */
const ANNOUNCING =
  /(?:提出|通知|规定|制定|明确)(?:如下|以下)|(?:制定|出台|印发)本(?:办法|意见|细则|措施|规定|方案|政策)|特此通知/u;
/** Articles about the document itself: when it takes effect, who interprets it, what it replaces. */
const SELF_REFERENCE =
  /^(?:本|此)(?:办法|意见|细则|措施|规定|条例|通知|方案|政策|实施细则|若干措施|若干意见)(?:自|由|所称|未尽|与|中|适用|执行|施行|有效期)|施行之日|负责解释|同时废止|有效期/u;

export function headingLevel(text: string): { level: number; marker: string } | null {
  for (const [re, level] of LEVELS) {
    const m = re.exec(text);
    if (m) return { level, marker: m[0] };
  }
  return null;
}

/** The articles (第X条) of a text: each from its first sentence to the next article or heading. */
export function articleUnits(analysis: Analysis): Array<{ start: number; end: number; marker: string }> {
  const { sentences } = analysis.view;
  const out: Array<{ start: number; end: number; marker: string }> = [];
  sentences.forEach((s, i) => {
    const m = ARTICLE.exec(s.text);
    if (!m) return;
    let j = i + 1;
    while (
      j < sentences.length &&
      sentences[j]!.section === s.section &&
      !ARTICLE.test(sentences[j]!.text) &&
      !(sentences[j]!.heading && headingLevel(sentences[j]!.text))
    )
      j++;
    out.push({ start: s.start, end: sentences[j - 1]!.end, marker: m[0] });
  });
  return out;
}

/**
 * The document's own policy as a scope: every stretch of the body that no heading policy governs
 * (top-level heading policies become parts of it).
 */
export function documentScopes(
  policy: Mention | undefined,
  header: DocumentHeader | null,
  headingScopes: Scope[],
  end: number,
): Scope[] {
  if (!policy || !header) return [];
  const top = headingScopes.filter((x) => !x.parent).sort((a, b) => a.start - b.start);
  for (const x of top) x.parent = policy;
  const scopes: Scope[] = [];
  let from = header.end;
  for (const x of top) {
    if (x.start > from) scopes.push({ policy, start: from, end: x.policy.quoteStart });
    from = Math.max(from, x.end);
  }
  if (end > from) scopes.push({ policy, start: from, end });
  return scopes;
}

/** A heading line and where its title starts (after its marker). */
interface HeadingLine {
  start: number;
  end: number;
  titleStart: number;
  kind: "numbered" | "chapter" | "question" | "plain" | "title";
}

/** The heading line of each sentence that is one (by sentence index), and the document's title. */
function headingLines(
  analysis: Analysis,
  header: DocumentHeader | null,
): { bySentence: Map<number, HeadingLine>; title?: HeadingLine } {
  const bySentence = new Map<number, HeadingLine>();
  analysis.view.sentences.forEach((s, i) => {
    if (QUESTION.test(s.text)) {
      bySentence.set(i, { start: s.start, end: s.end, titleStart: s.start, kind: "question" });
      return;
    }
    if (!s.heading) return;
    const h = headingLevel(s.text);
    const kind = h ? (h.level < 1 ? "chapter" : "numbered") : "plain";
    bySentence.set(i, { start: s.start, end: s.end, titleStart: s.start + (h?.marker.length ?? 0), kind });
  });
  const title = header?.title && { ...header.title, titleStart: header.title.start, kind: "title" as const };
  return { bySentence, ...(title ? { title } : {}) };
}

/**
 * Drops what a heading is not: a talent category or statistic that is the whole heading, a
 * statistic read from a heading's or an article's number, any measure or statistic in a chapter
 * title, a question or the document's header, a measure from a heading that does not open with a
 * verb (人才服务政策创新 names a topic), and the measures of articles about the document itself.
 */
export function headingGuard(
  analysis: Analysis,
  header: DocumentHeader | null,
  mentions: Mention[],
): Mention[] {
  const lines = headingLines(analysis, header);
  const articles = articleUnits(analysis);
  // the article each sentence belongs to
  const articleOf = new Map<number, (typeof articles)[number]>();
  analysis.view.sentences.forEach((x, i) => {
    const a = articles.find((u) => x.start >= u.start && x.start < u.end);
    if (a) articleOf.set(i, a);
  });
  const opensWithVerb = (sentence: number, at: number) => {
    const t = analysis.tokens[sentence]?.find((x) => x.start === at);
    return !!t && (POLICY_VERBS.has(t.word) || /^v/u.test(t.tag));
  };
  const headerZone: Array<[number, number]> = header
    ? [header.number, header.date, header.kind === "policy" ? header.title : undefined]
        .filter((x): x is NonNullable<typeof x> => !!x)
        .map((x) => [x.start, x.end])
    : [];
  const sentences = analysis.view.sentences;
  return mentions.filter((m) => {
    if (m.label !== "TalentCategory" && m.label !== "Statistic" && m.label !== "Measure") return true;
    if (m.label === "Measure" && ANNOUNCING.test(sentences[m.sentence]?.text ?? "")) return false;
    if (m.label !== "TalentCategory" && headerZone.some(([a, b]) => m.start < b && a < m.end)) return false;
    const inTitle = lines.title && m.start >= lines.title.start && m.start < lines.title.end;
    const line = inTitle ? lines.title : lines.bySentence.get(m.sentence);
    const article = articleOf.get(m.sentence);
    const bodyStart = article ? article.start + article.marker.length : 0;
    if (article && m.start < bodyStart) {
      // a clause that opens an article starts after its number (第二条设立… is the measure 设立…)
      // (only when the verb opens it: 第一条对…的人才 is a condition, the grant follows)
      if (m.label !== "Measure" || m.end - bodyStart < 6 || !opensWithVerb(m.sentence, bodyStart))
        return false;
      m.name = m.name.slice(bodyStart - m.start);
      m.quoteStart = Math.max(m.quoteStart, bodyStart);
      m.start = bodyStart;
    }
    if (article && m.label === "Measure") {
      const body = analysis.view.norm.slice(article.start + article.marker.length, article.end);
      if (SELF_REFERENCE.test(body)) return false;
    }
    if (!line) return true;
    const whole = m.start <= line.titleStart && m.end >= line.end - 1;
    if (m.label === "TalentCategory") return !whole;
    if (m.start < line.titleStart) return false;
    if (line.kind === "chapter" || line.kind === "question" || line.kind === "title") return false;
    if (m.label === "Statistic") return !whole;
    return m.start !== line.titleStart || opensWithVerb(m.sentence, m.start);
  });
}

export function headingPolicies(analysis: Analysis, hubs: readonly HubInfo[]): Scope[] {
  const { view } = analysis;
  const headings = view.sentences
    .map((s, index) => ({ s, index, h: s.heading ? headingLevel(s.text) : null }))
    .filter((x): x is typeof x & { h: NonNullable<typeof x.h> } => x.h !== null);
  const scopeEnd = (k: number) => {
    const { s, h } = headings[k]!;
    const next = headings.slice(k + 1).find((o) => o.h.level <= h.level || o.s.section !== s.section);
    const sectionEnd = view.sentences.filter((x) => x.section === s.section).at(-1)!.end;
    return next && next.s.section === s.section ? next.s.start : sectionEnd;
  };
  const scopes: Scope[] = [];
  headings.forEach(({ s, index, h }, k) => {
    const title = s.text.slice(h.marker.length);
    if (!/政策$/u.test(title) || /相关|及/u.test(title) || /^(人才|创新|科技|产业)?政策$/u.test(title))
      return;
    const hub = hubs.find((x) => x.section === s.section);
    const name = title.length <= 4 && hub ? `${hub.name}${title}` : title;
    const end = scopeEnd(k);
    const policy = mention(analysis, index, {
      label: "Policy",
      name,
      start: s.start + h.marker.length,
      end: s.end,
      quoteStart: s.start,
      quoteEnd: s.end,
      props: hub ? { level: "hub" } : {},
      rule: "heading:policy",
      confidence: 0.5,
    });
    scopes.push({ policy, start: s.end, end });
    // its pillars: sub-headings one level down that have sub-headings of their own
    headings.forEach((sub, j) => {
      if (j <= k || sub.s.start >= end || sub.h.level <= h.level) return;
      const child = headings[j + 1];
      if (!child || child.h.level <= sub.h.level || child.s.start >= end) return;
      const pillarEnd = scopeEnd(j);
      const pillar = mention(analysis, sub.index, {
        label: "Policy",
        name: sub.s.text.slice(sub.h.marker.length),
        start: sub.s.start + sub.h.marker.length,
        end: sub.s.end,
        quoteStart: sub.s.start,
        quoteEnd: sub.s.end,
        props: hub ? { level: "hub" } : {},
        rule: "heading:pillar",
        confidence: 0.45,
      });
      scopes.push({ policy: pillar, start: sub.s.end, end: pillarEnd, parent: policy });
    });
  });
  return scopes;
}
