/** Applies `cypher/schema.cypher`: one statement per transaction, as Neo4j requires for schema. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../importer/paths.ts";
import type { GraphService } from "./neo4jService.ts";

export const SCHEMA_FILE = path.join(PROJECT_ROOT, "cypher", "schema.cypher");

/** Splits a Cypher script into statements, dropping `//` comment lines. */
export function splitStatements(script: string): string[] {
  return script
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export async function applySchema(service: GraphService, file = SCHEMA_FILE): Promise<number> {
  const statements = splitStatements(readFileSync(file, "utf8"));
  for (const statement of statements) await service.write(statement);
  await service.write("CALL db.awaitIndexes(300)");
  return statements.length;
}
