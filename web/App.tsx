import { useState } from "react";
import { ConnectForm } from "./connection/ConnectForm.tsx";
import { ConnectionStatus } from "./connection/ConnectionStatus.tsx";
import { forgetCredentials, loadCredentials, saveCredentials } from "./connection/credentials.ts";
import { useConnection } from "./connection/useConnection.ts";
import { LangContext, translate, type Lang } from "./i18n.ts";

const initialCredentials = loadCredentials();

export function App() {
  const [lang, setLang] = useState<Lang>(() =>
    new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "zh",
  );
  const { state, setConfig, retry } = useConnection(initialCredentials);
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);

  return (
    <LangContext.Provider value={lang}>
      <div className="app" lang={lang === "zh" ? "zh-CN" : "en"}>
        <header className="topbar">
          <div>
            <h1>{t("appTitle")}</h1>
            <p className="muted">{t("appSubtitle")}</p>
          </div>
          <button
            className="secondary"
            onClick={() => setLang(lang === "zh" ? "en" : "zh")}
            aria-label="language"
          >
            {t("language")}
          </button>
        </header>
        <main>
          <ConnectionStatus
            state={state}
            onRetry={retry}
            onDisconnect={() => {
              forgetCredentials();
              setConfig(null);
            }}
          />
          {(state.status === "idle" || state.status === "failed") && (
            <ConnectForm
              initial={state.status === "failed" ? state.config : null}
              onConnect={(config) => {
                saveCredentials(config);
                setConfig(config);
              }}
            />
          )}
        </main>
      </div>
    </LangContext.Provider>
  );
}
