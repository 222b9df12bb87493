/**
 * Shared and unique: the themes, talent categories and carrier kinds shared by every hub, by each
 * pair, and unique to each hub; every term opens its measures (or carriers) with their quotes.
 */
import type { EntityNode } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import type { Patterns } from "./analysis.ts";
import { CsvButton, Name, nameIn, type ShowEvidence } from "./common.tsx";
import { sharedTable, termOf, type TermRow } from "./tables.ts";

type Dimension = "theme" | "category" | "carrierKind";

const rowsOf = (p: Patterns, d: Dimension): TermRow[] =>
  d === "theme" ? p.themes : d === "category" ? p.categories : p.carrierKinds;

/** Groups: every hub; each pair (for three hubs); each hub alone. */
export function shareGroups(p: Patterns, d: Dimension): { hubs: EntityNode[]; rows: TermRow[] }[] {
  const rows = rowsOf(p, d).filter((r) => r.hubCount > 0);
  const key = (ids: readonly string[]) => ids.join("|");
  const groups: { hubs: EntityNode[]; rows: TermRow[] }[] = [];
  const n = p.hubs.length;
  const subsets: EntityNode[][] = [p.hubs];
  if (n === 3)
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) subsets.push([p.hubs[i]!, p.hubs[j]!]);
  if (n > 1) for (const h of p.hubs) subsets.push([h]);
  for (const hubs of subsets) {
    const wanted = key(hubs.map((h) => h.id));
    groups.push({ hubs, rows: rows.filter((r) => key(r.hubIds) === wanted) });
  }
  return groups;
}

function Terms({
  patterns,
  dimension,
  onEvidence,
}: {
  patterns: Patterns;
  dimension: Dimension;
  onEvidence: ShowEvidence;
}) {
  const t = useT();
  const lang = useLang();
  const title = {
    theme: "patternThemes",
    category: "patternCategories",
    carrierKind: "patternCarrierKinds",
  } as const;
  return (
    <div className="shared-block" data-testid={`shared-${dimension}`}>
      <header className="section-head">
        <h3>{t(title[dimension])}</h3>
        <CsvButton table={sharedTable(patterns, lang, dimension)} />
      </header>
      <div className="share-groups">
        {shareGroups(patterns, dimension).map(({ hubs, rows }) => (
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
              <span className="muted">({rows.length})</span>
            </h4>
            {rows.length === 0 ? (
              <p className="muted small">—</p>
            ) : (
              <ul className="term-list">
                {rows.map((row) => {
                  const term = termOf(row);
                  return (
                    <li key={term.id}>
                      <button
                        className="term"
                        onClick={() =>
                          onEvidence({
                            title: nameIn(lang, term),
                            groups: row.hubIds.map((id) => ({ hubId: id, ids: row.byHub[id]! })),
                          })
                        }
                      >
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
    </div>
  );
}

export function SharedUnique({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  return (
    <section className="pattern-section">
      <h2>{t("patternShared")}</h2>
      <p className="muted">{t("patternSharedHelp")}</p>
      <Terms patterns={patterns} dimension="theme" onEvidence={onEvidence} />
      <Terms patterns={patterns} dimension="category" onEvidence={onEvidence} />
      <Terms patterns={patterns} dimension="carrierKind" onEvidence={onEvidence} />
    </section>
  );
}
