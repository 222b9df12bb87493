/**
 * Connects to the configured Neo4j: the external one at NEO4J_URI, or the embedded one (started
 * here if it is not already running). `release()` stops only what this call started.
 */
import { readSettings, type Settings } from "./config.ts";
import { startEmbedded, type EmbeddedNeo4j } from "./embedded.ts";
import { GraphService, type ConnectionConfig } from "./neo4jService.ts";

export interface Connection {
  service: GraphService;
  config: ConnectionConfig;
  embedded?: EmbeddedNeo4j;
  release: () => Promise<void>;
}

export async function connect(
  settings: Settings = readSettings(),
  log: (message: string) => void = console.log,
): Promise<Connection> {
  let embedded: EmbeddedNeo4j | undefined;
  let config: ConnectionConfig;
  if (settings.external) {
    config = settings.external;
  } else {
    embedded = await startEmbedded(settings.embedded, { log });
    config = {
      uri: embedded.uri,
      user: embedded.user,
      password: embedded.password,
      database: settings.database,
    };
  }
  const service = GraphService.connect(config);
  try {
    // A query, not verifyAuthentication(): that one resolves to false instead of saying why.
    await service.read("RETURN 1");
  } catch (error) {
    await service.close();
    await embedded?.stop();
    throw error;
  }
  return {
    service,
    config,
    embedded,
    release: async () => {
      await service.close();
      await embedded?.stop();
    },
  };
}
