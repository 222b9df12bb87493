/**
 * Running one query from the terminal (`tpg query`, `tpg shell`): READ mode, a client-side timeout
 * and a row cap, as the web console runs queries; results as a table, JSON or CSV. The command line
 * itself (arguments, parameters, which query) is in cli/.
 */
import { displayWidth } from "../cli/width.ts";
import {
  errorCode,
  ErrorCodes,
  isTimeout,
  type GraphService,
  type PlainNode,
  type PlainPath,
  type PlainRelationship,
  type PlainValue,
  type Row,
} from "./neo4jService.ts";

export { displayWidth };

export type Format = "table" | "json" | "csv";

export interface TableOptions {
  /** Wrap cells at this many columns (rows then take several lines). */
  wrap?: number;
  /** Cut cells at this many columns with "…". Without either, cells are printed in full. */
  truncate?: number;
}

const json = (value: unknown, indent?: number) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), indent);

/** A value as cypher-shell prints it: nodes `(:Label {…})`, relationships `[:TYPE {…}]`, paths. */
function text(value: PlainValue): string {
  if (value === null) return "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return json(value);
  // a map the query returns may have a "kind" key too: graph values are told apart by their shape
  if (value.kind === "node" && "elementId" in value && Array.isArray(value.labels)) {
    const node = value as PlainNode;
    return `(${node.labels.map((l) => `:${l}`).join("")} ${json(node.properties)})`;
  }
  if (value.kind === "relationship" && "startNodeElementId" in value && typeof value.type === "string") {
    const rel = value as PlainRelationship;
    return `[:${rel.type} ${json(rel.properties)}]`;
  }
  if (value.kind === "path" && Array.isArray(value.nodes) && Array.isArray(value.relationships)) {
    const { nodes, relationships } = value as PlainPath;
    return nodes.map((n, i) => (i === 0 ? text(n) : `-${text(relationships[i - 1]!)}->${text(n)}`)).join("");
  }
  return json(value);
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Pieces of `line` at most `width` columns wide. */
function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const c of line) {
    if (current && displayWidth(current + c) > width) {
      out.push(current);
      current = "";
    }
    current += c;
  }
  out.push(current);
  return out;
}

function cut(value: string, width: number): string {
  if (displayWidth(value) <= width) return value;
  let out = "";
  for (const c of value) {
    if (displayWidth(`${out}${c}…`) > width) break;
    out += c;
  }
  return `${out}…`;
}

/** The lines one cell takes in a table. */
function cellLines(value: string, options: TableOptions): string[] {
  if (options.wrap) return value.split(/\r?\n/).flatMap((l) => wrapLine(l, options.wrap!));
  const flat = value.replace(/\r?\n/g, "⏎");
  return [options.truncate ? cut(flat, options.truncate) : flat];
}

export function format(keys: string[], rows: Row[], as: Format, options: TableOptions = {}): string {
  if (as === "json") return json(rows, 2);
  const cells = rows.map((r) => keys.map((k) => text(r[k] ?? null)));
  if (as === "csv") return [keys, ...cells].map((line) => line.map(csvCell).join(",")).join("\n");
  const header = keys.map((k) => cellLines(k, options));
  const body = cells.map((row) => row.map((c) => cellLines(c, options)));
  const widths = keys.map((_, i) =>
    Math.max(...[header, ...body].flatMap((row) => row[i]!.map(displayWidth))),
  );
  const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));
  const lines = (row: string[][]) => {
    const height = Math.max(1, ...row.map((c) => c.length));
    return Array.from({ length: height }, (_, n) =>
      row
        .map((c, i) => pad(c[n] ?? "", widths[i]!))
        .join(" │ ")
        .trimEnd(),
    );
  };
  return [...lines(header), widths.map((w) => "─".repeat(w)).join("─┼─"), ...body.flatMap(lines)].join("\n");
}

/** Why a query failed, by the server's error code (never by message text). */
export function explainFailure(error: unknown, timeoutSeconds: number): string {
  const code = errorCode(error);
  const why =
    code === ErrorCodes.writeInReadMode
      ? "refused: queries run in READ mode and this one writes"
      : isTimeout(error)
        ? `stopped: the query ran longer than ${timeoutSeconds} s`
        : code === ErrorCodes.syntax
          ? "syntax error"
          : "the query failed";
  return `${why}${code ? ` (${code})` : ""}:\n${error instanceof Error ? error.message : String(error)}`;
}

export interface RunOptions extends TableOptions {
  format: Format;
  timeoutSeconds: number;
  maxRows: number;
}

export interface Printer {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs one query in READ mode and prints it; 0 when it ran, 1 when it failed (the reason on `err`). */
export async function runAndPrint(
  service: GraphService,
  cypher: string,
  params: Record<string, unknown>,
  options: RunOptions,
  print: Printer,
): Promise<number> {
  try {
    const result = await service.read(cypher, params, {
      timeoutMs: options.timeoutSeconds * 1000,
      maxRows: options.maxRows,
    });
    print.out(format(result.keys, result.rows, options.format, options));
    if (result.truncated) {
      print.err(`(only the first ${options.maxRows} rows; raise --max-rows for more)`);
    } else if (options.format === "table") {
      print.err(`(${result.rows.length} ${result.rows.length === 1 ? "row" : "rows"})`);
    }
    return 0;
  } catch (error) {
    print.err(explainFailure(error, options.timeoutSeconds));
    return 1;
  }
}
