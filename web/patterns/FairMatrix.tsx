/**
 * A hub × term matrix that compares fairly: counts, shares of the hub's total or rates per 1,000
 * characters of its own text (the normalisation chosen for the whole view), each cell flagged where
 * the difference exceeds what text length alone explains, the test and its p-value beside each term,
 * and the test of the whole table below. Every cell opens the measures behind it.
 */
import type { ReactNode } from "react";
import type { EntityNode } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { nameIn, Name, type ShowEvidence } from "./common.tsx";
import { cellValue, formatP, formatValue, pText, type FairTable, type Normalisation } from "./fair.ts";
import type { Patterns } from "./analysis.ts";
import type { SharedTerm } from "./terms.ts";

type Term = Pick<EntityNode, "id" | "name" | "nameEn">;

export function FairMatrix<R extends SharedTerm>({
  patterns,
  table,
  normalisation,
  termOf,
  onEvidence,
  testId,
  termHeading,
  visible = () => true,
  after,
}: {
  patterns: Patterns;
  table: FairTable<R>;
  normalisation: Normalisation;
  termOf: (row: R) => Term;
  onEvidence: ShowEvidence;
  testId: string;
  termHeading: string;
  visible?: (row: R) => boolean;
  /** Extra cells at the end of each row (e.g. the share badge). */
  after?: (row: R) => ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  const rows = table.rows.filter((r) => visible(r.row));
  const max = Math.max(
    1e-9,
    ...table.rows.flatMap((r) => r.cells.map((c) => cellValue(c, normalisation) ?? 0)),
  );
  const flagText = (flag: "over" | "under") =>
    table.baseline === "text"
      ? t(flag === "over" ? "flagOver" : "flagUnder")
      : t(flag === "over" ? "flagOverTotal" : "flagUnderTotal");
  const hub = (id: string) => patterns.nodes.get(id)!;
  const ind = table.independence;
  return (
    <div className="fair-matrix">
      <table className="matrix" data-testid={testId} data-normalisation={normalisation}>
        <thead>
          <tr>
            <th>{termHeading}</th>
            {table.hubIds.map((id, h) => (
              <th key={id} data-hub={id}>
                <Name entity={hub(id)} />
                <div className="muted small hub-base">
                  {t("hubTotal")} {table.totals[h]}
                  {table.chars[h] !== null &&
                    ` · ${table.chars[h]!.toLocaleString(lang === "zh" ? "zh-CN" : "en")}`}
                </div>
              </th>
            ))}
            <th className="small">{t("pTerm")}</th>
            {after && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, cells, test }) => {
            const term = termOf(row);
            return (
              <tr key={term.id} data-share={row.share} data-term={term.id}>
                <th scope="row">
                  <button
                    className="cell-button"
                    onClick={() =>
                      onEvidence({
                        title: nameIn(lang, term),
                        groups: table.hubIds.map((h) => ({ hubId: h, ids: row.byHub[h]! })),
                      })
                    }
                  >
                    <Name entity={term} />
                  </button>
                </th>
                {cells.map((cell) => {
                  const value = cellValue(cell, normalisation);
                  const label = `${nameIn(lang, term)} · ${nameIn(lang, hub(cell.hubId))}`;
                  const strength = value === null ? 0 : value / max;
                  const style =
                    cell.count > 0 ? { background: `rgba(44, 160, 44, ${0.1 + 0.6 * strength})` } : undefined;
                  return (
                    <td
                      key={cell.hubId}
                      className={`count${cell.count === 0 ? " zero" : ""}${cell.flag ? ` flag-${cell.flag}` : ""}`}
                      style={style}
                      data-count={cell.count}
                      data-value={value ?? ""}
                      data-flag={cell.flag ?? ""}
                    >
                      {cell.count === 0 ? (
                        <span aria-label={label}>·</span>
                      ) : (
                        <button
                          className="cell-button"
                          aria-label={label}
                          title={`${cell.count} · ${formatValue(cell.share, "share")}${cell.rate === null ? "" : ` · ${formatValue(cell.rate, "rate")}‰`}`}
                          onClick={() =>
                            onEvidence({
                              title: label,
                              groups: [{ hubId: cell.hubId, ids: row.byHub[cell.hubId]! }],
                            })
                          }
                        >
                          {formatValue(value, normalisation)}
                        </button>
                      )}
                      {cell.flag && (
                        <span
                          className={`flag ${cell.flag}`}
                          title={flagText(cell.flag)}
                          aria-label={flagText(cell.flag)}
                        >
                          {cell.flag === "over" ? "▲" : "▼"}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td className={`small p-value${test?.significant ? " significant" : ""}`}>
                  {test ? formatP(test.pAdjusted) : "–"}
                </td>
                {after?.(row)}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small test-note">
        {t("testTerm")} {table.baseline === "total" && t("testTermTotal")}
      </p>
      <p className="small test-note" data-testid={`${testId}-independence`}>
        {t("testIndependence")}:{" "}
        {ind
          ? `χ² = ${ind.statistic.toFixed(1)}, df = ${ind.df}, ${pText(ind.pPermutation)} (${lang === "zh" ? "置换" : "permutation"}, ${ind.permutations}), ${pText(ind.pAsymptotic)} (${lang === "zh" ? "渐近" : "asymptotic"})`
          : t("testNone")}
      </p>
    </div>
  );
}
