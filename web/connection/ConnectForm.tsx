import { useState, type SyntheticEvent } from "react";
import type { ConnectionConfig } from "../../graph/neo4jService.ts";
import { useT } from "../i18n.ts";

/** A connect form like Neo4j Browser's, for a Neo4j other than the embedded default. */
export function ConnectForm({
  initial,
  onConnect,
}: {
  initial: ConnectionConfig | null;
  onConnect: (config: ConnectionConfig) => void;
}) {
  const t = useT();
  const [uri, setUri] = useState(initial?.uri ?? "bolt://127.0.0.1:7687");
  const [user, setUser] = useState(initial?.user ?? "neo4j");
  const [password, setPassword] = useState("");
  const [database, setDatabase] = useState(initial?.database ?? "");

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onConnect({
      uri: uri.trim(),
      user: user.trim(),
      password,
      ...(database.trim() ? { database: database.trim() } : {}),
    });
  };

  return (
    <form className="card connect-form" onSubmit={submit} aria-label={t("connectTitle")}>
      <h2>{t("connectTitle")}</h2>
      <p className="muted">{t("connectHelp")}</p>
      <label>
        {t("uri")}
        <input
          name="uri"
          value={uri}
          onChange={(e) => setUri(e.target.value)}
          required
          pattern="(bolt|neo4j)(\+s|\+ssc)?://.+"
        />
      </label>
      <label>
        {t("user")}
        <input
          name="user"
          value={user}
          onChange={(e) => setUser(e.target.value)}
          required
          autoComplete="username"
        />
      </label>
      <label>
        {t("password")}
        <input
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          autoComplete="current-password"
        />
      </label>
      <label>
        {t("databaseOptional")}
        <input
          name="database"
          value={database}
          onChange={(e) => setDatabase(e.target.value)}
          placeholder="neo4j"
        />
      </label>
      <button type="submit">{t("connect")}</button>
    </form>
  );
}
