/**
 * `tpg start` (`npm start`): Neo4j (the one at NEO4J_URI, or the embedded one), schema and import,
 * then the web app built and served on 127.0.0.1, and its URL printed.
 *
 * With the embedded Neo4j and its generated password, the URL's fragment hands the page its
 * credentials (as Jupyter hands over its token; the fragment never leaves the browser). A password
 * someone gave — an external Neo4j's, or NEO4J_PASSWORD for the embedded one — is never printed:
 * the URL then opens the connect form, and the lines say where to connect without credentials.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { redactUri } from "../cli/common.ts";
import type { Settings } from "../graph/config.ts";
import type { Connection } from "../graph/connect.ts";
import type { KnowledgeBase } from "../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../importer/paths.ts";
import { formatProblem } from "../importer/problems.ts";
import { formatRead, readKnowledge, runImport } from "../importer/runImport.ts";
import { buildFragment } from "../web/connection/credentials.ts";

export interface ReadyInfo {
  /** The app's address, e.g. http://127.0.0.1:5173/. */
  url: string;
  config: Connection["config"];
  /** The embedded Neo4j with the password this project generated (.data/neo4j/password). */
  generatedPassword: boolean;
  seconds: number;
}

/** What `tpg start` prints when the app is up: the address to open and how it connects. */
export function readyMessage(info: ReadyInfo): string {
  const { url, config } = info;
  if (info.generatedPassword) {
    return [
      `Ready in ${info.seconds.toFixed(1)} s. Open:`,
      "",
      `  ${url}${buildFragment(config)}`,
      "",
      "(The part after # carries the embedded Neo4j's generated credentials to the page and never leaves your browser.) Ctrl+C stops.",
    ].join("\n");
  }
  const database = config.database ? `, database ${config.database}` : "";
  return [
    `Ready in ${info.seconds.toFixed(1)} s. Open:`,
    "",
    `  ${url}`,
    "",
    `and connect to ${redactUri(config.uri)} as ${config.user}${database} with your password (not printed). Ctrl+C stops.`,
  ].join("\n");
}

export interface StartOptions {
  settings: Settings;
  /** The environment the settings came from: NEO4J_PASSWORD there means the password was given. */
  env?: NodeJS.ProcessEnv;
  root?: string;
  print?: (line: string) => void;
  /** Builds the web app and its snapshot into dist/web (Vite by default). */
  build?: (kb: KnowledgeBase) => Promise<void>;
  /** Serves dist/web on 127.0.0.1 (Vite preview by default); resolves to the app's URL. */
  serve?: (port: number) => Promise<{ url: string; close: () => Promise<void> }>;
  /** Opens the Neo4j connection (graph/connect.ts by default). */
  open?: (settings: Settings, log: (line: string) => void) => Promise<Connection>;
}

export interface StartedApp {
  url: string;
  message: string;
  /** Stops the web server and whatever Neo4j this start started. */
  stop: () => Promise<void>;
}

async function viteBuild(kb: KnowledgeBase): Promise<void> {
  const [{ build }, { writeSnapshot }] = await Promise.all([
    import("vite"),
    import("../importer/snapshot.ts"),
  ]);
  await build({
    root: path.join(PROJECT_ROOT, "web"),
    configFile: path.join(PROJECT_ROOT, "vite.config.ts"),
    logLevel: "warn",
  });
  writeSnapshot(kb, path.join(PROJECT_ROOT, "dist", "web", "snapshot.json"));
}

async function vitePreview(port: number) {
  const { preview } = await import("vite");
  const server = await preview({
    root: path.join(PROJECT_ROOT, "web"),
    configFile: path.join(PROJECT_ROOT, "vite.config.ts"),
    preview: { host: "127.0.0.1", port, strictPort: false, open: false },
    logLevel: "warn",
  });
  return {
    url: server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`,
    close: () => server.close(),
  };
}

/**
 * Validates and imports the knowledge, builds and serves the app. Throws on invalid knowledge
 * (every problem in the message) and on connection failures (from `open`).
 */
export async function startApp(options: StartOptions): Promise<StartedApp> {
  const started = Date.now();
  const { settings } = options;
  const print = options.print ?? console.log;
  const env = options.env ?? process.env;
  const { kb, problems, read } = readKnowledge(options.root ?? KNOWLEDGE_ROOT);
  print(formatRead(read));
  if (problems.length > 0) {
    throw new Error(
      `${problems.map(formatProblem).join("\n")}\n\n${problems.length} problem(s) in the knowledge files; fix them and start again.`,
    );
  }
  print(
    settings.external
      ? `Using Neo4j at ${redactUri(settings.external.uri)}`
      : "Connecting to the embedded Neo4j (started if it is not running)…",
  );
  const open = options.open ?? (async (s, log) => (await import("../graph/connect.ts")).connect(s, log));
  const connection = await open(settings, print);
  let server: { url: string; close: () => Promise<void> } | undefined;
  const stop = async () => {
    await server?.close();
    await connection.release();
  };
  try {
    const info = await connection.service.serverInfo();
    print(
      `Neo4j ${String(info.agent).replace(/^Neo4j\//, "")} answers at ${redactUri(connection.config.uri)}`,
    );
    await runImport(connection, kb, { log: print });
    print("Building the web app…");
    await (options.build ?? viteBuild)(kb);
    server = await (options.serve ?? vitePreview)(settings.webPort);
  } catch (error) {
    await stop();
    throw error;
  }
  const message = readyMessage({
    url: server.url,
    config: connection.config,
    generatedPassword: !settings.external && !env.NEO4J_PASSWORD,
    seconds: (Date.now() - started) / 1000,
  });
  print(`\n${message}\n`);
  return { url: server.url, message, stop };
}

// `tsx scripts/start.ts` (as bench/startup.ts runs it) is `tpg start`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { runTpg } = await import("../cli/tpg.ts");
  process.exitCode = await runTpg(["start", ...process.argv.slice(2)]);
}
