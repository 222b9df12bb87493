/**
 * Query latency: every saved query in `cypher/` (with its default parameters) against the seed graph
 * in a fresh embedded Neo4j, through GraphService.read (READ mode, as the console and the CLI run
 * them). Prints the median and 90th percentile of N runs after warm-up, and the ratio to the baseline
 * `RETURN 1` measured the same way in the same run (the round trip and transaction overhead).
 *
 *   npx tsx bench/query.ts [--runs 20] [--warmup 3]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbedded } from "../graph/embedded.ts";
import { GraphService } from "../graph/neo4jService.ts";
import { bindParams, parseSavedQuery } from "../graph/savedQuery.ts";
import { loadKnowledgeBase } from "../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../importer/paths.ts";
import { importKnowledge } from "../importer/runImport.ts";
import { freePort } from "../tests/setup/neo4jGlobal.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "20" }, warmup: { type: "string", default: "5" } },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function time(service: GraphService, cypher: string, params: Record<string, unknown>) {
  for (let i = 0; i < warmup; i++) await service.read(cypher, params);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = (await service.read(cypher, params)).rows.length;
    samples.push(performance.now() - t);
    process.stderr.write(".");
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p90: quantile(samples, 0.9), rows };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "tpg-bench-query-"));
const neo4j = await startEmbedded(
  { dataDir, host: "127.0.0.1", port: await freePort(), txTimeoutSeconds: 120, heap: "2g", pageCacheMb: 512 },
  { log: (m) => console.error(m) },
);
const service = GraphService.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
try {
  console.error("importing the seed…");
  await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
  const dir = path.join(PROJECT_ROOT, "cypher");
  const files = readdirSync(dir).filter((f) => f.endsWith(".cypher") && f !== "schema.cypher");
  console.error(
    `baseline RETURN 1, then ${files.length} saved queries, ${runs} runs each after ${warmup} warm-up`,
  );
  // The baseline is measured before and after the queries (the JVM warms up as the run goes on);
  // the faster of the two is used, so the ratios are not flattered.
  const before = await time(service, "RETURN 1 AS one", {});
  const results = [];
  for (const file of files.sort()) {
    const query = parseSavedQuery(file, readFileSync(path.join(dir, file), "utf8"));
    results.push({ file, ...(await time(service, query.cypher, bindParams(query, {}))) });
  }
  const after = await time(service, "RETURN 1 AS one", {});
  const baseline = before.median <= after.median ? before : after;
  process.stderr.write("\n");
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `${pad("query", 34)}${pad("rows", 7)}${pad("median ms", 11)}${pad("p90 ms", 9)}ratio to RETURN 1`,
  );
  console.log(
    `${pad("RETURN 1 (baseline)", 34)}${pad("1", 7)}${pad(baseline.median.toFixed(1), 11)}${pad(baseline.p90.toFixed(1), 9)}1.00×`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.file, 34)}${pad(String(r.rows), 7)}${pad(r.median.toFixed(1), 11)}${pad(r.p90.toFixed(1), 9)}${(r.median / baseline.median).toFixed(2)}×`,
    );
  }
} finally {
  await service.close();
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
