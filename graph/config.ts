/**
 * Configuration from the environment (Node side only). With NEO4J_URI set, everything talks to that
 * Neo4j; without it, to the embedded one that `graph/embedded.ts` runs on loopback.
 */
import path from "node:path";
import { PROJECT_ROOT } from "../importer/paths.ts";

export interface EmbeddedSettings {
  dataDir: string;
  host: string;
  port: number;
  txTimeoutSeconds: number;
  heap: string;
  pageCacheMb: number;
}

export interface Settings {
  /** An external Neo4j, if NEO4J_URI is set. */
  external?: { uri: string; user: string; password: string; database?: string };
  embedded: EmbeddedSettings;
  database?: string;
  webPort: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const database = env.NEO4J_DATABASE || undefined;
  const embedded: EmbeddedSettings = {
    dataDir: path.resolve(env.NEO4J_DATA_DIR || path.join(PROJECT_ROOT, ".data", "neo4j")),
    host: "127.0.0.1",
    port: int(env, "NEO4J_PORT", 7687),
    txTimeoutSeconds: int(env, "NEO4J_TX_TIMEOUT_SECONDS", 120),
    heap: env.NEO4J_HEAP || "2g",
    pageCacheMb: int(env, "NEO4J_PAGECACHE_MB", 512),
  };
  const webPort = int(env, "PORT", 5173);
  if (!env.NEO4J_URI) return { embedded, database, webPort };
  if (!env.NEO4J_PASSWORD) {
    throw new Error(
      "NEO4J_URI is set but NEO4J_PASSWORD is not: give the password of that Neo4j (and NEO4J_USER if not neo4j)",
    );
  }
  return {
    external: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER || "neo4j",
      password: env.NEO4J_PASSWORD,
      database,
    },
    embedded,
    database,
    webPort,
  };
}
