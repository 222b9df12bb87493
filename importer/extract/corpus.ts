/**
 * The evaluation corpus (corpus/README.md): real published documents placed by the maintainers,
 * one folder each — `corpus/<id>/` with the text as published (source.txt or source.pdf), meta.yaml,
 * a hand gold annotation gold.yaml in the knowledge-file format, and FROZEN, the hashes of text and
 * gold written by `tpg corpus freeze` before the extractor is ever run on the document.
 *
 * This module reads and checks that layout: meta.yaml against its schema (file:line and a hint), the
 * hashes against FROZEN (a text or gold edited after freezing is an error), the gold against the
 * text (the knowledge-file validator, through eval.ts loadIsolated), ORIGINS.md against the folders
 * and floors.yaml against its schema; checking and freezing never run the extractor. Then it
 * evaluates the checked documents part by part (dev, test), each extracted as a user's new file is
 * (eval.ts extractAsUser), pooled per part and per genre.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isMap, isNode, isScalar, LineCounter, parseDocument, stringify, type Document } from "yaml";
import { z } from "zod";
import type { KnowledgeBase } from "../knowledgeBase.ts";
import { PROJECT_ROOT } from "../paths.ts";
import { decodeUtf8, formatProblem, type Problem } from "../problems.ts";
import { extractAsUser, loadIsolatedProblems, missesFor, renamedProblems } from "./eval.ts";
import { poolScores, scoreDraft, type Score } from "./evalScore.ts";
import { readSource, SourceReadError } from "./read.ts";

/** The genres an analyst meets (issue 15), in the order reports list them. */
export const GENRES = {
  "policy-articles": "policy text with numbered articles (第X条)",
  "implementation-rules": "implementation rules (实施细则, 若干措施)",
  "policy-qa": "policy explanation, questions and answers (政策解读)",
  news: "news report",
  "work-report": "section of a government work report",
  research: "research article (like the seed)",
  "winners-list": "list of programme winners or recognised talents",
  other: "other",
} as const;
export type Genre = keyof typeof GENRES;
const GENRE_IDS = Object.keys(GENRES) as [Genre, ...Genre[]];

export const SPLITS = ["dev", "test"] as const;
export type Split = (typeof SPLITS)[number];

export const DOC_ID = /^[a-z0-9][a-z0-9.-]*$/u;
export const TEXT_FILES = ["source.txt", "source.pdf"] as const;
export const CORPUS_README = "corpus/README.md";

/** The corpus root: --corpus DIR, else TPG_CORPUS, else corpus/ of the project. */
export function corpusRoot(flag?: string): string {
  if (flag) return path.resolve(flag);
  if (process.env.TPG_CORPUS) return path.resolve(process.env.TPG_CORPUS);
  return path.join(PROJECT_ROOT, "corpus");
}

/** A path as the user would type it: relative when inside the working directory. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "a date YYYY-MM-DD");
const regex = z.string().refine((s) => {
  try {
    new RegExp(s, "u");
    return true;
  } catch {
    return false;
  }
}, "a valid regular expression");

export const metaSchema = z
  .object({
    title: z.string().min(1),
    genre: z.enum(GENRE_IDS),
    split: z.enum(SPLITS),
    /** Where the document was published (the page or file the text was taken from). */
    origin: z.url(),
    publisher: z.string().min(1),
    /** Publication date: YYYY-MM-DD, or YYYY-MM / YYYY when the document gives no day. */
    published: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u, "YYYY-MM-DD, YYYY-MM or YYYY"),
    licence: z.string().min(1),
    /** Why the text may be redistributed in this repository (the licence's terms, a public-domain rule …). */
    redistribution: z.string().min(1),
    retrieved: day,
    script: z.enum(["simplified", "traditional"]),
    /** The region the document is about (optional), e.g. 上海, 四川, 香港. */
    region: z.string().min(1).optional(),
    /** Who wrote the gold annotation, and when: before the extractor was run on the text. */
    gold: z.object({ author: z.string().min(1), date: day }).strict(),
    /** Page headers, footers and numbers left inline (regular expressions), for locating the gold's quotes. */
    furniture: z.array(regex).default([]),
    notes: z.string().optional(),
  })
  .strict();
