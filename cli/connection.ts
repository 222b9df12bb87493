/**
 * Opening the configured Neo4j for a subcommand (imported by actions only: it loads the driver).
 * Failures become CliErrors with exit code 2 and a message that names the Neo4j without credentials.
 */
import { readSettings, type Settings } from "../graph/config.ts";
import { connect, type Connection } from "../graph/connect.ts";
import { embeddedPassword, recordedLauncher, SetupError } from "../graph/embedded.ts";
import { ErrorCodes, errorCode, GraphService, type ConnectionConfig } from "../graph/neo4jService.ts";
import { CliError, EXIT, redactUri } from "./common.ts";

export function settingsOrFail(): Settings {
  try {
    return readSettings();
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), EXIT.connection);
  }
}

/** Why a connection failed, in one message without the password. */
export function connectionProblem(error: unknown, settings: Settings): CliError {
  if (error instanceof SetupError) return new CliError(error.message, EXIT.connection);
  const where = settings.external
    ? `Neo4j at ${redactUri(settings.external.uri)}`
    : `the embedded Neo4j (${settings.embedded.host}:${settings.embedded.port})`;
  const code = errorCode(error);
  // the driver's own words, first line only (a wrapper's cause is the driver's error)
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0]!;
  const message =
    code === ErrorCodes.unauthorized
      ? `${where} refused the user name or password (${code})`
      : code === ErrorCodes.serviceUnavailable
        ? `cannot reach ${where}: ${detail}`
        : `cannot connect to ${where}: ${detail}`;
  return new CliError(message, EXIT.connection);
}

/**
 * One query without the driver's retries (30 s of them for a refused connection, meant for batch
 * writes): an external Neo4j that is down or refuses the password is reported at once.
 */
async function probe(config: ConnectionConfig): Promise<void> {
  const service = GraphService.connect(config, { maxTransactionRetryTimeMs: 0 });
  try {
    await service.read("RETURN 1", {}, { timeoutMs: 10_000 });
  } finally {
    await service.close();
  }
}

/**
 * The embedded Neo4j recorded as running, if it answers: connected to directly, without the checks
 * that starting one needs (Java, the launcher build), which take most of a short command's time.
 */
async function runningEmbedded(settings: Settings): Promise<Connection | null> {
  const running = recordedLauncher(settings.embedded.dataDir);
  if (!running) return null;
  const password = embeddedPassword(settings.embedded.dataDir);
  const config = { uri: running.uri, user: "neo4j", password, database: settings.database };
  try {
    await probe(config);
  } catch {
    return null; // not answering: connect() below starts or reports it properly
  }
  const service = GraphService.connect(config);
  return {
    service,
    config,
    embedded: { ...config, version: running.version, pid: running.pid, reused: true, stop: async () => {} },
    release: () => service.close(),
  };
}

/** Connects (starting the embedded Neo4j if it is not running); `release()` stops only what it started. */
export async function openConnection(log: (message: string) => void): Promise<Connection> {
  const settings = settingsOrFail();
  try {
    if (settings.external) await probe(settings.external);
    else {
      const running = await runningEmbedded(settings);
      if (running) return running;
    }
    return await connect(settings, log);
  } catch (error) {
    throw connectionProblem(error, settings);
  }
}
