/**
 * The project's small Java programs (the embedded Neo4j launcher, the HanLP span reader): checks Java
 * and Maven, and builds a Maven module on first use and again whenever its sources change, keyed on a
 * hash of pom.xml and src/ (written after a good build), one build at a time across processes.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class SetupError extends Error {
  override name = "SetupError";
}

export type Log = (message: string) => void;

/** A Maven module whose classes go to target/classes and whose runtime jars go to target/lib. */
export interface MavenModule {
  dir: string;
  /** A class file the build makes (its absence means "not built"). */
  classFile: string;
  /** What needs Maven, for the error when it is missing ("to fetch Neo4j's jars"). */
  purpose: string;
  /** Where to turn without Maven (", or set NEO4J_URI"), appended to the error. */
  otherwise?: string;
  firstBuild: string;
  rebuild: string;
  built: string;
}

export function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/**
 * Throws a SetupError that says what to install when java is missing or older than 17; `needs` says
 * what it is for and `otherwise` where to turn without it.
 */
export function checkJava(
  needs = "to run the embedded Neo4j",
  otherwise = "  or set NEO4J_URI to use another Neo4j.",
): number {
  const java = javaCommand();
  const result = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new SetupError(
      `Java 17 or newer is required ${needs}, but "${java}" was not found.\n` +
        "  Install a JDK/JRE 17+ (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17)\n" +
        otherwise,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : NaN;
  if (!(major >= 17)) {
    throw new SetupError(
      `Java 17 or newer is required ${needs}; "${java} -version" reports ${match ? major : "an unknown version"}.\n` +
        "  Install Java 17+ and put it first on PATH (or set JAVA_HOME).",
    );
  }
  return major;
}

/** A hash of everything the build reads: pom.xml and every file under src/, by path and content. */
export function moduleSourceHash(dir: string): string {
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

/** The file holding the hash of the sources the classes in target/ were built from. */
export function builtFromFile(module: MavenModule): string {
  return path.join(module.dir, "target", "built-from.sha256");
}

/**
 * Keyed on the sources' hash, not on file times: a checkout, a copy or a clock can leave an old
 * class newer than the source it no longer matches, and a stale build would silently run without
 * what the sources ask for.
 */
export function moduleIsBuilt(module: MavenModule): boolean {
  if (!existsSync(module.classFile) || !existsSync(path.join(module.dir, "target", "lib"))) return false;
  if (!existsSync(builtFromFile(module))) return false;
  return readFileSync(builtFromFile(module), "utf8").trim() === moduleSourceHash(module.dir);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One build at a time across processes (npm start, tests, postinstall): a lock file with the pid. */
function withBuildLock(lock: string, work: () => void): void {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) rmSync(lock, { force: true });
      else sleepSync(500);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Compiles the module and copies its jars (Maven Central) once; later calls are no-ops. */
export function ensureMavenModule(module: MavenModule, log: Log = console.log): void {
  if (moduleIsBuilt(module)) return;
  const probe = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (probe.error) {
    throw new SetupError(
      `Maven is required once ${module.purpose}, but \`mvn\` was not found.\n` +
        `  Install it (Debian/Ubuntu: apt-get install -y maven; macOS: brew install maven)${module.otherwise ?? "."}`,
    );
  }
  withBuildLock(path.join(module.dir, "target", "build.lock"), () => {
    if (moduleIsBuilt(module)) return; // another process built it while this one waited
    const hash = moduleSourceHash(module.dir);
    const first = !existsSync(path.join(module.dir, "target", "lib"));
    log(first ? module.firstBuild : module.rebuild);
    const started = Date.now();
    // Old classes go first, so that nothing built from other sources can survive the build.
    rmSync(path.join(module.dir, "target", "classes"), { recursive: true, force: true });
    rmSync(builtFromFile(module), { force: true });
    const build = spawnSync("mvn", ["-B", "-q", "-Dstyle.color=never", "compile"], {
      cwd: module.dir,
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (build.status !== 0) {
      throw new SetupError(`Maven failed (exit ${build.status}) in ${module.dir}; see its output above.`);
    }
    writeFileSync(builtFromFile(module), `${hash}\n`);
    log(`${module.built} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  });
}

/** The class path of a built module: its classes and its jars. */
export function moduleClasspath(module: MavenModule): string {
  return [path.join(module.dir, "target", "classes"), path.join(module.dir, "target", "lib", "*")].join(
    path.delimiter,
  );
}
