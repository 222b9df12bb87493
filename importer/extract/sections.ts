/**
 * Finds the sections of an extracted report and the page furniture (running headers, footers, page
 * numbers) that the extraction left inline.
 *
 * Headings are recognised heuristically, the way a reader skims: short lines without
 * sentence-ending punctuation that look like titles. Explicit chapters (第一章, 第二部分) win; then
 * unnumbered titles that are backed by their surroundings — the first line of the document, a
 * known name (卷首语, 前言), a table-of-contents entry, an article's by-line or date line after it,
 * numbering that restarts at 一、 right below it, the previous article's "（本文由…整理）" above
 * it; then the 一、二、三、 headings. Sections follow importer/sourceText.ts: the first starts at
 * offset 0, each other one at the start of its heading line, and each ends where the next begins.
 */
import { pinyin } from "pinyin-pro";
import {
  BACK_MATTER,
  detectFurniture,
  ENUMERATOR,
  isPageNumber,
  splitLines,
  type Line,
} from "./furniture.ts";
import { isNumberOrDateLine, policyTitle } from "./header.ts";

export interface DetectedSection {
  id: string;
  title: string;
  start: number;
  end: number;
  /** 1-based line of the heading in the text. */
  line: number;
}

const CHAPTER = /^第[一二三四五六七八九十百零〇\d]+[章部篇编]/u;
const LEVEL_ONE = /^[一二三四五六七八九十]+[、.．]/u;
const FIRST_ITEM = /^(?:一[、.．]|[（(]一[）)]|1[、.．](?!\d)|第一[章部篇编节])/u;
const SENTENCE_END = /[。；;！!？?，,、：:.…]$/u;
const KNOWN_TITLES = /^(?:卷首语|编者按|前言|序言?|引言|导言|导语|摘要|概述|结语|结束语|后记|附录|附件)$/u;
const TITLE_WORDS =
  /(?:研究|报告|分析|综述|汇编|简报|纪要|概况|调查|调研|述评|动态|经验|启示|建议|对策|举措|要点|通知|办法|意见|方案|规定|条例)$/u;
