/**
 * The text the extractor reads: the source with whitespace, page furniture and "link echo" lines (a
 * URL alone on a line, which PDF extraction repeats at page ends) removed, every character keeping
 * its offset in the raw text. Paragraphs are recovered from line lengths (a line that stops short
 * of the right margin ends its paragraph), since PDF text has no reliable blank lines.
 *
 * A text in traditional characters is analysed in its simplified reading (script.ts), index for
 * index: `norm` is what the rules read, `written` the same characters as the source has them, which
 * is where quotes are cut from.
 */
import { readScript } from "./script.ts";

export interface SectionSpan {
  id: string;
  title: string;
  /** Raw offsets, as in source.yaml sections or detectSections. */
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  section: string;
  /** The sentence is a whole short paragraph: a heading, a news title, a link line. */
  heading: boolean;
}

export interface TextView {
  raw: string;
  /** The normalised text the rules read (simplified characters when the source is traditional). */
  norm: string;
  /** The normalised text as written in the source, index for index with `norm`: what quotes are cut from. */
  written: string;
  /** Whether the source is written in traditional characters (and `norm` is its simplified reading). */
  script: "simplified" | "traditional";
  /** norm index → raw offset. */
  offsets: number[];
  /** norm indices right after a skipped link-echo line: a quote across one is split in two. */
  breaks: Set<number>;
  sentences: Sentence[];
  sections: SectionSpan[];
}

const URL_LINE = /^\s*https?:\/\/\S+\s*$/u;
const SENTENCE_END = /[。！？；]/u;
const NEW_PARAGRAPH =
  /^(【|相关链接|（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]{1,3}、|\d{1,2}、|\[\d+\])/u;

const HAN = /\p{Script=Han}/u;
/** Fields of a row: Chinese text, spaces, Chinese text. */
const COLUMNS = /\p{Script=Han}[ \t\u3000]+\p{Script=Han}/u;

