/** `tpg eval`: the extractor scored against the curated seed and the hand-annotated second document. */
import { examples, type Register } from "./common.ts";

export const register: Register = (program, context) => {
  const command = program
    .command("eval")
    .summary("score the extractor against the gold annotations")
    .description(
      "score the extractor (precision, recall, F1 per type) on the seed and the second test document",
    )
    .option("--json", "the full tables as JSON")
    .option("--misses <label>", "what one label missed and found wrongly, e.g. Carrier");
  examples(command, [
    ["tpg eval", "scores per entity type and for relations"],
    ["tpg eval --misses Measure", "the gold measures not found, and the found ones not in the gold"],
  ]);
  command.action(async (flags: { json?: boolean; misses?: string }) => {
    const [{ evaluateAll }, { formatScore }] = await Promise.all([
      import("../importer/extract/eval.ts"),
      import("../importer/extract/evalScore.ts"),
    ]);
    const results = evaluateAll(flags.misses);
    if (flags.json) console.log(JSON.stringify(results, null, 2));
    else if (flags.misses) {
      for (const r of results) {
        const m = r.misses!;
        console.log(`${r.title} — ${m.label}`);
        console.log(`  gold not found (${m.gold.length}):\n    ${m.gold.join("\n    ")}`);
        console.log(`  found not in gold (${m.found.length}):\n    ${m.found.join("\n    ")}\n`);
      }
    } else console.log(results.map((r) => formatScore(r.score, r.title, r.ms)).join("\n\n"));
    context.exitCode = 0;
  });
};
