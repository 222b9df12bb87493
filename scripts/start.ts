/**
 * `npm start`: Neo4j (the one at NEO4J_URI, or the embedded one), schema and import, then the web app
 * built and served on 127.0.0.1. Prints the URL, whose fragment hands the page its credentials.
 * Ctrl+C stops everything this command started.
 */
import { build, preview } from "vite";
import { readSettings } from "../graph/config.ts";
import { connect } from "../graph/connect.ts";
import { SetupError } from "../graph/embedded.ts";
import { loadKnowledgeBase } from "../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../importer/paths.ts";
import { formatProblem } from "../importer/problems.ts";
import { importKnowledge } from "../importer/runImport.ts";
import { writeSnapshot } from "../importer/snapshot.ts";
import { buildFragment } from "../web/connection/credentials.ts";
import path from "node:path";

async function main(): Promise<number> {
  const started = Date.now();
  const settings = readSettings();
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  if (problems.length > 0) {
    console.error(problems.map(formatProblem).join("\n"));
    console.error(
      `\n${problems.length} problem(s) in the knowledge files; fix them and run npm start again.`,
    );
    return 1;
  }
  console.log(settings.external ? `Using Neo4j at ${settings.external.uri}` : "Starting the embedded Neo4j…");
  const connection = await connect(settings);
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    console.log("\nStopping…");
    await connection.release();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const info = await connection.service.serverInfo();
  console.log(`Neo4j ${String(info.agent).replace(/^Neo4j\//, "")} answers at ${connection.config.uri}`);
  await importKnowledge(connection.service, kb);

  const root = PROJECT_ROOT;
  console.log("Building the web app…");
  await build({
    root: path.join(root, "web"),
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "warn",
  });
  writeSnapshot(kb, path.join(root, "dist", "web", "snapshot.json"));
  const server = await preview({
    root: path.join(root, "web"),
    configFile: path.join(root, "vite.config.ts"),
    preview: { host: "127.0.0.1", port: settings.webPort, strictPort: false, open: false },
    logLevel: "warn",
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${settings.webPort}/`;
  const fragment = buildFragment(connection.config);
  console.log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s. Open:\n\n  ${url}${fragment}\n`);
  console.log(
    "(The part after # carries the Neo4j credentials to the page and never leaves your browser.) Ctrl+C stops.",
  );
  return new Promise<number>(() => {});
}

main().catch((error: unknown) => {
  if (error instanceof SetupError) console.error(`\n${error.message}`);
  else console.error(error);
  process.exit(1);
});
