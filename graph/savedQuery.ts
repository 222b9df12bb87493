/**
 * Saved queries: `.cypher` files whose leading `//` comment lines form a header —
 *
 *   // title: 科创中心概况
 *   // title_en: Hub profile
 *   // description: …            (description_en: …)
 *   // param: hub string = 张江 | 科创中心名称 | Hub name
 *
 * The same files feed the web query library, the CLI and the tests. Parameter values always travel
 * as Cypher parameters.
 */
import { int, type Integer } from "neo4j-driver";
import { z } from "zod";

export interface QueryParam {
  name: string;
  type: "string" | "integer" | "float" | "boolean";
  default?: string | number | boolean | Integer;
  label: string;
  labelEn: string;
}

export interface SavedQuery {
  id: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  params: QueryParam[];
  cypher: string;
}

const PARAM =
  /^(\w+)\s+(string|integer|float|boolean)(?:\s*=\s*([^|]*?))?\s*(?:\|\s*([^|]*?)\s*(?:\|\s*(.*?))?)?\s*$/;

/**
 * A raw value as its declared type; integers become Neo4j integers (a JS number is a float there).
 * An empty text is not a number (`Number("")` would make it 0).
 */
export function coerce(type: QueryParam["type"], raw: string): string | number | boolean | Integer {
  switch (type) {
    case "integer": {
      const value = raw.trim() === "" ? NaN : Number(raw);
      if (!Number.isInteger(value)) throw new Error(`"${raw}" is not an integer`);
      return int(value);
    }
    case "float": {
      const value = raw.trim() === "" ? NaN : Number(raw);
      if (Number.isNaN(value)) throw new Error(`"${raw}" is not a number`);
      return value;
    }
    case "boolean":
      if (raw !== "true" && raw !== "false") throw new Error(`"${raw}" is not true or false`);
      return raw === "true";
    case "string":
      return raw;
  }
}

const headerSchema = z.object({
  title: z.string({ error: "a `// title:` line is required" }).min(1, "a `// title:` line is required"),
  title_en: z
    .string({ error: "a `// title_en:` line is required" })
    .min(1, "a `// title_en:` line is required"),
  description: z.string().default(""),
  description_en: z.string().default(""),
});

/** Parses a saved query; throws an Error that names the file and line of the problem. */
export function parseSavedQuery(id: string, text: string): SavedQuery {
  const lines = text.split("\n");
  const header: Record<string, string> = {};
  const params: QueryParam[] = [];
  let body = 0;
  for (; body < lines.length; body++) {
    const line = lines[body]!.trim();
    if (!line.startsWith("//")) break;
    const match = /^\/\/\s*([a-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key, value] = match as unknown as [string, string, string];
    if (key === "param") {
      const p = PARAM.exec(value);
      if (!p)
        throw new Error(
          `${id}:${body + 1}: cannot read the parameter "${value}" (write: name type = default | 标签 | label)`,
        );
      const type = p[2] as QueryParam["type"];
      params.push({
        name: p[1]!,
        type,
        ...(p[3] !== undefined && p[3] !== "" ? { default: coerce(type, p[3]) } : {}),
        label: p[4] || p[1]!,
        labelEn: p[5] || p[4] || p[1]!,
      });
    } else {
      header[key] = value.trim();
    }
  }
  const parsed = headerSchema.safeParse(header);
  if (!parsed.success) throw new Error(`${id}:1: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const cypher = lines.slice(body).join("\n").trim().replace(/;\s*$/, "");
  if (!cypher) throw new Error(`${id}: the file has a header but no query`);
  return {
    id,
    title: parsed.data.title,
    titleEn: parsed.data.title_en,
    description: parsed.data.description,
    descriptionEn: parsed.data.description_en,
    params,
    cypher,
  };
}

/** Parameter values for a run: defaults, overridden by `given` (raw strings from a CLI or a form). */
export function bindParams(query: SavedQuery, given: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of query.params) {
    if (p.name in given) out[p.name] = coerce(p.type, given[p.name]!);
    else if (p.default !== undefined) out[p.name] = p.default;
    else throw new Error(`parameter $${p.name} (${p.type}) is required: --param ${p.name}=…`);
  }
  for (const name of Object.keys(given)) {
    if (!query.params.some((p) => p.name === name)) out[name] = given[name];
  }
  return out;
}
