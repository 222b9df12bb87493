/**
 * `tpg extract <file.txt|file.pdf>` (arguments in cli/extract.ts): reads a new report, finds its
 * sections and page furniture, writes its source folder (importer/sources/<id>/source.txt +
 * source.yaml; an existing folder with the same text is kept, a different one only replaced with
 * force), extracts a draft of its knowledge resolved against the current knowledge base and writes
 * it to importer/sources/<id>/draft.yaml for review.
 *
 * Each step is reported through `report.step` as it starts and ends (the CLI puts these on stderr),
 * the result through `report.result`. Input that cannot be used throws InputError or
 * SourceReadError, each with a hint; nothing is written after the failing step.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { loadKnowledgeBase } from "../knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../paths.ts";
import { formatProblem } from "../problems.ts";
import { loadSource } from "../sourceText.ts";
import { draftToYaml, summaryTable } from "./draft.ts";
import { extractDraft, slugOf } from "./extract.ts";
import { readSource } from "./read.ts";
import { detectSections } from "./sections.ts";
import { writeSourceFolder } from "./sourceFolder.ts";

export const SOURCE_ID = /^[a-z0-9][a-z0-9.-]*$/u;

export class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface ExtractOptions {
  file: string;
  id?: string;
  title?: string;
  out?: string;
  force?: boolean;
  maxBytes?: number;
  /** Use HanLP's reading as a signal (extract.ts). */
  hanlp?: boolean;
}

export interface ExtractReport {
  step: (line: string) => void;
  result: (line: string) => void;
}

const STEPS = 5;
/** A path as the user would type it: relative when inside the working directory. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString("en");

export async function extract(args: ExtractOptions, report: ExtractReport): Promise<number> {
  const t0 = performance.now();
  const step = (n: number, text: string) => report.step(`[${n}/${STEPS}] ${text}`);
  step(1, `reading ${args.file} …`);
  const source = await readSource(args.file, args.maxBytes ? { maxBytes: args.maxBytes } : {});
  report.step(
    `      ${source.format}, ${count(source.text.length)} characters${source.pages ? `, ${source.pages} pages` : ""} (${seconds(t0)})`,
  );
  const base = path.basename(args.file, path.extname(args.file));
  const id = args.id ?? slugOf(base);
  if (!SOURCE_ID.test(id)) {
    throw new InputError(
      `cannot make a source id from the file name "${base}"`,
      "give one with --id, e.g. --id rczcyjdt-2020-08",
    );
  }
  const title =
    args.title ??
    source.text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.length > 0) ??
    base;

  step(2, "finding sections and page furniture …");
  const detected = detectSections(source.text);
  report.step(
    `      ${detected.sections.length} sections: ${detected.sections.map((s) => s.title).join(" | ")}`,
  );
  report.step(`      ${detected.furniture.length} page furniture patterns`);
  let dir: string;
  try {
    dir = writeSourceFolder(
      KNOWLEDGE_ROOT,
      id,
      { text: source.text, title, format: source.format, ...detected },
      { force: args.force },
    );
  } catch (error) {
    throw new InputError(
      error instanceof Error ? error.message : String(error),
      "use another --id, or --force to replace the folder",
    );
  }
  step(3, `source folder ${shown(dir)}`);
  const doc = loadSource(dir, (f) => path.relative(process.cwd(), f));
  if (Array.isArray(doc))
    throw new InputError(
      doc.map(formatProblem).join("\n"),
      "fix source.yaml (its sections' headings must occur in source.txt)",
    );

  const out = path.resolve(args.out ?? path.join(dir, "draft.yaml"));
  if (existsSync(out) && !args.force) {
    throw new InputError(
      `${shown(out)} already exists`,
      "review or move it first, or pass --force to overwrite it",
    );
  }
  const t1 = performance.now();
  step(4, "loading the knowledge base …");
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  const known = kb.nodes.filter((n) => !n.sources.every((s) => s === "taxonomy")).length;
  report.step(
    `      ${count(known)} entities to resolve against${problems.length ? ` (${problems.length} problems: run tpg validate)` : ""} (${seconds(t1)})`,
  );
  step(5, `extracting from ${count(doc.text.length)} characters in ${doc.sections.length} sections …`);
  const t2 = performance.now();
  const meta = parseYaml(readFileSync(path.join(dir, "source.yaml"), "utf8")) as { furniture?: string[] };
  const draft = extractDraft({
    sourceId: doc.id,
    text: doc.text,
    sections: doc.sections,
    furniture: meta.furniture ?? [],
    kb,
    ...(args.hanlp ? { hanlp: true } : {}),
  });
  const ms = performance.now() - t2;
  report.step(
    `      ${draft.entities.length} entities, ${draft.relations.length} relations (${seconds(t2)})`,
  );
  writeFileSync(out, draftToYaml(draft));
  report.result(summaryTable(draft));
  report.result(`  ${draft.relations.length} relations`);
  report.result(`\ndraft written to ${shown(out)} (extraction ${ms.toFixed(0)} ms, total ${seconds(t0)})`);
  report.result(
    "next: tpg review <draft>, or edit the draft into knowledge files (see importer/KNOWLEDGE.md)",
  );
  return 0;
}
