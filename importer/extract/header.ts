/**
 * A document's own header: what its first lines say about the document itself. A policy text opens
 * with its title (关于…的若干意见, 《…办法》), its issuing bodies (中共某市委 某市人民政府), a document
 * number (某政发〔2020〕12号) and a date (2020年7月1日, 二〇二〇年七月一日); a news report with a
 * headline and a dateline (本报讯（记者 …）, 新华社某地7月6日电, 某日报记者 …). Read by the form of the
 * lines, never by names: the subject place comes from the GB/T 2260 divisions (places.ts) named at the
 * start of the title or of an issuer, or in the dateline.
 *
 * headerMentions turns a header into mentions: the policy the title names (with its level and date),
 * its issuers as organisations, the subject region; headerLinks says which relations they give
 * (ISSUED_BY, COVERS), drawn by headerRelations.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";
import { levelOf } from "./documents.ts";
import { ARTICLE, headingLevel } from "./headings.ts";
import { HEAD_RULES, kindOfRule, POLICY_TITLE } from "./lexicon.ts";
import { chineseNumber } from "./numbers.ts";
import { placeOf, type RegionKind } from "./places.ts";
import type { RelationContext } from "./relationContext.ts";
import type { TextView } from "./textView.ts";

export interface Span {
  text: string;
  /** Normalised-text offsets. */
  start: number;
  end: number;
}

export interface DocumentHeader {
  kind: "policy" | "news" | "other";
  /** The title line(s) as written (for a 关于印发《X》的通知, the whole line). */
  title?: Span;
  /** The name of the document the title stands for: X of 关于印发《X》的通知, else the title. */
  policy?: Span;
  issuers: Span[];
  number?: Span;
  date?: Span & { iso: string; year: number };
  place?: Span & { name: string; kind: RegionKind };
  /** Normalised offset where the header ends and the body begins. */
  end: number;
  /** The header's lines (normalised spans): what its mentions quote. */
  lines: Array<{ start: number; end: number }>;
}

/** How many lines from the top may belong to the header. */
const HEADER_SENTENCES = 10;
/** The words a policy document's title ends with (with an optional （试行） after them). */
const DOCUMENT_ENDING =
  /(意见|通知|办法|规定|条例|规划|方案|决定|细则|措施|纲要|指南|目录|政策|新政|行动计划|工作计划|实施计划)(?:[（(](?:试行|暂行|修订|修订稿|征求意见稿)[）)])?$/u;
/** Verbs of a headline reporting a document or an event. */
const REPORTING = /(出台|发布|印发|召开|举行|举办|启动|亮相|解读|公布|通过|签署)/u;
const ABOUT_TITLE = /^(.{0,60}?)关于(.{2,120})的(.{1,12})$/u;
const QUOTED_TITLE = /《([^《》]{4,80})》/u;
const DOC_NUMBER =
  /[\u4e00-\u9fa5]{1,12}(?:〔|\[|［|【|（|\()\s*((?:19|20)\d{2})\s*(?:〕|\]|］|】|）|\))\s*第?\s*\d{1,4}\s*号/u;
