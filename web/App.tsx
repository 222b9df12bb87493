import { useEffect, useMemo, useState } from "react";
import { ConnectForm } from "./connection/ConnectForm.tsx";
import { ConnectionStatus } from "./connection/ConnectionStatus.tsx";
import { forgetCredentials, loadCredentials, saveCredentials } from "./connection/credentials.ts";
import { useConnection } from "./connection/useConnection.ts";
import { Neo4jSource } from "./data/neo4jSource.ts";
import { SnapshotSource } from "./data/snapshotSource.ts";
import type { DataSource } from "./data/types.ts";
import { Explorer } from "./explorer/Explorer.tsx";
import { LangContext, translate, type Lang } from "./i18n.ts";

const initialCredentials = loadCredentials();
/** Explorer queries: READ mode (GraphService.read), a timeout and a cap on rows. */
const EXPLORER_LIMITS = { timeoutMs: 15_000, maxRows: 5_000 };

/** `?snapshot=other.json` opens another snapshot (same origin only), e.g. a synthetic graph for benchmarks. */
function snapshotUrl(): string {
  const wanted = new URLSearchParams(window.location.search).get("snapshot");
  if (!wanted) return "snapshot.json";
  const url = new URL(wanted, window.location.href);
  return url.origin === window.location.origin ? url.href : "snapshot.json";
}

function useSnapshot(wanted: boolean) {
  const [snapshot, setSnapshot] = useState<{ source?: SnapshotSource; error?: string } | null>(null);
  useEffect(() => {
    if (!wanted || snapshot) return;
    SnapshotSource.fetch(snapshotUrl()).then(
      (source) => setSnapshot({ source }),
      (error: unknown) => setSnapshot({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, [wanted, snapshot]);
  return snapshot;
}

export function App() {
  const [lang, setLang] = useState<Lang>(() =>
    new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "zh",
  );
  const { state, setConfig, retry } = useConnection(initialCredentials);
  const [showForm, setShowForm] = useState(false);
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const offline = state.status === "idle" || state.status === "failed";
  const snapshot = useSnapshot(offline);
  const liveSource = useMemo<DataSource | null>(
    () => (state.status === "connected" ? new Neo4jSource(state.service, EXPLORER_LIMITS) : null),
    [state],
  );
  const source: DataSource | null = liveSource ?? (offline ? (snapshot?.source ?? null) : null);

  return (
    <LangContext.Provider value={lang}>
      <div className="app" lang={lang === "zh" ? "zh-CN" : "en"}>
        <header className="topbar">
          <div>
            <h1>{t("appTitle")}</h1>
            <p className="muted">{t("appSubtitle")}</p>
          </div>
          <div className="actions">
            {offline && (
              <button className="secondary" onClick={() => setShowForm((v) => !v)}>
                {t("connectTitle")}
              </button>
            )}
            <button
              className="secondary"
              onClick={() => {
                const next = lang === "zh" ? "en" : "zh";
                setLang(next);
                const url = new URL(window.location.href);
                if (next === "en") url.searchParams.set("lang", "en");
                else url.searchParams.delete("lang");
                window.history.replaceState(null, "", url);
              }}
              aria-label="language"
            >
              {t("language")}
            </button>
          </div>
        </header>
        <ConnectionStatus
          state={state}
          onRetry={retry}
          onDisconnect={() => {
            forgetCredentials();
            setConfig(null);
          }}
        />
        {(state.status === "failed" || (state.status === "idle" && showForm)) && (
          <ConnectForm
            initial={state.status === "failed" ? state.config : null}
            onConnect={(config) => {
              saveCredentials(config);
              setConfig(config);
            }}
          />
        )}
        {offline && snapshot?.source && (
          <div className="banner" data-testid="snapshot-banner">
            {t("snapshotBanner")}
          </div>
        )}
        {offline && snapshot?.error && (
          <div className="card error" role="alert">
            {t("error")}: {snapshot.error}
          </div>
        )}
        {source && <Explorer key={source.mode} source={source} />}
      </div>
    </LangContext.Provider>
  );
}
