/** `tpg import`: validate the knowledge files and load them into Neo4j, saying what changed. */
import path from "node:path";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import {
  applyConnection,
  examples,
  nonNegativeInt,
  positiveInt,
  withConnection,
  withRoot,
  type ConnectionFlags,
  type Register,
} from "./common.ts";

interface ImportFlags extends ConnectionFlags {
  root: string;
  quiet?: boolean;
  batchSize?: number;
  singleTransactionLimit?: number;
}

export const register: Register = (program, context) => {
  const command = program
    .command("import")
    .summary("validate the knowledge files and load them into Neo4j")
    .description(
      "validate the knowledge files and load them into Neo4j: says what it read, what it changed and what was already there",
    )
    .option("-q, --quiet", "print only what was read and what changed")
    .option("--batch-size <n>", "rows per write when an import runs in batches", positiveInt)
    .option(
      "--single-transaction-limit <n>",
      "imports up to this many writes run in one transaction (default 50000; 0: always batches)",
      nonNegativeInt,
    );
  withRoot(command, KNOWLEDGE_ROOT);
  withConnection(command);
  examples(command, [
    ["tpg import", "the project's knowledge into the embedded Neo4j (or NEO4J_URI)"],
    ["tpg import --root my-knowledge --uri bolt://db:7687", "another folder, another Neo4j"],
  ]);
  command.addHelpText(
    "after",
    "\nNothing is written when any file has a problem (all are listed with file:line, exit 1), or when\n" +
      "the folder holds no source document or knowledge file (exit 1). Exit 2: Neo4j unreachable.",
  );
  command.action(async (flags: ImportFlags) => {
    const [{ importFiles }, { openConnection }, { progress }] = await Promise.all([
      import("../importer/cli.ts"),
      import("./connection.ts"),
      import("./progress.ts"),
    ]);
    applyConnection(flags);
    context.exitCode = await importFiles(path.resolve(flags.root), openConnection, {
      quiet: flags.quiet,
      batchSize: flags.batchSize,
      singleTransactionLimit: flags.singleTransactionLimit,
      ...(flags.quiet ? { onProgress: () => {} } : { onProgress: progress() }),
    });
  });
};
