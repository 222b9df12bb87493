/**
 * Synthetic snapshots for the render benchmark, in the format importer/snapshot.ts writes (graphology
 * serialised JSON that web/data/snapshotSource.ts accepts), deterministic for a given size and seed.
 *
 * The explorer's first view is the Hub nodes and their neighbours, streamed in pages; opened with
 * `?cap=N` it loads all of them. So the graph has a few hubs (ids `hub:…`) and every other node
 * (ids `entity:…`) has its first edge to a hub: the first view holds all `n` nodes and `4n` edges,
 * and the app's first frame shows its first page while the rest streams in.
 */
import type { SerializedGraph } from "graphology-types";
import { LABELS, RELATION_TYPE_NAMES } from "../../graph/model.ts";

export const EDGES_PER_NODE = 4;
/** Hubs in a synthetic graph: as few as the seed has, so that the first view is mostly neighbours. */
export const SYNTHETIC_HUBS = 3;

/** Deterministic pseudo-random numbers (an LCG, as in bench/import.ts). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CHARS = "人才政策科创中心张江中关村前海计划平台产业联盟高校研究院引育用留服务创新发展".split("");

function evidence(quote: string, line: number) {
  return [{ source: "synthetic", section: "s1", quote, start: 0, end: quote.length, line }];
}

export function syntheticSnapshot(n: number, seed: number, hubCount = SYNTHETIC_HUBS): SerializedGraph {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const hubs = Math.max(1, Math.min(hubCount, Math.floor(n / 2)));
  const width = String(n).length;
  const key = (i: number) =>
    i < hubs ? `hub:${String(i).padStart(width, "0")}` : `entity:${String(i - hubs).padStart(width, "0")}`;
  const otherLabels = LABELS.filter((l) => l !== "Hub");

  const nodes: SerializedGraph["nodes"] = [];
  for (let i = 0; i < n; i++) {
    const label = i < hubs ? "Hub" : otherLabels[(i - hubs) % otherLabels.length]!;
    const length = 2 + Math.floor(random() * 5);
    const name = Array.from({ length }, () => pick(CHARS)).join("") + String(i);
    nodes.push({
      key: key(i),
      attributes: {
        label,
        id: key(i),
        name,
        nameEn: `${label} ${i}`,
        aliases: [],
        pinyin: "",
        pinyinInitials: "",
        hubIds: [] as string[],
        themeIds: [],
        sources: ["synthetic"],
        sections: ["synthetic#s1"],
        evidence: evidence(name, i + 1),
      },
    });
  }

  const edges: SerializedGraph["edges"] = [];
  const hubIdsByNode = new Map<number, Set<string>>();
  const hubIdsOf = (i: number) => {
    const set = hubIdsByNode.get(i) ?? new Set<string>();
    hubIdsByNode.set(i, set);
    return set;
  };
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < EDGES_PER_NODE;) {
      // A non-hub's first edge goes to a hub, so that the explorer's first view reaches it.
      const j = i >= hubs && k === 0 ? Math.floor(random() * hubs) : Math.floor(random() * n);
      const type = pick(RELATION_TYPE_NAMES);
      const id = `${key(i)}|${type}|${key(j)}`;
      if (j === i || seen.has(id)) continue;
      seen.add(id);
      edges.push({
        key: id,
        source: key(i),
        target: key(j),
        attributes: {
          type,
          id,
          sources: ["synthetic"],
          sections: ["synthetic#s1"],
          evidence: evidence("合成", 1),
        },
      });
      k++;
      // As importer/rows.ts: the hubs each node is directly linked to.
      if (j < hubs) hubIdsOf(i).add(key(j));
      if (i < hubs) hubIdsOf(j).add(key(i));
    }
  }
  for (const [i, ids] of hubIdsByNode) nodes[i]!.attributes!.hubIds = [...ids].sort();

  const source = {
    id: "synthetic",
    kind: "report",
    title: "合成图",
    titleEn: "Synthetic graph",
    publisher: "bench/render",
    date: "2020-07-01",
    text: "合成",
    sections: [{ id: "s1", title: "合成", titleEn: "Synthetic", start: 0, end: 2, line: 1 }],
  };
  return {
    options: { type: "directed", multi: true, allowSelfLoops: true },
    attributes: { name: `Synthetic ${n}`, sources: [source] },
    nodes,
    edges,
  };
}
