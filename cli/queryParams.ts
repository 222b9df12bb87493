/**
 * Typed query parameters from the command line: `--param name=value` or `--param name:type=value`
 * with type string, int, float, bool or json. A saved query's declared parameters give their own
 * type (and default); a name it does not declare is an error that lists the ones it does.
 */
import { int } from "neo4j-driver";
import { coerce, type QueryParam, type SavedQuery } from "../graph/savedQuery.ts";
import { closest } from "./closest.ts";
import { CliError } from "./common.ts";

export type ParamType = QueryParam["type"] | "json";

const TYPE_NAMES: Record<string, ParamType> = {
  string: "string",
  str: "string",
  int: "integer",
  integer: "integer",
  float: "float",
  number: "float",
  bool: "boolean",
  boolean: "boolean",
  json: "json",
};

const TYPES_HELP = "string, int, float, bool or json";

export interface GivenParam {
  name: string;
  /** Absent when the value is untyped (`name=value`). */
  type?: ParamType;
  raw: string;
  /** As written, with the option or command it came with (`--param x=1`), for messages. */
  spec: string;
}

/** Reads one `name[:type]=value`; the value may itself hold `:` and `=`. */
export function parseParam(text: string, flag = "--param"): GivenParam {
  const spec = `${flag} ${text}`;
  const at = text.indexOf("=");
  const head = at < 0 ? text : text.slice(0, at);
  const match = /^([\p{L}_][\p{L}\p{N}_]*)(?::(\w+))?$/u.exec(head);
  if (at < 0 || !match) {
    throw new CliError(`${spec}: write name=value or name:type=value (type: ${TYPES_HELP})`);
  }
  const typeName = match[2];
  const type = typeName === undefined ? undefined : TYPE_NAMES[typeName.toLowerCase()];
  if (typeName !== undefined && type === undefined) {
    throw new CliError(`${spec}: unknown type "${typeName}" (use ${TYPES_HELP})`);
  }
  return { name: match[1]!, ...(type ? { type } : {}), raw: text.slice(at + 1), spec };
}

/** JSON with whole numbers as Neo4j integers, as Cypher literals would be (a JS number is a float). */
function fromJson(raw: string): unknown {
  const integers = (value: unknown): unknown =>
    typeof value === "number" && Number.isSafeInteger(value)
      ? int(value)
      : Array.isArray(value)
        ? value.map(integers)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, integers(v)]))
          : value;
  return integers(JSON.parse(raw));
}

/** The value of `raw` as `type`; the error says which --param and why. */
export function typedValue(given: GivenParam, type: ParamType): unknown {
  try {
    return type === "json" ? fromJson(given.raw) : coerce(type, given.raw);
  } catch (error) {
    const why =
      type === "json"
        ? `"${given.raw}" is not JSON (e.g. '["张江","前海"]' or '{"year":2020}')`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new CliError(`${given.spec}: ${why}`);
  }
}

/** Parameters for Cypher text: as typed, untyped ones as strings. */
export function bindRaw(given: readonly GivenParam[]): Record<string, unknown> {
  return Object.fromEntries(given.map((g) => [g.name, typedValue(g, g.type ?? "string")]));
}

export function describeParam(p: QueryParam): string {
  return `${p.name} (${p.type}${p.default !== undefined ? `, default ${String(p.default)}` : ""})`;
}

/** Names a saved query by its file name without `.cypher`. */
export function queryName(query: SavedQuery): string {
  return query.id.replace(/\.cypher$/, "");
}

/**
 * Parameters for a saved query: its defaults, overridden by `given`, each coerced to its declared
 * type. An explicit type must agree with the declaration; an undeclared name is refused.
 */
export function bindSaved(query: SavedQuery, given: readonly GivenParam[]): Record<string, unknown> {
  const declared = new Map(query.params.map((p) => [p.name, p]));
  const out: Record<string, unknown> = {};
  for (const g of given) {
    const p = declared.get(g.name);
    if (!p) {
      const takes = query.params.length
        ? `it takes ${query.params.map(describeParam).join(", ")}`
        : "it takes no parameters";
      const near = closest(
        g.name,
        query.params.map((x) => x.name),
      );
      throw new CliError(
        `${queryName(query)} has no parameter "${g.name}"; ${takes}${near.length ? `. Did you mean ${near.join(" or ")}?` : ""}`,
      );
    }
    if (g.type && g.type !== p.type) {
      throw new CliError(`${g.spec}: ${queryName(query)} declares $${p.name} as ${p.type}`);
    }
    out[g.name] = typedValue(g, p.type);
  }
  for (const p of query.params) {
    if (p.name in out) continue;
    if (p.default === undefined) {
      throw new CliError(`${queryName(query)} needs $${p.name} (${p.type}): --param ${p.name}=…`);
    }
    out[p.name] = p.default;
  }
  return out;
}
