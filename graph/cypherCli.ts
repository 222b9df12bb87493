/**
 * `npm run cypher -- <query | file.cypher> [--param key=value] [--format table|json|csv]`
 * Runs one query in READ mode with a timeout and a row cap, against NEO4J_URI or the embedded Neo4j.
 * Exit codes: 0 success, 1 the query failed (syntax, refused write, timeout), 2 usage or connection.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "./connect.ts";
import { errorCode, ErrorCodes, isTimeout, type PlainValue, type Row } from "./neo4jService.ts";
import { bindParams, parseSavedQuery } from "./savedQuery.ts";

function text(value: PlainValue): string {
  if (value === null) return "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object") {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  }
  return String(value);
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function format(keys: string[], rows: Row[], as: "table" | "json" | "csv"): string {
  if (as === "json") {
    return JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
  }
  const cells = rows.map((r) => keys.map((k) => text(r[k] ?? null)));
  if (as === "csv") return [keys, ...cells].map((line) => line.map(csvCell).join(",")).join("\n");
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/u.test(c) ? 2 : 1), 0);
  const widths = keys.map((k, i) => Math.min(60, Math.max(width(k), ...cells.map((c) => width(c[i]!)))));
  const pad = (s: string, w: number) => {
    const cut = width(s) > w ? `${[...s].slice(0, w - 1).join("")}…` : s;
    return cut + " ".repeat(Math.max(0, w - width(cut)));
  };
  const line = (values: string[]) => values.map((v, i) => pad(v, widths[i]!)).join(" │ ");
  return [line(keys), widths.map((w) => "─".repeat(w)).join("─┼─"), ...cells.map(line)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      param: { type: "string", multiple: true, default: [] },
      format: { type: "string", default: "table" },
      timeout: { type: "string", default: "15" },
      "max-rows": { type: "string", default: "1000" },
    },
    allowPositionals: true,
  });
  const as = values.format;
  if (positionals.length !== 1 || (as !== "table" && as !== "json" && as !== "csv")) {
    console.error(
      "usage: npm run cypher -- <query | file.cypher> [--param key=value] [--format table|json|csv]",
    );
    return 2;
  }
  const given: Record<string, string> = {};
  for (const p of values.param) {
    const at = p.indexOf("=");
    if (at < 1) {
      console.error(`--param ${p}: write key=value`);
      return 2;
    }
    given[p.slice(0, at)] = p.slice(at + 1);
  }
  const arg = positionals[0]!;
  const isFile = arg.endsWith(".cypher") && existsSync(arg);
  let cypher = arg;
  let params: Record<string, unknown> = given;
  try {
    if (isFile) {
      const saved = parseSavedQuery(path.basename(arg), readFileSync(arg, "utf8"));
      cypher = saved.cypher;
      params = bindParams(saved, given);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  const connection = await connect(undefined, (m) => console.error(m));
  try {
    const maxRows = Number(values["max-rows"]);
    const result = await connection.service.read(cypher, params, {
      timeoutMs: Number(values.timeout) * 1000,
      maxRows,
    });
    console.log(format(result.keys, result.rows, as));
    if (result.truncated) console.error(`(only the first ${maxRows} rows; raise --max-rows for more)`);
    return 0;
  } catch (error) {
    const code = errorCode(error);
    const why =
      code === ErrorCodes.writeInReadMode
        ? "refused: queries run in READ mode and this one writes"
        : isTimeout(error)
          ? `stopped: the query ran longer than ${values.timeout} s`
          : code === ErrorCodes.syntax
            ? "syntax error"
            : "the query failed";
    console.error(
      `${why}${code ? ` (${code})` : ""}:\n${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    await connection.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
