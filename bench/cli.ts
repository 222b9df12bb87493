/**
 * Start-up of the `tpg` command line: `tpg --help` (nothing but the parser may load) and
 * `tpg query hub-profile` against a running Neo4j, each a fresh process as a user runs it, against
 * baselines measured the same way in the same run: `node -e 0`, Node with tsx's loader
 * (`node --import tsx -e 0`, and `npx tsx -e 0` with npx's own start), and a plain script that runs
 * the same query with neo4j-driver alone. The Neo4j is an embedded one of its own (fresh data folder,
 * free port, the seed imported); `tpg query` finds it as it finds the project's (the embedded
 * launcher is reused) and through NEO4J_URI. Prints median and minimum ms and the ratios.
 *
 *   npx tsx bench/cli.ts [--runs 7]
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { startEmbedded } from "../graph/embedded.ts";
import { GraphService } from "../graph/neo4jService.ts";
import { loadKnowledgeBase } from "../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../importer/paths.ts";
import { importKnowledge } from "../importer/runImport.ts";
import { freePort } from "../tests/setup/neo4jGlobal.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(values.runs);
const exec = promisify(execFile);

interface Timing {
  name: string;
  median: number;
  min: number;
}

async function measure(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    await exec(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    if (i > 0) samples.push(performance.now() - t); // the first run warms the disk cache
    process.stderr.write(".");
  }
  samples.sort((a, b) => a - b);
  return { name, median: samples[Math.floor(samples.length / 2)]!, min: samples[0]! } satisfies Timing;
}

const node = process.execPath;
const dataDir = mkdtempSync(path.join(tmpdir(), "tpg-bench-cli-"));
const port = await freePort();
const neo4j = await startEmbedded(
  { dataDir, host: "127.0.0.1", port, txTimeoutSeconds: 120, heap: "1g", pageCacheMb: 256 },
  { log: (m) => console.error(m) },
);
const service = GraphService.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
try {
  console.error("importing the seed…");
  await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
  const embedded = { NEO4J_URI: "", NEO4J_PASSWORD: "", NEO4J_DATA_DIR: dataDir, NEO4J_PORT: String(port) };
  const external = { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password };
  const driverOnly = `
    import neo4j from "neo4j-driver";
    import { readFileSync } from "node:fs";
    const cypher = readFileSync("cypher/hub-profile.cypher", "utf8").split("\\n").filter((l) => !l.startsWith("//")).join("\\n");
    const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD));
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    const result = await session.executeRead((tx) => tx.run(cypher, { hub: "前海" }));
    console.log(JSON.stringify(result.records.map((r) => r.toObject())));
    await session.close();
    await driver.close();`;
  console.error(`${runs} runs each (after one warm-up run)`);
  const results: Timing[] = [
    await measure("node -e 0", node, ["-e", "0"]),
    await measure("node --import tsx -e 0", node, ["--import", "tsx", "-e", "0"]),
    await measure("npx tsx -e 0", "npx", ["tsx", "-e", "0"]),
    await measure("node bin/tpg.js --help", node, ["bin/tpg.js", "--help"]),
    await measure("npx tpg --help", "npx", ["tpg", "--help"]),
    await measure("driver alone: hub-profile", node, ["--input-type=module", "-e", driverOnly], external),
    await measure(
      "tpg query hub-profile (NEO4J_URI)",
      node,
      ["bin/tpg.js", "query", "hub-profile", "-p", "hub=前海", "-f", "json"],
      external,
    ),
    await measure(
      "tpg query hub-profile (embedded)",
      node,
      ["bin/tpg.js", "query", "hub-profile", "-p", "hub=前海", "-f", "json"],
      embedded,
    ),
  ];
  process.stderr.write("\n");
  const by = (name: string) => results.find((r) => r.name === name)!.median;
  const baselines = ["node -e 0", "node --import tsx -e 0", "npx tsx -e 0", "driver alone: hub-profile"];
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad("", 38)}${pad("median ms", 11)}${pad("min ms", 8)}ratio to: ${baselines.join(" | ")}`);
  for (const r of results) {
    const ratios = baselines.map((b) => `${(r.median / by(b)).toFixed(2)}×`).join(" | ");
    console.log(`${pad(r.name, 38)}${pad(r.median.toFixed(0), 11)}${pad(r.min.toFixed(0), 8)}${ratios}`);
  }
} finally {
  await service.close();
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
