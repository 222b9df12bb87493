/**
 * Reads a new source document into the text that `source.txt` will hold: plain text (.txt, .md)
 * as strict UTF-8, PDF through pdf.js's text layer. Every way this can fail is a SourceReadError that
 * names the file, says what is wrong and how to fix it — never a silently empty text.
 */
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

export interface ReadSource {
  text: string;
  format: "txt" | "pdf";
  pages: number | null;
  bytes: number;
}

export class SourceReadError extends Error {
  readonly file: string;
  readonly hint: string;

  constructor(file: string, message: string, hint: string) {
    super(`${file}: ${message}`);
    this.name = "SourceReadError";
    this.file = file;
    this.hint = hint;
  }
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set([".txt", ".md"]);

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export async function readSource(file: string, options: { maxBytes?: number } = {}): Promise<ReadSource> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const extension = path.extname(file).toLowerCase();
  if (!TEXT_EXTENSIONS.has(extension) && extension !== ".pdf") {
    throw new SourceReadError(
      file,
      `unsupported file type "${extension || "(no extension)"}"`,
      "give a .pdf, .txt or .md file; save other formats (Word, HTML) as PDF or UTF-8 text first",
    );
  }
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new SourceReadError(
      file,
      error.code === "ENOENT" ? "no such file" : `cannot read the file (${error.code ?? error.message})`,
      "check the path (it is resolved from the current directory)",
    );
  });
  if (!info.isFile()) {
    throw new SourceReadError(file, "not a file", "give the path of a .pdf, .txt or .md file");
  }
  if (info.size > maxBytes) {
    throw new SourceReadError(
      file,
      `the file is ${megabytes(info.size)}, more than the limit of ${megabytes(maxBytes)}`,
      `split the document, or raise the limit with --max-bytes ${info.size}`,
    );
  }
  if (info.size === 0) {
    throw new SourceReadError(file, "the file is empty (0 bytes)", "export or download the document again");
  }
  const bytes = new Uint8Array(await readFile(file));
  const size = bytes.length;
  if (extension === ".pdf") {
    // pdf.js takes over (detaches) the buffer it is given: the size is read before.
    const { text, pages } = await readPdf(file, bytes);
    return { text, format: "pdf", pages, bytes: size };
  }
  return { text: decodeText(file, bytes), format: "txt", pages: null, bytes: size };
}

/** File kinds that are not text, by their first bytes: what the file is, and what to do instead. */
const SIGNATURES: { bytes: number[]; what: string; hint: string }[] = [
  {
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
    what: "a PDF",
    hint: "give it with the .pdf extension, so that its text layer is read",
  },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04], // PK: zip, and .docx, .xlsx, .pptx, .odt inside
    what: "a ZIP archive (a Word .docx, .xlsx, .odt or .zip file?)",
    hint: "open it and save it as PDF or as UTF-8 text (.txt) first",
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0], // OLE2: .doc, .xls, .ppt
    what: "an old Office document (.doc, .xls or .ppt?)",
    hint: "open it and save it as PDF or as UTF-8 text (.txt) first",
  },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47], // PNG
    what: "a PNG image",
    hint: "run OCR on the scan first (e.g. ocrmypdf or tesseract -l chi_sim) and give its PDF or text",
  },
  {
    bytes: [0xff, 0xd8, 0xff], // JPEG
    what: "a JPEG image",
    hint: "run OCR on the scan first (e.g. ocrmypdf or tesseract -l chi_sim) and give its PDF or text",
  },
  {
    bytes: [0x1f, 0x8b], // gzip
    what: "a gzip archive",
    hint: "unpack it first (gunzip) and give the document inside",
  },
  {
    bytes: [0xff, 0xfe], // UTF-16 little-endian byte-order mark
    what: "UTF-16 text",
    hint: "convert it to UTF-8 first: iconv -f UTF-16 -t UTF-8",
  },
  {
    bytes: [0xfe, 0xff], // UTF-16 big-endian byte-order mark
    what: "UTF-16 text",
    hint: "convert it to UTF-8 first: iconv -f UTF-16 -t UTF-8",
  },
];

/** C0 control characters (and DEL) other than tab, line feed, vertical tab, form feed and carriage return. */
function controlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) count++;
  }
  return count;
}

/**
 * Refuses a "text" file that is something else: a known binary format (by its first bytes), or
 * bytes with NULs or other control characters, which no text document holds. Without this a .docx
 * renamed .txt is "text" that happens to be valid UTF-8, and a PNG gets told to convert from GBK.
 */
function refuseBinary(file: string, bytes: Uint8Array): void {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => bytes[i] === b)) {
      throw new SourceReadError(file, `the file is ${signature.what}, not plain text`, signature.hint);
    }
  }
  const nul = bytes.subarray(0, 64 * 1024).indexOf(0);
  if (nul >= 0) {
    throw new SourceReadError(
      file,
      `the file holds binary data (a NUL byte at offset ${nul}), not text`,
      "give a .pdf, .txt or .md file; save other formats (Word, HTML) as PDF or UTF-8 text first " +
        "(UTF-16 text without a byte-order mark looks like this too: iconv -f UTF-16LE -t UTF-8)",
    );
  }
}

