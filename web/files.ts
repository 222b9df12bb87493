/** Files the user saves: a browser download, and CSV as spreadsheet programs read it. */

/** Saves a blob under a file name (a hidden link's click, as every browser supports). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers still read the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/** A byte-order mark, without which Excel reads a UTF-8 CSV in the local code page. */
const BOM = "\uFEFF";

/** RFC 4180: a field with a quote, comma or line break is quoted, its quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text with a BOM and CR LF line ends; a missing value is an empty field. */
export function csvText(
  columns: readonly string[],
  rows: readonly (readonly (string | undefined)[])[],
): string {
  return (
    BOM + [columns, ...rows].map((line) => `${line.map((v) => csvField(v ?? "")).join(",")}\r\n`).join("")
  );
}
