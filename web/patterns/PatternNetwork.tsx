/**
 * The pattern network: hubs, themes and talent categories (an edge when a hub adopts measures under
 * the term, weighted by how many), communities by Louvain and ranks by PageRank (graphology), drawn
 * by sigma. A click opens the measures behind a term.
 */
import { SigmaContainer, useRegisterEvents } from "@react-sigma/core";
import Graph from "graphology";
import { circular } from "graphology-layout";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useMemo, useState } from "react";
import { LABEL_SETTINGS } from "../explorer/sigmaSettings.ts";
import { useLang, useT } from "../i18n.ts";
import { patternNetwork, type Patterns } from "./analysis.ts";
import { nameIn, type ShowEvidence } from "./common.tsx";

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
  type?: string;
}

function Clicks({ onClick }: { onClick: (id: string) => void }) {
  const registerEvents = useRegisterEvents();
  useEffect(() => registerEvents({ clickNode: (e) => onClick(e.node) }), [registerEvents, onClick]);
  return null;
}

export function PatternNetwork({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  // Terms of two hubs or more by default: the shared patterns, readable with every label.
  const [minHubs, setMinHubs] = useState(2);
  const network = useMemo(() => patternNetwork(patterns, { seed: 1, minHubs }), [patterns, minHubs]);
  const drawn = useMemo(() => {
    const graph = new Graph<DrawNode>({ type: "undirected" });
    const maxRank = Math.max(...network.mapNodes((_, a) => a.pagerank), 1e-9);
    network.forEachNode((id, a) => {
      graph.addNode(id, {
        x: 0,
        y: 0,
        size: (a.kind === "hub" ? 10 : 3) + 14 * (a.pagerank / maxRank),
        color: COMMUNITY_COLORS[a.community % COMMUNITY_COLORS.length]!,
        label: nameIn(lang, a),
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
  }, [network, lang]);
  const ranked = useMemo(
    () =>
      network
        .mapNodes((id, a) => ({ id, ...a }))
        .filter((n) => n.kind !== "hub")
        .sort((a, b) => b.pagerank - a.pagerank)
        .slice(0, 15),
    [network],
  );
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
      labelRenderedSizeThreshold: 6,
      allowInvalidContainer: true,
    }),
    [],
  );
  const attributes = network.getAttributes();
  return (
    <section className="pattern-section">
      <header className="section-head">
        <h2>{t("patternNetwork")}</h2>
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
      <p className="muted">
        {t("patternNetworkHelp")} {t("patternCommunities")}: {attributes.communities}, modularity{" "}
        {attributes.modularity.toFixed(3)}.
      </p>
      <div className="network-layout">
        <div className="pattern-graph" data-testid="pattern-network" data-nodes={drawn.order}>
          <SigmaContainer graph={drawn} settings={settings} className="graph-canvas">
            <Clicks onClick={open} />
          </SigmaContainer>
        </div>
        <ol className="ranking">
          <li className="muted small">{t("patternRanking")}</li>
          {ranked.map((n) => (
            <li key={n.id}>
              <button className="term" onClick={() => open(n.id)}>
                <span
                  className="dot"
                  style={{ background: COMMUNITY_COLORS[n.community % COMMUNITY_COLORS.length] }}
                />
                {nameIn(lang, n)} <span className="muted small">{n.pagerank.toFixed(3)}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
