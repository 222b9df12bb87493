/**
 * Starts one embedded Neo4j for the whole test run, on a free port with a temporary data folder,
 * and stops it at the end. Tests reach it through `inject("neo4j")`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbedded, type EmbeddedNeo4j } from "../../graph/embedded.ts";
import type { ConnectionConfig } from "../../graph/neo4jService.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: ConnectionConfig & { version: string; dataDir: string; txTimeoutSeconds: number };
  }
}

export const TEST_TX_TIMEOUT_SECONDS = 30;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let neo4j: EmbeddedNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  dataDir = mkdtempSync(path.join(tmpdir(), "tpg-test-neo4j-"));
  const started = Date.now();
  neo4j = await startEmbedded(
    {
      dataDir,
      host: "127.0.0.1",
      port: await freePort(),
      txTimeoutSeconds: TEST_TX_TIMEOUT_SECONDS,
      heap: "1g",
      pageCacheMb: 256,
    },
    { log: (m) => console.log(`[neo4j] ${m}`) },
  );
  console.log(
    `[neo4j] ${neo4j.version} ready on ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide("neo4j", {
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    version: neo4j.version,
    dataDir,
    txTimeoutSeconds: TEST_TX_TIMEOUT_SECONDS,
  });
}

export async function teardown() {
  await neo4j?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
