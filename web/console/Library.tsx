/** The saved-query library: searchable in Chinese and English; choosing one loads it with its defaults. */
import { useMemo, useState } from "react";
import type { SavedQuery } from "../../graph/savedQuery.ts";
import { useLang, useT } from "../i18n.ts";
import { LIBRARY, searchLibrary } from "./savedQueries.ts";

/** Without `onChoose` (no database to run on), choosing an entry shows its Cypher to copy. */
export function Library({ onChoose }: { onChoose?: (query: SavedQuery) => void }) {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const found = useMemo(() => searchLibrary(LIBRARY, text), [text]);
  return (
    <div className="library">
      <input
        type="search"
        value={text}
        placeholder={t("consoleLibrarySearch")}
        aria-label={t("consoleLibrarySearch")}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="muted small">
        {found.length} / {LIBRARY.length}
      </p>
      <ul data-testid="library">
        {found.map((entry) =>
          entry.ok ? (
            <li key={entry.query.id}>
              <button
                className="library-item"
                onClick={() =>
                  onChoose
                    ? onChoose(entry.query)
                    : setShown((s) => (s === entry.query.id ? null : entry.query.id))
                }
                title={lang === "zh" ? entry.query.description : entry.query.descriptionEn}
              >
                <strong>{lang === "zh" ? entry.query.title : entry.query.titleEn}</strong>
                <span className="muted">{lang === "zh" ? entry.query.titleEn : entry.query.title}</span>
                <span className="muted small">
                  {lang === "zh" ? entry.query.description : entry.query.descriptionEn}
                </span>
              </button>
              {shown === entry.query.id && <pre className="library-cypher">{entry.query.cypher}</pre>}
            </li>
          ) : (
            <li key={entry.id} className="library-item broken" role="alert">
              <strong>{entry.id}</strong>
              <span className="small">{entry.error}</span>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
