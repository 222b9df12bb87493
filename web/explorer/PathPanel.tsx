/**
 * The path panel, over the canvas: the two ends, the options (node types to leave out, relationship
 * types allowed, how many paths), the outcome of the search, and for the chosen path its hops, each
 * "A —TYPE→ B" with the relationship's first quote and "show in source". Everything from the data is
 * rendered as text by React.
 */
import { useState } from "react";
import { RELATION_TYPES, isRelationType } from "../../graph/model.ts";
import { MAX_HOPS } from "../data/pathOptions.ts";
import type { DataSource, EntityNode, Evidence } from "../data/types.ts";
import { useLang, useT, type Lang } from "../i18n.ts";
import { EvidenceQuote } from "./EvidenceList.tsx";
import { hopsOf, type Hop } from "./pathHops.ts";
import { PathOptionsForm } from "./PathOptionsForm.tsx";
import type { ExplorerState } from "./state.ts";
import { colorOf, relationName } from "./style.ts";
import type { PathFinder } from "./usePathFinder.ts";
import { useSourceTitles, type SourceTitles } from "./useSourceTitles.ts";

export interface PathPanelActions {
  onSelect: (target: ExplorerState["selected"]) => void;
  onShowSource: (evidence: Evidence) => void;
  onError: (error: unknown) => void;
}

/** A node's name in the UI language, the other language beside it. */
function NodeName({ node, lang, onSelect }: { node: EntityNode; lang: Lang; onSelect: () => void }) {
  const [main, other] = lang === "en" && node.nameEn ? [node.nameEn, node.name] : [node.name, node.nameEn];
  return (
    <button className="link path-node" onClick={onSelect}>
      <span className="dot" style={{ background: colorOf(node.label) }} />
      {main}
      {other && other !== main && <span className="name-en">{other}</span>}
    </button>
  );
}

function HopItem({
  hop,
  lang,
  titles,
  actions,
}: {
  hop: Hop;
  lang: Lang;
  titles: SourceTitles;
  actions: PathPanelActions;
}) {
  const t = useT();
  const type = hop.edge.type;
  const description = isRelationType(type) ? RELATION_TYPES[type].description : undefined;
  return (
    <li data-testid="path-hop">
      <div className="hop-line">
        <NodeName
          node={hop.from}
          lang={lang}
          onSelect={() => actions.onSelect({ kind: "node", id: hop.from.id })}
        />
        <button
          className="link rel-type"
          title={description ? `${type}: ${description}` : type}
          data-type={type}
          onClick={() => actions.onSelect({ kind: "edge", id: hop.edge.id })}
        >
          {hop.forward ? `—${relationName(type, lang)}→` : `←${relationName(type, lang)}—`}
        </button>
        <NodeName
          node={hop.to}
          lang={lang}
          onSelect={() => actions.onSelect({ kind: "node", id: hop.to.id })}
        />
      </div>
      {hop.quote ? (
        <EvidenceQuote evidence={hop.quote} titles={titles} onShowSource={actions.onShowSource} compact />
      ) : (
        <p className="muted">{t("pathNoQuote")}</p>
      )}
    </li>
  );
}

/** What the last search came to, in words (no path, or why it failed). */
function OutcomeNote({ finder }: { finder: PathFinder }) {
  const t = useT();
  const { outcome } = finder;
  if (outcome.kind === "searching") return <p className="muted">{t("pathSearching")}</p>;
  if (outcome.kind === "none")
    return (
      <p className="path-error" role="alert">
        {t("pathNone").replace("{n}", String(MAX_HOPS))}
      </p>
    );
  if (outcome.kind === "failed") {
    const text =
      outcome.reason === "timeout"
        ? t("pathTimeout")
        : outcome.reason === "lost"
          ? t("pathLost")
          : `${t("pathFailed")}: ${outcome.detail}`;
    return (
      <p className="path-error" role="alert">
        {text}
      </p>
    );
  }
  return null;
}

export function PathPanel({
  finder,
  source,
  nodes,
  actions,
}: {
  finder: PathFinder;
  source: DataSource;
  /** The explorer's nodes, to name the ends before anything is found. */
  nodes: ReadonlyMap<string, EntityNode>;
  actions: PathPanelActions;
}) {
  const t = useT();
  const lang = useLang();
  const [folded, setFolded] = useState(false);
  const { outcome } = finder;
  const found = outcome.kind === "found" ? outcome : null;
  const chosen = found ? found.result.paths[found.selected] : undefined;
  const hops = found && chosen ? hopsOf(found.result, chosen) : [];
  const titles = useSourceTitles(
    source,
    hops.flatMap((h) => (h.quote ? [h.quote.source] : [])),
    lang,
    actions.onError,
  );
  if (!finder.from) return null;
  const end = (id: string | null) => {
    const node = id ? nodes.get(id) : undefined;
    if (!node) return id ? <span>{id}</span> : <span className="muted">{t("pathPickEnd")}</span>;
    return (
      <NodeName node={node} lang={lang} onSelect={() => actions.onSelect({ kind: "node", id: node.id })} />
    );
  };
  const noType = finder.options.types !== null && finder.options.types.length === 0;
  return (
    <section
      className={`path-panel ${folded ? "folded" : ""}`}
      aria-label={t("pathPanel")}
      data-testid="path-panel"
      data-canvas-overlay="left"
    >
      <header>
        <h3>{t("pathPanel")}</h3>
        <button
          className="link"
          onClick={() => setFolded(!folded)}
          aria-expanded={!folded}
          aria-label={t(folded ? "pathUnfold" : "pathFold")}
          title={t(folded ? "pathUnfold" : "pathFold")}
        >
          {folded ? "▾" : "▴"}
        </button>
        <button className="link" onClick={finder.clear} aria-label={t("pathClose")} title={t("pathClose")}>
          ×
        </button>
      </header>
      <div className="path-body" hidden={folded}>
        <dl className="path-ends">
          <dt>{t("pathStart")}</dt>
          <dd>{end(finder.from)}</dd>
          <dt>{t("pathEnd")}</dt>
          <dd>{end(finder.to)}</dd>
        </dl>
        <PathOptionsForm options={finder.options} onChange={finder.setOptions} />
        {noType && <p className="path-error">{t("pathNeedType")}</p>}
        <button
          onClick={finder.search}
          disabled={!finder.to || noType || outcome.kind === "searching"}
          data-testid="path-find"
        >
          {t("pathFind")}
        </button>
        <OutcomeNote finder={finder} />
        {found && (
          <div className="path-choice" role="tablist" data-testid="path-choice">
            {found.result.paths.map((p, i) => (
              <button
                key={p.edges.join(" ")}
                role="tab"
                aria-selected={i === found.selected}
                className={i === found.selected ? "" : "secondary"}
                onClick={() => finder.select(i)}
              >
                {t("pathNth").replace("{i}", String(i + 1))} ·{" "}
                {t("pathHopCount").replace("{n}", String(p.edges.length))}
              </button>
            ))}
          </div>
        )}
        {hops.length > 0 && (
          <ol className="path-hops" data-testid="path-hops">
            {hops.map((hop) => (
              <HopItem key={hop.edge.id} hop={hop} lang={lang} titles={titles} actions={actions} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
