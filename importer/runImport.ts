/** `npm run import`: validated knowledge → Neo4j, with progress and a summary. */
import { connect } from "../graph/connect.ts";
import { applySchema } from "../graph/schema.ts";
import type { GraphService } from "../graph/neo4jService.ts";
import type { KnowledgeBase } from "./knowledgeBase.ts";
import { acquireImportLock } from "./importLock.ts";
import { loadRows, type LoadOptions, type LoadSummary } from "./load.ts";
import { toRows } from "./rows.ts";

export function formatSummary(summary: LoadSummary): string {
  const part = (name: string, s: LoadSummary["nodes"]) =>
    `${name}: ${s.created} created, ${s.updated} updated, ${s.deleted} deleted, ${s.unchanged} unchanged`;
  return [part("nodes", summary.nodes), part("relationships", summary.relationships)].join("\n");
}

/** Applies the schema and loads the knowledge base; used by the CLI, `npm start` and tests. */
export async function importKnowledge(
  service: GraphService,
  kb: KnowledgeBase,
  log: (message: string) => void = console.log,
  options: Pick<LoadOptions, "batchSize" | "singleTransactionLimit"> = {},
): Promise<LoadSummary> {
  // One import at a time: a second one is refused while this one runs (importLock.ts).
  await using _lock = await acquireImportLock(service);
  const statements = await applySchema(service);
  log(`schema: ${statements} constraints and indexes in place`);
  const summary = await loadRows(service, toRows(kb), {
    ...options,
    onProgress: (phase, done, total) => log(`  ${phase}: ${done}/${total}`),
  });
  log(formatSummary(summary));
  return summary;
}

export async function runImport(
  kb: KnowledgeBase,
  options: { quiet?: boolean; batchSize?: number; singleTransactionLimit?: number } = {},
): Promise<number> {
  const log = options.quiet ? () => {} : console.log;
  const connection = await connect(undefined, log);
  try {
    await importKnowledge(connection.service, kb, log, {
      batchSize: options.batchSize,
      singleTransactionLimit: options.singleTransactionLimit,
    });
    return 0;
  } finally {
    await connection.release();
  }
}
