/**
 * The figures the source gives for each hub, side by side: topics that several hubs count as small
 * bar charts (on the figures' base units, 7.6 万人 → 76,000 人), then every hub's other figures; each
 * figure opens its quote.
 */
import { useMemo } from "react";
import type { EntityNode } from "../data/types.ts";
import { useLang, useT, type Lang } from "../i18n.ts";
import { figureText } from "../units.ts";
import type { Patterns, StatisticRow } from "./analysis.ts";
import { CsvButton, Name, nameIn, propText, type ShowEvidence } from "./common.tsx";
import { statisticsTable } from "./tables.ts";
import { HUB_COLORS } from "./chartFrame.tsx";

function figure(s: EntityNode, reported: string, lang: Lang): string {
  const { value, year, asOf, reportedIn } = s.props as {
    value?: number;
    year?: number;
    asOf?: string;
    reportedIn?: string;
  };
  // when the figure holds, as the text says; else when the source reported it
  const when = asOf ?? (year ? String(year) : reportedIn ? `${reported} ${reportedIn}` : "");
  return `${value === undefined ? "" : figureText(s.props, lang)}${when ? ` (${when})` : ""}`;
}

export function Statistics({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  const hubIndex = new Map(patterns.hubs.map((h, i) => [h.id, i]));
  const open = (row: StatisticRow) =>
    onEvidence({
      title: nameIn(lang, row.statistic),
      groups: [{ hubId: row.hubId, ids: [row.statistic.id] }],
    });
  const { shared, byHub } = useMemo(() => {
    const topics = new Map<string, StatisticRow[]>();
    const own = new Map<string, StatisticRow[]>();
    for (const row of patterns.statistics) {
      if (row.reason === null) topics.set(row.topic, [...(topics.get(row.topic) ?? []), row]);
      else own.set(row.hubId, [...(own.get(row.hubId) ?? []), row]);
    }
    return { shared: [...topics.values()], byHub: own };
  }, [patterns]);
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2>{t("patternStatistics")}</h2>
        <CsvButton table={statisticsTable(patterns, lang)} />
      </header>
      <p className="muted">{t("patternStatisticsHelp")}</p>
      <div className="stat-charts" data-testid="statistics-shared">
        {shared.map((rows) => {
          const unitOf = (r: StatisticRow) => propText(r.statistic.props.baseUnit ?? r.statistic.props.unit);
          const comparable = rows.every((r) => unitOf(r) === unitOf(rows[0]!));
          const value = (r: StatisticRow) =>
            Number(r.statistic.props.baseValue ?? r.statistic.props.value ?? 0);
          const max = Math.max(1e-9, ...rows.map(value));
          return (
            <figure key={rows[0]!.topic} className="stat-chart">
              <figcaption>
                {propText(rows[0]!.statistic.props[lang === "en" ? "measureEn" : "measure"])}{" "}
                <span className="muted small">{rows[0]!.topic}</span>
                {rows.map((r) => (
                  <div key={r.statistic.id} className="muted small">
                    {nameIn(lang, patterns.nodes.get(r.hubId)!)}:{" "}
                    {propText(r.statistic.props[lang === "en" ? "populationEn" : "population"] ?? "—")}
                  </div>
                ))}
              </figcaption>
              <ul className="bars">
                {rows.map((r) => (
                  <li key={r.statistic.id}>
                    <span className="bar-label">{nameIn(lang, patterns.nodes.get(r.hubId)!)}</span>
                    <button
                      className="bar"
                      style={{
                        width: comparable ? `${(100 * value(r)) / max}%` : "4px",
                        background: HUB_COLORS[(hubIndex.get(r.hubId) ?? 0) % HUB_COLORS.length],
                      }}
                      onClick={() => open(r)}
                      aria-label={`${nameIn(lang, r.statistic)}: ${figure(r.statistic, t("reportedIn"), lang)}`}
                    />
                    <button className="link bar-value" onClick={() => open(r)}>
                      {figure(r.statistic, t("reportedIn"), lang)}
                    </button>
                  </li>
                ))}
              </ul>
              {!comparable && <p className="muted small">{t("patternUnitsDiffer")}</p>}
            </figure>
          );
        })}
      </div>
      <div className="hub-cards">
        {patterns.hubs.map((hub) => (
          <article key={hub.id} className="hub-card">
            <h3>
              <Name entity={hub} /> <span className="muted">({byHub.get(hub.id)?.length ?? 0})</span>
            </h3>
            <table className="figures">
              <tbody>
                {(byHub.get(hub.id) ?? []).map((r) => (
                  <tr key={r.statistic.id}>
                    <td>
                      {lang === "en" ? r.topicEn || r.topic : r.topic}
                      {r.reason && (
                        <div className="muted small" data-testid="not-comparable">
                          {t(`reason_${r.reason}`)}
                        </div>
                      )}
                    </td>
                    <td>
                      <button className="link" onClick={() => open(r)}>
                        {figure(r.statistic, t("reportedIn"), lang)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ))}
      </div>
    </section>
  );
}
