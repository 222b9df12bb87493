import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { ConnectForm } from "./connection/ConnectForm.tsx";
import { ConnectionStatus } from "./connection/ConnectionStatus.tsx";
import { forgetCredentials, loadCredentials, saveCredentials } from "./connection/credentials.ts";
import { useConnection } from "./connection/useConnection.ts";
import { Neo4jSource } from "./data/neo4jSource.ts";
import { SnapshotSource } from "./data/snapshotSource.ts";
import type { DataSource } from "./data/types.ts";
import { Library } from "./console/Library.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { Explorer, type Incoming } from "./explorer/Explorer.tsx";
import { LangContext, translate, type Lang, type StringKey } from "./i18n.ts";

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

// The console (CodeMirror and the Cypher grammar) is loaded when first opened, not with the explorer.
const Console = lazy(() => import("./console/Console.tsx").then((m) => ({ default: m.Console })));

const PatternsView = lazy(() =>
  import("./patterns/PatternsView.tsx").then((m) => ({ default: m.PatternsView })),
);

type View = "explorer" | "console" | "patterns";

function viewFromUrl(): View {
  const wanted = new URLSearchParams(window.location.search).get("view");
  return wanted === "console" || wanted === "patterns" ? wanted : "explorer";
}

/** Sets or removes one search parameter without a new history entry. */
function setSearchParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  window.history.replaceState(null, "", url);
}

export function App() {
  const [view, setViewState] = useState<View>(viewFromUrl);
  const setView = (next: View) => {
    setViewState(next);
    setSearchParam("view", next === "explorer" ? null : next);
  };
  // What the console hands to the explorer, for the data source it came from (a new source — a
  // reconnect, the snapshot — starts a new explorer that must not merge it again).
  const [incoming, setIncoming] = useState<(Incoming & { source: DataSource }) | null>(null);
  const [lang, setLang] = useState<Lang>(() =>
    new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "zh",
  );
  const { state, setConfig, retry } = useConnection(initialCredentials);
  const [showForm, setShowForm] = useState(false);
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  // The tab's title names the view on screen, in the language shown (history and tab lists read it).
  useEffect(() => {
    const names: Record<View, StringKey> = {
      explorer: "tabExplorer",
      patterns: "tabPatterns",
      console: "tabConsole",
    };
    document.title = `${translate(lang, names[view])} · ${translate(lang, "appTitle")}`;
  }, [view, lang]);
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
                setSearchParam("lang", next === "en" ? "en" : null);
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
        <nav className="tabs views" role="tablist">
          <button role="tab" aria-selected={view === "explorer"} onClick={() => setView("explorer")}>
            {t("tabExplorer")}
          </button>
          <button role="tab" aria-selected={view === "patterns"} onClick={() => setView("patterns")}>
            {t("tabPatterns")}
          </button>
          <button role="tab" aria-selected={view === "console"} onClick={() => setView("console")}>
            {t("tabConsole")}
          </button>
        </nav>
        {/* The explorer stays mounted behind the other views, so its graph and layout survive. */}
        <div className={view === "explorer" ? "view" : "view view-hidden"} aria-hidden={view !== "explorer"}>
          {source && (
            <Explorer
              key={source.mode}
              source={source}
              incoming={incoming?.source === source ? incoming : null}
              active={view === "explorer"}
            />
          )}
        </div>
        {view === "patterns" && source && (
          <ErrorBoundary title={t("error")}>
            <Suspense fallback={<p className="muted">{t("loading")}</p>}>
              <PatternsView key={source.mode} source={source} />
            </Suspense>
          </ErrorBoundary>
        )}
        {view === "console" &&
          (state.status === "connected" ? (
            <ErrorBoundary title={t("error")}>
              <Suspense fallback={<p className="muted">{t("loading")}</p>}>
                <Console
                  service={state.service}
                  onAddToExplorer={(data) => {
                    if (liveSource)
                      setIncoming((previous) => ({
                        data,
                        seq: (previous?.seq ?? 0) + 1,
                        source: liveSource,
                      }));
                    setView("explorer");
                  }}
                />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <div className="view">
              <div className="banner" role="status">
                {t("consoleNeedsNeo4j")}
              </div>
              <Library />
            </div>
          ))}
      </div>
    </LangContext.Provider>
  );
}
