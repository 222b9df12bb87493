/**
 * Policy instruments and the talent chain: per hub, the mix of supply-side, environmental and
 * demand-side instruments and the coverage of 引/育/用/留, as bars and as an instrument × stage table,
 * each number opening the measures behind it. (Bars are plain HTML: a chart library would add more
 * than these few rectangles need.)
 */
import { useLang, useT } from "../i18n.ts";
import type { EntityNode } from "../data/types.ts";
import type { Patterns } from "./analysis.ts";
import { CountCell, CsvButton, Name, nameIn, type ShowEvidence } from "./common.tsx";
import { instrumentStageTable } from "./tables.ts";

const TYPE_COLORS = ["#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd"];

function Bars({
  items,
  onOpen,
}: {
  items: { entity: EntityNode; ids: string[]; color: string }[];
  onOpen: (entity: EntityNode, ids: string[]) => void;
}) {
  const lang = useLang();
  const max = Math.max(1, ...items.map((i) => i.ids.length));
  return (
    <ul className="bars">
      {items.map(({ entity, ids, color }) => (
        <li key={entity.id}>
          <span className="bar-label">{nameIn(lang, entity)}</span>
          <button
            className="bar"
            style={{ width: `${(100 * ids.length) / max}%`, background: color }}
            onClick={() => onOpen(entity, ids)}
            disabled={ids.length === 0}
            aria-label={`${nameIn(lang, entity)}: ${ids.length}`}
          />
          <span className="bar-value">{ids.length}</span>
        </li>
      ))}
    </ul>
  );
}

export function InstrumentsChain({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  const max = Math.max(
    1,
    ...patterns.instrumentStage.flatMap((m) =>
      Object.values(m.cells).flatMap((row) => Object.values(row).map((ids) => ids.length)),
    ),
  );
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2>{t("patternInstruments")}</h2>
        <CsvButton table={instrumentStageTable(patterns, lang)} />
      </header>
      <p className="muted">{t("patternInstrumentsHelp")}</p>
      <div className="hub-cards">
        {patterns.instrumentStage.map((matrix) => {
          const hub = patterns.nodes.get(matrix.hubId)!;
          const open = (what: string, ids: string[]) =>
            onEvidence({ title: `${nameIn(lang, hub)} · ${what}`, groups: [{ hubId: hub.id, ids }] });
          return (
            <article key={hub.id} className="hub-card" data-testid={`instruments-${hub.id}`}>
              <h3>
                <Name entity={hub} />
              </h3>
              <h4>{t("patternInstrumentMix")}</h4>
              <Bars
                items={patterns.instrumentTypes.map((type, i) => ({
                  entity: type,
                  ids: matrix.byType[type.id] ?? [],
                  color: TYPE_COLORS[i % TYPE_COLORS.length]!,
                }))}
                onOpen={(entity, ids) => open(nameIn(lang, entity), ids)}
              />
              <h4>{t("patternStageCoverage")}</h4>
              <Bars
                items={patterns.stages.map((stage) => ({
                  entity: stage,
                  ids: matrix.byStage[stage.id] ?? [],
                  color: "#bcbd22",
                }))}
                onOpen={(entity, ids) => open(nameIn(lang, entity), ids)}
              />
              <table className="matrix small-matrix">
                <thead>
                  <tr>
                    <th />
                    {patterns.stages.map((s) => (
                      <th key={s.id}>{nameIn(lang, s)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {patterns.instrumentTypes.map((type) => (
                    <tr key={type.id}>
                      <th scope="row">{nameIn(lang, type)}</th>
                      {patterns.stages.map((stage) => {
                        const ids = matrix.cells[type.id]?.[stage.id] ?? [];
                        const what = `${nameIn(lang, type)} × ${nameIn(lang, stage)}`;
                        return (
                          <CountCell
                            key={stage.id}
                            count={ids.length}
                            max={max}
                            label={what}
                            onOpen={() => open(what, ids)}
                          />
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          );
        })}
      </div>
    </section>
  );
}
