/** The console's parameter fields: raw text plus a type, turned into Cypher parameter values. */
import { coerce, type QueryParam, type SavedQuery } from "../../graph/savedQuery.ts";

export type ParamType = QueryParam["type"] | "json";
export const PARAM_TYPES: ParamType[] = ["string", "integer", "float", "boolean", "json"];

export interface ParamField {
  type: ParamType;
  raw: string;
}

export type ParamFields = Record<string, ParamField>;

/** Fields for a saved query: its declared types and defaults. */
export function fieldsFor(query: SavedQuery): ParamFields {
  return Object.fromEntries(
    query.params.map((p) => [
      p.name,
      { type: p.type, raw: p.default === undefined ? "" : String(p.default) },
    ]),
  );
}

/** The value of one field; throws an Error in words a user can act on. */
export function valueOf(name: string, field: ParamField): unknown {
  if (field.type === "json") {
    try {
      return JSON.parse(field.raw) as unknown;
    } catch (cause) {
      throw new Error(
        `$${name}: "${field.raw}" is not JSON (write e.g. ["张江", "前海"] or {"year": 2020})`,
        {
          cause,
        },
      );
    }
  }
  try {
    return coerce(field.type, field.raw);
  } catch (error) {
    throw new Error(`$${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Values for every parameter the query uses; a name without a field is sent as an empty string. */
export function valuesFor(names: readonly string[], fields: ParamFields): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, valueOf(n, fields[n] ?? { type: "string", raw: "" })]));
}
