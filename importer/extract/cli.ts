/**
 * `npm run extract -- <file.txt|file.pdf> [--id SOURCE_ID] [--title TITLE] [--out FILE] [--force]`
 *
 * Reads a new report, finds its sections and page furniture, writes its source folder
 * (importer/sources/<id>/source.txt + source.yaml; an existing folder with the same text is kept, a
 * different one only replaced with --force), extracts a draft of its knowledge resolved against the
 * current knowledge base and writes it to importer/sources/<id>/draft.yaml for review.
 * Exit codes: 0 written, 1 the input cannot be used (nothing written after the failing step), 2 usage.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadKnowledgeBase } from "../knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../paths.ts";
import { formatProblem } from "../problems.ts";
import { loadSource } from "../sourceText.ts";
import { parse as parseYaml } from "yaml";
import { draftToYaml, summaryTable } from "./draft.ts";
import { extractDraft, slugOf } from "./extract.ts";
import { readSource, SourceReadError } from "./read.ts";
import { detectSections } from "./sections.ts";
import { writeSourceFolder } from "./sourceFolder.ts";

const USAGE =
  "usage: npm run extract -- <file.txt|file.pdf> [--id SOURCE_ID] [--title TITLE] [--out FILE] [--force]";

class UsageError extends Error {}
class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function parse(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        id: { type: "string" },
        title: { type: "string" },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
    if (values.help) return null;
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? "give one file" : "no file given");
    if (values.id !== undefined && !/^[a-z0-9][a-z0-9.-]*$/u.test(values.id)) {
      throw new UsageError(`--id "${values.id}" must be lower-case ASCII letters, digits, "." and "-"`);
    }
    return { file: positionals[0]!, ...values };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const t0 = performance.now();
  console.log(`reading ${args.file} …`);
  const source = await readSource(args.file);
  console.log(
    `  ${source.format}, ${source.text.length} characters${source.pages ? `, ${source.pages} pages` : ""}`,
  );
  const base = path.basename(args.file, path.extname(args.file));
  const id = args.id ?? slugOf(base);
  if (!/^[a-z0-9][a-z0-9.-]*$/u.test(id)) {
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

  const detected = detectSections(source.text);
  console.log(`  ${detected.sections.length} sections: ${detected.sections.map((s) => s.title).join(" | ")}`);
  console.log(`  ${detected.furniture.length} page furniture patterns`);
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
  console.log(`source folder ${path.relative(process.cwd(), dir) || dir}`);
  const doc = loadSource(dir, (f) => path.relative(process.cwd(), f));
  if (Array.isArray(doc))
    throw new InputError(
      doc.map(formatProblem).join("\n"),
      "fix source.yaml (its sections' headings must occur in source.txt)",
    );

  const out = path.resolve(args.out ?? path.join(dir, "draft.yaml"));
  if (existsSync(out) && !args.force) {
    throw new InputError(
      `${path.relative(process.cwd(), out)} already exists`,
      "review or move it first, or pass --force to overwrite it",
    );
  }
  console.log("loading the knowledge base …");
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  const known = kb.nodes.filter((n) => !n.sources.every((s) => s === "taxonomy")).length;
  console.log(
    `  ${known} entities to resolve against${problems.length ? ` (${problems.length} problems: run npm run validate)` : ""}`,
  );
  console.log("extracting …");
  const t1 = performance.now();
  const meta = parseYaml(readFileSync(path.join(dir, "source.yaml"), "utf8")) as { furniture?: string[] };
  const draft = extractDraft({
    sourceId: doc.id,
    text: doc.text,
    sections: doc.sections,
    furniture: meta.furniture ?? [],
    kb,
  });
  const ms = performance.now() - t1;
  writeFileSync(out, draftToYaml(draft));
  console.log(`\n${summaryTable(draft)}`);
  console.log(`  ${draft.relations.length} relations`);
  console.log(
    `\ndraft written to ${path.relative(process.cwd(), out)} (extraction ${ms.toFixed(0)} ms, total ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  console.log("next: npm run review, or edit the draft into knowledge files (see importer/KNOWLEDGE.md)");
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof SourceReadError) {
    console.error(error.message.startsWith(error.file) ? error.message : `${error.file}: ${error.message}`);
    console.error(`  hint: ${error.hint}`);
    process.exitCode = 1;
  } else if (error instanceof InputError) {
    console.error(`${args0()}: ${error.message}`);
    if (error.hint) console.error(`  hint: ${error.hint}`);
    process.exitCode = 1;
  } else {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exitCode = 1;
  }
}

function args0(): string {
  return process.argv.slice(2).find((a) => !a.startsWith("-")) ?? "extract";
}
