/**
 * Text for XML documents the explorer writes (GraphML, SVG): names and quotes from the data go in
 * only through these, so nothing from the data is ever read as markup.
 */

/** Code points XML 1.0 cannot hold at all, not even as references (its `Char` production). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** Element text; a carriage return is escaped, or parsers would turn CR LF into LF. */
export function escapeText(text: string): string {
  return xmlSafe(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("\r", "&#13;");
}

/** Attribute text; tabs and newlines are escaped, or parsers would normalise them to spaces. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replaceAll('"', "&quot;").replaceAll("\n", "&#10;").replaceAll("\t", "&#9;");
}
