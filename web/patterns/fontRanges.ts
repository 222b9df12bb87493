/**
 * CSS unicode-range values and the characters of a text that fall in them: which slices of a web
 * font split by unicode-range (as @fontsource ships Noto Sans SC) a report needs.
 */

export type CodeRange = readonly [number, number];

/** `U+4e00-4e0f,U+20` → [[0x4e00, 0x4e0f], [0x20, 0x20]]; wildcards (U+4??) as their span. */
export function parseUnicodeRange(value: string): CodeRange[] {
  return value
    .split(",")
    .map((part) => part.trim().replace(/^u\+/i, ""))
    .filter(Boolean)
    .map((part): CodeRange => {
      if (part.includes("?")) {
        return [parseInt(part.replaceAll("?", "0"), 16), parseInt(part.replaceAll("?", "f"), 16)];
      }
      const [from, to = from] = part.split("-");
      return [parseInt(from!, 16), parseInt(to!, 16)];
    })
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
}

/** The distinct characters of `text` (by code point) inside the ranges, in code-point order. */
export function charsIn(text: string, ranges: readonly CodeRange[]): string {
  const found = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ranges.some(([a, b]) => cp >= a && cp <= b)) found.add(cp);
  }
  return String.fromCodePoint(...[...found].sort((a, b) => a - b));
}