const ARABIC_DATE = /((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/u;
const CHINESE_DATE =
  /([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/u;
/** Issuing bodies: party committees, governments and their offices, departments, leading groups. */
const ISSUER_ENDING =
  /(人民政府|政府|办公厅|办公室|委员会|领导小组|工作组|管委会|党委|党组|[省市区县州盟旗]委|组织部|宣传部|人社局|人力资源和社会保障局|人力资源和社会保障厅|[厅局部委院署办]|协会|联合会)$/u;
const ISSUER_HEAD = new RegExp(ISSUER_ENDING.source.replace(/\$$/u, ""), "gu");
const ISSUER_START = /^(中共|中国共产党|国务院|国家|全国|中央)/u;
/** A news dateline: 本报讯, 某某网讯, 新华社某地某月某日电, （记者 某某）, 某日报记者 某某. */
const DATELINE =
  /^(?:[【（(]?(?:本报|本刊|本台|本网)讯|[\u4e00-\u9fa5]{2,10}(?:网|报|社|台)讯|(?:新华社|中新社|中新网|人民网|新华网)[\u4e00-\u9fa5]{0,8}?\d{1,2}月\d{1,2}日电|[（(]?(?:记者|通讯员)[\u4e00-\u9fa5、\s]{2,20}[）)]|[\u4e00-\u9fa5]{2,10}(?:日报|晚报|报|电视台|融媒体中心)(?:全媒体)?记者)/u;
const SOURCE_LINE =
  /(?:来源|稿源|出处)[：:][\u4e00-\u9fa5A-Za-z]{2,20}(?:报|网|社|台|客户端|新闻|融媒体中心|发布)/u;
const DATELINE_PLACE = /(?:新华社|中新社|中新网|人民网|新华网)([\u4e00-\u9fa5]{2,8}?)\d{1,2}月\d{1,2}日电/u;

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, "○": 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}; // prettier-ignore

/** A date written with Arabic or Chinese numerals, as an ISO date; null when it is none. */
export function parseDate(text: string): { iso: string; year: number; index: number; length: number } | null {
  const arabic = ARABIC_DATE.exec(text);
  const chinese = arabic ? null : CHINESE_DATE.exec(text);
  const m = arabic ?? chinese;
  if (!m) return null;
  const year = arabic ? Number(m[1]) : Number([...m[1]!].map((c) => DIGIT[c]).join(""));
  const month = arabic ? Number(m[2]) : (chineseNumber(m[2]!) ?? NaN);
  const day = arabic ? Number(m[3]) : (chineseNumber(m[3]!) ?? NaN);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31) || year < 1949 || year > 2100) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return { iso: `${year}-${pad(month)}-${pad(day)}`, year, index: m.index, length: m[0].length };
}

/**
 * The places a name opens with, most specific last: 杭州市余杭区… → 杭州, 余杭区. Each is read at the
 * longest prefix placeOf knows (full names 杭州市, 余杭区; short forms 杭州, 浙江).
 */
export function leadingPlaces(
  text: string,
): Array<{ name: string; kind: RegionKind; written: string; at: number }> {
  const out: Array<{ name: string; kind: RegionKind; written: string; at: number }> = [];
  let at = 0;
  const body = text.replace(ISSUER_START, (m) => " ".repeat(m.length));
  while (at < body.length && body[at] === " ") at++;
  for (;;) {
    let found = null;
    for (let n = Math.min(12, body.length - at); n >= 2 && !found; n--) {
      const word = body.slice(at, at + n);
      const place = placeOf(word);
      if (place && place.kind !== "country") found = { ...place, written: word, at };
    }
    if (!found) break;
    out.push(found);
    at += found.written.length;
  }
  return out;
}

/** The organisation kind of an issuer by its head word; government bodies otherwise. */
function issuerKind(name: string): string {
  const rule = [...HEAD_RULES]
    .filter((r) => r.label === "Organization" && name.endsWith(r.suffix))
    .sort((a, b) => b.suffix.length - a.suffix.length)[0];
  return (rule && kindOfRule(rule, name)) || (/(协会|联合会)$/u.test(name) ? "association" : "government");
}

/** Whether a piece of text names an issuing body: a place or a central body, then an issuer's head word. */
function isIssuer(name: string): boolean {
  if (name.length < 3 || name.length > 30 || !ISSUER_ENDING.test(name)) return false;
  return ISSUER_START.test(name) || leadingPlaces(name).length > 0;
}

/**
 * Splits a run of issuers written without separators (the normalised text drops the spaces between
 * them): 中共某市委某市人民政府 → 中共某市委 | 某市人民政府. Each piece must be an issuer; else null.
 */
function splitIssuers(text: string, offset: number): Span[] | null {
  // issuers the line separates by a space are cut there first
  const gap = text.indexOf(" ");
  if (gap > 0) {
    const head = splitIssuers(text.slice(0, gap), offset);
    const rest = head && splitIssuers(text.slice(gap + 1), offset + gap + 1);
    return head && rest ? [...head, ...rest] : null;
  }
  // every cut after an issuer's head word, shortest first piece first; the whole text last
  for (const m of text.matchAll(ISSUER_HEAD)) {
    const cut = m.index + m[0].length;
    if (cut >= text.length) break;
    const head = text.slice(0, cut);
    if (!isIssuer(head)) continue;
    const rest = splitIssuers(text.slice(cut), offset + cut);
    if (rest) return [{ text: head, start: offset, end: offset + cut }, ...rest];
  }
  return isIssuer(text) ? [{ text, start: offset, end: offset + text.length }] : null;
}

/** A line that is only a document number (某政发〔2020〕12号) or only a date (2020年7月1日). */
export function isNumberOrDateLine(text: string): boolean {
  const compact = text.replace(/\s+/gu, "").replace(/^[（(]|[）)]$/gu, "");
  const n = DOC_NUMBER.exec(compact);
  if (n && n[0].length >= compact.length - 2) return true;
  const d = parseDate(compact);
  return !!d && d.length >= compact.length - 2;
}

/** Whether a title line reads as a policy document's title (关于…的意见, …实施细则, …若干措施). */
export function policyTitle(text: string): boolean {
  if (text.length < 6 || text.length > 120) return false;
  if (ABOUT_TITLE.test(text)) return DOCUMENT_ENDING.test(text) || POLICY_TITLE.test(text);
  // without 关于, a title names its document by its kind (…实施细则, …若干措施); a headline that reports
  // one (某地出台人才新政, 某市发布…政策) or a study of one (…人才政策研究) is no document title
  const bare = text.replace(/《[^》]*》/gu, "《》");
  return DOCUMENT_ENDING.test(text) && !/(政策|新政)$/u.test(text) && !REPORTING.test(bare);
}

interface HeaderLine {
  /** The line in the normalised text (whitespace removed). */
  text: string;
  start: number;
  end: number;
  /** A header line: short, without a clause's punctuation; false for the first body line. */
  heading: boolean;
}

/** The normalised index of the first character at or after a raw offset. */
function normIndex(view: TextView, raw: number): number {
  let lo = 0;
  let hi = view.offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.offsets[mid]! < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The header lines, read from the raw lines (a title, a number and a date are lines of their own
 * whatever the paragraphs made of them): the leading lines without a clause's punctuation, then the
 * first line of the body.
 */
function headerLines(view: TextView): HeaderLine[] {
  const out: HeaderLine[] = [];
  let at = 0;
  for (const raw of view.raw.split("\n")) {
    const from = at;
    at += raw.length + 1;
    const start = normIndex(view, from);
    const end = normIndex(view, from + raw.length);
    if (end <= start) continue;
    const text = view.norm.slice(start, end);
    const heading = text.length <= 60 && !/[，。；！？]/u.test(text.replace(/[（(][^）)]*[）)]/gu, ""));
    out.push({ text, start, end, heading });
    if (!heading || out.length >= HEADER_SENTENCES) break;
  }
  return out;
}

export function readHeader(view: TextView): DocumentHeader | null {
  const lines = headerLines(view);
  if (lines.length === 0) return null;
  const header: DocumentHeader = {
    kind: "other",
    issuers: [],
    end: 0,
    lines: lines.map(({ start, end }) => ({ start, end })),
  };
  let titleAt = -1;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!header.number) {
      const n = DOC_NUMBER.exec(line.text);
      if (n && n[0].length >= line.text.length - 2) {
        header.number = { text: n[0], start: line.start + n.index, end: line.start + n.index + n[0].length };
        continue;
      }
    }
    if (!header.date) {
      const d = parseDate(line.text);
      // a date line, or a date in brackets on a line of its own (（2020年7月1日某某会议通过）)
      // a date line, a date in brackets (（2020年7月1日某某会议通过）), a news date line (2021-03-15 09:30 来源：…)
      if (
        d &&
        (line.heading || k === lines.length - 1) &&
        (d.length >= line.text.length - 4 || /^[（(]/u.test(line.text) || (d.index === 0 && line.heading))
      ) {
        header.date = { text: line.text.slice(d.index, d.index + d.length), start: line.start + d.index,
          end: line.start + d.index + d.length, iso: d.iso, year: d.year }; // prettier-ignore
        continue;
      }
    }
    if (titleAt < 0 && line.heading) {
      const issuers = splitIssuers(line.text, line.start);
      if (issuers) {
        header.issuers.push(...issuers);
        continue;
      }
      // a title may wrap onto the next line: try the two lines joined first (unless the next line is
      // a title of its own, or a numbered heading or a question that opens the body)
      const next = lines[k + 1];
      const wraps =
        next?.heading &&
        next.start === line.end &&
        !policyTitle(next.text) &&
        !headingLevel(next.text) &&
        !ARTICLE.test(next.text) &&
        !/^问[：:]/u.test(next.text);
      const candidates = wraps ? [`${line.text}${next.text}`, line.text] : [line.text];
      const title = candidates.find((t) => policyTitle(t) || QUOTED_TITLE.test(t));
      if (title) {
        titleAt = k;
        header.title = { text: title, start: line.start, end: line.start + title.length };
        if (title !== line.text) k++;
        continue;
      }
    }
  }
  const titleLine = titleAt >= 0 ? lines[titleAt]! : undefined;
  if (header.title && titleLine) {
    const title = header.title.text;
    const quoted = QUOTED_TITLE.exec(title);
    const about = ABOUT_TITLE.exec(title);
    if (quoted && (policyTitle(quoted[1]!) || POLICY_TITLE.test(quoted[1]!))) {
      const at = header.title.start + quoted.index + 1;
      header.policy = { text: quoted[1]!, start: at, end: at + quoted[1]!.length };
    } else if (policyTitle(title)) {
      header.policy = { ...header.title };
    }
    // issuers written before 关于 in the title itself (中共某市委 某市人民政府关于…的意见): the policy is
    // named from 关于 on, the whole title its alias
    const prefix = about?.[1] ? splitIssuers(about[1], header.title.start) : null;
    if (prefix && header.issuers.length === 0) header.issuers.push(...prefix);
    if (prefix && header.policy?.text === title) {
      const at = header.title.start + about![1]!.length;
      header.policy = { text: title.slice(about![1]!.length), start: at, end: header.title.end };
    }
    if (header.policy) header.kind = "policy";
  }
  // a news report: a headline above a dateline opening the body (本报讯, 新华社某地某月某日电, 某日报记者)
  // the sentence the body opens with (a dateline is at its start)
  const last = lines.at(-1)!;
  const bodySentence = view.sentences.find((x) => last.start >= x.start && last.start < x.end);
  const firstBody = { text: view.norm.slice(last.start, bodySentence?.end ?? last.end), start: last.start };
  const dateline = !last.heading ? DATELINE.exec(firstBody.text) : null;
  // a web news page: a line giving the date and the source (2021-03-15 09:30 来源：某某日报)
  const sourceLine = lines.some((l) => l.heading && SOURCE_LINE.test(l.text) && parseDate(l.text));
  if (header.kind !== "policy" && (dateline || sourceLine) && lines.length >= 2) {
    header.kind = "news";
    const headline = lines.slice(0, -1).find((l) => l.text.length >= 6 && !parseDate(l.text));
    if (headline) header.title = { text: headline.text, start: headline.start, end: headline.end };
  }
  header.end = header.kind === "news" ? firstBody.start : (lines.filter((l) => l.heading).at(-1)?.end ?? 0);
  header.place = subjectPlace(header, firstBody.text, firstBody.start);
  return header.kind === "other" ? null : header;
}

/**
 * The place a document is about: the most specific division the title opens with (after 关于, for a
 * title that names no issuer), else the first issuer's, else (news) the place of the dateline or the
 * first division the headline names.
 */
function subjectPlace(header: DocumentHeader, bodyText: string, bodyStart: number): DocumentHeader["place"] {
  const at = (span: Span, offset: number, p: { name: string; kind: RegionKind; written: string }) => ({
    text: p.written,
    start: span.start + offset,
    end: span.start + offset + p.written.length,
    name: p.name,
    kind: p.kind,
  });
  const inSpan = (span: Span | undefined) => {
    if (!span) return undefined;
    const tries = [0];
    const about = span.text.indexOf("关于");
    if (about >= 0) tries.push(about + 2);
    const quoted = span.text.indexOf("《");
    if (quoted >= 0) tries.push(quoted + 1);
    for (const offset of tries) {
      const places = leadingPlaces(span.text.slice(offset));
      const last = places.at(-1);
      if (last) return at(span, offset + last.at, last);
    }
    return undefined;
  };
  const fromTitle = inSpan(header.policy) ?? inSpan(header.title);
  if (fromTitle) return fromTitle;
  for (const issuer of header.issuers) {
    const found = inSpan(issuer);
    if (found) return found;
  }
  if (header.kind !== "news") return undefined;
  const dateline = DATELINE_PLACE.exec(bodyText);
  if (dateline) {
    const place = placeOf(dateline[1]!);
    const offset = dateline.index + dateline[0].indexOf(dateline[1]!);
    if (place)
      return {
        text: dateline[1]!,
        start: bodyStart + offset,
        end: bodyStart + offset + dateline[1]!.length,
        ...place,
      };
  }
  // the first place a headline names: a known division written out (杭州市, 余杭区) or a short form
  const title = header.title;
  if (!title) return undefined;
  for (let i = 0; i < title.text.length - 1; i++) {
    const places = leadingPlaces(title.text.slice(i));
    const last = places.at(-1);
    if (last) return at(title, i + last.at, last);
  }
  return undefined;
}

/** The level of government a document about a place of this kind comes from. */
const PLACE_LEVEL: Partial<Record<RegionKind, "provincial" | "municipal" | "district">> = {
  province: "provincial",
  city: "municipal",
  district: "district",
};

/**
 * Whether another rule's mention is overruled by the header: an organisation read across two
 * issuers written side by side (中共某市委某市人民政府 as one name), or inside one, is the header's.
 */
export function shadowedByHeader(header: DocumentHeader | null, m: Mention): boolean {
  if (!header || header.kind !== "policy" || m.rule.startsWith("header:") || m.label !== "Organization")
    return false;
  return header.issuers.some(
    (x) => m.start < x.end && x.start < m.end && !(m.start === x.start && m.end === x.end),
  );
}

/** The header's policy, issuers and subject region as mentions (each quoting its header line). */
export function headerMentions(analysis: Analysis, header: DocumentHeader | null): Mention[] {
  if (!header) return [];
  const { view } = analysis;
  const sentenceOf = (at: number) => view.sentences.findIndex((x) => at >= x.start && at < x.end);
  // a mention quotes its header line (a title wrapped onto two lines, both)
  const quote = (span: Span) => {
    const lines = header.lines.filter((l) => l.start < span.end && span.start < l.end);
    const start = Math.min(span.start, ...lines.map((l) => l.start));
    const end = Math.max(span.end, ...lines.map((l) => l.end));
    return end - start <= 120
      ? { quoteStart: start, quoteEnd: end }
      : { quoteStart: span.start, quoteEnd: span.end };
  };
  const out: Mention[] = [];
  if (header.policy) {
    const props: Record<string, unknown> = {};
    // the title's own level, else the subject place's (a district's document), else the issuer's
    const level =
      levelOf(header.policy.text) ??
      (header.place && PLACE_LEVEL[header.place.kind]) ??
      (header.issuers[0] && levelOf(header.issuers[0].text.replace(ISSUER_START, "")));
    if (level) props.level = level;
    if (header.date) Object.assign(props, { year: header.date.year, date: header.date.iso });
    const title = header.title?.text;
    out.push(
      mention(analysis, sentenceOf(header.policy.start), {
        label: "Policy",
        name: header.policy.text,
        aliases: title && title !== header.policy.text && title.endsWith(header.policy.text) ? [title] : [],
        start: header.policy.start,
        end: header.policy.end,
        ...quote(header.title ?? header.policy),
        props,
        rule: "header:policy",
        confidence: 0.85,
      }),
    );
  }
  for (const issuer of header.kind === "policy" ? header.issuers : []) {
    out.push(
      mention(analysis, sentenceOf(issuer.start), {
        label: "Organization",
        name: issuer.text,
        start: issuer.start,
        end: issuer.end,
        ...quote(issuer),
        props: { kind: issuerKind(issuer.text) },
        rule: "header:issuer",
        confidence: 0.8,
      }),
    );
  }
  if (header.place) {
    out.push(
      mention(analysis, sentenceOf(header.place.start), {
        label: "Region",
        name: header.place.name,
        aliases: header.place.text !== header.place.name ? [header.place.text] : [],
        start: header.place.start,
        end: header.place.end,
        ...quote(header.place),
        props: { kind: header.place.kind },
        rule: "header:place",
        confidence: 0.75,
      }),
    );
  }
  return out;
}

/** ISSUED_BY from the header's policy to its issuers, COVERS to its subject region. */
export function headerRelations(ctx: RelationContext, mentions: readonly Mention[]) {
  const { set, add } = ctx;
  const policyMention = mentions.find((m) => m.rule === "header:policy");
  const policy = policyMention && set.of.get(policyMention);
  if (!policy || policy.label !== "Policy") return;
  for (const m of mentions) {
    const c = set.of.get(m);
    if (!c || m === policyMention) continue;
    const quote: [number, number] = [m.quoteStart, m.quoteEnd];
    if (m.rule === "header:issuer")
      add({ type: "ISSUED_BY", from: policy, to: c, quote, confidence: 0.75, why: "document-header" });
    if (m.rule === "header:place")
      add({ type: "COVERS", from: policy, to: c, quote, confidence: 0.6, why: "document-header" });
  }
}
