/**
 * `tpg shell`: a readline loop over one connection. A line is a shell command (`:help`), a saved
 * query's name with optional `name=value` parameters, or Cypher, which may span lines and ends with
 * `;`. Input lines are kept in .data/tpg_history (or --history FILE), owner-only.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { runAndPrint, type Format } from "../graph/cypherCli.ts";
import { PROJECT_ROOT } from "../importer/paths.ts";
import { closest } from "./closest.ts";
import { applyConnection, CliError, type ConnectionFlags } from "./common.ts";
import { openConnection } from "./connection.ts";
import type { OutputFlags } from "./query.ts";
import { bindRaw, bindSaved, parseParam, type GivenParam } from "./queryParams.ts";
import { consolePrinter, runOptions } from "./queryRun.ts";
import { formatList, listSaved, resolveTarget } from "./savedQueries.ts";

export const HISTORY_FILE = path.join(PROJECT_ROOT, ".data", "tpg_history");
const HISTORY_SIZE = 1000;

export interface ShellFlags extends OutputFlags, ConnectionFlags {
  history?: string;
}

const HELP = `Type a saved query's name (with name=value parameters), or Cypher ending in ";" (it may span lines).
  :list                       the saved queries and their parameters
  :format table|json|csv      how rows are printed (now: %FORMAT%)
  :param name[:type]=value    set a parameter for the following queries (type: string, int, float, bool, json)
  :params                     the parameters set;  :clear  forgets them
  :help                       this text;  :quit (or Ctrl+D) leaves
Examples:
  hub-profile hub=前海
  MATCH (h:Hub) WHERE h.name = $hub
  RETURN h.name, h.nameEn;`;

/** The first word of a clause: a line that starts with one is Cypher, never a saved query's name. */
const CYPHER_START =
  /^(match|optional|return|with|unwind|call|show|explain|profile|create|merge|load|foreach|use|union|where|order|limit|skip|set|delete|detach|remove|finish)$/i;

const QUIT = Symbol("quit");
const COMMANDS = [":help", ":list", ":format", ":param", ":params", ":clear", ":quit", ":exit"];

function readHistory(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).slice(-HISTORY_SIZE).reverse();
}

function remember(file: string, line: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${line.replace(/\n/g, " ")}\n`, { mode: 0o600 });
  } catch {
    // a read-only home or data folder costs the history, not the session
  }
}

export async function runShell(flags: ShellFlags): Promise<number> {
  const historyFile = path.resolve(flags.history ?? process.env.TPG_HISTORY ?? HISTORY_FILE);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  applyConnection(flags);
  const connection = await openConnection((m) => console.error(m));
  const state: { format: Format; params: Map<string, GivenParam> } = {
    format: flags.format,
    params: new Map(),
  };
  for (const spec of flags.param ?? []) {
    const p = parseParam(spec);
    state.params.set(p.name, p);
  }
  const print = consolePrinter;
  let failures = 0;
  let buffer: string[] = [];

  const runCypher = (cypher: string) =>
    runAndPrint(connection.service, cypher, bindRaw([...state.params.values()]), options(), print);
  const options = () => ({ ...runOptions(flags), format: state.format });

  const describe = (p: GivenParam) => `$${p.name} = ${p.raw}${p.type ? ` (${p.type})` : ""}`;

  /** A shell command's answer, or QUIT. */
  function command(line: string): string | typeof QUIT {
    const [word = "", ...rest] = line.split(/\s+/);
    const arg = rest.join(" ");
    switch (word) {
      case ":help":
        return HELP.replace("%FORMAT%", state.format);
      case ":list":
        return formatList(listSaved());
      case ":format":
        if (!arg) return state.format;
        if (arg !== "table" && arg !== "json" && arg !== "csv") {
          throw new CliError(":format takes table, json or csv");
        }
        state.format = arg;
        return `format: ${arg}`;
      case ":param": {
        if (!arg) return command(":params");
        const p = parseParam(arg, ":param");
        if (p.type) bindRaw([p]); // a typed value is checked now, not at the next query
        state.params.set(p.name, p);
        return describe(p);
      }
      case ":params":
        return state.params.size
          ? [...state.params.values()].map(describe).join("\n")
          : "(no parameters set)";
      case ":clear":
        state.params.clear();
        return "parameters cleared";
      case ":quit":
      case ":exit":
        return QUIT;
      default: {
        const near = closest(word, COMMANDS);
        throw new CliError(
          `unknown command ${word}${near.length ? `; did you mean ${near.join(" or ")}?` : ""} (:help)`,
        );
      }
    }
  }

  /** A saved query by name; session parameters it does not declare are left out, inline ones must fit. */
  async function saved(line: string): Promise<void> {
    const [name = "", ...specs] = line.split(/\s+/);
    const target = resolveTarget(name, { listing: ":list" });
    if (target.kind !== "saved") throw new CliError(`no saved query "${name}"`);
    const declared = new Set(target.query.params.map((p) => p.name));
    const given = [...state.params.values()].filter((p) => declared.has(p.name));
    const inline = specs.map((spec) => parseParam(spec, name));
    const params = bindSaved(target.query, [
      ...given.filter((g) => !inline.some((i) => i.name === g.name)),
      ...inline,
    ]);
    if ((await runAndPrint(connection.service, target.query.cypher, params, options(), print)) !== 0)
      failures++;
  }

  async function handle(raw: string): Promise<typeof QUIT | void> {
    const line = raw.trim();
    if (buffer.length === 0) {
      if (!line) return;
      if (line.startsWith(":")) {
        const answer = command(line);
        if (answer === QUIT) return QUIT;
        print.out(answer);
        return;
      }
      const first = line.split(/\s+/)[0]!;
      if (/^[\w-]+$/.test(first) && !CYPHER_START.test(first) && !line.endsWith(";")) return saved(line);
    }
    buffer.push(raw);
    if (!line.endsWith(";")) return;
    const cypher = buffer.join("\n").trim().replace(/;\s*$/, "");
    buffer = [];
    if (cypher && (await runCypher(cypher)) !== 0) failures++;
  }

  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    history: readHistory(historyFile),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt(buffer.length ? "...> " : "tpg> ");
    rl.prompt();
  };
  if (interactive) print.out(`Connected to ${connection.config.uri}. :help for help, :quit to leave.`);
  prompt();
  try {
    for await (const raw of rl) {
      if (raw.trim()) remember(historyFile, raw);
      try {
        if ((await handle(raw)) === QUIT) break;
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        print.err(error.message);
        failures++;
      }
      prompt();
    }
    if (buffer.length) {
      print.err('(the last query has no closing ";" and was not run)');
      failures++;
    }
  } finally {
    rl.close();
    await connection.release();
  }
  return interactive || failures === 0 ? 0 : 1;
}
