/** The CJK web font for canvas labels (sigma draws text on a canvas). */
export const LABEL_FONT = '13px "Noto Sans SC"';

/** Canvas text does not trigger loading of unicode-range font slices: ask for them explicitly. */
export async function ensureFont(names: Iterable<string>): Promise<void> {
  const chars = [...new Set([...names].join(""))].join("");
  if (chars) await document.fonts.load(LABEL_FONT, chars);
}
