/** `tpg extract`: a new report (PDF or text) → its source folder and a draft of its knowledge. */
import { InvalidArgumentError } from "commander";
import type { ExtractOptions } from "../importer/extract/cli.ts";
import { CliError, examples, positiveInt, type Register } from "./common.ts";

/** The command's options: those of the extraction, less the file (an argument). */
type ExtractFlags = Omit<ExtractOptions, "file">;

function sourceId(value: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/u.test(value)) {
    throw new InvalidArgumentError('lower-case ASCII letters, digits, "." and "-"');
  }
  return value;
}

export const register: Register = (program, context) => {
  const command = program
    .command("extract")
    .summary("a report (PDF, text) → source folder and draft")
    .description("read a report (PDF, .txt, .md), write its source folder and a draft of its knowledge")
    .argument("<file>", "the report: a PDF with a text layer, or UTF-8 text")
    .option("--id <source-id>", "the source id and folder name (default: from the file name)", sourceId)
    .option("--title <title>", "the source's title (default: its first line)")
    .option("--out <file>", "where the draft goes (default importer/sources/<id>/draft.yaml)")
    .option("--force", "replace a source folder with different text, overwrite an existing draft")
    .option("--max-bytes <n>", "refuse larger files (default 20 MB)", positiveInt)
    .option("--hanlp", "use HanLP's reading as a signal (needs Java 17+ and Maven once; one JVM)");
  examples(command, [
    [
      "tpg extract report.pdf --id digest-2021-03",
      "then: tpg review importer/sources/digest-2021-03/draft.yaml",
    ],
    ["tpg extract notes.txt --title 人才政策动态", "plain UTF-8 text"],
  ]);
  command.addHelpText(
    "after",
    "\nSteps go to stderr as they happen, the summary to stdout. Exit 1 when the input cannot be used\n" +
      "(with a hint: missing, empty, not UTF-8, scanned PDF without text, too large).",
  );
  command.action(async (file: string, flags: ExtractFlags) => {
    const [{ extract, InputError }, { SourceReadError }, { SetupError }] = await Promise.all([
      import("../importer/extract/cli.ts"),
      import("../importer/extract/read.ts"),
      import("../graph/mavenModule.ts"),
    ]);
    try {
      context.exitCode = await extract(
        { file, ...flags },
        { step: (line) => console.error(line), result: (line) => console.log(line) },
      );
    } catch (error) {
      if (error instanceof SourceReadError) {
        const message = error.message.startsWith(error.file)
          ? error.message
          : `${error.file}: ${error.message}`;
        throw new CliError(`${message}\n  hint: ${error.hint}`);
      }
      if (error instanceof SetupError) throw new CliError(error.message);
      if (error instanceof InputError) {
        throw new CliError(`${file}: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ""}`);
      }
      throw error;
    }
  });
};
