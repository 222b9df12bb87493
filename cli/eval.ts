/**
 * `tpg eval`: the extractor scored against gold annotations, each figure labelled for what it is —
 * the seed and the second test document (in-sample), the evaluation corpus's dev part and its test
 * part (held-out), per type, pooled, and for the corpus per genre.
 */
import { InvalidArgumentError } from "commander";
import { CliError, examples, type Register } from "./common.ts";

interface EvalFlags {
  json?: boolean;
  misses?: string;
  split?: "dev" | "test";
  corpus?: string;
  hanlp?: boolean;
}

function split(value: string): "dev" | "test" {
  if (value !== "dev" && value !== "test") throw new InvalidArgumentError("dev or test");
  return value;
}

export const register: Register = (program, context) => {
  const command = program
    .command("eval")
    .summary("score the extractor against the gold annotations")
    .description(
      "score the extractor (precision, recall, F1 per type): the seed and the second test document (in-sample), " +
        "then the evaluation corpus's dev and test parts (held-out), per genre",
    )
    .option("--json", "the full tables as JSON")
    .option(
      "--misses <label>",
      "what one label missed and found wrongly, e.g. Carrier (not for the test part)",
    )
    .option("--split <part>", "only this part of the corpus: dev or test", split)
    .option("--corpus <dir>", "the corpus root (default corpus/, or env TPG_CORPUS)")
    .option(
      "--hanlp",
      "use HanLP's reading as a signal (needs Java 17+ and Maven once; one JVM per document)",
    );
  examples(command, [
    ["tpg eval", "scores per entity type and for relations, each part labelled"],
    ["tpg eval --misses Measure", "the gold measures not found, and the found ones not in the gold"],
    ["tpg eval --split test", "the held-out part only, per genre"],
    ["tpg eval --corpus ../shared/corpus", "another corpus root, e.g. a hidden set"],
    ["tpg eval --hanlp", "the same with HanLP as a signal, to compare"],
  ]);
  command.addHelpText(
    "after",
    "\nThe seed and the second document are in-sample (the rules were written with them at hand). The\n" +
      "corpus test part is held out: its misses are not shown, so that no rule is tuned to them.",
  );
  command.action(async (flags: EvalFlags) => {
    const [evaluation, corpus, scoring, { formatProblem }, { SetupError }] = await Promise.all([
      import("../importer/extract/eval.ts"),
      import("../importer/extract/corpus.ts"),
      import("../importer/extract/evalScore.ts"),
      import("../importer/problems.ts"),
      import("../graph/mavenModule.ts"),
    ]);
    if (flags.misses && flags.split === "test") throw new CliError(corpus.TEST_MISSES_REFUSED);
    const root = corpus.corpusRoot(flags.corpus);
    const checked = await corpus.checkCorpus(root);
    if (checked.problems.length) {
      throw new CliError(
        `the corpus in ${corpus.shown(root)} has problems, so it is not evaluated (a document left out would bias the figures):\n` +
          checked.problems.map(formatProblem).join("\n") +
          "\n  hint: fix them (tpg corpus check), or evaluate another root with --corpus",
      );
    }
    const hanlp = flags.hanlp ?? false;
    let fixtures, parts;
    try {
      fixtures = flags.split ? [] : evaluation.evaluateAll(flags.misses, { hanlp });
      parts = await corpus.evaluateCorpus(checked.documents, {
        ...(flags.split ? { split: flags.split } : {}),
        ...(flags.misses ? { missesOf: flags.misses } : {}),
        hanlp,
      });
    } catch (error) {
      if (error instanceof SetupError) throw new CliError(error.message);
      throw error;
    }
    const empty = checked.documents.length === 0 ? corpus.emptyCorpusLine(root) : null;
    const absent = flags.split && !empty && parts.length === 0;

    if (flags.json) {
      console.log(
        JSON.stringify(
          {
            ...(fixtures.length ? { seed: fixtures[0], second: fixtures[1] } : {}),
            corpus: { root, ...(empty ? { note: empty } : {}), parts },
          },
          null,
          2,
        ),
      );
      context.exitCode = 0;
      return;
    }
    const blocks: string[] = [];
    const missesBlock = (title: string, m: { label: string; gold: string[]; found: string[] }) =>
      `${title} — ${m.label}\n` +
      `  gold not found (${m.gold.length}):\n    ${m.gold.join("\n    ")}\n` +
      `  found not in gold (${m.found.length}):\n    ${m.found.join("\n    ")}`;
    if (flags.misses) {
      for (const r of fixtures) blocks.push(missesBlock(r.title, r.misses!));
      for (const part of parts) {
        if (part.split === "test") {
          blocks.push(`${part.title}: misses not shown (held-out)`);
          continue;
        }
        for (const d of part.documents)
          blocks.push(missesBlock(`corpus dev: ${d.id} (${d.genre})`, d.misses!));
      }
    } else {
      for (const r of fixtures) blocks.push(scoring.formatScore(r.score, r.title, r.ms));
      for (const part of parts) {
        const n = part.documents.length;
        const lines = [
          scoring.formatScore(
            part.pooled,
            `${part.title}: ${n} document${n === 1 ? "" : "s"} in ${corpus.shown(root)}, pooled`,
            part.ms,
          ),
          scoring.summaryHead("by genre (pooled)"),
          ...Object.entries(part.genres).map(([genre, g]) =>
            scoring.formatSummary(`${genre} (${g.documents})`, g.score),
          ),
          scoring.summaryHead("by document"),
          ...part.documents.map((d) => scoring.formatSummary(`${d.id} (${d.genre})`, d.score)),
        ];
        blocks.push(lines.join("\n"));
      }
    }
    if (empty) blocks.push(`corpus: ${empty}`);
    else if (absent)
      blocks.push(`corpus ${flags.split}: no documents in this part yet (${corpus.shown(root)})`);
    console.log(blocks.join("\n\n"));
    context.exitCode = 0;
  });
};
