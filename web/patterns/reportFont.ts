/**
 * The report's font, embedded (in the browser): the slices of the page's own Noto Sans SC (regular
 * weight) whose unicode-range holds a character of the report, fetched from the app and written into
 * @font-face rules as data: URLs, so that the file shows Chinese anywhere, offline, without a
 * network request. The command line (cli/reportFont.ts) goes further and subsets each slice to the
 * characters used; the browser has no font subsetter, so a download carries whole slices.
 */
import { charsIn, parseUnicodeRange } from "./fontRanges.ts";

const FAMILY = "Noto Sans SC";

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

interface Face {
  url: string;
  range: string;
}

function pageFaces(): Face[] {
  const faces: Face[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet: not ours
    }
    const base = sheet.href ?? document.baseURI;
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const style = rule.style;
      if (!style.getPropertyValue("font-family").includes(FAMILY)) continue;
      const weight = style.getPropertyValue("font-weight").trim();
      if (weight && weight !== "400" && weight !== "normal") continue;
      const src = style.getPropertyValue("src");
      const woff2 = /url\("?([^")]+\.woff2)"?\)/.exec(src)?.[1];
      if (!woff2) continue;
      faces.push({ url: new URL(woff2, base).href, range: style.getPropertyValue("unicode-range") });
    }
  }
  return faces;
}

/** @font-face rules with the slices `text` needs, as data: URLs. */
export async function embeddedFontCss(text: string): Promise<string> {
  const needed = pageFaces().filter((f) => charsIn(text, parseUnicodeRange(f.range)).length > 0);
  const rules = await Promise.all(
    needed.map(async (face) => {
      const response = await fetch(face.url);
      if (!response.ok) throw new Error(`font slice ${face.url}: HTTP ${response.status}`);
      const data = base64(new Uint8Array(await response.arrayBuffer()));
      return `@font-face { font-family: "${FAMILY}"; font-style: normal; font-weight: 400; src: url(data:font/woff2;base64,${data}) format("woff2"); unicode-range: ${face.range}; }`;
    }),
  );
  return rules.join("\n");
}
