/**
 * A source document and the search that proves evidence quotes against it.
 *
 * Text extracted from PDFs breaks lines mid-sentence and leaves page headers, footers and page
 * numbers inline. Quotes are matched on a normalised text with all whitespace and those "furniture"
 * lines removed, and every normalised character remembers its offset in the raw text, so a match maps
 * back to exact raw offsets that the UI can highlight.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";
import { decodeUtf8, type Problem } from "./problems.ts";

export interface Section {
  id: string;
  title: string;
  titleEn: string;
  start: number;
  end: number;
  line: number;
}

export interface SourceDoc {
  id: string;
  kind: "report" | "taxonomy";
  title: string;
  titleEn: string;
  publisher: string;
  date: string;
  dir: string;
  textFile: string;
  text: string;
  sections: Section[];
  index: TextIndex;
}

export interface Located {
  start: number;
  end: number;
  line: number;
  section: string;
}

interface NormalisedText {
  chars: string;
  offsets: number[];
}

interface TextIndex {
  body: NormalisedText;
  all: NormalisedText;
  lineStarts: number[];
}

const sourceMeta = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    kind: z.enum(["report", "taxonomy"]).default("report"),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    publisher: z.string().min(1),
    publisherEn: z.string().optional(),
    date: z.string().min(1),
    language: z.string().default("zh"),
    text: z.string().min(1),
    furniture: z.array(z.string()).default([]),
    sections: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          heading: z.string().min(1),
          title: z.string().min(1),
          titleEn: z.string().min(1),
        }),
      )
      .min(1),
  })
  .strict();

const WHITESPACE = /\s/u;

function normalise(text: string, lineStarts: number[], skip: (line: number) => boolean) {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let line = 0; line < lineStarts.length; line++) {
    if (skip(line)) continue;
    const from = lineStarts[line]!;
    const to = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
    for (let i = from; i < to; i++) {
      const c = text[i]!;
      if (WHITESPACE.test(c)) continue;
      chars.push(c);
      offsets.push(i);
    }
  }
  return { chars: chars.join(""), offsets };
}

export function buildIndex(text: string, furniture: readonly RegExp[]): TextIndex {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lines = text.split("\n");
  const isFurniture = (line: number) => furniture.some((re) => re.test(lines[line] ?? ""));
  return {
    body: normalise(text, lineStarts, isFurniture),
    all: normalise(text, lineStarts, () => false),
    lineStarts,
  };
}

export function lineAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function sectionAt(doc: Pick<SourceDoc, "sections">, offset: number): Section {
  const found = doc.sections.find((s) => offset >= s.start && offset < s.end);
  return found ?? doc.sections[doc.sections.length - 1]!;
}

/**
 * Finds a quote in the source. Prefers an occurrence inside `preferSection`; falls back to the text
 * with page furniture kept, so that a quote of a header itself is found too. Returns null if absent.
 */
export function locateQuote(doc: SourceDoc, quote: string, preferSection?: string): Located | null {
  const needle = [...quote].filter((c) => !WHITESPACE.test(c)).join("");
  if (needle.length === 0) return null;
  for (const text of [doc.index.body, doc.index.all]) {
    let first: Located | null = null;
    let at = text.chars.indexOf(needle);
    while (at >= 0) {
      const start = text.offsets[at]!;
      const end = text.offsets[at + needle.length - 1]! + 1;
      const section = sectionAt(doc, start).id;
      const located = { start, end, line: lineAt(doc.index, start), section };
      if (!preferSection || section === preferSection) return located;
      first ??= located;
      at = text.chars.indexOf(needle, at + 1);
    }
    if (first) return first;
  }
  return null;
}

/** Loads `source.yaml` and its text from a folder; returns the document or the problems found. */
export function loadSource(dir: string, display: (file: string) => string): SourceDoc | Problem[] {
  const metaFile = path.join(dir, "source.yaml");
  const metaText = decodeUtf8(readFileSync(metaFile), display(metaFile));
  if (typeof metaText !== "string") return [metaText];
  const parsed = sourceMeta.safeParse(parseDocument(metaText).toJS());
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      file: display(metaFile),
      message: `${issue.path.join(".") || "(top)"}: ${issue.message}`,
      hint: "see importer/KNOWLEDGE.md for the fields of source.yaml",
    }));
  }
  const meta = parsed.data;
  const textFile = path.join(dir, meta.text);
  const text = decodeUtf8(readFileSync(textFile), display(textFile));
  if (typeof text !== "string") return [text];
  const furniture = meta.furniture.map((re) => new RegExp(re, "u"));
  const index = buildIndex(text, furniture);
  const sections: Section[] = [];
  const problems: Problem[] = [];
  let from = 0;
  for (const s of meta.sections) {
    const at = text.indexOf(s.heading, from);
    if (at < 0) {
      problems.push({
        file: display(metaFile),
        message: `section "${s.id}": heading "${s.heading}" not found in ${meta.text}`,
        hint: "a heading must occur in the text, after the previous section's heading",
      });
      continue;
    }
    const lineStart = text.lastIndexOf("\n", at) + 1;
    sections.push({
      id: s.id,
      title: s.title,
      titleEn: s.titleEn,
      start: sections.length === 0 ? 0 : lineStart,
      end: text.length,
      line: lineAt(index, lineStart),
    });
    from = at + s.heading.length;
  }
  for (let i = 0; i + 1 < sections.length; i++) sections[i]!.end = sections[i + 1]!.start;
  if (problems.length > 0) return problems;
  return {
    id: meta.id,
    kind: meta.kind,
    title: meta.title,
    titleEn: meta.titleEn,
    publisher: meta.publisher,
    date: meta.date,
    dir,
    textFile,
    text,
    sections,
    index,
  };
}
