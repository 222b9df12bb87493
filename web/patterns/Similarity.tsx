/** Hub-to-hub similarity (Jaccard) as heat maps, one per dimension, with the shared terms behind each number. */
import { useState } from "react";
import { useLang, useT } from "../i18n.ts";
import type { HubSimilarity, Jaccard, Patterns } from "./analysis.ts";
import { CsvButton, Name, nameIn, type ShowEvidence } from "./common.tsx";
import { similarityTable } from "./tables.ts";

type Dimension = "themes" | "categories" | "carrierKinds";
const DIMENSIONS: Dimension[] = ["themes", "categories", "carrierKinds"];
const TITLES = {
  themes: "patternThemes",
  categories: "patternCategories",
  carrierKinds: "patternCarrierKinds",
} as const;

export function Similarity({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  const [picked, setPicked] = useState<{ pair: HubSimilarity; dimension: Dimension } | null>(null);
  const find = (a: string, b: string) =>
    patterns.similarity.find((s) => (s.hubA === a && s.hubB === b) || (s.hubA === b && s.hubB === a));
  const detail: Jaccard | null = picked ? picked.pair[picked.dimension] : null;
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2>{t("patternSimilarity")}</h2>
        <CsvButton table={similarityTable(patterns, lang)} />
      </header>
      <p className="muted">{t("patternSimilarityHelp")}</p>
      <div className="heatmaps">
        {DIMENSIONS.map((dimension) => (
          <table key={dimension} className="heatmap" data-testid={`heatmap-${dimension}`}>
            <caption>{t(TITLES[dimension])}</caption>
            <thead>
              <tr>
                <th />
                {patterns.hubs.map((h) => (
                  <th key={h.id}>{nameIn(lang, h)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {patterns.hubs.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{nameIn(lang, a)}</th>
                  {patterns.hubs.map((b) => {
                    if (a.id === b.id)
                      return (
                        <td key={b.id} className="diagonal">
                          1
                        </td>
                      );
                    const pair = find(a.id, b.id);
                    if (!pair) return <td key={b.id} />;
                    const j = pair[dimension];
                    return (
                      <td key={b.id} style={{ background: `rgba(214, 39, 40, ${0.08 + 0.8 * j.value})` }}>
                        <button
                          className="cell-button"
                          onClick={() => setPicked({ pair, dimension })}
                          title={`${j.ratio}`}
                          aria-label={`${nameIn(lang, a)} ↔ ${nameIn(lang, b)}`}
                        >
                          {j.rounded.toFixed(2)}
                          <span className="small muted"> {j.ratio}</span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {picked && detail && (
        <div className="card similarity-detail" data-testid="similarity-detail">
          <h3>
            <Name entity={patterns.nodes.get(picked.pair.hubA) ?? { name: picked.pair.hubA, nameEn: "" }} /> ↔{" "}
            <Name entity={patterns.nodes.get(picked.pair.hubB) ?? { name: picked.pair.hubB, nameEn: "" }} /> ·{" "}
            {t(TITLES[picked.dimension])}: {detail.ratio} = {detail.rounded}
          </h3>
          <ul className="term-list">
            {detail.shared.map((term) => (
              <li key={term.id}>
                <button
                  className="term"
                  onClick={() =>
                    onEvidence({
                      title: nameIn(lang, term),
                      groups: [
                        { hubId: picked.pair.hubA, ids: term.idsA },
                        { hubId: picked.pair.hubB, ids: term.idsB },
                      ],
                    })
                  }
                >
                  <Name entity={term} />{" "}
                  <span className="muted small">
                    {term.idsA.length} / {term.idsB.length}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
