/**
 * The render benchmark's baseline: the same snapshot drawn by sigma alone — no React, no data layer,
 * no validation — with the explorer's first-view selection (hubs and the first `cap` neighbours by
 * id), its starting spiral, sizes, colours, label font and settings and arrow edges, and ForceAtlas2
 * in a worker with the explorer's settings and run time. Marks `tpg:first-frame` like the app.
 *
 * Query: `snapshot` (URL), `cap`, `w`/`h` (container size in px, to match the app's graph area) and
 * `like` (comma-separated app features to switch on: `zIndex`, `edgeEvents`, `reducers`).
 */
import "@fontsource/noto-sans-sc/400.css";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { nodeSize } from "../../web/explorer/renderGraph.ts";
import { colorOf } from "../../web/explorer/style.ts";
import { LABEL_SETTINGS } from "../../web/explorer/sigmaSettings.ts";

interface Node {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
}
interface Edge {
  size: number;
  color: string;
}

const params = new URLSearchParams(window.location.search);
const like = new Set((params.get("like") ?? "").split(",").filter(Boolean));
const cap = Number(params.get("cap") ?? 2000);
const container = document.getElementById("graph")!;
if (params.get("w")) container.style.width = `${params.get("w")}px`;
if (params.get("h")) container.style.height = `${params.get("h")}px`;

const response = await fetch(params.get("snapshot") ?? "");
const full = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
full.import((await response.json()) as Parameters<typeof full.import>[0]);

// The explorer's first view (SnapshotSource.initial).
const hubs = full.filterNodes((_id, a) => a.label === "Hub");
const neighbours = [...new Set(hubs.flatMap((h) => full.neighbors(h)))].sort().slice(0, cap);
const ids = new Set([...hubs, ...neighbours]);

const graph = new Graph<Node, Edge>({ type: "directed", multi: true });
let i = 0;
for (const id of ids) {
  const a = full.getNodeAttributes(id);
  const [angle, radius] = [i * 2.399963, 4 * Math.sqrt(i + 1)];
  const kind = String(a.label);
  graph.addNode(id, {
    x: radius * Math.cos(angle),
    y: radius * Math.sin(angle),
    size: 4,
    color: colorOf(kind),
    label: String(a.name),
    kind,
  });
  i++;
}
full.forEachEdge((key, _a, source, target) => {
  if (ids.has(source) && ids.has(target))
    graph.addDirectedEdgeWithKey(key, source, target, { size: 1, color: "#c9ced6" });
});
graph.forEachNode((id, a) => graph.setNodeAttribute(id, "size", nodeSize(graph.degree(id), a.kind)));

// As the explorer: canvas text does not load unicode-range font slices by itself.
const chars = [...new Set(graph.mapNodes((_id, a) => a.label).join(""))].join("");
await document.fonts.load('13px "Noto Sans SC"', chars);

const settings: Partial<Settings<Node, Edge>> = {
  ...LABEL_SETTINGS,
  zIndex: like.has("zIndex"),
  enableEdgeEvents: like.has("edgeEvents"),
};
if (like.has("reducers")) {
  // The shape of the explorer's reducers with nothing highlighted: a copy per node, lookups per edge.
  settings.nodeReducer = (_id, a) => ({ ...a });
  settings.edgeReducer = (id, a) => {
    const [s, t] = graph.extremities(id);
    return graph.getNodeAttribute(s, "kind") && graph.getNodeAttribute(t, "kind")
      ? a
      : { ...a, hidden: true };
  };
}
const sigma = new Sigma(graph, container, settings);
// The constructor renders synchronously: this is the first frame with the graph.
performance.mark("tpg:first-frame");
Object.assign(window, { __bare: { nodes: graph.order, edges: graph.size, sigma } });

const layout = new FA2Layout(graph, {
  settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, slowDown: 5 },
});
layout.start();
window.setTimeout(() => layout.stop(), graph.order > 1500 ? 6000 : 3500);
