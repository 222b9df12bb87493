/**
 * Shared policy patterns across the hubs: the whole graph loaded once (from Neo4j or the snapshot),
 * the analyses computed in the browser (web/patterns/analysis.ts, the twins of the saved queries),
 * and views over them; every number opens the measures behind it with their quotes.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { DataSource, GraphData, SourceDocument } from "../data/types.ts";
import { useSourceViewer } from "../explorer/SourceViewer.tsx";
import { useSourceTitles } from "../explorer/useSourceTitles.ts";
import { download } from "../files.ts";
import { ensureFont } from "../fonts.ts";
import { useLang, useT, type StringKey } from "../i18n.ts";
import {
  analyse,
  CATEGORY_LEVELS,
  INDUSTRY_LEVELS,
  type CategoryLevel,
  type IndustryLevel,
} from "./analysis.ts";
import { Claims } from "./Claims.tsx";
import type { EvidenceTarget } from "./common.tsx";
import { EvidencePanel } from "./EvidencePanel.tsx";
import { InstrumentsChain } from "./InstrumentsChain.tsx";
import { Matrix } from "./Matrix.tsx";
import { PatternNetwork } from "./PatternNetwork.tsx";
import { NORMALISATIONS, type Normalisation } from "./fair.ts";
import "./patterns.css";
import { embeddedFontCss } from "./reportFont.ts";
import { buildReport, reportText } from "./report.ts";
import { SharedUnique } from "./SharedUnique.tsx";
import { onlySource, sourcesOf } from "./sourceFilter.ts";
import { Similarity } from "./Similarity.tsx";
import { Statistics } from "./Statistics.tsx";
import { ZhejiangLens } from "./ZhejiangLens.tsx";

const SECTIONS = [
  ["matrix", "patternMatrix"],
  ["claims", "patternClaims"],
  ["shared", "patternShared"],
  ["instruments", "patternInstruments"],
  ["similarity", "patternSimilarity"],
  ["network", "patternNetwork"],
  ["statistics", "patternStatistics"],
  ["zhejiang", "patternZhejiang"],
] as const satisfies readonly (readonly [string, StringKey])[];
type Section = (typeof SECTIONS)[number][0];

interface Loaded {
  graph: GraphData;
  /** The source documents, for the length of each hub's own text; one that fails to load is left out. */
  documents: SourceDocument[];
}

/** The whole graph, loaded once per data source (the tab is unmounted when left); a failure is retried. */
const loaded = new WeakMap<DataSource, Promise<Loaded>>();
function everything(source: DataSource): Promise<Loaded> {
  let graph = loaded.get(source);
  if (!graph) {
    graph = source.everything().then(async (data) => {
      const documents = await Promise.all(sourcesOf(data).map((id) => source.source(id).catch(() => null)));
      return { graph: data, documents: documents.filter((d): d is SourceDocument => d !== null) };
    });
    graph.catch(() => loaded.delete(source));
    loaded.set(source, graph);
  }
  return graph;
}

/** A choice kept in the address: the value of `name` if it is one of `choices`, else the first. */
function fromUrl<T extends string>(name: string, choices: readonly T[]): T {
  const wanted = new URLSearchParams(window.location.search).get(name);
  return choices.find((c) => c === wanted) ?? choices[0]!;
}

