/**
 * The page's connection to Neo4j over WebSocket Bolt: connects, reads the server version and the
 * graph's size, and turns failures into messages a user can act on.
 */
import { useCallback, useEffect, useState } from "react";
import { errorCode, ErrorCodes, GraphService, type ConnectionConfig } from "../../graph/neo4jService.ts";

export interface ServerState {
  version: string;
  address: string;
  nodes: number;
  relationships: number;
}

export type FailureReason = "unauthorized" | "unavailable" | "other";

export type ConnectionState =
  | { status: "idle" }
  | { status: "connecting"; config: ConnectionConfig }
  | { status: "connected"; config: ConnectionConfig; service: GraphService; server: ServerState }
  | { status: "failed"; config: ConnectionConfig; reason: FailureReason; detail: string };

type Outcome = Exclude<ConnectionState, { status: "idle" } | { status: "connecting" }>;

function reasonOf(error: unknown): FailureReason {
  const code = errorCode(error);
  if (code === ErrorCodes.unauthorized) return "unauthorized";
  if (code === ErrorCodes.serviceUnavailable || code === "SessionExpired") return "unavailable";
  return "other";
}

async function probe(service: GraphService): Promise<ServerState> {
  const info = await service.serverInfo();
  // Both counts come from Neo4j's count store: constant time on any graph size.
  const nodes = await service.read("MATCH (n) RETURN count(n) AS count", {}, { timeoutMs: 10_000 });
  const relationships = await service.read(
    "MATCH ()-[r]->() RETURN count(r) AS count",
    {},
    { timeoutMs: 10_000 },
  );
  return {
    version: (info.agent ?? "Neo4j").replace(/^Neo4j\//, ""),
    address: info.address ?? "",
    nodes: Number(nodes.rows[0]?.count ?? 0),
    relationships: Number(relationships.rows[0]?.count ?? 0),
  };
}

export function useConnection(initial: ConnectionConfig | null) {
  const [request, setRequest] = useState<{ config: ConnectionConfig | null; attempt: number }>({
    config: initial,
    attempt: 0,
  });
  const [outcome, setOutcome] = useState<{ request: typeof request; state: Outcome } | null>(null);

  useEffect(() => {
    const { config } = request;
    if (!config) return;
    let cancelled = false;
    const service = GraphService.connect(config, { maxTransactionRetryTimeMs: 3_000 });
    probe(service)
      .then((server) => {
        if (!cancelled) setOutcome({ request, state: { status: "connected", config, service, server } });
      })
      .catch((error: unknown) => {
        void service.close();
        if (cancelled) return;
        const detail = error instanceof Error ? error.message : String(error);
        setOutcome({ request, state: { status: "failed", config, reason: reasonOf(error), detail } });
      });
    return () => {
      cancelled = true;
      void service.close();
    };
  }, [request]);

  const state: ConnectionState = !request.config
    ? { status: "idle" }
    : outcome?.request === request
      ? outcome.state
      : { status: "connecting", config: request.config };
  const retry = useCallback(() => setRequest((r) => ({ ...r, attempt: r.attempt + 1 })), []);
  const setConfig = useCallback(
    (config: ConnectionConfig | null) => setRequest((r) => ({ config, attempt: r.attempt + 1 })),
    [],
  );
  return { state, setConfig, retry };
}
