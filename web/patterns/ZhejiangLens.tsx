/**
 * The regional lens (the region is the data's: 浙江 for the seed's news digest): the region's news
 * mapped onto the hubs' themes — which hub patterns it follows, and which not (yet). Each news item
 * is linked to what it reports (REPORTS) and so to the themes those fall under (BELONGS_TO), and each
 * theme to the hubs that have it; everything opens its evidence.
 */
import { useLang, useT } from "../i18n.ts";
import type { LensRow, Patterns } from "./analysis.ts";
import { CountCell, CsvButton, Name, nameIn, ShareBadge, type ShowEvidence } from "./common.tsx";
import { zhejiangTable } from "./tables.ts";

function LensTerms({
  rows,
  testId,
  onOpen,
}: {
  rows: LensRow[];
  testId: string;
  onOpen: (row: LensRow) => void;
}) {
  const t = useT();
  return (
    <ul className="term-list" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.theme.id}>
          <button className="term" onClick={() => onOpen(r)}>
            <Name entity={r.theme} />{" "}
            <span className="muted small">
              {r.hubCount} {t("patternHubs")} · {r.news.length} {t("patternNews")}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ZhejiangLens({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  const lens = patterns.zhejiang;
  const region = lens.regionIds.map((id) => patterns.nodes.get(id)).find(Boolean);
  const openNews = (row: LensRow) =>
    onEvidence({
      title: `${nameIn(lang, row.theme)} · ${region ? nameIn(lang, region) : lens.region}`,
      groups: [{ hubId: null, ids: row.news.map((n) => n.newsId) }],
    });
  const openHubs = (row: LensRow) =>
    onEvidence({
      title: nameIn(lang, row.theme),
      groups: row.hubIds.map((h) => ({ hubId: h, ids: row.byHub[h]! })),
    });
  const allHubs = patterns.hubs.length;
  const gaps = lens.rows.filter((r) => r.coverage === "hubs only").sort((a, b) => b.hubCount - a.hubCount);
  const measures = (r: LensRow) => r.hubIds.reduce((sum, h) => sum + r.byHub[h]!.length, 0);
  // A theme every hub works on with many measures but one news item in the region is barely there.
  const thin = lens.rows
    .filter((r) => r.coverage === "both" && r.hubCount === allHubs && r.news.length <= 1)
    .sort((a, b) => measures(b) - measures(a));
  const both = lens.rows
    .filter((r) => r.coverage === "both" && !thin.includes(r))
    .sort((a, b) => b.news.length - a.news.length);
  const maxNews = Math.max(1, ...lens.rows.map((r) => r.news.length));
  const max = Math.max(1, ...lens.rows.flatMap((r) => patterns.hubs.map((h) => r.byHub[h.id]?.length ?? 0)));
  /** A theme's measures per hub, each count opening its measures with their quotes. */
  const hubCells = (r: (typeof lens.rows)[number]) =>
    patterns.hubs.map((h) => {
      const title = `${nameIn(lang, r.theme)} · ${nameIn(lang, h)}`;
      return (
        <CountCell
          key={h.id}
          count={r.byHub[h.id]?.length ?? 0}
          max={max}
          label={title}
          onOpen={() => onEvidence({ title, groups: [{ hubId: h.id, ids: r.byHub[h.id]! }] })}
        />
      );
    });
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2 data-testid="lens-heading">
          {region ? nameIn(lang, region) : lens.region}
          {lang === "en" ? " " : ""}
          {t("lensTitle")}
        </h2>
        <CsvButton table={zhejiangTable(patterns, lang)} />
      </header>
      <h3>{t("lensFollows")}</h3>
      <table className="matrix lens-table" data-testid="lens-follows">
        <thead>
          <tr>
            <th>{t("lensPatternRows")}</th>
            {patterns.hubs.map((h) => (
              <th key={h.id}>{nameIn(lang, h)}</th>
            ))}
            <th>{t("patternShare")}</th>
            <th>{region ? nameIn(lang, region) : lens.region}</th>
          </tr>
        </thead>
        <tbody>
          {lens.rows
            .filter((r) => r.hubCount > 0)
            .map((r) => (
              <tr key={r.theme.id} data-theme={r.theme.id} data-followed={r.inNews}>
                <th scope="row">
                  <Name entity={r.theme} />
                </th>
                {hubCells(r)}
                <td>
                  <ShareBadge share={r.share} />
                </td>
                <td className={r.inNews ? "followed" : "not-followed"}>
                  {r.inNews ? (
                    <button className="cell-button" onClick={() => openNews(r)}>
                      ✓ {t("lensFollowed")} · {r.news.length} {t("lensItems")}
                    </button>
                  ) : (
                    t("lensNotFollowed")
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <h3>
        {t("lensNewsItem")} ({lens.items.length})
      </h3>
      <table className="matrix lens-items" data-testid="lens-items">
        <thead>
          <tr>
            <th>{t("lensDate")}</th>
            <th>{t("lensNewsItem")}</th>
            <th>{t("lensThemes")}</th>
            <th>{t("lensPattern")}</th>
          </tr>
        </thead>
        <tbody>
          {lens.items.map((item) => {
            const news = patterns.nodes.get(item.newsId)!;
            return (
              <tr key={item.newsId} data-news={item.newsId}>
                <td>{item.date}</td>
                <td>
                  <button
                    className="cell-button"
                    onClick={() =>
                      onEvidence({
                        title: nameIn(lang, news),
                        groups: [{ hubId: null, ids: [item.newsId, ...item.reportedIds] }],
                      })
                    }
                  >
                    <Name entity={news} />
                  </button>
                </td>
                <td>
                  {item.themeIds.length === 0
                    ? t("lensNone")
                    : item.themeIds
                        .map((id) => nameIn(lang, patterns.nodes.get(id)!))
                        .join(lang === "zh" ? "、" : ", ")}
                </td>
                <td className="small">
                  {item.themeIds.map((id) => {
                    const row = lens.rows.find((r) => r.theme.id === id);
                    if (!row || row.hubCount === 0) return null;
                    return (
                      <div key={id}>
                        {nameIn(lang, row.theme)}:{" "}
                        {row.hubIds
                          .map((h) => `${nameIn(lang, patterns.nodes.get(h)!)} ${row.byHub[h]!.length}`)
                          .join(" · ")}
                      </div>
                    );
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{t("lensHelp")}</p>
      <div className="share-groups">
        <div className="share-group">
          <h4>
            {t("patternInBoth")} ({both.length})
          </h4>
          <LensTerms rows={both} testId="lens-both" onOpen={(r) => (r.inNews ? openNews(r) : openHubs(r))} />
        </div>
        <div className="share-group gap">
          <h4>
            {t("patternNotYet")} ({gaps.length})
          </h4>
          <LensTerms rows={gaps} testId="lens-gaps" onOpen={(r) => (r.inNews ? openNews(r) : openHubs(r))} />
        </div>
        <div className="share-group gap">
          <h4>
            {t("patternThin")} ({thin.length})
          </h4>
          <LensTerms rows={thin} testId="lens-thin" onOpen={(r) => (r.inNews ? openNews(r) : openHubs(r))} />
        </div>
      </div>
      <table className="matrix" data-testid="zhejiang-matrix">
        <thead>
          <tr>
            <th>{t("patternTheme")}</th>
            {patterns.hubs.map((h) => (
              <th key={h.id}>{nameIn(lang, h)}</th>
            ))}
            <th>{region ? nameIn(lang, region) : lens.region}</th>
          </tr>
        </thead>
        <tbody>
          {lens.rows.map((r) => (
            <tr key={r.theme.id} data-coverage={r.coverage}>
              <th scope="row">
                <Name entity={r.theme} />
              </th>
              {hubCells(r)}
              <CountCell
                count={r.news.length}
                max={maxNews}
                label={`${nameIn(lang, r.theme)} · ${lens.region}`}
                onOpen={() => openNews(r)}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
