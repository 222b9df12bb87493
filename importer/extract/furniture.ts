/**
 * Page furniture: what a PDF extraction leaves inline between the paragraphs — bare page numbers
 * and the running headers and footers that recur on every page. Reported as the regular
 * expressions of source.yaml's `furniture`, which the quote search skips.
 */

export interface Line {
  /** 0-based line index. */
  n: number;
  start: number;
  raw: string;
  text: string;
  compact: string;
}

/** 一、 （一） 1. — numbered headings and list items, never furniture. */
export const ENUMERATOR =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))\s*/u;
/** Lines that head the back matter of an article rather than a section. */
export const BACK_MATTER = /^(?:参考文献|相关链接|注释|说明|目录|目次)$/u;

export const PAGE_NUMBER_PATTERNS: ReadonlyArray<{ test: RegExp; source: string }> = [
  { test: /^\s*\d{1,3}\s*$/u, source: String.raw`^\s*\d{1,3}\s*$` },
  { test: /^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$/u, source: String.raw`^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$` },
  {
    test: /^\s*第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?\s*$/u,
    source: String.raw`^\s*第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?\s*$`,
  },
  { test: /^\s*\d{1,3}\s*[/／]\s*\d{1,3}\s*$/u, source: String.raw`^\s*\d{1,3}\s*[/／]\s*\d{1,3}\s*$` },
];

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split("\n").forEach((raw, n) => {
    const text = raw.trim();
    lines.push({ n, start, raw, text, compact: text.replace(/\s+/gu, "") });
    start += raw.length + 1;
  });
  return lines;
}

export const isPageNumber = (line: Line) => PAGE_NUMBER_PATTERNS.some((p) => p.test.test(line.raw));

/**
 * Bare page numbers, and short lines that recur down the document (running headers and footers):
 * at least three times, or twice each beside a page number. Digits that change between the
 * occurrences (page numbers inside a footer) become \d+.
 */
export function detectFurniture(lines: Line[]): string[] {
  const sources: string[] = [];
  for (const pattern of PAGE_NUMBER_PATTERNS) {
    if (lines.some((l) => pattern.test.test(l.raw))) sources.push(pattern.source);
  }
  const nearPageNumber = (n: number) =>
    lines.slice(Math.max(0, n - 4), n + 5).some((l) => l.n !== n && isPageNumber(l));
  const groups = new Map<string, Line[]>();
  for (const line of lines) {
    const length = line.compact.length;
    if (length < 2 || length > 60 || isPageNumber(line) || ENUMERATOR.test(line.text)) continue;
    if (BACK_MATTER.test(line.compact) || /https?:/u.test(line.text)) continue;
    const key = line.compact.replace(/\d+/gu, "#");
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  for (const group of groups.values()) {
    const spread = group.every((l, i) => i === 0 || l.n - group[i - 1]!.n >= 3);
    const byPageNumbers = group.length >= 2 && group.every((l) => nearPageNumber(l.n));
    if (spread && (group.length >= 3 || byPageNumbers)) sources.push(furniturePattern(group));
  }
  return sources;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
}

/** The first occurrence's text, spaces and digit boundaries made optional, varying digits \d+. */
function furniturePattern(group: Line[]): string {
  const numbers = group.map((l) => l.compact.match(/\d+/gu) ?? []);
  let digitRun = 0;
  const parts = (group[0]!.text.match(/\s+|\d+|[^\s\d]+/gu) ?? []).map((token) => {
    if (/^\s/u.test(token)) return String.raw`\s*`;
    if (!/^\d/u.test(token)) return escapeRegExp(token);
    const i = digitRun++;
    const fixed = numbers.every((n) => n[i] === token);
    return String.raw`\s*${fixed ? token : String.raw`\d+`}\s*`;
  });
  return `^\\s*${parts.join("")}\\s*$`.replace(/(?:\\s\*)+/gu, String.raw`\s*`);
}
