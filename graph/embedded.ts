/**
 * Runs the embedded Neo4j: checks Java, builds the launcher with Maven on first use (and again
 * whenever its sources change), keeps the password in the data folder (owner-only), starts the JVM
 * and waits for its "ready" line, or reuses a launcher that already serves the same data folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { PROJECT_ROOT } from "../importer/paths.ts";
import type { EmbeddedSettings } from "./config.ts";
import {
  alive,
  checkJava as checkJavaFor,
  ensureMavenModule,
  javaCommand,
  moduleClasspath,
  moduleSourceHash,
  SetupError,
  type MavenModule,
} from "./mavenModule.ts";
import { createDriver } from "./neo4jService.ts";

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, "graph", "launcher");
const LAUNCHER_CLASS = "org.talentpolicygraph.launcher.Launcher";
const CLASS_FILE = path.join(LAUNCHER_DIR, "target/classes/org/talentpolicygraph/launcher/Launcher.class");

export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  version: string;
  pid: number;
  /** True when an already running launcher was reused; stop() then leaves it running. */
  reused: boolean;
  stop: () => Promise<void>;
}

export { SetupError };

type Log = (message: string) => void;

const LAUNCHER: MavenModule = {
  dir: LAUNCHER_DIR,
  classFile: CLASS_FILE,
  purpose: "to fetch Neo4j's jars",
  otherwise: ", or set NEO4J_URI.",
  firstBuild:
    "Fetching Neo4j Community 5.26 jars with Maven and building the launcher (first run only, ~130 MB)…",
  rebuild: "The launcher's sources changed: rebuilding it with Maven…",
  built: "Launcher built",
};

/** Throws a SetupError that says what to install when java is missing or too old. */
export function checkJava(): number {
  return checkJavaFor();
}

/** A hash of everything the launcher's build reads (pom.xml and src/). */
export function launcherSourceHash(dir = LAUNCHER_DIR): string {
  return moduleSourceHash(dir);
}

/** Compiles the launcher and copies Neo4j's jars (Maven Central) once; later calls are no-ops. */
export function ensureLauncher(log: Log = console.log): void {
  ensureMavenModule(LAUNCHER, log);
}

