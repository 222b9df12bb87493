/**
 * The nodes, relationships and paths of a result as a network, drawn like the explorer (same colours,
 * sizes and label font). Laid out once with ForceAtlas2 (synchronously: results are capped in rows,
 * and the layout stops after a fixed number of iterations).
 */
import { SigmaContainer, useRegisterEvents } from "@react-sigma/core";
import Graph from "graphology";
import { circular } from "graphology-layout";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useMemo, useState } from "react";
import type { EntityNode, GraphData } from "../data/types.ts";
import { nodeSize, sync, type RenderEdge, type RenderNode } from "../explorer/renderGraph.ts";
import { LABEL_SETTINGS } from "../explorer/sigmaSettings.ts";
import { LABEL_NAMES, relationName } from "../explorer/style.ts";
import { useLang, useT } from "../i18n.ts";

const SMALL_RESULT = 60;

/** Relationships are captioned with their names up to this many (beyond, captions would cover the picture). */
const CAPTIONED = 150;

type ResultEdge = RenderEdge & { label?: string };

function build(data: GraphData, lang: "zh" | "en"): Graph<RenderNode, ResultEdge> {
  const graph = new Graph<RenderNode, ResultEdge>({ type: "directed", multi: true });
  sync(graph, new Map(data.nodes.map((n) => [n.id, n])), new Map(data.edges.map((e) => [e.id, e])), lang);
  graph.forEachNode((id, a) =>
    graph.setNodeAttribute(id, "size", nodeSize(graph.degree(id), a.entity.label)),
  );
  if (graph.size <= CAPTIONED)
    graph.forEachEdge((id, a) => graph.setEdgeAttribute(id, "label", relationName(a.entity.type, lang)));
  circular.assign(graph, { scale: 100 });
  if (graph.order > 1) {
    const iterations = graph.order > 2000 ? 60 : 200;
    forceAtlas2.assign(graph, {
      iterations,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
    });
  }
  return graph;
}

function Clicks({ onClick }: { onClick: (id: string | null) => void }) {
  const registerEvents = useRegisterEvents();
  useEffect(() => {
    registerEvents({ clickNode: (e) => onClick(e.node), clickStage: () => onClick(null) });
  }, [registerEvents, onClick]);
  return null;
}

export function ResultGraph({ data }: { data: GraphData }) {
  const lang = useLang();
  const t = useT();
  const graph = useMemo(() => build(data, lang), [data, lang]);
  const [picked, setPicked] = useState<EntityNode | null>(null);
  // Every label on small results; sigma's label grid picks the readable ones on large.
  const settings = useMemo(
    () => ({
      ...LABEL_SETTINGS,
      allowInvalidContainer: true,
      labelRenderedSizeThreshold: graph.order <= SMALL_RESULT ? 0 : LABEL_SETTINGS.labelRenderedSizeThreshold,
      labelDensity: graph.order <= SMALL_RESULT ? 10 : LABEL_SETTINGS.labelDensity,
      renderEdgeLabels: graph.size <= CAPTIONED,
      edgeLabelFont: LABEL_SETTINGS.labelFont,
      edgeLabelSize: 11,
      edgeLabelColor: { color: "#66707f" },
    }),
    [graph],
  );
  return (
    <div className="result-graph" data-testid="result-graph" data-nodes={graph.order} data-edges={graph.size}>
      <SigmaContainer<RenderNode, ResultEdge> graph={graph} settings={settings} className="graph-canvas">
        <Clicks onClick={(id) => setPicked(id ? graph.getNodeAttribute(id, "entity") : null)} />
      </SigmaContainer>
      {picked && (
        <div className="result-graph-pick">
          <strong>{picked.name}</strong> {picked.nameEn && <span className="muted">{picked.nameEn}</span>}
          <div className="muted">
            {LABEL_NAMES[picked.label]?.[lang] ?? picked.label} · {picked.id}
          </div>
          {picked.evidence[0] && <blockquote>{picked.evidence[0].quote}</blockquote>}
        </div>
      )}
      <div className="result-graph-count muted">
        {graph.order} {t("nodes")} · {graph.size} {t("relationships")}
      </div>
    </div>
  );
}
