/** The saved queries of cypher/, as the tests run them: parsed once, run with defaults or given values. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { GraphService } from "../../graph/neo4jService.ts";
import { bindParams, parseSavedQuery, type SavedQuery } from "../../graph/savedQuery.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";

const CYPHER = path.join(PROJECT_ROOT, "cypher");

export const saved: ReadonlyMap<string, SavedQuery> = new Map(
  readdirSync(CYPHER)
    .filter((f) => f.endsWith(".cypher") && f !== "schema.cypher")
    .map((f) => [f, parseSavedQuery(f, readFileSync(path.join(CYPHER, f), "utf8"))]),
);

export function savedQuery(file: string): SavedQuery {
  const query = saved.get(file);
  if (!query) throw new Error(`no saved query ${file}`);
  return query;
}

/** The rows of a saved query, its parameters bound from raw strings as the CLI and the web app do. */
export async function savedRows(service: GraphService, file: string, params: Record<string, string> = {}) {
  const query = savedQuery(file);
  return (await service.read(query.cypher, bindParams(query, params))).rows;
}
