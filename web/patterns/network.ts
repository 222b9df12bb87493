/**
 * The pattern network and its centralities, on one projection chosen and named here.
 *
 * The graph behind it is tripartite and undirected: hub —ADOPTS— measure —BELONGS_TO— theme (and,
 * when asked, measure —TARGETS— talent category). Measures are projected out: a hub and a theme are
 * joined when some measure of the hub is under the theme, and the edge weighs the number of such
 * measures. The result is a bipartite hub × term graph, undirected — edge direction in the source
 * graph says who adopts what, not which way influence flows, so directed PageRank or betweenness on
 * it would measure the modelling, not the policies (the editorial's node had betweenness 0 and 张江
 * ranked 10th that way).
 *
 * Centralities (graphology-metrics): degree (terms a hub has; hubs a term is shared by), strength
 * (the measures behind those edges), betweenness (unweighted shortest paths, normalised: how much a
 * node lies between the others) and PageRank (weighted by the measures). Communities by Louvain.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import betweenness from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { EntityNode } from "../data/types.ts";
import type { Patterns } from "./analysis.ts";
import { seededRandom } from "./stats.ts";
import type { SharedTerm } from "./terms.ts";

export type PatternNodeKind = "hub" | "theme" | "category";

export const CENTRALITIES = ["degree", "strength", "betweenness", "pagerank"] as const;
export type Centrality = (typeof CENTRALITIES)[number];

export interface PatternNodeAttributes extends Record<Centrality, number> {
  kind: PatternNodeKind;
  /** The entity's label: Hub, Theme or TalentCategory. */
  label: string;
  name: string;
  nameEn: string;
  /** Hubs that have it (1 for a hub itself). */
  hubCount: number;
  /** Louvain community (weighted, seeded). */
  community: number;
}

export interface PatternEdgeAttributes {
  /** Number of the hub's measures under the theme or targeting the category. */
  weight: number;
  measureIds: string[];
}

export interface PatternGraphAttributes {
  /** Modularity of the Louvain partition and the number of communities. */
  modularity: number;
  communities: number;
  /** Which term layers the projection holds. */
  layers: PatternNodeKind[];
}

export type PatternNetwork = Graph<PatternNodeAttributes, PatternEdgeAttributes, PatternGraphAttributes>;

export interface NetworkOptions {
  /** Seed of Louvain's random numbers: the same seed gives the same communities. */
  seed?: number;
  resolution?: number;
  /** Leave out terms with fewer hubs (default 1: all of them). */
  minHubs?: number;
  /** The term layers besides the hubs: themes (default), and talent categories. */
  layers?: readonly Exclude<PatternNodeKind, "hub">[];
}

/** The hub × term projection of hub–measure–term, undirected, with its centralities. */
export function patternNetwork(patterns: Patterns, options: NetworkOptions = {}): PatternNetwork {
  const minHubs = Math.max(1, options.minHubs ?? 1);
  const layers = options.layers ?? ["theme"];
  const graph: PatternNetwork = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const addNode = (node: EntityNode, kind: PatternNodeKind, hubCount: number) =>
    graph.addNode(node.id, {
      kind,
      label: node.label,
      name: node.name,
      nameEn: node.nameEn,
      hubCount,
      community: 0,
      degree: 0,
      strength: 0,
      betweenness: 0,
      pagerank: 0,
    });
  for (const hub of patterns.hubs) addNode(hub, "hub", 1);
  const link = (kind: PatternNodeKind, node: EntityNode, row: SharedTerm) => {
    if (row.hubCount < minHubs || graph.hasNode(node.id)) return;
    addNode(node, kind, row.hubCount);
    for (const hubId of row.hubIds) {
      const measureIds = row.byHub[hubId]!;
      graph.addEdgeWithKey(`${hubId}|${node.id}`, hubId, node.id, { weight: measureIds.length, measureIds });
    }
  };
  if (layers.includes("theme")) for (const row of patterns.themes) link("theme", row.theme, row);
  if (layers.includes("category")) for (const row of patterns.categories) link("category", row.category, row);

  graph.replaceAttributes({ modularity: 0, communities: graph.order, layers: ["hub", ...layers] });
  if (graph.size === 0) return graph;
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: "weight",
    resolution: options.resolution ?? 1,
    rng: seededRandom(options.seed ?? 1),
  });
  graph.mergeAttributes({ modularity: detailed.modularity, communities: detailed.count });
  const between = betweenness(graph, { normalized: true, getEdgeWeight: null });
  const ranks = pagerank(graph, { getEdgeWeight: "weight" });
  graph.forEachNode((id) => {
    let strength = 0;
    graph.forEachEdge(id, (_, a) => (strength += a.weight));
    graph.mergeNodeAttributes(id, {
      community: detailed.communities[id] ?? 0,
      degree: graph.degree(id),
      strength,
      betweenness: between[id] ?? 0,
      pagerank: ranks[id] ?? 0,
    });
  });
  return graph;
}

export interface Ranked {
  id: string;
  attributes: PatternNodeAttributes;
  value: number;
  /** 1 for the most central; ties share the better rank. */
  rank: number;
}

/** Every node by one centrality, most central first (ties by name). */
export function rankBy(network: PatternNetwork, centrality: Centrality): Ranked[] {
  const nodes = network
    .mapNodes((id, attributes) => ({ id, attributes, value: attributes[centrality], rank: 0 }))
    .sort((a, b) => b.value - a.value || a.attributes.name.localeCompare(b.attributes.name, "zh"));
  nodes.forEach((n, i) => (n.rank = i > 0 && n.value === nodes[i - 1]!.value ? nodes[i - 1]!.rank : i + 1));
  return nodes;
}

/** The median of one centrality over every node. */
export function medianOf(network: PatternNetwork, centrality: Centrality): number {
  const values = network.mapNodes((_, a) => a[centrality]).sort((a, b) => a - b);
  if (values.length === 0) return 0;
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
