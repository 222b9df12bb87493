/**
 * `npm run eval:extract [-- --json]`: runs the extractor on the seed report and on the second,
 * hand-annotated test document, as it would run on an unseen text — no knowledge base, so no
 * resolution and no user dictionary of known names (either would hand it the answers) — and scores
 * each draft against the curated knowledge of that source (matching rule in evalScore.ts). Sections
 * come from each source's own source.yaml, so that the score measures extraction, not sectioning.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { loadKnowledgeBase, type KnowledgeBase } from "../knowledgeBase.ts";
import { formatProblem } from "../problems.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../paths.ts";
import { loadSource } from "../sourceText.ts";
import { formatScore, scoreDraft, type Score } from "./evalScore.ts";
import { extractDraft } from "./extract.ts";

export const SEED_SOURCE = "rczcyjdt-2020-07";
export const SECOND_DIR = path.join(PROJECT_ROOT, "tests/fixtures/extract/second");

export interface Evaluation {
  title: string;
  score: Score;
  ms: number;
}

/** Loads a knowledge root made of the project taxonomy and one source folder (via symlinks). */
export function loadIsolated(sourceDir: string, sourceId: string): KnowledgeBase {
  const root = mkdtempSync(path.join(os.tmpdir(), "tpg-eval-"));
  try {
    symlinkSync(path.join(KNOWLEDGE_ROOT, "taxonomy"), path.join(root, "taxonomy"));
    mkdirSync(path.join(root, "sources"));
    symlinkSync(sourceDir, path.join(root, "sources", sourceId));
    const { kb, problems } = loadKnowledgeBase(root);
    if (problems.length)
      throw new Error(`gold of ${sourceId} is invalid:\n${problems.map(formatProblem).join("\n")}`);
    return kb;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Extracts a source folder's text without a knowledge base and scores it against `gold`. */
export function evaluateFolder(dir: string, gold: KnowledgeBase, title: string): Evaluation {
  const doc = loadSource(dir, (f) => f);
  if (Array.isArray(doc)) throw new Error(doc.map(formatProblem).join("\n"));
  const meta = parse(readFileSync(path.join(dir, "source.yaml"), "utf8")) as { furniture?: string[] };
  const t0 = performance.now();
  const draft = extractDraft({
    sourceId: doc.id,
    text: doc.text,
    sections: doc.sections,
    furniture: meta.furniture ?? [],
  });
  const ms = performance.now() - t0;
  return { title, score: scoreDraft(draft, gold, doc.id), ms };
}

export function evaluateAll(): Evaluation[] {
  const seedDir = path.join(KNOWLEDGE_ROOT, "sources", SEED_SOURCE);
  const seed = loadIsolated(seedDir, SEED_SOURCE);
  const secondId = (parse(readFileSync(path.join(SECOND_DIR, "source.yaml"), "utf8")) as { id: string }).id;
  const second = loadIsolated(SECOND_DIR, secondId);
  return [
    evaluateFolder(seedDir, seed, `seed: ${SEED_SOURCE}`),
    evaluateFolder(SECOND_DIR, second, `second: ${secondId} (tests/fixtures/extract/second)`),
  ];
}

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { json: { type: "boolean", default: false } } });
  const results = evaluateAll();
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else console.log(results.map((r) => formatScore(r.score, r.title, r.ms)).join("\n\n"));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
