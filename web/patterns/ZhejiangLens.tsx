/**
 * The Zhejiang lens: the July 2020 news from the region mapped onto the hubs' themes — which hub
 * patterns already appear in Zhejiang, and which do not (yet). Everything opens its evidence.
 */
import { useLang, useT } from "../i18n.ts";
import type { LensRow, Patterns } from "./analysis.ts";
import { CountCell, CsvButton, Name, nameIn, type ShowEvidence } from "./common.tsx";
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
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2>
          {t("patternZhejiang")} {region && <Name entity={region} />}
        </h2>
        <CsvButton table={zhejiangTable(patterns, lang)} />
      </header>
      <p className="muted">{t("patternZhejiangHelp")}</p>
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
              {patterns.hubs.map((h) => (
                <CountCell
                  key={h.id}
                  count={r.byHub[h.id]?.length ?? 0}
                  max={max}
                  label={`${nameIn(lang, r.theme)} · ${nameIn(lang, h)}`}
                  onOpen={() =>
                    onEvidence({
                      title: `${nameIn(lang, r.theme)} · ${nameIn(lang, h)}`,
                      groups: [{ hubId: h.id, ids: r.byHub[h.id]! }],
                    })
                  }
                />
              ))}
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
