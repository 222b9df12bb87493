/**
 * An import in a process of its own, for tests that kill it or run two at once: loads the knowledge
 * files and calls importKnowledge (the function every import command ends in) against the Neo4j in
 * NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, printing its progress lines, then "import done".
 *
 *   node --import tsx tests/setup/importChild.ts [--batch-size N] [--single-transaction-limit N]
 *
 * Exit codes: 0 done, 1 the import failed (its message on stderr).
 */
import { parseArgs } from "node:util";
import { GraphService } from "../../graph/neo4jService.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";

const { values } = parseArgs({
  options: {
    "batch-size": { type: "string" },
    "single-transaction-limit": { type: "string" },
  },
});
const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
if (problems.length > 0) throw new Error(`${problems.length} problems in the knowledge files`);
const service = GraphService.connect({
  uri: process.env.NEO4J_URI!,
  user: process.env.NEO4J_USER ?? "neo4j",
  password: process.env.NEO4J_PASSWORD!,
});
try {
  await importKnowledge(service, kb, (line) => console.log(line), {
    batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
    singleTransactionLimit:
      values["single-transaction-limit"] !== undefined
        ? Number(values["single-transaction-limit"])
        : undefined,
  });
  console.log("import done");
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await service.close();
}
