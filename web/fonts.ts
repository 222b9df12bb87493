/** The CJK web font for canvas labels (sigma draws text on a canvas). */
export const LABEL_FONT = '13px "Noto Sans SC"';

/** Canvas text does not trigger loading of unicode-range font slices: ask for them explicitly. */
export async function ensureFont(names: Iterable<string>): Promise<void> {
  const chars = [...new Set([...names].join(""))].join("");
  if (chars) await document.fonts.load(LABEL_FONT, chars);
}

/**
 * The page's @font-face rules for the label font with absolute URLs, for documents made from the
 * page (the printable report), so they show Chinese on machines without a CJK font while the app's
 * server is reachable; elsewhere the report falls back to the system's CJK fonts.
 */
export function fontFaceCss(family = "Noto Sans SC"): string {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet: not ours
    }
    const base = sheet.href ?? document.baseURI;
    for (const rule of Array.from(cssRules)) {
      if (!(rule instanceof CSSFontFaceRule) || !rule.style.getPropertyValue("font-family").includes(family))
        continue;
      rules.push(
        rule.cssText.replace(/url\("?([^")]+)"?\)/g, (_, url: string) => `url("${new URL(url, base).href}")`),
      );
    }
  }
  return rules.join("\n");
}
