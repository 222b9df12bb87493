/**
 * `tpg review`: a draft → accepted items in a knowledge file. The options are defined once here and
 * used by the program and by `reviewFromArgv` (the review's own tests, with their own IO).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { ReviewIO, ReviewOptions } from "../importer/review/run.ts";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import { EXIT, examples, rootOption, type Register } from "./common.ts";

interface ReviewFlags {
  accept?: string;
  minConfidence?: number;
  near: ReviewOptions["near"];
  english: ReviewOptions["english"];
  out?: string;
  root: string;
  yes?: boolean;
}

function confidence(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !(n >= 0 && n <= 1)) throw new InvalidArgumentError("a number from 0 to 1");
  return n;
}

function acceptList(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("all, or a comma-separated list of ids or keys");
  return value;
}

function define(command: Command): Command {
  return command
    .summary("a draft → accepted items in a knowledge file")
    .description(
      "review a draft: accept its items into a knowledge file, placed in the hierarchies, then validate",
    )
    .argument("<draft>", "the draft.yaml that tpg extract wrote")
    .option(
      "--accept <items>",
      "all, or entity ids / keys (e1, r2) / relation ids (from|TYPE|to), comma-separated; relations between accepted entities come along unless some relation is listed",
      acceptList,
    )
    .option(
      "--min-confidence <n>",
      "only items at least this confident, 0–1 (alone: all of them)",
      confidence,
    )
    .addOption(
      new Option(
        "--near <action>",
        "accepting a near-duplicate: skip it, merge it into the existing entity, keep it as new",
      )
        .choices(["skip", "merge", "keep"])
        .default("skip"),
    )
    .addOption(
      new Option(
        "--english <how>",
        "an accepted entity without an English name: pinyin placeholder, or blank",
      )
        .choices(["pinyin", "blank"])
        .default("pinyin"),
    )
    .option(
      "--out <file>",
      "the knowledge file (default <root>/sources/<source>/knowledge.yaml; appended to)",
    )
    .addOption(rootOption(KNOWLEDGE_ROOT))
    .option("--yes", "write without asking (without it and without a terminal: a dry run)");
}

function toOptions(draft: string, flags: ReviewFlags): ReviewOptions {
  return { draft, ...flags, yes: flags.yes ?? false };
}

export const register: Register = (program, context) => {
  const command = define(program.command("review"));
  examples(command, [
    ["tpg review importer/sources/x/draft.yaml", "asks item by item: y / n / a(ll the rest) / q"],
    ["tpg review draft.yaml --accept all --min-confidence 0.6 --yes", "without questions"],
    ["tpg review draft.yaml --accept e1,e4,r2", "a dry run: says what it would write"],
  ]);
  command.action(async (draft: string, flags: ReviewFlags) => {
    const [{ review }, { terminalReviewIO }] = await Promise.all([
      import("../importer/review/run.ts"),
      import("../importer/review.ts"),
    ]);
    const { io, close } = terminalReviewIO();
    try {
      context.exitCode = await review(toOptions(draft, flags), io);
    } finally {
      close();
    }
  });
};

/** Parses review arguments as `tpg review` does and runs the review with `io`; usage errors → 1. */
export async function reviewFromArgv(argv: string[], io: ReviewIO): Promise<number> {
  let parsed: ReviewOptions | undefined;
  const command = define(new Command("review"))
    .exitOverride()
    .configureOutput({ writeOut: io.print, writeErr: io.error })
    .action((draft: string, flags: ReviewFlags) => {
      parsed = toOptions(draft, flags);
    });
  try {
    command.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
    throw error;
  }
  if (!parsed) return 0;
  const { review } = await import("../importer/review/run.ts");
  return review(parsed, io);
}
