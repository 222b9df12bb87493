/**
 * Start-up benchmark: the embedded Neo4j from an empty data folder (cold) and from an existing one
 * (warm), and `npm start` until it prints its URL. Baseline: a bare JVM start (`java -version`) in the
 * same run, so that the ratios say what Neo4j and our start-up add on this machine.
 *
 *   npx tsx bench/startup.ts [--runs 3]
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbedded } from "../graph/embedded.ts";
import { PROJECT_ROOT } from "../importer/paths.ts";
import { freePort } from "../tests/setup/neo4jGlobal.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<void> | void): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function embeddedStart(dataDir: string): Promise<number> {
  const settings = {
    dataDir,
    host: "127.0.0.1",
    port: await freePort(),
    txTimeoutSeconds: 60,
    heap: "1g",
    pageCacheMb: 256,
  };
  let stop = async () => {};
  const ms = await time(async () => {
    const neo4j = await startEmbedded(settings, { log: () => {} });
    stop = neo4j.stop;
  });
  await stop();
  return ms;
}

function npmStart(dataDir: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: String(port), PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Ready in")) {
        const ms = performance.now() - t;
        child.once("exit", () => resolve(ms));
        child.kill("SIGINT");
      }
    });
    child.once("exit", (code) => {
      if (!out.includes("Ready in")) reject(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
}

const results: Record<string, number[]> = { jvm: [], cold: [], warm: [], npmStart: [] };
for (let i = 0; i < runs; i++) {
  process.stderr.write(`run ${i + 1}/${runs}…\n`);
  results.jvm!.push(await time(() => void spawnSync("java", ["-version"])));
  const dir = mkdtempSync(path.join(tmpdir(), "tpg-bench-start-"));
  results.cold!.push(await embeddedStart(dir));
  results.warm!.push(await embeddedStart(dir));
  results.npmStart!.push(await npmStart(dir, await freePort()));
  rmSync(dir, { recursive: true, force: true });
}

const base = median(results.jvm!);
console.log(`\nstart-up, median of ${runs} runs (ratio to a bare JVM start, ${base.toFixed(0)} ms)`);
console.log("what                                   median ms   ratio");
for (const [name, label] of [
  ["cold", "embedded Neo4j, empty data folder"],
  ["warm", "embedded Neo4j, existing data folder"],
  ["npmStart", "npm start to URL (warm Neo4j)"],
] as const) {
  const m = median(results[name]!);
  console.log(`${label.padEnd(38)} ${m.toFixed(0).padStart(9)}   ${(m / base).toFixed(1).padStart(5)}×`);
}
