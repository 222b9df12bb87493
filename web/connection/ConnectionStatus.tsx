import { useT } from "../i18n.ts";
import type { ConnectionState } from "./useConnection.ts";

const NUMBER = new Intl.NumberFormat("en-US");

/** What the browser itself learned from Neo4j over WebSocket Bolt, or why it could not. */
export function ConnectionStatus({
  state,
  onRetry,
  onDisconnect,
}: {
  state: ConnectionState;
  onRetry: () => void;
  onDisconnect: () => void;
}) {
  const t = useT();
  if (state.status === "idle") return null;
  if (state.status === "connecting") {
    return (
      <section className="card status" data-status="connecting" aria-live="polite">
        <span className="dot dot-pending" /> {t("connecting")} <code>{state.config.uri}</code>
      </section>
    );
  }
  if (state.status === "failed") {
    const message =
      state.reason === "unauthorized"
        ? t("errUnauthorized")
        : state.reason === "unavailable"
          ? t("errUnavailable")
          : t("errOther");
    return (
      <section className="card status error" data-status="failed" role="alert">
        <h2>
          <span className="dot dot-bad" /> {t("disconnected")}
        </h2>
        <p>{message}</p>
        <p className="muted">
          <code>{state.config.uri}</code> — {state.detail}
        </p>
        <div className="actions">
          <button onClick={onRetry}>{t("retry")}</button>
          <button className="secondary" onClick={onDisconnect}>
            {t("disconnect")}
          </button>
        </div>
      </section>
    );
  }
  const { server, config } = state;
  return (
    <section className="card status" data-status="connected" aria-live="polite">
      <h2>
        <span className="dot dot-ok" /> {t("connected")}
      </h2>
      <dl className="facts">
        <dt>{t("server")}</dt>
        <dd data-testid="server-version">Neo4j {server.version}</dd>
        <dt>{t("address")}</dt>
        <dd>
          <code>{config.uri}</code>
        </dd>
        <dt>{t("database")}</dt>
        <dd>{config.database ?? "neo4j"}</dd>
        <dt>{t("nodes")}</dt>
        <dd data-testid="node-count">{NUMBER.format(server.nodes)}</dd>
        <dt>{t("relationships")}</dt>
        <dd data-testid="relationship-count">{NUMBER.format(server.relationships)}</dd>
      </dl>
      <div className="actions">
        <button className="secondary" onClick={onDisconnect}>
          {t("disconnect")}
        </button>
      </div>
    </section>
  );
}