function decodeText(file: string, bytes: Uint8Array): string {
  refuseBinary(file, bytes);
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark in the output so that it can be removed explicitly below.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SourceReadError(
      file,
      "the file is not valid UTF-8 (Chinese text saved as GBK/GB18030?)",
      `convert it first: iconv -f GB18030 -t UTF-8 ${file} > ${file.replace(/(\.\w+)$/, ".utf8$1")}`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Windows line ends become "\n": every offset (sections, evidence) refers to this normalised
  // text, which is what source.txt stores.
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") {
    throw new SourceReadError(
      file,
      "the file holds only whitespace",
      "export or download the document again",
    );
  }
  const controls = controlCharacters(text);
  if (controls > Math.max(8, text.length / 1000)) {
    throw new SourceReadError(
      file,
      `the file holds ${controls} control characters, so it is binary data rather than text`,
      "give a .pdf, .txt or .md file; save other formats (Word, HTML) as PDF or UTF-8 text first",
    );
  }
  return text;
}

/** pdf.js ships its CJK character maps and standard font metrics beside its build; Node reads them from disk. */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return {
    cMapUrl: `${path.join(root, "cmaps")}${path.sep}`,
    standardFontDataUrl: `${path.join(root, "standard_fonts")}${path.sep}`,
  };
}

async function readPdf(file: string, bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes("%PDF-")) {
    throw new SourceReadError(
      file,
      "not a PDF (the file does not start with %PDF-)",
      "check that the file is really a PDF and not an HTML error page or a renamed document",
    );
  }
  // Readers (Acrobat too) expect %%EOF within the last 1024 bytes; without it the download or copy
  // was cut short, and pdf.js might recover only part of the text.
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  if (!tail.includes("%%EOF")) {
    throw new SourceReadError(
      file,
      "the PDF is truncated (no %%EOF at its end)",
      "download or copy the file again; if it opens in a viewer, print it to a new PDF",
    );
  }
  // The legacy build runs in Node; without a worker URL it parses on the main thread ("fake worker").
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data: bytes,
    ...pdfjsAssets(),
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw pdfError(file, error);
    });
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent().catch((error: unknown) => {
        throw pdfError(file, error, n);
      });
      pages.push(pageText(content.items.filter((item): item is TextItem => "str" in item)));
      page.cleanup();
    }
    if (pages.every((p) => p.trim() === "")) {
      throw new SourceReadError(
        file,
        `the PDF has ${doc.numPages} page${doc.numPages === 1 ? "" : "s"} but no text layer (a scan?)`,
        `run OCR first, e.g. ocrmypdf -l chi_sim ${file} ${file.replace(/\.pdf$/i, ".ocr.pdf")}, then extract again`,
      );
    }
    return { text: pages.join("\n"), pages: doc.numPages };
  } finally {
    await task.destroy();
  }
}

function pdfError(file: string, error: unknown, page?: number): SourceReadError {
  if (error instanceof SourceReadError) return error;
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new SourceReadError(
      file,
      "the PDF is encrypted with a password",
      `remove the protection first (e.g. qpdf --password=… --decrypt ${file} plain.pdf), then extract again`,
    );
  }
  return new SourceReadError(
    file,
    `the PDF is damaged${page ? ` (page ${page})` : ""}: ${message}`,
    "download or export the file again; if it opens in a viewer, print it to a new PDF",
  );
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
/** Glyphs without a Unicode mapping come out as NUL, other control characters or U+FFFD. */
const UNMAPPED = /[\p{Cc}\ufffd]/gu;

/**
 * Rebuilds one page's lines from pdf.js text items, in content order. A line ends where pdf.js
 * says so (`hasEOL`) or where the baseline moves by more than half the font size. Within a line
 * the items are concatenated: PDF writers (Chromium among them) split CJK text into one item per
 * font subset, so a space is inserted only for a visible gap — between Latin words, or a column gap
 * wider than one and a half characters — never between touching Chinese glyphs.
 */
export function pageText(items: readonly TextItem[]): string {
  const lines: string[] = [];
  let line = "";
  let last: { y: number; end: number; size: number } | null = null;
  const breakLine = () => {
    lines.push(line.replace(/\s+$/u, ""));
    line = "";
    last = null;
  };
  for (const item of items) {
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(a, b) || item.height || 1;
    const text = item.str.replace(UNMAPPED, "");
    if (last && text !== "" && Math.abs(y - last.y) > Math.max(size, last.size) / 2) breakLine();
    if (last && text !== "") {
      const gap = x - last.end;
      const touchingCjk = CJK.test(line.slice(-1)) && CJK.test(text.charAt(0));
      const wide = gap > 1.5 * Math.max(size, last.size);
      const spaced = /\s$/u.test(line) || /^\s/u.test(text);
      if (!spaced && (wide || (!touchingCjk && gap > 0.2 * size))) line += " ";
    }
    if (text !== "") {
      line += text;
      last = { y, end: x + item.width, size };
    }
    // pdf.js marks a line end on the last item of a line or with an empty item of its own.
    if (item.hasEOL && line !== "") breakLine();
  }
  if (line !== "") breakLine();
  return lines.join("\n").replace(/\n+$/u, "");
}