/** The password: NEO4J_PASSWORD if given, else the one generated on first start (mode 0600). */
export function embeddedPassword(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEO4J_PASSWORD) {
    if (env.NEO4J_PASSWORD.length < 8) {
      throw new SetupError("NEO4J_PASSWORD must be at least 8 characters (Neo4j's minimum).");
    }
    return env.NEO4J_PASSWORD;
  }
  const file = path.join(dataDir, "password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

interface LauncherState {
  pid: number;
  uri: string;
  version: string;
}

function stateFile(dataDir: string) {
  return path.join(dataDir, "launcher.json");
}

async function answers(uri: string, password: string): Promise<boolean> {
  const driver = createDriver({ uri, user: "neo4j", password });
  try {
    return await driver.verifyAuthentication();
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

async function reuse(settings: EmbeddedSettings, password: string): Promise<EmbeddedNeo4j | null> {
  const file = stateFile(settings.dataDir);
  if (!existsSync(file)) return null;
  const state = JSON.parse(readFileSync(file, "utf8")) as LauncherState;
  if (!alive(state.pid) || !(await answers(state.uri, password))) {
    rmSync(file, { force: true });
    return null;
  }
  return {
    uri: state.uri,
    user: "neo4j",
    password,
    version: state.version,
    pid: state.pid,
    reused: true,
    stop: async () => {},
  };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves when `port` on `host` can be bound; a SetupError naming the port and NEO4J_PORT if not. */
export function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? portInUse(host, port)
          : new SetupError(`Cannot listen on ${host}:${port} for Neo4j (${error.code ?? error.message}).`),
      );
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function portInUse(host: string, port: number): SetupError {
  return new SetupError(
    `Port ${port} on ${host} is already in use by another program, so the embedded Neo4j cannot listen there.\n` +
      `  Stop that program, or choose another port: NEO4J_PORT=${port + 1} (any free port).`,
  );
}

/** Why the launcher failed, in words, from the reason it reports (see Launcher.reason). */
function explain(reason: string | undefined, settings: EmbeddedSettings): string {
  if (reason === "port-in-use") return `\n${portInUse(settings.host, settings.port).message}`;
  if (reason === "store-locked") {
    return (
      `\n  Another running Neo4j holds the store in ${settings.dataDir}: stop it (npm run neo4j -- stop),` +
      " or use another data folder (NEO4J_DATA_DIR)."
    );
  }
  return "";
}

export interface StartOptions {
  log?: Log;
  /** Keep running after this Node process exits (for `npm run neo4j -- start`). */
  detached?: boolean;
  readyTimeoutMs?: number;
  /**
   * Lets LOAD CSV read file URLs, resolved in this folder only (bench/import.ts). Without it the
   * embedded Neo4j refuses every file URL.
   */
  csvImportDir?: string;
}

/** Starts the embedded Neo4j (or reuses one on the same data folder) and resolves when it answers. */
export async function startEmbedded(
  settings: EmbeddedSettings,
  options: StartOptions = {},
): Promise<EmbeddedNeo4j> {
  const log = options.log ?? console.log;
  checkJava();
  ensureLauncher(log);
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const password = embeddedPassword(settings.dataDir);
  const reused = await reuse(settings, password);
  if (reused) {
    log(`Reusing the embedded Neo4j already running on ${reused.uri} (pid ${reused.pid}).`);
    return reused;
  }
  // Before the JVM: a busy port is told in milliseconds, not after seconds of Neo4j starting up.
  await checkPortFree(settings.host, settings.port);

  const classpath = moduleClasspath(LAUNCHER);
  const args = [
    `-Xmx${settings.heap}`,
    "-XX:+UseG1GC",
    "-cp",
    classpath,
    LAUNCHER_CLASS,
    `--home=${path.join(settings.dataDir, "home")}`,
    ...(options.detached ? [] : ["--exit-on-stdin-close"]),
  ];
  const child = spawn(javaCommand(), args, {
    env: {
      ...process.env,
      NEO4J_PASSWORD: password,
      NEO4J_HOST: settings.host,
      NEO4J_PORT: String(settings.port),
      NEO4J_TX_TIMEOUT_SECONDS: String(settings.txTimeoutSeconds),
      NEO4J_PAGECACHE_MB: String(settings.pageCacheMb),
      TPG_CSV_IMPORT_DIR: options.csvImportDir ? path.resolve(options.csvImportDir) : "",
    },
    stdio: [options.detached ? "ignore" : "pipe", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  const stderr: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr.push(chunk.toString("utf8"));
    if (stderr.length > 200) stderr.shift();
  });

  const ready = await new Promise<{ version: string; uri: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(
        new SetupError(
          `Neo4j did not become ready within ${(options.readyTimeoutMs ?? 180_000) / 1000} s.\n${stderr.join("").slice(-2000)}`,
        ),
      );
    }, options.readyTimeoutMs ?? 180_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      let event: {
        event?: string;
        reason?: string;
        message?: string;
        version?: string;
        uri?: string;
        pid?: number;
      };
      try {
        event = JSON.parse(line) as typeof event;
      } catch {
        return;
      }
      if (event.event === "ready") {
        clearTimeout(timer);
        resolve({ version: event.version ?? "?", uri: event.uri ?? "", pid: event.pid ?? child.pid ?? 0 });
      } else if (event.event === "error") {
        clearTimeout(timer);
        reject(new SetupError(`Neo4j failed to start: ${event.message}${explain(event.reason, settings)}`));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      const tail = stderr.join("").slice(-3000);
      reject(new SetupError(`Neo4j exited (code ${code}) before it was ready.\n${tail}`));
    });
  });

  if (options.detached) {
    child.unref();
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
  writeFileSync(
    stateFile(settings.dataDir),
    JSON.stringify({ pid: ready.pid, uri: ready.uri, version: ready.version }),
    { mode: 0o600 },
  );

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await waitForExit(child, 30_000);
    }
    rmSync(stateFile(settings.dataDir), { force: true });
  };
  return {
    uri: ready.uri,
    user: "neo4j",
    password,
    version: ready.version,
    pid: ready.pid,
    reused: false,
    stop,
  };
}

/** The launcher recorded in the data folder, if its process is still alive. */
export function recordedLauncher(dataDir: string): LauncherState | null {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return null;
  const state = JSON.parse(readFileSync(file, "utf8")) as LauncherState;
  return alive(state.pid) ? state : null;
}

/** Stops a launcher recorded in the data folder (used by `npm run neo4j -- stop`). */
export async function stopRecorded(dataDir: string): Promise<boolean> {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return false;
  const state = JSON.parse(readFileSync(file, "utf8")) as LauncherState;
  if (alive(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    for (let i = 0; i < 300 && alive(state.pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(file, { force: true });
  return true;
}