export type Meta = z.infer<typeof metaSchema>;

const frozenSchema = z
  .object({
    frozen: day,
    firstFrozen: day.optional(),
    split: z.enum(SPLITS),
    text: z.string().min(1),
    textSha256: z.string().regex(/^[0-9a-f]{64}$/u),
    goldSha256: z.string().regex(/^[0-9a-f]{64}$/u),
  })
  .strict();
export type Frozen = z.infer<typeof frozenSchema>;

const floorSchema = z
  .object({
    split: z.enum(SPLITS),
    /** Absent: the whole split, pooled. */
    genre: z.enum(GENRE_IDS).optional(),
    /** Pooled typed entity F1 and precision at least these. */
    f1: z.number().min(0).max(1).optional(),
    precision: z.number().min(0).max(1).optional(),
    /** Why the floor is where it is (the figure measured when it was set). */
    reason: z.string().optional(),
  })
  .strict()
  .refine((f) => f.f1 !== undefined || f.precision !== undefined, "give f1, precision or both");
export type Floor = z.infer<typeof floorSchema>;
const floorsSchema = z
  .object({
    floors: z
      .array(floorSchema)
      .nullish()
      .transform((v) => v ?? []),
  })
  .strict();

export const META_HINT = `see ${CORPUS_README} for the fields of meta.yaml`;

/** A YAML file parsed with line numbers and checked against a schema; problems with file:line. */
function readYaml<T>(
  file: string,
  schema: z.ZodType<T>,
  hint: string,
): { value: T; doc: Document } | Problem[] {
  const name = shown(file);
  if (!existsSync(file)) return [{ file: name, message: "missing", hint }];
  const text = decodeUtf8(readFileSync(file), name);
  if (typeof text !== "string") return [text];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file: name,
      line: error.linePos?.[0]?.line,
      message: `YAML syntax: ${error.message.split("\n")[0]}`,
      hint: "quote values that contain ': ' or start with a special character; check indentation",
    }));
  }
  const lineOf = (at: ReadonlyArray<PropertyKey>): number => {
    const keys = at.filter((p): p is string | number => typeof p !== "symbol");
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
  // the line of the key that holds the map at a path (gold: for gold.author); 1 for the top
  const keyLineOf = (at: ReadonlyArray<PropertyKey>): number => {
    const keys = at.filter((p): p is string | number => typeof p !== "symbol");
    if (keys.length === 0) return 1;
    const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
    const pair = isMap(parent)
      ? parent.items.find((p) => isScalar(p.key) && p.key.value === keys[keys.length - 1])
      : undefined;
    return pair && isScalar(pair.key) && pair.key.range
      ? counter.linePos(pair.key.range[0]).line
      : lineOf(keys);
  };
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      // a missing field is reported at its parent's line, a wrong one at its own
      const missing = issue.code === "invalid_type" && issue.input === undefined;
      const field = issue.path.join(".") || "(top)";
      return {
        file: name,
        line: missing ? keyLineOf(issue.path.slice(0, -1)) : lineOf(issue.path),
        message: missing ? `${field}: missing (required)` : `${field}: ${issue.message}`,
        hint,
      };
    });
  }
  return { value: parsed.data, doc };
}

export function readMeta(dir: string): Meta | Problem[] {
  const read = readYaml(path.join(dir, "meta.yaml"), metaSchema, META_HINT);
  return Array.isArray(read) ? read : read.value;
}

export function readFrozen(dir: string): Frozen | Problem[] {
  const read = readYaml(
    path.join(dir, "FROZEN"),
    frozenSchema,
    `FROZEN is written by tpg corpus freeze ${path.basename(dir)}; do not edit it by hand`,
  );
  return Array.isArray(read) ? read : read.value;
}

