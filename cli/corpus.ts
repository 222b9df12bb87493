/**
 * `tpg corpus check|freeze`: the evaluation corpus of real documents (corpus/README.md). `check`
 * validates every document folder (meta.yaml, the hashes in FROZEN, the gold against the text) and
 * ORIGINS.md; `freeze <id>` records the hashes of a document's text and gold before the extractor is
 * run on it. Neither runs the extractor; `tpg eval` scores it.
 */
import { CliError, examples, type Register } from "./common.ts";

export const register: Register = (program, context) => {
  const corpus = program
    .command("corpus")
    .summary("check | freeze the evaluation corpus of real documents")
    .description(
      "the evaluation corpus (corpus/README.md): check every document, or freeze one's text and gold before the extractor sees it",
    );
  examples(corpus, [
    ["tpg corpus check", "every document of corpus/ (or --corpus DIR, TPG_CORPUS) and ORIGINS.md"],
    ["tpg corpus freeze sh-rencai-2023", "record the hashes of its text and gold, before any tpg eval"],
  ]);
  corpus
    .command("check")
    .description("validate every document: meta.yaml, FROZEN hashes, the gold against the text; ORIGINS.md")
    .option("--corpus <dir>", "the corpus root (default corpus/, or env TPG_CORPUS)")
    .action(async (flags: { corpus?: string }) => {
      const { checkCorpus, corpusRoot, emptyCorpusLine, shown } =
        await import("../importer/extract/corpus.ts");
      const { formatProblem } = await import("../importer/problems.ts");
      const root = corpusRoot(flags.corpus);
      const result = await checkCorpus(root);
      if (result.ids.length === 0 && result.problems.length === 0) {
        console.log(emptyCorpusLine(root));
        context.exitCode = 0;
        return;
      }
      for (const d of result.documents) {
        const entities = d.gold.nodes.filter((n) => n.sources.includes(d.id)).length;
        const relations = d.gold.relations.filter((r) => r.sources.includes(d.id)).length;
        console.log(
          `ok  ${d.id}: ${d.meta.split}, ${d.meta.genre}, ${d.meta.script}; gold ${entities} entities, ${relations} relations`,
        );
      }
      if (result.problems.length) {
        throw new CliError(
          `${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${shown(root)}:\n` +
            result.problems.map(formatProblem).join("\n"),
        );
      }
      console.log(
        `${result.documents.length} document${result.documents.length === 1 ? "" : "s"} checked in ${shown(root)}; ${result.floors.length} floor${result.floors.length === 1 ? "" : "s"}`,
      );
      context.exitCode = 0;
    });
  corpus
    .command("freeze")
    .description("write <id>/FROZEN: the sha256 of its text and gold, before the extractor is run on it")
    .argument("<id>", "the document's folder name")
    .option("--corpus <dir>", "the corpus root (default corpus/, or env TPG_CORPUS)")
    .option(
      "--force",
      "replace an existing FROZEN (only for a correction made without the extractor's output)",
    )
    .action(async (id: string, flags: { corpus?: string; force?: boolean }) => {
      const { corpusRoot, CorpusError, freezeDocument, shown } =
        await import("../importer/extract/corpus.ts");
      try {
        const { file, frozen } = await freezeDocument(corpusRoot(flags.corpus), id, { force: flags.force });
        console.log(
          `froze ${id} on ${frozen.frozen}: ${frozen.text} ${frozen.textSha256.slice(0, 12)}…, gold.yaml ${frozen.goldSha256.slice(0, 12)}… → ${shown(file)}`,
        );
        console.log(`next: tpg corpus check, then tpg eval --split ${frozen.split}`);
        context.exitCode = 0;
      } catch (error) {
        if (error instanceof CorpusError) throw new CliError(`${error.message}\n  hint: ${error.hint}`);
        throw error;
      }
    });
};
