/**
 * Hub × theme: how many measures each hub adopts under each theme — as counts, shares of the hub's
 * measures or per 1,000 characters of its own text — rows by how many hubs share the theme, the
 * differences that text length does not explain flagged.
 */
import { useMemo, useState } from "react";
import { useLang, useT } from "../i18n.ts";
import type { Patterns, Share } from "./analysis.ts";
import { CsvButton, ShareBadge, type ShowEvidence } from "./common.tsx";
import { fairTable, type Normalisation } from "./fair.ts";
import { FairMatrix } from "./FairMatrix.tsx";
import { matrixTable } from "./tables.ts";

const FILTERS: ("all" | "two" | "one")[] = ["all", "two", "one"];

export function Matrix({
  patterns,
  onEvidence,
  normalisation,
}: {
  patterns: Patterns;
  onEvidence: ShowEvidence;
  normalisation: Normalisation;
}) {
  const t = useT();
  const lang = useLang();
  const [only, setOnly] = useState<Share | null>(null);
  const table = useMemo(() => fairTable(patterns, patterns.themes), [patterns]);
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
      <p className="muted">
        {t("patternMatrixHelp")} {t("normHelp")}
      </p>
      <FairMatrix
        patterns={patterns}
        table={table}
        normalisation={normalisation}
        termOf={(r) => r.theme}
        onEvidence={onEvidence}
        testId="theme-matrix"
        termHeading={t("patternTheme")}
        visible={(r) => only === null || r.share === only}
        after={(r) => (
          <td>
            <ShareBadge share={r.share} />
          </td>
        )}
      />
    </section>
  );
}
