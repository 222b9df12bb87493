/**
 * `tpg review <draft.yaml>` (arguments in cli/review.ts): shows what a draft would add to and change in the knowledge
 * base, takes the reviewer's decisions (asked one by one on a terminal, or from --accept and
 * --min-confidence), writes the accepted items into a curated knowledge file and validates.
 * Exit codes: 0 done (or nothing to do), 1 the draft cannot be used, no choice was given without a
 * terminal, or the knowledge files have problems afterwards.
 */
import path from "node:path";
import { loadKnowledgeBase } from "../knowledgeBase.ts";
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

/** The review's choices, as `tpg review` parses them (cli/review.ts). */
export interface ReviewOptions {
  /** The draft file. */
  draft: string;
  /** "all", or entity ids / keys (e1, r2) / relation ids (from|TYPE|to), comma-separated. */
  accept?: string;
  /** Only items at least this confident (0–1); alone, it accepts all of them. */
  minConfidence?: number;
  near: OptionChoice["near"];
  english: "pinyin" | "blank";
  out?: string;
  root: string;
  /** Write without asking (without it and without a terminal: a dry run). */
  yes: boolean;
}

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

export async function review(options: ReviewOptions, io: ReviewIO): Promise<number> {
  const minConfidence = options.minConfidence ?? 0;
  const near = options.near;
  const display = (file: string) => {
    const relative = path.relative(io.cwd, file);
    return relative && !relative.startsWith("..") ? relative : file;
  };
  const root = path.resolve(io.cwd, options.root);
  const draftFile = path.resolve(io.cwd, options.draft);
  const draft = readDraft(draftFile, display(draftFile));
  if (Array.isArray(draft)) {
    io.error(draft.map(formatProblem).join("\n"));
    return 1;
  }
  draft.file = display(draftFile);
  const before = loadKnowledgeBase(root, io.cwd);
  const source = before.kb.sources.find((s) => s.id === draft.source);
  if (!source) {
    io.error(
      `${draft.file}: unknown source "${draft.source}" in ${display(root)}\n    hint: write the source folder first (sources: ${before.kb.sources.map((s) => s.id).join(", ")})`,
    );
    return 1;
  }
  if (!source.sections.some((s) => s.id === draft.section)) {
    io.error(
      `${draft.file}: unknown section "${draft.section}" of source "${source.id}"\n    hint: sections: ${source.sections.map((s) => s.id).join(", ")}`,
    );
    return 1;
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
  const nonInteractive = options.accept !== undefined || options.minConfidence !== undefined;
  let decisions: Decisions;
  if (nonInteractive) {
    const accept =
      options.accept === undefined || options.accept === "all"
        ? options.accept === "all"
          ? "all"
          : null
        : options.accept
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
    decisions = decideByOptions(plan, { accept, minConfidence, near });
  } else if (io.ask) {
    decisions = await decideInteractively(plan, known, io.ask, io.print);
  } else {
    io.error(
      "stdin is not a terminal: choose with --accept all|<ids> or --min-confidence N (tpg review --help)",
    );
    return 1;
  }
  const collected = collectAccepted(plan, decisions, known);
  const placement = placeAccepted(collected, before.kb);
  const accepted = { ...collected, entities: placement.entities, relations: placement.relations };
  const transliterated = options.english === "pinyin" ? fillEnglish(accepted.entities) : [];
  io.print(summary(plan, decisions));
  for (const d of accepted.dropped) io.print(`  dropped relation ${d.key}: ${d.reason}`);
  for (const note of placement.notes) io.print(`  ${note}`);
  if (accepted.entities.length + accepted.relations.length === 0) {
    io.print("nothing accepted; nothing written");
    return 0;
  }

  const outFile = options.out
    ? path.resolve(io.cwd, options.out)
    : path.join(root, "sources", draft.source, "knowledge.yaml");
  if (path.dirname(outFile) !== source.dir) {
    io.print(
      `note: ${display(outFile)} is not in ${display(source.dir)}; the importer reads only that folder`,
    );
  }
  const what = `${count(accepted.entities.length, "entity")} and ${count(accepted.relations.length, "relation")}`;
  if (!options.yes) {
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
