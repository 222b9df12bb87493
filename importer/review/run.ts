/**
 * `npm run review -- <draft.yaml>`: shows what a draft would add to and change in the knowledge
 * base, takes the reviewer's decisions (asked one by one on a terminal, or from --accept and
 * --min-confidence), writes the accepted items into a curated knowledge file and validates.
 * Exit codes: 0 done (or nothing to do), 1 the knowledge files have problems, 2 usage.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadKnowledgeBase } from "../knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../paths.ts";
import { formatProblem } from "../problems.ts";
import { fillEnglish } from "./english.ts";
import {
  collectAccepted,
  decideByOptions,
  decideInteractively,
  type Ask,
  type Decisions,
  type OptionChoice,
} from "./decide.ts";
import { readDraft } from "./draft.ts";
import { formatPlan, planReview, type Plan } from "./plan.ts";
import { placeAccepted } from "./place.ts";
import { mergeIntoKnowledgeFile } from "./write.ts";

export interface ReviewIO {
  print: (text: string) => void;
  error: (text: string) => void;
  /** Present when a person can answer (stdin is a terminal). */
  ask?: Ask;
  cwd: string;
}

export const USAGE = `usage: npm run review -- <draft.yaml> [--accept all|<id or key,…>] [--min-confidence 0.8]
                      [--near skip|merge|keep] [--english pinyin|blank] [--out FILE] [--root DIR] [--yes]

  Without --accept/--min-confidence the items are asked one by one (stdin must be a terminal).
  --accept          all, or entity ids / keys (e1, r2) / relation ids (from|TYPE|to); relations
                    between accepted entities come along unless some relation is listed
  --min-confidence  only items at least this confident (alone: all of them)
  --near            what accepting a near-duplicate does: skip it (default), merge it into the
                    existing entity, keep it as a new one
  --english         an accepted entity without an English name gets its name in pinyin as a
                    placeholder (default; listed for translation), or stays blank (the validator
                    then asks for it)
  --out             the knowledge file (default <root>/sources/<source>/knowledge.yaml; appended to)
  --yes             write without asking (without it and without a terminal: a dry run)`;