function width(line: string): number {
  let w = 0;
  for (const c of line.trim()) w += c.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

interface Line {
  start: number;
  end: number;
  /** Ends its paragraph (short line, or followed by nothing). */
  last: boolean;
}

export function buildView(
  raw: string,
  sections: readonly SectionSpan[],
  furniture: readonly RegExp[],
): TextView {
  const rawLines: Array<{ text: string; start: number }> = [];
  let at = 0;
  for (const text of raw.split("\n")) {
    rawLines.push({ text, start: at });
    at += text.length + 1;
  }
  const content = rawLines.filter((l) => l.text.trim() !== "" && !furniture.some((re) => re.test(l.text)));
  const widths = content.filter((l) => !URL_LINE.test(l.text)).map((l) => width(l.text));
  const sorted = [...widths].sort((a, b) => a - b);
  const margin = sorted[Math.floor(sorted.length * 0.8)] ?? 0;

  const chars: string[] = [];
  const offsets: number[] = [];
  const breaks = new Set<number>();
  const lines: Line[] = [];
  let echoed = false;
  for (const l of content) {
    if (URL_LINE.test(l.text) && !/相关链接/u.test(l.text)) {
      // A URL alone on its line: a link echo unless the previous line announces it.
      const previous = lines.at(-1);
      const announced =
        previous && /(相关链接|链接|来源|网址)[：:]\s*$/u.test(chars.slice(previous.start).join(""));
      if (!announced) {
        echoed = true;
        continue;
      }
    }
    const start = chars.length;
    for (let i = 0; i < l.text.length; i++) {
      if (/\s/u.test(l.text[i]!)) {
        // spaces between two Chinese characters separate columns or fields (张伟 浙江大学 教授): one
        // space is kept so that no name runs across them (PDF text gets no spaces inside words)
        const next = l.text.slice(i).trimStart()[0];
        if (
          chars.length > start &&
          HAN.test(chars.at(-1)!) &&
          next &&
          HAN.test(next) &&
          chars.at(-1) !== " "
        ) {
          chars.push(" ");
          offsets.push(l.start + i);
        }
        continue;
      }
      if (echoed) breaks.add(chars.length);
      echoed = false;
      chars.push(l.text[i]!);
      offsets.push(l.start + i);
    }
    if (chars.length > start) {
      // a marker at the start of a line (a date, a link, a numbered heading) begins a new paragraph
      // …and so does a row of fields (张伟 浙江大学 教授), which also ends where its line ends
      const previous = lines.at(-1);
      const row = COLUMNS.test(l.text.trim());
      if (previous && (row || NEW_PARAGRAPH.test(l.text.trim()))) previous.last = true;
      const endsWithLink = /https?:\/\/\S+\s*$/u.test(l.text);
      lines.push({ start, end: chars.length, last: row || endsWithLink || width(l.text) < margin * 0.8 });
    }
  }
  const written = chars.join("");
  const { script, text: norm } = readScript(written);
  const sectionOf = (i: number) => {
    const off = offsets[i] ?? 0;
    return (sections.find((s) => off >= s.start && off < s.end) ?? sections.at(-1))?.id ?? "default";
  };
  const sentences: Sentence[] = [];
  const lineStarts = new Set(lines.map((l) => l.start));
  let lineIndex = 0;
  let paraStart = 0;
  for (const line of lines) {
    lineIndex++;
    const ends = line.last || lineIndex === lines.length || sectionOf(line.end) !== sectionOf(line.start);
    if (!ends) continue;
    splitParagraph(norm, paraStart, line.end, sentences, sectionOf, lineStarts);
    paraStart = line.end;
  }
  return { raw, norm, written, script, offsets, breaks, sentences, sections: [...sections] };
}

function splitParagraph(
  norm: string,
  from: number,
  to: number,
  out: Sentence[],
  sectionOf: (i: number) => string,
  lineStarts: ReadonlySet<number>,
) {
  let start = from;
  for (let i = from; i < to; i++) {
    const c = norm[i]!;
    if (SENTENCE_END.test(c) || i === to - 1) {
      // keep a closing quote or bracket with its sentence
      let end = i + 1;
      while (end < to && /[”’）」』]/u.test(norm[end]!)) end++;
      if (end > start) {
        const text = norm.slice(start, end);
        // A heading: the last sentence of its paragraph, on lines of its own, unpunctuated, short.
        const heading = end === to && lineStarts.has(start) && text.length <= 60 && !SENTENCE_END.test(text);
        out.push({ start, end, text, section: sectionOf(start), heading });
      }
      start = end;
      i = end - 1;
    }
  }
}

/** Raw offsets of a span of the normalised text. */
export function rawSpan(view: TextView, start: number, end: number): { start: number; end: number } {
  return { start: view.offsets[start]!, end: view.offsets[end - 1]! + 1 };
}

/** The section id at a normalised offset. */
export function sectionAt(view: TextView, index: number): string {
  const off = view.offsets[index] ?? 0;
  return (view.sections.find((s) => off >= s.start && off < s.end) ?? view.sections.at(-1))?.id ?? "default";
}

/**
 * A name the rules found (in `norm`) as the source writes it: the same span of `written` where the
 * name occurs — at a mention, in a mention's quote, or anywhere in the text. A name that occurs
 * nowhere as such (one the rules composed) stays as found.
 */
export function writtenName(
  view: TextView,
  name: string,
  spans: ReadonlyArray<{ start: number; end: number; quoteStart: number; quoteEnd: number }> = [],
): string {
  if (view.script === "simplified" || name === "") return name;
  const at = (start: number) => view.written.slice(start, start + name.length);
  for (const s of spans) if (view.norm.slice(s.start, s.end) === name) return at(s.start);
  for (const s of spans) {
    const found = view.norm.indexOf(name, s.quoteStart);
    if (found >= 0 && found + name.length <= s.quoteEnd) return at(found);
  }
  const anywhere = view.norm.indexOf(name);
  return anywhere >= 0 ? at(anywhere) : name;
}