export function readFloors(root: string): Floor[] | Problem[] {
  const file = path.join(root, "floors.yaml");
  if (!existsSync(file)) return [];
  const read = readYaml(file, floorsSchema, `see ${CORPUS_README} (Floors)`);
  return Array.isArray(read) ? read : read.value.floors;
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The document folders of a corpus root (ids sorted); files and folders starting with . or _ are not documents. */
export function documentIds(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => !/^[._]/u.test(name) && statSync(path.join(root, name)).isDirectory())
    .sort();
}

/** The text file of a document folder, or a problem (none, or both). */
export function textFileOf(dir: string): string | Problem {
  const present = TEXT_FILES.filter((f) => existsSync(path.join(dir, f)));
  if (present.length === 1) return path.join(dir, present[0]!);
  return {
    file: shown(dir),
    message:
      present.length === 0
        ? "no text: source.txt (UTF-8) or source.pdf is missing"
        : "both source.txt and source.pdf: which one is the text as published?",
    hint: "keep exactly one: the text as published, unedited",
  };
}

/** One row of ORIGINS.md. */
interface OriginRow {
  line: number;
  cells: Record<string, string>;
}

export const ORIGINS_COLUMNS = ["id", "title", "origin", "publisher", "date", "licence", "genre", "split"];

/** The rows of the table in ORIGINS.md, by id; problems for a malformed table. */
export function readOrigins(root: string): { rows: Map<string, OriginRow>; problems: Problem[] } {
  const file = path.join(root, "ORIGINS.md");
  const rows = new Map<string, OriginRow>();
  const problems: Problem[] = [];
  if (!existsSync(file)) return { rows, problems };
  const lines = readFileSync(file, "utf8").split("\n");
  let header: string[] | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line.startsWith("|")) {
      header = null; // a table ends at the first line that is not a row
      return;
    }
    const cells = line
      .replace(/^\||\|$/gu, "")
      .split("|")
      .map((c) => c.trim().replace(/^`(.*)`$/u, "$1"));
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      const lacking = ORIGINS_COLUMNS.filter((c) => !header!.includes(c));
      if (lacking.length)
        problems.push({
          file: shown(file),
          line: i + 1,
          message: `the table lacks the column${lacking.length > 1 ? "s" : ""} ${lacking.join(", ")}`,
          hint: `columns: | ${ORIGINS_COLUMNS.join(" | ")} |`,
        });
      return;
    }
    if (cells.every((c) => /^:?-+:?$/u.test(c))) return;
    const record: Record<string, string> = {};
    header.forEach((h, k) => (record[h] = cells[k] ?? ""));
    const id = record.id ?? "";
    if (rows.has(id))
      problems.push({ file: shown(file), line: i + 1, message: `document "${id}" is listed twice` });
    rows.set(id, { line: i + 1, cells: record });
  });
  return { rows, problems };
}

/** The ORIGINS.md row a document's meta.yaml gives. */
export function originRow(id: string, meta: Meta): string {
  const cell = (s: string) => s.replace(/\|/gu, "\\|");
  return `| ${[id, meta.title, meta.origin, meta.publisher, meta.published, meta.licence, meta.genre, meta.split].map(cell).join(" | ")} |`;
}

/** A document that passed every check: ready to be evaluated. */
export interface CorpusDocument {
  id: string;
  dir: string;
  textFile: string;
  meta: Meta;
  /** The gold annotation, its quotes located in the text as read. */
  gold: KnowledgeBase;
}

/** The file-level `section` of a gold file (the synthetic single section takes its id). */
function goldSection(goldFile: string): string {
  try {
    const section = (parseDocument(readFileSync(goldFile, "utf8")).toJS() as { section?: unknown } | null)
      ?.section;
    return typeof section === "string" && /^[a-z0-9-]+$/u.test(section) ? section : "text";
  } catch {
    return "text";
  }
}

/**
 * Validates a gold file against a text with the knowledge-file validator. The text is one section
 * (its id the gold file's `section`, so that any value works): a gold written before the extractor
 * ran knows nothing of the sections the extractor would find. Quotes are located in the whole
 * text, page furniture from meta.yaml left out; each is taken at its first occurrence.
 */
