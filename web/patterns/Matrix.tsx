/** Hub × theme: how many measures each hub adopts under each theme; rows by how many hubs share it. */
import { useMemo, useState } from "react";
import { useLang, useT } from "../i18n.ts";
import type { Patterns, Share } from "./analysis.ts";
import { CountCell, CsvButton, Name, ShareBadge, nameIn, type ShowEvidence } from "./common.tsx";
import { matrixTable } from "./tables.ts";

const FILTERS: ("all" | "two" | "one")[] = ["all", "two", "one"];

export function Matrix({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  const [only, setOnly] = useState<Share | null>(null);
  const rows = patterns.themes.filter((r) => r.hubCount > 0 && (only === null || r.share === only));
  const max = Math.max(1, ...patterns.themes.flatMap((r) => patterns.hubs.map((h) => r.byHub[h.id]!.length)));
  const counts = useMemo(() => {
    const out: Record<string, number> = {};
    for (const r of patterns.themes) out[r.share] = (out[r.share] ?? 0) + 1;
    return out;
  }, [patterns]);
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2>{t("patternMatrix")}</h2>
        <div className="filters" role="group" aria-label={t("patternShareFilter")}>
          <button className={only === null ? "" : "secondary"} onClick={() => setOnly(null)}>
            {t("patternAllThemes")} ({patterns.themes.filter((r) => r.hubCount > 0).length})
          </button>
          {FILTERS.map((f) => (
            <button key={f} className={only === f ? "" : "secondary"} onClick={() => setOnly(f)}>
              <ShareBadge share={f} /> {counts[f] ?? 0}
            </button>
          ))}
        </div>
        <CsvButton table={matrixTable(patterns, lang)} />
      </header>
      <p className="muted">{t("patternMatrixHelp")}</p>
      <table className="matrix" data-testid="theme-matrix">
        <thead>
          <tr>
            <th>{t("patternTheme")}</th>
            {patterns.hubs.map((h) => (
              <th key={h.id}>
                <Name entity={h} />
              </th>
            ))}
            <th>{t("patternShare")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.theme.id} data-share={row.share}>
              <th scope="row">
                <button
                  className="cell-button"
                  onClick={() =>
                    onEvidence({
                      title: nameIn(lang, row.theme),
                      groups: patterns.hubs.map((h) => ({ hubId: h.id, ids: row.byHub[h.id]! })),
                    })
                  }
                >
                  <Name entity={row.theme} />
                </button>
              </th>
              {patterns.hubs.map((h) => (
                <CountCell
                  key={h.id}
                  count={row.byHub[h.id]!.length}
                  max={max}
                  label={`${nameIn(lang, row.theme)} · ${nameIn(lang, h)}`}
                  onOpen={() =>
                    onEvidence({
                      title: `${nameIn(lang, row.theme)} · ${nameIn(lang, h)}`,
                      groups: [{ hubId: h.id, ids: row.byHub[h.id]! }],
                    })
                  }
                />
              ))}
              <td>
                <ShareBadge share={row.share} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
