/**
 * The report's font for a file that travels: Noto Sans SC (regular) from @fontsource, whose slices
 * by unicode-range are each cut down to the characters the report uses with subset-font (HarfBuzz's
 * hb-subset compiled to WebAssembly) and embedded as WOFF2 data: URLs — a few hundred kilobytes for a
 * report instead of the 7 MB of slices, and no request when the file is opened.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { charsIn, parseUnicodeRange } from "../web/patterns/fontRanges.ts";

const require = createRequire(import.meta.url);

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: "woff2" }) => Promise<Buffer>;

export const FONT_FAMILY = "Noto Sans SC";

/** @font-face rules (regular weight) covering every character of `text` the font has. */
export async function subsetFontCss(text: string): Promise<string> {
  // subset-font is CommonJS without types: required, and typed here by what we call.
  const subsetFont = require("subset-font") as SubsetFont;
  const dir = path.dirname(require.resolve("@fontsource/noto-sans-sc/package.json"));
  const slices = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8")) as Record<string, string>;
  const rules: string[] = [];
  for (const [key, range] of Object.entries(slices)) {
    const chars = charsIn(text, parseUnicodeRange(range));
    if (!chars) continue;
    const slice = key.replace(/^\[(\d+)\]$/, "$1");
    const file = path.join(dir, "files", `noto-sans-sc-${slice}-400-normal.woff2`);
    const subset = await subsetFont(readFileSync(file), chars, { targetFormat: "woff2" });
    rules.push(
      `@font-face { font-family: "${FONT_FAMILY}"; font-style: normal; font-weight: 400; src: url(data:font/woff2;base64,${subset.toString("base64")}) format("woff2"); unicode-range: ${range}; }`,
    );
  }
  return rules.join("\n");
}
