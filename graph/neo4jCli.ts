/**
 * `tpg neo4j start|stop|status` (arguments in cli/neo4j.ts): the embedded Neo4j on its own, e.g. to
 * keep it running between `tpg start`s or to point Neo4j Browser / cypher-shell at it. Status says
 * what is true now: whether the recorded process is alive and whether it answers a query.
 */
import path from "node:path";
import type { Settings } from "./config.ts";
import { embeddedPassword, recordedLauncher, startEmbedded, stopRecorded } from "./embedded.ts";
import { GraphService } from "./neo4jService.ts";

type Print = (line: string) => void;

export async function startNeo4j(settings: Settings, print: Print): Promise<number> {
  const { dataDir } = settings.embedded;
  const neo4j = await startEmbedded(settings.embedded, { detached: true, log: print });
  print(
    `Neo4j ${neo4j.version} running on ${neo4j.uri} (pid ${neo4j.pid}); user neo4j, password in ${path.join(dataDir, "password")}`,
  );
  return 0;
}

export async function stopNeo4j(settings: Settings, print: Print): Promise<number> {
  const stopped = await stopRecorded(settings.embedded.dataDir);
  print(stopped ? "Stopped the embedded Neo4j." : "No embedded Neo4j is recorded as running.");
  return 0;
}

/** Whether a query gets an answer within a few seconds; the reason when not. */
async function answers(
  uri: string,
  user: string,
  password: string,
  database?: string,
): Promise<string | null> {
  const service = GraphService.connect({ uri, user, password, database }, { maxTransactionRetryTimeMs: 0 });
  try {
    await service.read("RETURN 1", {}, { timeoutMs: 5_000 });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0]! : String(error);
  } finally {
    await service.close();
  }
}

/** 0 running and answering, 1 the process is alive but does not answer, 3 not running (LSB). */
export async function neo4jStatus(
  settings: Settings,
  print: Print,
  shownUri = (uri: string) => uri,
): Promise<number> {
  const { dataDir } = settings.embedded;
  const relative = path.relative(process.cwd(), dataDir);
  const data = relative && !relative.startsWith("..") ? relative : dataDir;
  if (settings.external) {
    const { uri, user, password, database } = settings.external;
    const problem = await answers(uri, user, password, database);
    print(
      `NEO4J_URI is set: tpg uses ${shownUri(uri)} (${problem ? `does not answer: ${problem}` : "answers"}), not the embedded Neo4j`,
    );
  }
  const running = recordedLauncher(dataDir);
  if (!running) {
    print(`embedded Neo4j: not running (data ${data})`);
    return 3;
  }
  const problem = await answers(running.uri, "neo4j", embeddedPassword(dataDir));
  if (problem) {
    print(
      `embedded Neo4j: process ${running.pid} is alive but ${running.uri} does not answer (${problem}); still starting, or stuck: tpg neo4j stop`,
    );
    return 1;
  }
  print(
    `embedded Neo4j: running and answering at ${running.uri} (pid ${running.pid}, Neo4j ${running.version}, data ${data})`,
  );
  return 0;
}
