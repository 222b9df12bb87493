/**
 * `tpg eval` (arguments in cli/eval.ts): runs the extractor on the seed report and on the second,
 * hand-annotated test document, as it would run on an unseen text — no knowledge base, so no
 * resolution and no user dictionary of known names (either would hand it the answers) — and scores
 * each draft against the curated knowledge of that source (matching rule in evalScore.ts). Sections
 * come from each source's own source.yaml, so that the score measures extraction, not sectioning;
 * both figures are in-sample. The documents of the evaluation corpus (corpus.ts) are extracted as a
 * user's new file is instead (`extractAsUser`): read, sectioned and cleaned by the extractor itself.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { loadKnowledgeBase, type KnowledgeBase } from "../knowledgeBase.ts";
import { formatProblem, type Problem } from "../problems.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../paths.ts";
import { loadSource } from "../sourceText.ts";
import type { Draft } from "./draft.ts";
import { goldOf, matchEntities, scoreDraft, type Score } from "./evalScore.ts";
import { extractDraft } from "./extract.ts";
import { readSource } from "./read.ts";
import { detectSections } from "./sections.ts";
import { writeSourceFolder } from "./sourceFolder.ts";

export const SEED_SOURCE = "rczcyjdt-2020-07";
export const SECOND_DIR = path.join(PROJECT_ROOT, "tests/fixtures/extract/second");

export interface Evaluation {
  title: string;
  score: Score;
  ms: number;
  /** Unmatched gold names and unmatched candidates of one label (with --misses LABEL). */
  misses?: { label: string; gold: string[]; found: string[] };
}

/**
 * Loads a knowledge root made of the project taxonomy and one source folder (via symlinks); returns
 * the problems found, with the source folder's files named as they are (not by the temporary root).
 */
/** Problems with the paths of a temporary copy put back to the files the user knows. */
export function renamedProblems(problems: readonly Problem[], rename: (s: string) => string): Problem[] {
  return problems.map((p) => ({
    ...p,
    file: rename(p.file),
    message: rename(p.message),
    ...(p.hint ? { hint: rename(p.hint) } : {}),
  }));
}

export function loadIsolatedProblems(
  sourceDir: string,
  sourceId: string,
): { kb: KnowledgeBase; problems: Problem[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), "tpg-eval-"));
  try {
    symlinkSync(path.join(KNOWLEDGE_ROOT, "taxonomy"), path.join(root, "taxonomy"));
    mkdirSync(path.join(root, "sources"));
    const linked = path.join(root, "sources", sourceId);
    symlinkSync(sourceDir, linked);
    // a gold annotation marks what the text says; the canonical rules are the curated base's
    const { kb, problems } = loadKnowledgeBase(root, process.cwd(), { canonical: false });
    return { kb, problems: renamedProblems(problems, (s) => s.split(linked).join(sourceDir)) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** loadIsolatedProblems that throws on any problem. */
export function loadIsolated(sourceDir: string, sourceId: string): KnowledgeBase {
  const { kb, problems } = loadIsolatedProblems(sourceDir, sourceId);
  if (problems.length)
    throw new Error(`gold of ${sourceId} is invalid:\n${problems.map(formatProblem).join("\n")}`);
  return kb;
}

/** Extracts a source folder's text without a knowledge base and scores it against `gold`. */
export function evaluateFolder(
  dir: string,
  gold: KnowledgeBase,
  title: string,
  missesOf?: string,
  options: EvalOptions = {},
): Evaluation {
  const { draft, ms, doc } = extractFolder(dir, options);
  const result: Evaluation = { title, score: scoreDraft(draft, gold, doc.id), ms };
  if (missesOf) result.misses = missesFor(draft, gold, doc.id, missesOf);
  return result;
}

/** Extracts a source folder's text (its sections and page furniture from source.yaml), timed. */
function extractFolder(dir: string, options: EvalOptions) {
  const doc = loadSource(dir, (f) => f);
  if (Array.isArray(doc)) throw new Error(doc.map(formatProblem).join("\n"));
  const meta = parse(readFileSync(path.join(dir, "source.yaml"), "utf8")) as { furniture?: string[] };
  const t0 = performance.now();
  const draft = extractDraft({
    sourceId: doc.id,
    text: doc.text,
    sections: doc.sections,
    furniture: meta.furniture ?? [],
    ...(options.hanlp ? { hanlp: true } : {}),
  });
  return { draft, ms: performance.now() - t0, doc };
}

/** The gold entities of a label no candidate matched, and the candidates of that label matching none. */
export function missesFor(draft: Draft, kb: KnowledgeBase, sourceId: string, label: string) {
  const nodes = goldOf(kb, sourceId).nodes;
  const matched = matchEntities(draft.entities, nodes, sourceId);
  const hit = new Set(matched.values());
  return {
    label,
    gold: nodes.filter((n) => n.label === label && !hit.has(n)).map((n) => n.name),
    found: draft.entities.filter((e) => e.label === label && !matched.has(e)).map((e) => e.name),
  };
}

export interface EvalOptions {
  /** Extract with HanLP's reading as a signal (`tpg eval --hanlp`). */
  hanlp?: boolean;
}

/** The seed's and the second document's evaluations, labelled in-sample (titles say why). */
export function evaluateAll(missesOf?: string, options: EvalOptions = {}): Evaluation[] {
  const seedDir = path.join(KNOWLEDGE_ROOT, "sources", SEED_SOURCE);
  const seed = loadIsolated(seedDir, SEED_SOURCE);
  const secondId = (parse(readFileSync(path.join(SECOND_DIR, "source.yaml"), "utf8")) as { id: string }).id;
  const second = loadIsolated(SECOND_DIR, secondId);
  return [
    evaluateFolder(
      seedDir,
      seed,
      `seed: ${SEED_SOURCE} — IN-SAMPLE (the rules were written with this report at hand)`,
      missesOf,
      options,
    ),
    evaluateFolder(
      SECOND_DIR,
      second,
      `second: ${secondId} (tests/fixtures/extract/second) — IN-SAMPLE (written by the team with the extractor at hand)`,
      missesOf,
      options,
    ),
  ];
}

/**
 * What `tpg extract FILE --id ID` drafts from a new file, less the knowledge base: the text read by
 * read.ts, its sections and page furniture found by sections.ts, its source folder written by
 * sourceFolder.ts (in a temporary root) and loaded back as importer/sourceText.ts loads it — nothing
 * curated. The title is the text's first line, as tpg extract takes it without --title.
 */
export async function extractAsUser(
  file: string,
  sourceId: string,
  options: EvalOptions = {},
): Promise<{ draft: Draft; ms: number; text: string }> {
  const source = await readSource(file);
  const title =
    source.text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? path.basename(file, path.extname(file));
  const detected = detectSections(source.text);
  const root = mkdtempSync(path.join(os.tmpdir(), "tpg-user-"));
  try {
    const dir = writeSourceFolder(root, sourceId, {
      text: source.text,
      title,
      format: source.format,
      ...detected,
    });
    const { draft, ms } = extractFolder(dir, options);
    return { draft, ms, text: source.text };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
