/**
 * Runs the embedded Neo4j: checks Java, builds the launcher with Maven on first use (and again
 * whenever its sources change), keeps the password in the data folder (owner-only), starts the JVM
 * and waits for its "ready" line, or reuses a launcher that already serves the same data folder.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { PROJECT_ROOT } from "../importer/paths.ts";
import type { EmbeddedSettings } from "./config.ts";
import { createDriver } from "./neo4jService.ts";

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, "graph", "launcher");
const LAUNCHER_CLASS = "org.talentpolicygraph.launcher.Launcher";
const CLASS_FILE = path.join(LAUNCHER_DIR, "target/classes/org/talentpolicygraph/launcher/Launcher.class");
/** The hash of the sources the classes in target/ were built from (written after a good build). */
const BUILT_FROM = path.join(LAUNCHER_DIR, "target", "built-from.sha256");
const BUILD_LOCK = path.join(LAUNCHER_DIR, "target", "build.lock");

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

export class SetupError extends Error {
  override name = "SetupError";
}

type Log = (message: string) => void;

function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/** Throws a SetupError that says what to install when java or mvn is missing or too old. */
export function checkJava(): number {
  const java = javaCommand();
  const result = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new SetupError(
      `Java 17 or newer is required to run the embedded Neo4j, but "${java}" was not found.\n` +
        "  Install a JDK/JRE 17+ (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17)\n" +
        "  or set NEO4J_URI to use another Neo4j.",
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : NaN;
  if (!(major >= 17)) {
    throw new SetupError(
      `Neo4j 5.26 needs Java 17 or newer; "${java} -version" reports ${match ? major : "an unknown version"}.\n` +
        "  Install Java 17+ and put it first on PATH (or set JAVA_HOME).",
    );
  }
  return major;
}

/** A hash of everything the build reads: pom.xml and every file under src/, by path and content. */
export function launcherSourceHash(dir = LAUNCHER_DIR): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(dir, "src"));
  for (const file of [path.join(dir, "pom.xml"), ...files.sort()]) {
    hash.update(path.relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/**
 * Keyed on the sources' hash, not on file times: a checkout, a copy or a clock can leave an old
 * class newer than the source it no longer matches, and a stale launcher would silently run without
 * the server settings the sources ask for.
 */
function launcherIsBuilt(): boolean {
  if (!existsSync(CLASS_FILE) || !existsSync(path.join(LAUNCHER_DIR, "target", "lib"))) return false;
  if (!existsSync(BUILT_FROM)) return false;
  return readFileSync(BUILT_FROM, "utf8").trim() === launcherSourceHash();
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One build at a time across processes (npm start, tests, postinstall): a lock file with the pid. */
function withBuildLock(work: () => void): void {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      writeFileSync(BUILD_LOCK, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(BUILD_LOCK, "utf8").trim());
      if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) rmSync(BUILD_LOCK, { force: true });
      else sleepSync(500);
    }
  }
  try {
    work();
  } finally {
    rmSync(BUILD_LOCK, { force: true });
  }
}

/** Compiles the launcher and copies Neo4j's jars (Maven Central) once; later calls are no-ops. */
export function ensureLauncher(log: Log = console.log): void {
  if (launcherIsBuilt()) return;
  const probe = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (probe.error) {
    throw new SetupError(
      "Maven is required once to fetch Neo4j's jars, but `mvn` was not found.\n" +
        "  Install it (Debian/Ubuntu: apt-get install -y maven; macOS: brew install maven), or set NEO4J_URI.",
    );
  }
  withBuildLock(() => {
    if (launcherIsBuilt()) return; // another process built it while this one waited
    const hash = launcherSourceHash();
    const first = !existsSync(path.join(LAUNCHER_DIR, "target", "lib"));
    log(
      first
        ? "Fetching Neo4j Community 5.26 jars with Maven and building the launcher (first run only, ~130 MB)…"
        : "The launcher's sources changed: rebuilding it with Maven…",
    );
    const started = Date.now();
    // Old classes go first, so that nothing built from other sources can survive the build.
    rmSync(path.join(LAUNCHER_DIR, "target", "classes"), { recursive: true, force: true });
    rmSync(BUILT_FROM, { force: true });
    const build = spawnSync("mvn", ["-B", "-q", "-Dstyle.color=never", "compile"], {
      cwd: LAUNCHER_DIR,
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (build.status !== 0) {
      throw new SetupError(`Maven failed (exit ${build.status}) in ${LAUNCHER_DIR}; see its output above.`);
    }
    writeFileSync(BUILT_FROM, `${hash}\n`);
    log(`Launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  });
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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

  const classpath = [
    path.join(LAUNCHER_DIR, "target", "classes"),
    path.join(LAUNCHER_DIR, "target", "lib", "*"),
  ].join(path.delimiter);
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
