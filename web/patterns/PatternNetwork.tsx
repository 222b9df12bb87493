/**
 * The pattern network: the undirected hub × theme projection of hub–measure–theme (network.ts says
 * why and how), every node labelled, sized by the chosen centrality, coloured by Louvain community;
 * a legend, how to read it, and the ranking by that centrality (hubs included) beside the drawing.
 * A click opens the measures behind a term.
 */
import { SigmaContainer, useRegisterEvents } from "@react-sigma/core";
import Graph from "graphology";
import { circular } from "graphology-layout";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useMemo, useState } from "react";
import { LABEL_SETTINGS } from "../explorer/sigmaSettings.ts";
import { useLang, useT } from "../i18n.ts";
import type { Patterns } from "./analysis.ts";
import { nameIn, type ShowEvidence } from "./common.tsx";
import { CENTRALITIES, medianOf, patternNetwork, rankBy, type Centrality } from "./network.ts";

const COMMUNITY_COLORS = [
  "#d62728",
  "#1f77b4",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#17becf",
  "#8c564b",
  "#e377c2",
];

interface DrawNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  forceLabel: boolean;
}

function Clicks({ onClick }: { onClick: (id: string) => void }) {
  const registerEvents = useRegisterEvents();
  useEffect(() => registerEvents({ clickNode: (e) => onClick(e.node) }), [registerEvents, onClick]);
  return null;
}

const format = (value: number, centrality: Centrality) =>
  centrality === "degree" || centrality === "strength" ? String(value) : value.toFixed(3);

export function PatternNetwork({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  // Terms of two hubs or more by default: the shared patterns, readable with every label.
  const [minHubs, setMinHubs] = useState(2);
  const [withCategories, setWithCategories] = useState(false);
  const [centrality, setCentrality] = useState<Centrality>("betweenness");
  const network = useMemo(
    () =>
      patternNetwork(patterns, {
        seed: 1,
        minHubs,
        layers: withCategories ? ["theme", "category"] : ["theme"],
      }),
    [patterns, minHubs, withCategories],
  );
  const drawn = useMemo(() => {
    const graph = new Graph<DrawNode>({ type: "undirected" });
    const max = Math.max(...network.mapNodes((_, a) => a[centrality]), 1e-9);
    network.forEachNode((id, a) => {
      graph.addNode(id, {
        x: 0,
        y: 0,
        size: (a.kind === "hub" ? 9 : 3) + 14 * (a[centrality] / max),
        color: COMMUNITY_COLORS[a.community % COMMUNITY_COLORS.length]!,
        label: nameIn(lang, a),
        forceLabel: true,
      });
    });
    network.forEachEdge((key, a, s, target) =>
      graph.addEdgeWithKey(key, s, target, { size: Math.min(6, 0.5 + a.weight / 4), color: "#d5d9e0" }),
    );
    circular.assign(graph, { scale: 100 });
    forceAtlas2.assign(graph, {
      iterations: 300,
      getEdgeWeight: "size",
      settings: { ...forceAtlas2.inferSettings(graph), gravity: 1.5 },
    });
    return graph;
  }, [network, lang, centrality]);
  const ranked = useMemo(() => rankBy(network, centrality), [network, centrality]);
  const median = useMemo(() => medianOf(network, centrality), [network, centrality]);
  const open = (id: string) => {
    const row =
      patterns.themes.find((r) => r.theme.id === id) ?? patterns.categories.find((r) => r.category.id === id);
    const node = patterns.nodes.get(id);
    if (!row || !node) return;
    onEvidence({
      title: nameIn(lang, node),
      groups: row.hubIds.map((h) => ({ hubId: h, ids: row.byHub[h]! })),
    });
  };
  const settings = useMemo(
    () => ({
      ...LABEL_SETTINGS,
      defaultEdgeType: "line",
      labelRenderedSizeThreshold: 0,
      labelDensity: 10,
      allowInvalidContainer: true,
    }),
    [],
  );
  const attributes = network.getAttributes();
  const communities = [...new Set(network.mapNodes((_, a) => a.community))].sort((a, b) => a - b);
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2>{t("patternNetwork")}</h2>
        <label className="inline">
          {t("centrality")}
          <select
            value={centrality}
            data-testid="network-centrality"
            onChange={(e) => setCentrality(e.target.value as Centrality)}
          >
            {CENTRALITIES.map((c) => (
              <option key={c} value={c}>
                {t(`c_${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t("layers")}
          <select
            value={withCategories ? "both" : "theme"}
            onChange={(e) => setWithCategories(e.target.value === "both")}
          >
            <option value="theme">{t("layer_theme")}</option>
            <option value="both">{t("layer_both")}</option>
          </select>
        </label>
        <label className="inline">
          {t("patternMinHubs")}
          <select value={minHubs} onChange={(e) => setMinHubs(Number(e.target.value))}>
            {patterns.hubs.map((_, i) => (
              <option key={i + 1} value={i + 1}>
                ≥ {i + 1}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p className="muted" data-testid="network-projection">
        {t("projection")} {t("patternCommunities")}: {attributes.communities}, modularity{" "}
        {attributes.modularity.toFixed(3)}.
      </p>
      <div className="network-layout">
        <div className="pattern-graph" data-testid="pattern-network" data-nodes={drawn.order}>
          <SigmaContainer graph={drawn} settings={settings} className="graph-canvas">
            <Clicks onClick={open} />
          </SigmaContainer>
        </div>
        <aside className="network-side">
          <div className="network-legend" data-testid="network-legend">
            <strong>{t("networkLegend")}</strong>
            <ul>
              <li>
                <span className="legend-dot big" /> {t("legendHub")}
              </li>
              <li>
                <span className="legend-dot small" /> {t("legendTheme")}
                {withCategories && ` / ${t("legendCategory")}`}
              </li>
              <li>{t("legendSize")}</li>
              <li>
                {t("legendColor")}:{" "}
                {communities.map((c) => (
                  <span
                    key={c}
                    className="dot"
                    title={`${c + 1}`}
                    style={{ background: COMMUNITY_COLORS[c % COMMUNITY_COLORS.length] }}
                  />
                ))}
              </li>
            </ul>
          </div>
          <details className="network-help" open>
            <summary>{t("howToRead")}</summary>
            <p className="small">{t("howToReadText")}</p>
          </details>
          <table className="ranking-table" data-testid="network-ranking">
            <caption className="small muted">
              {t(`c_${centrality}`)} · {t("median")} {format(median, centrality)}
            </caption>
            <thead>
              <tr>
                <th>{t("rank")}</th>
                <th>{t("term")}</th>
                <th>{t(`c_${centrality}`)}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((n) => (
                <tr
                  key={n.id}
                  data-kind={n.attributes.kind}
                  data-node={n.id}
                  data-rank={n.rank}
                  className={n.attributes.kind === "hub" ? "hub-row" : undefined}
                >
                  <td>{n.rank}</td>
                  <td>
                    <button className="term" onClick={() => open(n.id)}>
                      <span
                        className="dot"
                        style={{
                          background: COMMUNITY_COLORS[n.attributes.community % COMMUNITY_COLORS.length],
                        }}
                      />
                      {nameIn(lang, n.attributes)}
                    </button>
                  </td>
                  <td className={n.value > median ? "above-median" : undefined}>
                    {format(n.value, centrality)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </aside>
      </div>
    </section>
  );
}