const END_OF_ARTICLE =
  /^[（(]?本文由|(?:整理|供稿|撰稿|编辑|编译)[）)]?$|^[（(]?(?:作者|来源|责任编辑)[:：]/u;
const BYLINE = /^(?:作者|文|来源|撰稿|整理|编译|供稿|撰文)\s*[:：/／|]|^——/u;
const DATE_SUBTITLE = /^[（(]\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*[）)]$/u;
const CAPTION = /^(?:图|表|Figure|Table|Fig\.)\s*\d/iu;
const TOC_TITLE = /^(?:目录|目次|contents)$/iu;
const TOC_ENTRY = /^(.*?\S)\s*(?:[.．·…\-_]{2,}|\s)\s*\d{1,3}$/u;

export function detectSections(text: string): { sections: DetectedSection[]; furniture: string[] } {
  const lines = splitLines(text);
  const furniture = detectFurniture(lines);
  const patterns = furniture.map((source) => new RegExp(source, "u"));
  const body = lines.filter((l) => l.compact !== "" && !patterns.some((re) => re.test(l.raw)));
  const headings = findHeadings(body);
  return { sections: toSections(text, lines, body, headings), furniture };
}

function isTitleLike(line: Line, maxLength = 50): boolean {
  const t = line.text;
  if (line.compact.length < 2 || line.compact.length > maxLength) return false;
  if (SENTENCE_END.test(t) || /[。！？]/u.test(t) || /https?:|www\./u.test(t)) return false;
  if (/^[【[〔<《“"'‘（(]/u.test(t) && !ENUMERATOR.test(t)) return false;
  if (CAPTION.test(t) || BACK_MATTER.test(line.compact) || isPageNumber(line)) return false;
  return /[\p{L}]/u.test(t);
}

/** Entries of a table of contents: titles with dot leaders and page numbers below 目录. */
function tocEntries(body: Line[]): { entries: Set<string>; end: number } {
  const entries = new Set<string>();
  const at = body.findIndex((l) => TOC_TITLE.test(l.compact));
  if (at < 0) return { entries, end: -1 };
  let end = body[at]!.n;
  for (const line of body.slice(at + 1, at + 80)) {
    const match = TOC_ENTRY.exec(line.text);
    if (!match) break;
    entries.add(match[1]!.replace(/[\s.．·…\-_]+$/u, "").replace(/\s+/gu, ""));
    end = line.n;
  }
  return { entries, end };
}

function findHeadings(body: Line[]): Line[] {
  const toc = tocEntries(body);
  const candidates = body.filter((l) => l.n > toc.end);
  const chapters = candidates.filter((l) => CHAPTER.test(l.compact) && isTitleLike(l, 40));
  const next = (i: number, k = 1) => candidates[i + k];
  const titles = candidates.filter((line, i) => {
    if (!isTitleLike(line) || ENUMERATOR.test(line.text) || CHAPTER.test(line.compact)) return false;
    if (DATE_SUBTITLE.test(line.text) || isNumberOrDateLine(line.text)) return false;
    let score = 0;
    // a policy document's own title near the top (关于…的若干意见, wrapped onto two lines or not)
    if (i < 8 && isDocumentTitleAt(candidates, i)) score += 3;
    if (toc.entries.has(line.compact)) score += 3;
    if (line === body[0]) score += 2;
    if (KNOWN_TITLES.test(line.compact)) score += 2;
    if (/^\s/u.test(line.raw)) score += 1;
    if (TITLE_WORDS.test(line.compact)) score += 1;
    const below = [next(i), next(i, 2)].filter((l): l is Line => l !== undefined);
    if (below.some((l) => FIRST_ITEM.test(l.text))) score += 3;
    if (below.some((l) => BYLINE.test(l.text) || DATE_SUBTITLE.test(l.text))) score += 2;
    if (followsArticleEnd(candidates, i)) score += 2;
    return score >= 3;
  });
  if (toc.entries.size > 0) {
    const listed = candidates.filter(
      (l) => toc.entries.has(l.compact) || toc.entries.has(l.compact.replace(ENUMERATOR, "")),
    );
    if (listed.length >= 2) return listed;
  }
  if (chapters.length >= 2) return merge(chapters, titles);
  if (titles.length >= 2) return titles;
  const numbered = candidates.filter((l) => LEVEL_ONE.test(l.text) && isTitleLike(l, 30));
  if (numbered.length >= 2) return merge(numbered, titles);
  return titles.length > 0 ? titles : body.slice(0, 1);
}

/** Whether the line at i (alone, or with the line after it when the title wraps) is a policy document's title. */
function isDocumentTitleAt(lines: Line[], i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  const previous = lines[i - 1];
  // the second line of a wrapped title is not a title of its own
  if (previous && !policyTitle(previous.compact) && policyTitle(previous.compact + line.compact))
    return false;
  return policyTitle(line.compact) || (!!next && policyTitle(line.compact + next.compact));
}

/**
 * True when the nearest line above that is not part of a reference list closes an article:
 * "（本文由…整理）", "来源：…". References, URLs and wrapped lines may lie in between.
 */
function followsArticleEnd(candidates: Line[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 40; k--) {
    const line = candidates[k]!;
    if (END_OF_ARTICLE.test(line.compact)) return true;
    if (isTitleLike(line) && !BACK_MATTER.test(line.compact)) return false;
  }
  return false;
}

function merge(a: Line[], b: Line[]): Line[] {
  return [...new Set([...a, ...b])].sort((x, y) => x.n - y.n);
}

function toSections(text: string, lines: Line[], body: Line[], headings: Line[]): DetectedSection[] {
  // A first heading below front matter of a few characters (a masthead, the document's own title
  // above its 一、二、) does not get a section of its own: the first section starts at 0 anyway.
  const kept = headings.filter((h, i) => {
    if (i !== 0 || headings.length < 2) return true;
    const front = body.filter((l) => l.n > h.n && l.n < headings[1]!.n);
    return front.reduce((sum, l) => sum + l.compact.length, 0) >= 20;
  });
  // A text without any heading is one section named after its first line (s1 when that line is
  // a sentence rather than a title).
  const titles = kept.map((h) => titleOf(h, lines));
  const ids = sectionIds(kept.map((h, i) => (isTitleLike(h, 80) ? titles[i]! : "")));
  return kept.map((h, i) => ({
    id: ids[i]!,
    title: titles[i]!.length > 40 ? `${titles[i]!.slice(0, 40)}…` : titles[i]!,
    start: i === 0 ? 0 : h.start,
    end: i + 1 < kept.length ? kept[i + 1]!.start : text.length,
    line: h.n + 1,
  }));
}

/**
 * The heading without its 一、 enumerator, with a date line below it appended (汇编（2020 年 7 月）) or
 * the rest of a wrapped document title.
 */
function titleOf(heading: Line, lines: Line[]): string {
  let title = heading.text.replace(ENUMERATOR, "").replace(/\s{2,}/gu, " ");
  // a document title wrapped onto the next line: 关于…的 / 若干意见
  const wrapped = lines.slice(heading.n + 1, heading.n + 3).find((l) => l.compact !== "");
  if (wrapped && !policyTitle(heading.compact) && policyTitle(heading.compact + wrapped.compact))
    title = `${title}${wrapped.text}`;
  const below = lines.slice(heading.n + 1, heading.n + 4).find((l) => l.compact !== "");
  return below && DATE_SUBTITLE.test(below.text) ? `${title}${below.text}` : title;
}

/**
 * Stable ASCII ids from the titles: the pinyin of what distinguishes a title from the others (the
 * suffix it shares with another title dropped: 北京中关村人才集聚经验研究 → beijingzhongguancun),
 * at most 20 letters; s1, s2 … when a title gives nothing usable.
 */
export function sectionIds(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, i) => {
    const core = distinctive(bare(title), titles.map(bare));
    let id = slug(core) || `s${i + 1}`;
    for (let k = 2; used.has(id); k++) id = `${slug(core) || `s${i + 1}`}-${k}`;
    used.add(id);
    return id;
  });
}

/** A title without its enumerator, chapter number or trailing parenthesis: 第一章 总则 → 总则. */
function bare(title: string): string {
  return title
    .replace(/[（(][^）)]*[）)]$/u, "")
    .replace(ENUMERATOR, "")
    .replace(/^第[一二三四五六七八九十百零〇\d]+[章部篇编节](?:分)?\s*/u, "")
    .trim();
}

function distinctive(title: string, titles: readonly string[]): string {
  const chars = [...title];
  let shared = 0;
  for (const other of titles) {
    const o = [...other];
    if (o.join("") === chars.join("")) continue;
    let k = 0;
    while (k < chars.length && k < o.length && chars[chars.length - 1 - k] === o[o.length - 1 - k]) k++;
    shared = Math.max(shared, k);
  }
  return shared >= 2 && chars.length - shared >= 2
    ? chars.slice(0, chars.length - shared).join("")
    : chars.join("");
}

function slug(title: string): string {
  // Chinese runs become run-together syllables (zhangjiang), other runs lower-case words; runs and
  // words are joined by "-". Syllables and words are kept while the id has at most 20 letters.
  let out = "";
  let letters = 0;
  for (const run of title.match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/gu) ?? []) {
    const chinese = /[\u3400-\u9fff]/u.test(run);
    const parts = chinese
      ? pinyin(run, { toneType: "none", type: "array", v: true }).map((p) => p.toLowerCase())
      : run.toLowerCase().split(/[^a-z0-9]+/u);
    let joined = false;
    for (const part of parts.filter((p) => /^[a-z0-9]+$/u.test(p))) {
      if (letters > 0 && letters + part.length > 20) return out;
      out += out === "" || (chinese && joined) ? part : `-${part}`;
      letters += part.length;
      joined = chinese;
    }
  }
  return out;
}
