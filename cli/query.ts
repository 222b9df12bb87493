/**
 * `tpg query`: a saved query by name or file, or Cypher text, in READ mode with a timeout and a row
 * cap; `--list` shows the saved queries, `-i` opens the shell.
 */
import { Option, type Command } from "commander";
import {
  collect,
  examples,
  positiveInt,
  positiveNumber,
  withConnection,
  type ConnectionFlags,
  type Register,
} from "./common.ts";

/** The web console's row cap (web/console/Console.tsx DEFAULT_ROW_CAP); a test keeps them equal. */
export const DEFAULT_ROW_CAP = 5_000;
/** Seconds: the console's default (graph/neo4jService.ts DEFAULT_TIMEOUT_MS). */
export const DEFAULT_TIMEOUT_SECONDS = 15;

export interface OutputFlags {
  /** Absent when no --param was given. */
  param?: string[];
  format: "table" | "json" | "csv";
  wrap?: number;
  truncate?: number;
  maxRows: number;
  timeout: number;
}

export interface QueryFlags extends OutputFlags, ConnectionFlags {
  execute?: string;
  list?: boolean;
  interactive?: boolean;
  history?: string;
}

/** Options shared by `tpg query` and `tpg shell`: parameters, output, limits, connection. */
export function withQueryOptions(command: Command): Command {
  command
    .option(
      "-p, --param <name[:type]=value>",
      "a parameter, repeatable; type: string, int, float, bool, json (a saved query's own parameters take their declared type)",
      collect,
    )
    .addOption(
      new Option("-f, --format <format>", "how rows are printed")
        .choices(["table", "json", "csv"])
        .default("table"),
    )
    .addOption(
      new Option("--wrap <columns>", "table: wrap cells at this width (default: cells in full)")
        .argParser(positiveInt)
        .conflicts("truncate"),
    )
    .addOption(
      new Option("--truncate <columns>", "table: cut cells at this width with …").argParser(positiveInt),
    )
    .option(
      "--max-rows <n>",
      "stop after this many rows, as the web console does",
      positiveInt,
      DEFAULT_ROW_CAP,
    )
    .option(
      "--timeout <seconds>",
      "stop the query after this long (the server's own limit applies too)",
      positiveNumber,
      DEFAULT_TIMEOUT_SECONDS,
    );
  return withConnection(command);
}

export const register: Register = (program, context) => {
  const command = program
    .command("query")
    .summary("run a saved query or Cypher text, read-only")
    .description("run a saved query (by name or file) or Cypher text, read-only")
    .argument("[query]", "a saved query's name (tpg query --list), a .cypher file, or Cypher text in quotes")
    .option("-e, --execute <cypher>", "run this Cypher text")
    .option("-l, --list", "list the saved queries with their titles and parameters")
    .option("-i, --interactive", "open the interactive shell (as tpg shell)");
  withQueryOptions(command);
  examples(command, [
    ["tpg query --list", "the saved queries and their parameters"],
    ["tpg query hub-profile --param hub=前海", "a saved query by name; hub is declared a string"],
    ["tpg query talent-categories-shared -p minHubs=3 -f json", "declared integer, JSON rows"],
    ["tpg query cypher/hub-statistics.cypher -p hub=中关村 -f csv", "a file, as CSV"],
    ['tpg query "MATCH (h:Hub) RETURN h.name, h.nameEn"', "Cypher text"],
    [
      "tpg query -e 'MATCH (n:Hub) RETURN n LIMIT $n' -p n:int=2 --truncate 40",
      "a typed parameter, cells cut",
    ],
  ]);
  command.addHelpText(
    "after",
    "\nQueries run in a READ transaction: a write is refused. Exit codes: 0 ran, 1 usage error or the\n" +
      "query failed (syntax, refused write, timeout), 2 Neo4j unreachable.",
  );
  command.action(async (query: string | undefined, flags: QueryFlags) => {
    const { runQuery } = await import("./queryRun.ts");
    context.exitCode = await runQuery(query, flags);
  });
};
