/**
 * What the subcommands share: the error that carries an exit code, the exit-code context, examples
 * in help texts, option value parsers and the Neo4j connection options. Nothing here imports the
 * driver, Vite or the importer: `tpg --help` must stay light.
 */
import { InvalidArgumentError, Option, type Command } from "commander";

/**
 * Exit codes of every subcommand: 0 done; 1 wrong usage or the work failed (invalid knowledge, an
 * unreadable document, a refused query); 2 Neo4j could not be reached or set up.
 */
export const EXIT = { ok: 0, failed: 1, connection: 2 } as const;

/** An expected failure: its message is printed without a stack trace, then tpg exits with `exitCode`. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

/** Where an action leaves its exit code; `runTpg` returns it. */
export interface Context {
  exitCode: number;
}

/** A subcommand module: adds its command to the program (one file, one line in COMMANDS of tpg.ts). */
export type Register = (program: Command, context: Context) => void;

/** Appends "Examples:" to a command's help: what each does, then the command. */
export function examples(command: Command, lines: ReadonlyArray<readonly [string, string]>): Command {
  const text = lines.map(([cmd, what]) => `  # ${what}\n  $ ${cmd}`).join("\n");
  return command.addHelpText("after", `\nExamples:\n${text}`);
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("a whole number above 0");
  return n;
}

export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("a whole number, 0 or more");
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError("a number above 0");
  return n;
}

/** Collects a repeatable option's values in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export interface ConnectionFlags {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
}

/** --uri/--user/--password/--database, each overriding the environment variable of the same name. */
export function withConnection(command: Command): Command {
  return command
    .option("--uri <uri>", "Neo4j to use: bolt://, neo4j://, neo4j+s:// (env NEO4J_URI; default: embedded)")
    .option("--user <name>", "user for --uri (env NEO4J_USER; default neo4j)")
    .option(
      "--password <password>",
      "password for --uri (env NEO4J_PASSWORD, which keeps it out of the process list)",
    )
    .option("--database <name>", "database name (env NEO4J_DATABASE; default: the server's)");
}

/**
 * Applies the connection options as the environment variables they stand for, so that every module
 * (graph/config.ts readSettings, the embedded Neo4j's password) sees one configuration. --user and
 * --password without a URI would silently do something else (set the embedded Neo4j's password), so
 * they need --uri or NEO4J_URI.
 */
export function applyConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): void {
  if ((flags.user !== undefined || flags.password !== undefined) && !flags.uri && !env.NEO4J_URI) {
    throw new CliError(
      "--user and --password need --uri (or NEO4J_URI): the embedded Neo4j's password is in .data/neo4j/password",
    );
  }
  if (flags.uri !== undefined) env.NEO4J_URI = flags.uri;
  if (flags.user !== undefined) env.NEO4J_USER = flags.user;
  if (flags.password !== undefined) env.NEO4J_PASSWORD = flags.password;
  if (flags.database !== undefined) env.NEO4J_DATABASE = flags.database;
}

/** A URI without user information (`neo4j+s://user:secret@host` → `neo4j+s://host`). */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1");
}

/** --root: the knowledge root the importer reads (taxonomy/ and sources/). */
export function rootOption(defaultRoot: string): Option {
  return new Option("--root <dir>", "folder with taxonomy/ and sources/").default(
    defaultRoot,
    process.env.TPG_KNOWLEDGE_ROOT ? "TPG_KNOWLEDGE_ROOT" : "importer",
  );
}

export function withRoot(command: Command, defaultRoot: string): Command {
  return command.addOption(rootOption(defaultRoot));
}
