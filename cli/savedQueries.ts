/**
 * The saved queries of cypher/ for the command line: listed, found by name or path, and what a
 * `tpg query` argument means — a saved query's name, a .cypher file, or Cypher text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseSavedQuery, type SavedQuery } from "../graph/savedQuery.ts";
import { PROJECT_ROOT } from "../importer/paths.ts";
import { closest } from "./closest.ts";
import { CliError } from "./common.ts";
import { describeParam, queryName } from "./queryParams.ts";

export const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");

export type ListEntry = { ok: true; query: SavedQuery } | { ok: false; name: string; error: string };

/** Every saved query (schema.cypher is the schema, not a query), by name; broken headers included. */
export function listSaved(dir = CYPHER_DIR): ListEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher") && f !== "schema.cypher")
    .sort()
    .map((file): ListEntry => {
      try {
        return { ok: true, query: parseSavedQuery(file, readFileSync(path.join(dir, file), "utf8")) };
      } catch (error) {
        return {
          ok: false,
          name: file.replace(/\.cypher$/, ""),
          error: error instanceof Error ? error.message : String(error),
        };
      }
    });
}

/** `tpg query --list`: name, Chinese and English title, parameters. */
export function formatList(entries: readonly ListEntry[]): string {
  const nameWidth = Math.max(...entries.map((e) => (e.ok ? queryName(e.query) : e.name).length));
  return entries
    .map((e) => {
      if (!e.ok) return `${e.name.padEnd(nameWidth)}  (cannot be read: ${e.error})`;
      const q = e.query;
      const params = q.params.length
        ? `\n${" ".repeat(nameWidth + 2)}params: ${q.params.map(describeParam).join(", ")}`
        : "";
      return `${queryName(q).padEnd(nameWidth)}  ${q.title} · ${q.titleEn}${params}`;
    })
    .join("\n");
}

export type Target = { kind: "saved"; query: SavedQuery; file: string } | { kind: "cypher"; cypher: string };

/** A word that can only be meant as a saved query's name or a file (Cypher text has spaces or brackets). */
function looksLikeName(arg: string): boolean {
  return /^[\w./\\-]+$/u.test(arg) && !/^(match|return|call|show|with|unwind|explain|profile)$/i.test(arg);
}

function readSaved(file: string): Target {
  try {
    return { kind: "saved", query: parseSavedQuery(path.basename(file), readFileSync(file, "utf8")), file };
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

/** What `tpg query ARG` runs; an unknown name says the closest saved queries. */
export function resolveTarget(
  arg: string,
  { cwd = process.cwd(), dir = CYPHER_DIR, listing = "tpg query --list" } = {},
): Target {
  const asPath = path.resolve(cwd, arg);
  if (arg.endsWith(".cypher") || arg.includes("/") || arg.includes(path.sep)) {
    if (existsSync(asPath) && statSync(asPath).isFile()) return readSaved(asPath);
    const inDir = path.join(dir, path.basename(arg));
    if (!arg.includes("/") && existsSync(inDir)) return readSaved(inDir);
    throw new CliError(`no such file: ${arg}`);
  }
  if (!looksLikeName(arg)) return { kind: "cypher", cypher: arg };
  const file = path.join(dir, `${arg}.cypher`);
  if (arg !== "schema" && existsSync(file)) return readSaved(file);
  const names = listSaved(dir).map((e) => (e.ok ? queryName(e.query) : e.name));
  const near = closest(arg, names);
  throw new CliError(
    `no saved query "${arg}"${near.length ? `; the closest: ${near.join(", ")}` : ""} ` +
      `(${listing} shows them all)`,
  );
}
