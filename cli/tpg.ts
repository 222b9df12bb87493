/**
 * `tpg`: the project's command line (bin/tpg.js runs it; `npx tsx cli/tpg.ts` works too). One
 * commander program with a subcommand per job. Each subcommand is a module
 * whose `register` adds it (a new one is one file and one line in COMMANDS); its action imports the
 * heavy modules (neo4j-driver, Vite, the importer) only when it runs, so `tpg --help` stays fast.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Command, CommanderError } from "commander";
import { CliError, EXIT, examples, type Context, type Register } from "./common.ts";
import { register as corpus } from "./corpus.ts";
import { register as coverage } from "./coverage.ts";
import { register as evaluate } from "./eval.ts";
import { register as extract } from "./extract.ts";
import { register as importFiles } from "./import.ts";
import { register as neo4j } from "./neo4j.ts";
import { register as query } from "./query.ts";
import { register as report } from "./report.ts";
import { register as review } from "./review.ts";
import { register as shell } from "./shell.ts";
import { register as snapshot } from "./snapshot.ts";
import { register as start } from "./start.ts";
import { register as validate } from "./validate.ts";

/** The subcommands in the order `tpg --help` lists them. */
const COMMANDS: Register[] = [
  start,
  importFiles,
  validate,
  snapshot,
  coverage,
  query,
  shell,
  report,
  extract,
  evaluate,
  corpus,
  review,
  neo4j,
];

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

const stdio: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export function buildProgram(context: Context, output: Output = stdio): Command {
  const program = new Command("tpg")
    .description(
      "Talent Policy Graph: Chinese talent-policy reports → a cited Neo4j knowledge graph, and the app to explore it.",
    )
    .version(VERSION, "-V, --version")
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .addHelpCommand(false);
  examples(program, [
    ["tpg start", "Neo4j, import, build and serve the app; prints its URL"],
    ["tpg query --list", "the saved queries, with their parameters"],
    ["tpg query hub-profile --param hub=前海", "run a saved query by name"],
    ["tpg shell", "an interactive Cypher and saved-query shell"],
    ["tpg import", "validate the knowledge files and load them into Neo4j"],
    ["tpg <command> --help", "options and examples of one command"],
  ]);
  program.addHelpText(
    "after",
    "\nNeo4j: --uri/--user/--password/--database or NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE;\n" +
      "without them the embedded Neo4j (.data/neo4j). Exit codes: 0 done, 1 usage error or the work\n" +
      "failed, 2 Neo4j unreachable or not set up.",
  );
  for (const add of COMMANDS) add(program, context);
  return program;
}

/** Runs tpg with these arguments (without `node tpg`); resolves to the exit code, never throws. */
export async function runTpg(argv: string[], output: Output = stdio): Promise<number> {
  const context: Context = { exitCode: EXIT.ok };
  const program = buildProgram(context, output);
  try {
    await program.parseAsync(argv, { from: "user" });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed the message (and a suggestion); help and --version exit 0
      return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
    }
    if (error instanceof CliError) {
      output.err(`${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.err(`${message}\n`);
    if (process.env.TPG_DEBUG && error instanceof Error && error.stack) output.err(`${error.stack}\n`);
    return EXIT.failed;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await runTpg(process.argv.slice(2));
}