const count = (n: number, word: string) =>
  `${n} ${n === 1 ? word : word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`}`;

function summary(plan: Plan, decisions: Decisions): string {
  const taken = (action: string) =>
    plan.entities.filter((i) => decisions.entities.get(i.key)?.action === action).length;
  const relations = plan.relations.filter((i) => decisions.relations.get(i.key)).length;
  const near = plan.entities.filter(
    (i) => i.kind === "near-duplicate" && decisions.entities.get(i.key)?.action === "reject",
  ).length;
  return (
    `accepted ${count(taken("accept"), "entity")}, ${count(relations, "relation")}; ` +
    `${count(taken("merge"), "near-duplicate")} merged into existing ids` +
    (near > 0
      ? `; ${count(near, "near-duplicate")} left out (decide interactively or with --near merge|keep)`
      : "")
  );
}

export async function review(argv: string[], io: ReviewIO): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        accept: { type: "string" },
        "min-confidence": { type: "string" },
        near: { type: "string", default: "skip" },
        english: { type: "string", default: "pinyin" },
        out: { type: "string" },
        root: { type: "string", default: KNOWLEDGE_ROOT },
        yes: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    io.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.print(USAGE);
    return 0;
  }
  const minConfidence = values["min-confidence"] === undefined ? 0 : Number(values["min-confidence"]);
  const near = values.near;
  const isNear = (v: string): v is OptionChoice["near"] => v === "skip" || v === "merge" || v === "keep";
  const problem =
    positionals.length !== 1
      ? "give exactly one draft file"
      : !(minConfidence >= 0 && minConfidence <= 1)
        ? "--min-confidence takes a number from 0 to 1"
        : !isNear(near)
          ? "--near takes skip, merge or keep"
          : values.accept === ""
            ? "--accept takes all or a comma-separated list"
            : values.english !== "pinyin" && values.english !== "blank"
              ? "--english takes pinyin or blank"
              : null;
  if (problem || !isNear(near)) {
    io.error(`${problem}\n${USAGE}`);
    return 2;
  }
  const display = (file: string) => {
    const relative = path.relative(io.cwd, file);
    return relative && !relative.startsWith("..") ? relative : file;
  };
  const root = path.resolve(io.cwd, values.root);
  const draftFile = path.resolve(io.cwd, positionals[0]!);
  const draft = readDraft(draftFile, display(draftFile));
  if (Array.isArray(draft)) {
    io.error(draft.map(formatProblem).join("\n"));
    return 2;
  }
  draft.file = display(draftFile);
  const before = loadKnowledgeBase(root, io.cwd);
  const source = before.kb.sources.find((s) => s.id === draft.source);
  if (!source) {
    io.error(
      `${draft.file}: unknown source "${draft.source}" in ${display(root)}\n    hint: write the source folder first (sources: ${before.kb.sources.map((s) => s.id).join(", ")})`,
    );
    return 2;
  }
  if (!source.sections.some((s) => s.id === draft.section)) {
    io.error(
      `${draft.file}: unknown section "${draft.section}" of source "${source.id}"\n    hint: sections: ${source.sections.map((s) => s.id).join(", ")}`,
    );
    return 2;
  }
  if (before.problems.length > 0) {
    io.print(
      `note: the knowledge files already have ${before.problems.length} problem(s) (npm run validate)`,
    );
  }

  const plan = planReview(draft, before.kb);
  const known = new Set(before.kb.nodes.map((n) => n.id));
  io.print(formatPlan(plan));
  io.print("");
  const nonInteractive = values.accept !== undefined || values["min-confidence"] !== undefined;
  let decisions: Decisions;
  if (nonInteractive) {
    const accept =
      values.accept === undefined || values.accept === "all"
        ? values.accept === "all"
          ? "all"
          : null
        : values.accept
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
    decisions = decideByOptions(plan, { accept, minConfidence, near });
  } else if (io.ask) {
    decisions = await decideInteractively(plan, known, io.ask, io.print);
  } else {
    io.error(`stdin is not a terminal: choose with --accept all|<ids> or --min-confidence N\n${USAGE}`);
    return 2;
  }
  const collected = collectAccepted(plan, decisions, known);
  const placement = placeAccepted(collected, before.kb);
  const accepted = { ...collected, entities: placement.entities, relations: placement.relations };
  const transliterated = values.english === "pinyin" ? fillEnglish(accepted.entities) : [];
  io.print(summary(plan, decisions));
  for (const d of accepted.dropped) io.print(`  dropped relation ${d.key}: ${d.reason}`);
  for (const note of placement.notes) io.print(`  ${note}`);
  if (accepted.entities.length + accepted.relations.length === 0) {
    io.print("nothing accepted; nothing written");
    return 0;
  }

  const outFile = values.out
    ? path.resolve(io.cwd, values.out)
    : path.join(root, "sources", draft.source, "knowledge.yaml");
  if (path.dirname(outFile) !== source.dir) {
    io.print(
      `note: ${display(outFile)} is not in ${display(source.dir)}; the importer reads only that folder`,
    );
  }
  const what = `${count(accepted.entities.length, "entity")} and ${count(accepted.relations.length, "relation")}`;
  if (!values.yes) {
    if (!io.ask) {
      io.print(`dry run: nothing written; add --yes to write ${what} to ${display(outFile)}`);
      return 0;
    }
    const answer = (await io.ask(`write ${what} to ${display(outFile)}? [y/N] `)).trim().toLowerCase();
    if (answer !== "y" && answer !== "yes") {
      io.print("nothing written");
      return 0;
    }
  }
  const header = ` Reviewed from ${draft.file}${draft.extractor ? ` (${draft.extractor})` : ""}: the accepted candidates. Edit freely.`;
  let written;
  try {
    written = mergeIntoKnowledgeFile(
      outFile,
      { source: draft.source, section: draft.section, header },
      accepted.entities,
      accepted.relations,
    );
  } catch (error) {
    io.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  io.print(
    `wrote ${count(written.entities, "entity")} and ${count(written.relations, "relation")} to ${display(outFile)}`,
  );
  if (written.skipped.length > 0)
    io.print(`  already there, left as they are: ${written.skipped.join(", ")}`);
  if (transliterated.length > 0)
    io.print(
      `  ${count(transliterated.length, "English name")} are pinyin placeholders; translate them in ${display(outFile)}: ${transliterated.join(", ")}`,
    );
  const unnamed = accepted.entities.filter((e) => e.nameEn.trim() === "" && !written.skipped.includes(e.id));
  if (unnamed.length > 0) {
    io.print(`  fill in nameEn for: ${unnamed.map((e) => e.id).join(", ")}`);
  }

  const after = loadKnowledgeBase(root, io.cwd);
  if (after.problems.length > 0) {
    io.error(after.problems.map(formatProblem).join("\n"));
    io.error(`\n${after.problems.length} problem(s); fix them, then run npm run validate`);
    return 1;
  }
  io.print(`valid — run npm run import`);
  return 0;
}
