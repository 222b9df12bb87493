/**
 * Faults, each on an embedded Neo4j of this file's own (temporary data folder, free port), so the
 * run's shared database is not disturbed: a busy Bolt port, a Neo4j killed under the app and its
 * store left by a killed JVM, a store held by another running Neo4j, imports killed at five points,
 * two imports at once, and a snapshot write that fails midway.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedSettings } from "../../graph/config.ts";
import { SetupError, startEmbedded, type EmbeddedNeo4j } from "../../graph/embedded.ts";
import { ErrorCodes, GraphService, Neo4jUnreachableError } from "../../graph/neo4jService.ts";
import { ImportLockedError } from "../../importer/importLock.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { fingerprint } from "../setup/graph.ts";
import { freePort } from "../setup/neo4jGlobal.ts";

const run = promisify(execFile);
const scratch = mkdtempSync(path.join(tmpdir(), "tpg-faults-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function settings(dataDir: string, port: number): EmbeddedSettings {
  return { dataDir, host: "127.0.0.1", port, txTimeoutSeconds: 60, heap: "512m", pageCacheMb: 64 };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killHard(pid: number): Promise<void> {
  process.kill(pid, "SIGKILL");
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  expect(alive(pid)).toBe(false);
}

describe("a Bolt port already in use", () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it("fails fast, naming the port and NEO4J_PORT", async () => {
    const dataDir = path.join(scratch, "busy");
    const started = Date.now();
    const error = await startEmbedded(settings(dataDir, port), { log: () => {} }).then(
      () => null,
      (e: unknown) => e,
    );
    const ms = Date.now() - started;
    expect(error).toBeInstanceOf(SetupError);
    const message = (error as Error).message;
    expect(message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(message).toMatch(/NEO4J_PORT=\d+/);
    // Told before a JVM starts: Neo4j itself takes ~8 s to reach the point where it binds.
    expect(ms).toBeLessThan(5_000);
    expect(existsSync(path.join(dataDir, "launcher.json"))).toBe(false);
  });
});

describe("a Neo4j of the app's own, killed and started again", () => {
  const dataDir = path.join(scratch, "own");
  let port: number;
  let neo4j: EmbeddedNeo4j;
  let service: GraphService;
  let complete: string;
  const config = () => ({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  const env = () => ({
    ...process.env,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
  });

  beforeAll(async () => {
    port = await freePort();
    neo4j = await startEmbedded(settings(dataDir, port), { log: () => {} });
    // A short retry budget, like the page's: a lost server is reported in seconds, not 30.
    service = GraphService.connect(config(), { maxTransactionRetryTimeMs: 2_000 });
  });
  afterAll(async () => {
    await service?.close();
    await neo4j?.stop();
  });

  it("reports 'cannot reach Neo4j at …' when it is killed, and answers again once it is back", async () => {
    await service.write("CREATE (:Marker {at: $at})", { at: "before the kill" });
    await killHard(neo4j.pid);

    const started = Date.now();
    const error = await service.read("MATCH (m:Marker) RETURN m.at AS at").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Neo4jUnreachableError);
    const lost = error as Neo4jUnreachableError;
    expect(lost.message).toMatch(new RegExp(`^Cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port}: `));
    expect(lost.message).toContain("Check that Neo4j is running");
    expect([ErrorCodes.serviceUnavailable, "SessionExpired"]).toContain(lost.code);
    expect(Date.now() - started).toBeLessThan(15_000);

    // The killed JVM left its store as it was: the next start recovers it, on the same port.
    neo4j = await startEmbedded(settings(dataDir, port), { log: () => {} });
    expect(neo4j.reused).toBe(false);
    expect(neo4j.uri).toBe(`bolt://127.0.0.1:${port}`);
    const back = await service.read("MATCH (m:Marker) RETURN m.at AS at");
    expect(back.rows).toEqual([{ at: "before the kill" }]);
    await service.write("MATCH (m:Marker) DELETE m");
  });

  it("explains a store held by another running Neo4j", async () => {
    // Without the state file a second launcher cannot know the first is there: Neo4j's lock tells.
    const state = path.join(dataDir, "launcher.json");
    const saved = readFileSync(state, "utf8");
    rmSync(state);
    try {
      const error = await startEmbedded(settings(dataDir, await freePort()), { log: () => {} }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SetupError);
      expect((error as Error).message).toContain(`Another running Neo4j holds the store in ${dataDir}`);
      expect((error as Error).message).toContain("NEO4J_DATA_DIR");
    } finally {
      writeFileSync(state, saved, { mode: 0o600 });
    }
    expect((await service.read("RETURN 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  /** Runs tests/setup/importChild.ts; with `killAt`, SIGKILLs it when a line of its output matches. */
  async function importChild(killAt?: RegExp, batchSize = 50): Promise<{ code: number | null; out: string }> {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "tests/setup/importChild.ts",
        "--batch-size",
        String(batchSize),
        "--single-transaction-limit",
        "0",
      ],
      { cwd: PROJECT_ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let killed = false;
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (killAt && !killed && out.split("\n").some((line) => killAt.test(line))) {
        killed = true;
        child.kill("SIGKILL");
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    if (killAt) expect(killed, `the import ended before "${killAt.source}":\n${out}`).toBe(true);
    return { code, out };
  }

  const count = async (query: string) => Number((await service.read(query)).rows[0]!.n);
  const emptyGraph = () => service.write("MATCH (n) WHERE n:Entity OR n:Source DETACH DELETE n");

  it("imports the seed whole (the graph the killed imports must converge to)", async () => {
    const { code, out } = await importChild();
    expect(code, out).toBe(0);
    complete = await fingerprint(service);
    expect(await count("MATCH (l:ImportLock) RETURN count(l) AS n")).toBe(0);
  });

  it.each([
    { point: "right after the schema, before any write", prepare: emptyGraph, killAt: /^schema: / },
    { point: "midway through creating nodes", prepare: emptyGraph, killAt: /^\s+nodes: \d+\// },
    {
      point: "midway through creating relationships",
      prepare: emptyGraph,
      killAt: /^\s+relationships [A-Z_]+: \d+\//,
    },
    {
      point: "midway through updating nodes",
      prepare: () => service.write("MATCH (n:Entity) SET n.hash = 'stale', n.name = 'stale'"),
      killAt: /^\s+nodes updated: \d+\//,
    },
    {
      point: "midway through deleting what the files no longer hold",
      prepare: () =>
        service.write(
          `UNWIND range(1, 300) AS i
           CREATE (:Entity:Trait {id: 'junk:' + i, name: 'junk', hash: 'junk'})
           WITH collect(i) AS all
           UNWIND all AS i
           MATCH (a:Entity {id: 'junk:' + i}), (b:Entity {id: 'junk:' + (i % 300 + 1)})
           CREATE (a)-[:RELATED_TO {id: 'junk-rel:' + i, hash: 'junk'}]->(b)`,
        ),
      killAt: /^\s+delete nodes: \d+\//,
    },
  ])("converges after a SIGKILL $point", async ({ prepare, killAt }) => {
    await prepare();
    const killed = await importChild(killAt);
    expect(killed.code).toBeNull();
    expect(await fingerprint(service)).not.toBe(complete);
    // The killed import still holds the lock; the rerun takes it over (its process is gone).
    expect(await count("MATCH (l:ImportLock) RETURN count(l) AS n")).toBe(1);

    const rerun = await importChild();
    expect(rerun.code, rerun.out).toBe(0);
    expect(await fingerprint(service)).toBe(complete);
    expect(await count("MATCH (n:Entity) WHERE n.id STARTS WITH 'junk' RETURN count(n) AS n")).toBe(0);
    expect(await count("MATCH (l:ImportLock) RETURN count(l) AS n")).toBe(0);
  });

  it("refuses a second import while one runs, naming the first; the first completes", async () => {
    await emptyGraph();
    const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "tests/setup/importChild.ts",
        "--batch-size",
        "10",
        "--single-transaction-limit",
        "0",
      ],
      { cwd: PROJECT_ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    await expect.poll(() => /^\s+nodes: \d+\//m.test(out), { timeout: 60_000 }).toBe(true);

    const second = await importKnowledge(service, kb, () => {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(ImportLockedError);
    const message = (second as Error).message;
    expect(message).toMatch(
      new RegExp(`^Another import is running on this database: process ${child.pid} on `),
    );
    expect(message).toContain("Wait for it to finish, then import again.");

    expect(await exited, out).toBe(0);
    expect(await fingerprint(service)).toBe(complete);
    // The lock went with the first import: the next one runs, and finds nothing to change.
    const again = await importKnowledge(service, kb, () => {});
    expect(again.nodes.created + again.nodes.updated + again.nodes.deleted).toBe(0);
  });
});

describe("a snapshot write that fails midway", () => {
  const dir = path.join(scratch, "snapshot");
  const file = path.join(dir, "snapshot.json");
  const previous = '{"previous": true}';

  /** writeSnapshot in a child whose file-size limit (ulimit -f, KiB) cuts the write short. */
  async function writeLimited(kib: number): Promise<{ code: number; stderr: string }> {
    const script = `
      import { loadKnowledgeBase } from "./importer/knowledgeBase.ts";
      import { KNOWLEDGE_ROOT } from "./importer/paths.ts";
      import { writeSnapshot } from "./importer/snapshot.ts";
      const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
      try { writeSnapshot(kb, process.argv[1]); } catch (e) { console.error(e.message); process.exit(1); }`;
    try {
      const { stderr } = await run(
        "bash",
        [
          "-c",
          `ulimit -f ${kib}; exec "$0" --import tsx --input-type=module -e "$1" "$2"`,
          process.execPath,
          script,
          file,
        ],
        { cwd: PROJECT_ROOT },
      );
      return { code: 0, stderr };
    } catch (error) {
      const e = error as { code: number; stderr: string };
      return { code: e.code, stderr: e.stderr };
    }
  }

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, previous);
  });

  it("leaves the previous snapshot and no partial file when the disk fills", async () => {
    const { code, stderr } = await writeLimited(64);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `cannot write the snapshot to ${file}: the file is larger than this process may write`,
    );
    expect(stderr).toContain("nothing was changed there");
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readFileSync(file, "utf8")).toBe(previous);
    expect(readdirSync(dir)).toEqual(["snapshot.json"]);
  });

  it("writes it whole when there is room", async () => {
    const { code, stderr } = await writeLimited(1024 * 1024);
    expect(code, stderr).toBe(0);
    const written = JSON.parse(readFileSync(file, "utf8")) as { nodes: unknown[] };
    expect(written.nodes.length).toBeGreaterThan(100);
    expect(readdirSync(dir)).toEqual(["snapshot.json"]);
  });

  it("refuses to replace what is not a regular file (/dev/full stays a device)", async () => {
    const { writeSnapshot, SnapshotWriteError } = await import("../../importer/snapshot.ts");
    const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
    expect(() => writeSnapshot(kb, "/dev/full")).toThrow(SnapshotWriteError);
    expect(() => writeSnapshot(kb, "/dev/full")).toThrow(/not a regular file/);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
    expect(() => writeSnapshot(kb, path.join(file, "inside.json"))).toThrow(
      /: a part of the path is a file, not a folder \((ENOTDIR|EEXIST)\); nothing was changed there$/,
    );
  });
});
