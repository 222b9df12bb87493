/**
 * `npm run neo4j -- start|stop|status`: the embedded Neo4j on its own, e.g. to keep it running
 * between `npm start`s or to point Neo4j Browser / cypher-shell at it.
 */
import path from "node:path";
import { readSettings } from "./config.ts";
import { recordedLauncher, SetupError, startEmbedded, stopRecorded } from "./embedded.ts";

async function main(command: string | undefined): Promise<number> {
  const settings = readSettings();
  const { dataDir } = settings.embedded;
  switch (command) {
    case "start": {
      const neo4j = await startEmbedded(settings.embedded, { detached: true });
      console.log(
        `Neo4j ${neo4j.version} running on ${neo4j.uri} (pid ${neo4j.pid}); user neo4j, password in ${path.join(dataDir, "password")}`,
      );
      return 0;
    }
    case "stop": {
      const stopped = await stopRecorded(dataDir);
      console.log(stopped ? "Stopped the embedded Neo4j." : "No embedded Neo4j is recorded as running.");
      return 0;
    }
    case "status": {
      const running = recordedLauncher(dataDir);
      console.log(
        running ? `running: ${running.uri} (pid ${running.pid}, Neo4j ${running.version})` : "not running",
      );
      return running ? 0 : 3;
    }
    default:
      console.error("usage: npm run neo4j -- start|stop|status");
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof SetupError ? error.message : error);
    process.exitCode = 1;
  },
);
