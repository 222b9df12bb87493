/** What `tpg query` does once its arguments are parsed (loaded only when it runs: it needs the driver). */
import { runAndPrint } from "../graph/cypherCli.ts";
import { applyConnection, CliError } from "./common.ts";
import { openConnection } from "./connection.ts";
import type { OutputFlags, QueryFlags } from "./query.ts";
import { bindRaw, bindSaved, parseParam } from "./queryParams.ts";
import { formatList, listSaved, resolveTarget } from "./savedQueries.ts";

export const consolePrinter = {
  out: (text: string) => console.log(text),
  err: (text: string) => console.error(text),
};

export function runOptions(flags: OutputFlags) {
  return {
    format: flags.format,
    wrap: flags.wrap,
    truncate: flags.truncate,
    maxRows: flags.maxRows,
    timeoutSeconds: flags.timeout,
  };
}

export async function runQuery(arg: string | undefined, flags: QueryFlags): Promise<number> {
  if (flags.list) {
    if (arg || flags.execute) throw new CliError("--list takes no query");
    console.log(formatList(listSaved()));
    return 0;
  }
  if (flags.interactive) {
    if (arg || flags.execute) throw new CliError("-i opens the shell: give no query (type it there)");
    const { runShell } = await import("./repl.ts");
    return runShell(flags);
  }
  if (arg && flags.execute) throw new CliError("give a query or -e <cypher>, not both");
  const text = flags.execute ?? arg;
  if (!text) {
    throw new CliError(
      "give a saved query's name, a .cypher file or Cypher text (tpg query --list shows the saved queries)",
    );
  }
  // Everything about the arguments is checked before connecting: a typo fails at once.
  const given = (flags.param ?? []).map((p) => parseParam(p));
  const target = flags.execute ? { kind: "cypher" as const, cypher: flags.execute } : resolveTarget(text);
  const params = target.kind === "saved" ? bindSaved(target.query, given) : bindRaw(given);
  const cypher = target.kind === "saved" ? target.query.cypher : target.cypher;
  applyConnection(flags);
  const connection = await openConnection((m) => console.error(m));
  try {
    return await runAndPrint(connection.service, cypher, params, runOptions(flags), consolePrinter);
  } finally {
    await connection.release();
  }
}
