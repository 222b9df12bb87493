/**
 * Node size by a metric of the shown graph, computed with graphology-metrics: degree, PageRank or
 * betweenness centrality (betweenness is O(V·E), so it is limited to graphs of a few thousand nodes).
 */
import betweenness from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { RenderGraph } from "./renderGraph.ts";
import { nodeSize } from "./renderGraph.ts";
import type { Metric } from "./state.ts";

export const BETWEENNESS_LIMIT = 5000;

export function applyMetric(graph: RenderGraph, metric: Metric): void {
  if (graph.order === 0) return;
  if (metric === "degree" || (metric === "betweenness" && graph.order > BETWEENNESS_LIMIT)) {
    graph.forEachNode((id, a) =>
      graph.setNodeAttribute(id, "size", nodeSize(graph.degree(id), a.entity.label)),
    );
    return;
  }
  const scores =
    metric === "pagerank"
      ? pagerank(graph, { getEdgeWeight: null })
      : betweenness(graph, { normalized: true });
  const max = Math.max(...Object.values(scores), Number.EPSILON);
  graph.forEachNode((id) => graph.setNodeAttribute(id, "size", 3 + 22 * Math.sqrt((scores[id] ?? 0) / max)));
}
