/** Terminal columns of a text: CJK characters (and other wide ones) take two. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDE.test(c) || (c.codePointAt(0) ?? 0) >= 0x20000 ? 2 : 1;
  return width;
}
