/**
 * Shared and unique: the themes, talent categories, carrier kinds and industries of every
 * combination of hubs — an UpSet chart (any number of hubs), the lists of what all hubs share, what
 * each combination shares and what is unique to each hub, and the fair matrix (counts, shares, rates,
 * the differences text length does not explain). Every term opens its measures with their quotes.
 */
import { useMemo, useState } from "react";
import type { EntityNode } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import type { Patterns } from "./analysis.ts";
import { CsvButton, Name, nameIn, type ShowEvidence } from "./common.tsx";
import { fairTable, type Normalisation } from "./fair.ts";
import { FairMatrix } from "./FairMatrix.tsx";
import { DIMENSIONS, rowsOf, sharedTable, termOf, type Dimension, type TermRow } from "./tables.ts";
import { UpSet } from "./UpSet.tsx";
import { upsetData } from "./upset.ts";

/**
 * Groups: every hub; each combination of some hubs that occurs (largest first); each hub alone. For
 * three hubs every pair is listed, empty or not.
 */
export function shareGroups(p: Patterns, d: Dimension): { hubs: EntityNode[]; rows: TermRow[] }[] {
  const hubIds = p.hubs.map((h) => h.id);
  const { intersections } = upsetData(hubIds, rowsOf(p, d));
  const key = (ids: readonly string[]) => ids.join("|");
  const rowsFor = (ids: string[]) => intersections.find((i) => key(i.hubIds) === key(ids))?.rows ?? [];
  const n = p.hubs.length;
  const subsets: string[][] = [hubIds];
  if (n === 3)
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) subsets.push([hubIds[i]!, hubIds[j]!]);
  else for (const i of intersections) if (i.hubIds.length > 1 && i.hubIds.length < n) subsets.push(i.hubIds);
  if (n > 1) for (const h of hubIds) subsets.push([h]);
  return subsets.map((ids) => ({ hubs: ids.map((id) => p.nodes.get(id)!), rows: rowsFor(ids) }));
}

const TITLES = {
  theme: "patternThemes",
  category: "patternCategories",
  carrierKind: "patternCarrierKinds",
} as const;

function Terms({
  patterns,
  dimension,
  onEvidence,
  normalisation,
}: {
  patterns: Patterns;
  dimension: Dimension;
  onEvidence: ShowEvidence;
  normalisation: Normalisation;
}) {
  const t = useT();
  const lang = useLang();
  const upset = useMemo(
    () =>
      upsetData(
        patterns.hubs.map((h) => h.id),
        rowsOf(patterns, dimension),
      ),
    [patterns, dimension],
  );
  const table = useMemo(() => fairTable(patterns, rowsOf(patterns, dimension)), [patterns, dimension]);
  const [selected, setSelected] = useState<string | null>(null);
  const hubName = (id: string) => nameIn(lang, patterns.nodes.get(id)!);
  const title = dimension === "industry" ? t("industries") : t(TITLES[dimension]);
  const open = (row: TermRow) => {
    const term = termOf(row);
    onEvidence({
      title: nameIn(lang, term),
      groups: row.hubIds.map((id) => ({ hubId: id, ids: row.byHub[id]! })),
    });
  };
  const chosen = upset.intersections.find((i) => i.hubIds.join("|") === selected);
  return (
    <div className="shared-block" data-testid={`shared-${dimension}`}>
      <header className="section-head">
        <h3>{title}</h3>
        <CsvButton table={sharedTable(patterns, lang, dimension)} />
      </header>
      <div className="upset-block">
        <UpSet
          data={upset}
          hubName={hubName}
          title={`${title} · ${t("upsetTitle")}`}
          axis={{ intersections: t("upsetIntersections"), sets: t("upsetSets") }}
          selected={selected}
          onSelect={(i) => setSelected((s) => (s === i.hubIds.join("|") ? null : i.hubIds.join("|")))}
          testId={`upset-${dimension}`}
        />
        <div className="upset-side">
          <p className="muted small">{t("upsetHelp")}</p>
          {chosen && (
            <ul className="term-list" data-testid={`upset-terms-${dimension}`}>
              {chosen.rows.map((row) => (
                <li key={termOf(row).id}>
                  <button className="term" onClick={() => open(row)}>
                    <Name entity={termOf(row)} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="share-groups">
        {shareGroups(patterns, dimension).map(({ hubs, rows: groupRows }) => (
          <div
            key={hubs.map((h) => h.id).join("|")}
            className={`share-group share-size-${hubs.length === patterns.hubs.length ? "all" : hubs.length}`}
          >
            <h4>
              {hubs.length === patterns.hubs.length
                ? t("shareAll")
                : hubs.length === 1
                  ? `${t("patternOnly")} ${nameIn(lang, hubs[0]!)}`
                  : hubs.map((h) => nameIn(lang, h)).join(" + ")}{" "}
              <span className="muted">({groupRows.length})</span>
            </h4>
            {groupRows.length === 0 ? (
              <p className="muted small">—</p>
            ) : (
              <ul className="term-list">
                {groupRows.map((row) => {
                  const term = termOf(row);
                  return (
                    <li key={term.id}>
                      <button className="term" onClick={() => open(row)}>
                        <Name entity={term} />{" "}
                        <span className="muted small">
                          {row.hubIds.map((id) => row.byHub[id]!.length).join(" / ")}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
      </div>
      <details className="fair-details">
        <summary>
          {t("matrixTable")} · {t(`norm_${normalisation}`)}
        </summary>
        <FairMatrix
          patterns={patterns}
          table={table}
          normalisation={normalisation}
          termOf={termOf}
          onEvidence={onEvidence}
          testId={`fair-${dimension}`}
          termHeading={title}
        />
      </details>
    </div>
  );
}

export function SharedUnique({
  patterns,
  onEvidence,
  normalisation,
}: {
  patterns: Patterns;
  onEvidence: ShowEvidence;
  normalisation: Normalisation;
}) {
  const t = useT();
  return (
    <section className="pattern-section">
      <h2>{t("patternShared")}</h2>
      <p className="muted">
        {t("patternSharedHelp")} {t("normHelp")}
      </p>
      {DIMENSIONS.map((d) => (
        <Terms
          key={d}
          patterns={patterns}
          dimension={d}
          onEvidence={onEvidence}
          normalisation={normalisation}
        />
      ))}
    </section>
  );
}