/** Keeps a choice of the view in the address (an empty value removes it), without a history entry. */
function setUrlParam(name: string, value: string) {
  const url = new URL(window.location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  window.history.replaceState(null, "", url);
}

function sectionFromUrl(): Section {
  const wanted = new URLSearchParams(window.location.search).get("pattern");
  return SECTIONS.find(([id]) => id === wanted)?.[0] ?? "matrix";
}

export function PatternsView({ source }: { source: DataSource }) {
  const t = useT();
  const lang = useLang();
  const [data, setData] = useState<{
    graph?: GraphData;
    documents?: SourceDocument[];
    error?: string;
  } | null>(null);
  const [section, setSectionState] = useState<Section>(sectionFromUrl);
  const [target, setTarget] = useState<EvidenceTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSourceError = useCallback((e: unknown) => setError(e instanceof Error ? e.message : String(e)), []);
  const { show: showSource, viewer: sourceViewer } = useSourceViewer(source, onSourceError);

  useEffect(() => {
    let cancelled = false;
    everything(source)
      .then(async ({ graph, documents }) => {
        await ensureFont(graph.nodes.filter((n) => n.label !== "Measure").flatMap((n) => [n.name, n.nameEn]));
        if (!cancelled) setData({ graph, documents });
      })
      .catch((e: unknown) => {
        if (!cancelled) setData({ error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [source]);

  const sources = useMemo(() => (data?.graph ? sourcesOf(data.graph) : []), [data]);
  const titles = useSourceTitles(source, sources, lang, onSourceError);
  const [only, setOnly] = useState<string>(
    () => new URLSearchParams(window.location.search).get("source") ?? "",
  );
  const [level, setLevel] = useState<CategoryLevel>(() => fromUrl("level", CATEGORY_LEVELS));
  const [industryLevel, setIndustryLevel] = useState<IndustryLevel>(() =>
    fromUrl("industry", INDUSTRY_LEVELS),
  );
  const [normalisation, setNormalisation] = useState<Normalisation>(() => fromUrl("norm", NORMALISATIONS));
  const [reporting, setReporting] = useState(false);
  const patterns = useMemo(
    () =>
      data?.graph
        ? analyse(only && sources.includes(only) ? onlySource(data.graph, only) : data.graph, {
            categoryLevel: level,
            industryLevel,
            documents: data.documents,
          })
        : null,
    [data, only, sources, level, industryLevel],
  );

  const setSection = (next: Section) => {
    setSectionState(next);
    setUrlParam("pattern", next);
  };

  if (data?.error)
    return (
      <div className="card error" role="alert">
        {t("error")}: {data.error}
      </div>
    );
  if (!patterns) return <p className="muted loading-inline">{t("patternLoading")}</p>;
  if (patterns.hubs.length === 0) return <p className="muted">{t("patternNoHubs")}</p>;

  const props = { patterns, onEvidence: setTarget, normalisation };
  const region = patterns.zhejiang.regionIds.map((id) => patterns.nodes.get(id)).find(Boolean);
  const sectionName = (id: Section, key: StringKey) =>
    id === "zhejiang" && region
      ? `${lang === "en" && region.nameEn ? region.nameEn : region.name}${lang === "en" ? " " : ""}${t("lensTitle")}`
      : t(key);
  const writeReport = async () => {
    setReporting(true);
    try {
      const fontCss = await embeddedFontCss(reportText(patterns, lang));
      download(
        new Blob([buildReport(patterns, lang, { fontCss })], { type: "text/html" }),
        "talent-policy-patterns-report.html",
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReporting(false);
    }
  };
  return (
    <div className="patterns" data-testid="patterns">
      <nav className="tabs small" role="tablist" aria-label={t("tabPatterns")}>
        {SECTIONS.map(([id, key]) => (
          <button key={id} role="tab" aria-selected={section === id} onClick={() => setSection(id)}>
            {sectionName(id, key)}
          </button>
        ))}
        <span className="spacer" />
        {sources.length > 1 && (
          <label className="inline small">
            {t("filterSources")}
            <select
              value={only}
              data-testid="pattern-source"
              onChange={(e) => {
                setOnly(e.target.value);
                setTarget(null);
                setUrlParam("source", e.target.value);
              }}
            >
              <option value="">{t("patternAllSources")}</option>
              {sources.map((s) => (
                <option key={s} value={s}>
                  {titles.source(s)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline small">
          {t("patternLevel")}
          <select
            value={level}
            data-testid="pattern-level"
            onChange={(e) => {
              const next = e.target.value as CategoryLevel;
              setLevel(next);
              setTarget(null);
              setUrlParam("level", next);
            }}
          >
            {CATEGORY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level_${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline small">
          {t("industryLevel")}
          <select
            value={industryLevel}
            data-testid="pattern-industry-level"
            onChange={(e) => {
              const next = e.target.value as IndustryLevel;
              setIndustryLevel(next);
              setTarget(null);
              setUrlParam("industry", next);
            }}
          >
            {INDUSTRY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`ilevel_${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline small">
          {t("normalisation")}
          <select
            value={normalisation}
            data-testid="pattern-normalisation"
            onChange={(e) => {
              const next = e.target.value as Normalisation;
              setNormalisation(next);
              setUrlParam("norm", next);
            }}
          >
            {NORMALISATIONS.map((n) => (
              <option key={n} value={n}>
                {t(`norm_${n}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          className="secondary small-button"
          data-testid="download-report"
          disabled={reporting}
          onClick={() => void writeReport()}
        >
          {t("patternReport")}
        </button>
      </nav>
      {error && (
        <div className="card error" role="alert">
          {t("error")}: {error}
        </div>
      )}
      {/* Keyed by the source filter: what a view had picked belongs to the analysis it came from. */}
      <div
        key={`${only}|${level}|${industryLevel}`}
        className={target ? "patterns-body with-evidence" : "patterns-body"}
      >
        <div className="patterns-main">
          {section === "matrix" && <Matrix {...props} />}
          {section === "claims" && <Claims {...props} />}
          {section === "shared" && <SharedUnique {...props} />}
          {section === "instruments" && <InstrumentsChain {...props} />}
          {section === "similarity" && <Similarity {...props} />}
          {section === "network" && <PatternNetwork {...props} />}
          {section === "statistics" && <Statistics {...props} />}
          {section === "zhejiang" && <ZhejiangLens {...props} />}
        </div>
        {target && (
          <EvidencePanel
            patterns={patterns}
            target={target}
            onClose={() => setTarget(null)}
            onShowSource={showSource}
          />
        )}
      </div>
      {sourceViewer}
    </div>
  );
}