export function loadGold(
  id: string,
  text: string,
  goldFile: string,
  meta: Pick<Meta, "title" | "publisher" | "published" | "furniture">,
  textShown: string,
): { kb: KnowledgeBase; problems: Problem[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), "tpg-corpus-"));
  try {
    const heading =
      text
        .split("\n")
        .find((l) => l.trim() !== "")
        ?.trim() ?? text;
    writeFileSync(path.join(root, "source.txt"), text);
    writeFileSync(
      path.join(root, "source.yaml"),
      stringify({
        id,
        title: meta.title,
        titleEn: meta.title,
        publisher: meta.publisher,
        date: meta.published,
        text: "source.txt",
        furniture: meta.furniture,
        sections: [{ id: goldSection(goldFile), heading, title: meta.title, titleEn: meta.title }],
      }),
    );
    writeFileSync(path.join(root, "gold.yaml"), readFileSync(goldFile));
    const { kb, problems } = loadIsolatedProblems(root, id);
    // the problems name the temporary copy: name the corpus files instead
    const rename = (s: string) =>
      s
        .split(path.join(root, "gold.yaml"))
        .join(shown(goldFile))
        .split(path.join(root, "source.txt"))
        .join(textShown)
        .split(path.join(root, "source.yaml"))
        .join(`${shown(path.dirname(goldFile))}/meta.yaml`);
    return { kb, problems: renamedProblems(problems, rename) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export interface CheckOptions {
  /** Check a document about to be frozen: FROZEN is not required (nor compared). */
  freezing?: boolean;
}

/** Checks one document folder; returns the document when it passed, and every problem found. */
export async function checkDocument(
  root: string,
  id: string,
  options: CheckOptions = {},
): Promise<{ doc?: CorpusDocument; problems: Problem[] }> {
  const dir = path.join(root, id);
  const problems: Problem[] = [];
  if (!DOC_ID.test(id)) {
    problems.push({
      file: shown(dir),
      message: `folder name "${id}" is not a document id`,
      hint: 'lower-case ASCII letters, digits, "." and "-" (e.g. sh-rencai-30tiao-2023)',
    });
    return { problems };
  }
  const textFile = textFileOf(dir);
  if (typeof textFile !== "string") problems.push(textFile);
  const meta = readMeta(dir);
  if (Array.isArray(meta)) problems.push(...meta);
  const goldFile = path.join(dir, "gold.yaml");
  if (!existsSync(goldFile))
    problems.push({
      file: shown(goldFile),
      message: "missing",
      hint: "the hand gold annotation, in the knowledge-file format of importer/KNOWLEDGE.md",
    });

  if (!options.freezing && typeof textFile === "string" && existsSync(goldFile)) {
    const frozenFile = path.join(dir, "FROZEN");
    if (!existsSync(frozenFile)) {
      problems.push({
        file: shown(frozenFile),
        message: "missing: the document is not frozen, so it cannot be evaluated",
        hint: `once text, meta.yaml and gold.yaml are written, and before running the extractor on the text: tpg corpus freeze ${id}`,
      });
    } else {
      const frozen = readFrozen(dir);
      if (Array.isArray(frozen)) problems.push(...frozen);
      else
        problems.push(
          ...compareFrozen(id, dir, textFile, goldFile, frozen, Array.isArray(meta) ? null : meta),
        );
    }
  }
  if (typeof textFile !== "string" || Array.isArray(meta) || !existsSync(goldFile)) return { problems };

  let text: string;
  try {
    text = (await readSource(textFile)).text;
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    problems.push({
      file: shown(textFile),
      message: error.message.replace(`${textFile}: `, ""),
      hint: error.hint,
    });
    return { problems };
  }
  const textShown = textFile.endsWith(".pdf") ? `the text layer of ${shown(textFile)}` : shown(textFile);
  const { kb, problems: goldProblems } = loadGold(id, text, goldFile, meta, textShown);
  problems.push(...goldProblems);
  if (problems.length) return { problems };
  return { doc: { id, dir, textFile, meta, gold: kb }, problems };
}

function compareFrozen(
  id: string,
  dir: string,
  textFile: string,
  goldFile: string,
  frozen: Frozen,
  meta: Meta | null,
): Problem[] {
  const problems: Problem[] = [];
  const hint =
    `restore the frozen version (git checkout -- ${shown(dir)}); only a correction made without looking at ` +
    `the extractor's output may be frozen again, with tpg corpus freeze ${id} --force, saying why in the commit`;
  if (path.basename(textFile) !== frozen.text) {
    problems.push({
      file: shown(textFile),
      message: `the text was frozen as ${frozen.text}, now it is ${path.basename(textFile)}`,
      hint,
    });
  } else if (sha256(textFile) !== frozen.textSha256) {
    problems.push({
      file: shown(textFile),
      message: `the text was edited after freezing (FROZEN of ${frozen.frozen} has another sha256); the text must stay as published`,
      hint,
    });
  }
  if (sha256(goldFile) !== frozen.goldSha256) {
    problems.push({
      file: shown(goldFile),
      message: `the gold was edited after freezing (FROZEN of ${frozen.frozen} has another sha256)`,
      hint,
    });
  }
  if (meta && meta.split !== frozen.split) {
    problems.push({
      file: shown(path.join(dir, "meta.yaml")),
      message: `split "${meta.split}" but the document was frozen in "${frozen.split}": a document moves between the parts only by freezing it again`,
      hint,
    });
  }
  if (meta && meta.gold.date > frozen.frozen) {
    problems.push({
      file: shown(path.join(dir, "meta.yaml")),
      message: `gold.date ${meta.gold.date} is after the freezing (${frozen.frozen})`,
      hint: "the gold is written, then frozen: correct gold.date",
    });
  }
  return problems;
}

export interface CorpusCheck {
  root: string;
  ids: string[];
  documents: CorpusDocument[];
  floors: Floor[];
  problems: Problem[];
}

/** Checks every document of a corpus, ORIGINS.md against the folders, and floors.yaml. */
export async function checkCorpus(root: string): Promise<CorpusCheck> {
  const ids = documentIds(root);
  const documents: CorpusDocument[] = [];
  const problems: Problem[] = [];
  const metas = new Map<string, Meta>();
  for (const id of ids) {
    const result = await checkDocument(root, id);
    problems.push(...result.problems);
    if (result.doc) documents.push(result.doc);
    const meta = DOC_ID.test(id) ? readMeta(path.join(root, id)) : [];
    if (!Array.isArray(meta)) metas.set(id, meta);
  }
  problems.push(...checkOrigins(root, ids, metas));
  const floors = readFloors(root);
  const valid: Floor[] = [];
  if (floors.length && "file" in floors[0]!) problems.push(...(floors as Problem[]));
  else valid.push(...(floors as Floor[]));
  return { root, ids, documents, floors: valid, problems };
}

/** Every document is a row of ORIGINS.md with its meta's genre, split and origin; every row a document. */
export function checkOrigins(
  root: string,
  ids: readonly string[],
  metas: ReadonlyMap<string, Meta>,
): Problem[] {
  const file = shown(path.join(root, "ORIGINS.md"));
  if (ids.length === 0 && !existsSync(path.join(root, "ORIGINS.md"))) return [];
  const { rows, problems } = readOrigins(root);
  if (!existsSync(path.join(root, "ORIGINS.md"))) {
    return [{ file, message: "missing", hint: `one row per document: | ${ORIGINS_COLUMNS.join(" | ")} |` }];
  }
  for (const id of ids) {
    const meta = metas.get(id);
    const row = rows.get(id);
    if (!row) {
      problems.push({
        file,
        message: `document "${id}" is not listed`,
        hint: meta
          ? `add its row: ${originRow(id, meta)}`
          : `add a row for it: | ${ORIGINS_COLUMNS.join(" | ")} |`,
      });
      continue;
    }
    if (!meta) continue;
    const expected: Record<string, string> = { genre: meta.genre, split: meta.split, origin: meta.origin };
    for (const [column, value] of Object.entries(expected)) {
      if (row.cells[column] !== value)
        problems.push({
          file,
          line: row.line,
          message: `document "${id}": ${column} "${row.cells[column] ?? ""}" but its meta.yaml says "${value}"`,
          hint: `the row from meta.yaml: ${originRow(id, meta)}`,
        });
    }
  }
  for (const [id, row] of rows) {
    if (!ids.includes(id))
      problems.push({
        file,
        line: row.line,
        message: `document "${id}" is listed but has no folder ${shown(path.join(root, id || "?"))}`,
        hint: "remove the row, or add the document's folder",
      });
  }
  return problems;
}

/**
 * Writes FROZEN: the sha256 of the text and of the gold, the split and the date. Checks the document
 * first (meta, text, gold against the text), and refuses to replace an existing FROZEN without force.
 */
export async function freezeDocument(
  root: string,
  id: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<{ file: string; frozen: Frozen }> {
  const dir = path.join(root, id);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CorpusError(
      `${shown(dir)}: no such document folder`,
      `the documents of ${shown(root)}: ${documentIds(root).join(", ") || "none"}`,
    );
  const file = path.join(dir, "FROZEN");
  const previous = existsSync(file) ? readFrozen(dir) : null;
  if (previous && !options.force) {
    const when = Array.isArray(previous) ? "" : ` on ${previous.frozen}`;
    throw new CorpusError(
      `${shown(file)} already exists (frozen${when}): the gold was frozen before the extractor was run on the text, and freezing it again would let a gold corrected after seeing the extractor's output pass for a blind one`,
      `only a correction made without the extractor's output may be frozen again: tpg corpus freeze ${id} --force, and say why in the commit`,
    );
  }
  const meta = readMeta(dir);
  if (
    previous &&
    !Array.isArray(previous) &&
    !Array.isArray(meta) &&
    previous.split === "dev" &&
    meta.split === "test"
  )
    throw new CorpusError(
      `${shown(dir)} was frozen in the dev part: it cannot move to the held-out test part, whose misses no one may have studied`,
      "set split: dev again in meta.yaml; a new held-out document is a new one",
    );
  const { problems } = await checkDocument(root, id, { freezing: true });
  if (problems.length)
    throw new CorpusError(
      `${shown(dir)} cannot be frozen:\n${problems.map(formatProblem).join("\n")}`,
      "fix these first: the text, meta.yaml and gold.yaml are frozen as they are",
    );
  const textFile = textFileOf(dir) as string;
  const checked = meta as Meta;
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const first = previous && !Array.isArray(previous) ? (previous.firstFrozen ?? previous.frozen) : undefined;
  const frozen: Frozen = {
    frozen: date,
    ...(first ? { firstFrozen: first } : {}),
    split: checked.split,
    text: path.basename(textFile),
    textSha256: sha256(textFile),
    goldSha256: sha256(path.join(dir, "gold.yaml")),
  };
  writeFileSync(
    file,
    `# Written by \`tpg corpus freeze ${id}\` before the extractor was run on this document. Do not edit:\n` +
      "# tpg corpus check compares the text and the gold with these hashes.\n" +
      stringify(frozen),
  );
  return { file, frozen };
}

/** An expected failure of a corpus command: the message and how to fix it. */
export class CorpusError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "CorpusError";
  }
}

/** The one line said when a corpus has no documents. */
export function emptyCorpusLine(root: string): string {
  const at = shown(root);
  return `no corpus documents yet in ${at}/ — the maintainers place each one as ${at}/<id>/ (see ${CORPUS_README}), or point --corpus DIR / TPG_CORPUS at a set`;
}

/** A corpus document's score, extracted as a user's new file is. */
export interface DocumentEvaluation {
  id: string;
  title: string;
  genre: Genre;
  split: Split;
  score: Score;
  ms: number;
  /** With --misses LABEL, for the dev part only. */
  misses?: { label: string; gold: string[]; found: string[] };
}

/** One part of the corpus: its documents, their pooled score and the pooled score of each genre. */
export interface PartEvaluation {
  split: Split;
  title: string;
  documents: DocumentEvaluation[];
  pooled: Score;
  genres: Partial<Record<Genre, { documents: number; score: Score }>>;
  ms: number;
}

export const PART_TITLES: Record<Split, string> = {
  dev: "corpus dev — development part (its misses may be studied)",
  test: "corpus test — HELD-OUT (figures to report; its misses are not shown and no rule is tuned to them)",
};

export const TEST_MISSES_REFUSED =
  "--misses is refused for the test part: it is held out, and its figures say how the extractor does on documents it was not tuned to only as long as no one studies what it misses there; study the dev part instead (--split dev)";

/**
 * Evaluates the checked documents of a corpus, part by part (only `split` when given): each text is
 * extracted as `tpg extract` would on a new file (eval.ts extractAsUser: no curated sections, no
 * knowledge base) and scored against its frozen gold.
 */
export async function evaluateCorpus(
  documents: readonly CorpusDocument[],
  options: { split?: Split; missesOf?: string; hanlp?: boolean } = {},
): Promise<PartEvaluation[]> {
  const splits = options.split ? [options.split] : SPLITS;
  if (options.missesOf && options.split === "test")
    throw new CorpusError(TEST_MISSES_REFUSED, "tpg eval --misses LABEL --split dev");
  const parts: PartEvaluation[] = [];
  for (const split of splits) {
    const docs = documents.filter((d) => d.meta.split === split);
    if (!docs.length) continue;
    const evaluated: DocumentEvaluation[] = [];
    for (const d of docs) {
      const { draft, ms } = await extractAsUser(d.textFile, d.id, { hanlp: options.hanlp ?? false });
      const result: DocumentEvaluation = {
        id: d.id,
        title: d.meta.title,
        genre: d.meta.genre,
        split,
        score: scoreDraft(draft, d.gold, d.id),
        ms,
      };
      if (options.missesOf && split === "dev")
        result.misses = missesFor(draft, d.gold, d.id, options.missesOf);
      evaluated.push(result);
    }
    const genres: PartEvaluation["genres"] = {};
    for (const genre of GENRE_IDS) {
      const of = evaluated.filter((e) => e.genre === genre);
      if (of.length)
        genres[genre] = {
          documents: of.length,
          score: poolScores(
            of.map((e) => e.score),
            `corpus:${split}:${genre}`,
          ),
        };
    }
    parts.push({
      split,
      title: PART_TITLES[split],
      documents: evaluated,
      pooled: poolScores(
        evaluated.map((e) => e.score),
        `corpus:${split}`,
      ),
      genres,
      ms: evaluated.reduce((n, e) => n + e.ms, 0),
    });
  }
  return parts;
}

/** The floors of floors.yaml that the evaluated parts do not meet (a floor whose part or genre has no documents is unmet). */
export function unmetFloors(floors: readonly Floor[], parts: readonly PartEvaluation[]): string[] {
  const unmet: string[] = [];
  for (const floor of floors) {
    const part = parts.find((p) => p.split === floor.split);
    const score = floor.genre ? part?.genres[floor.genre]?.score : part?.pooled;
    const what = `${floor.split}${floor.genre ? ` ${floor.genre}` : ""}`;
    if (!score) {
      unmet.push(`${what}: no documents to measure`);
      continue;
    }
    const e = score.entitiesOverall;
    if (floor.f1 !== undefined && e.f1 < floor.f1)
      unmet.push(`${what}: entity F1 ${e.f1.toFixed(3)} < ${floor.f1}`);
    if (floor.precision !== undefined && e.precision < floor.precision)
      unmet.push(`${what}: entity precision ${e.precision.toFixed(3)} < ${floor.precision}`);
  }
  return unmet;
}
