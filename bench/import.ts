/**
 * Import benchmark: a synthetic graph in the knowledge model (default 100k nodes, 500k
 * relationships) loaded by the importer (`loadRows`: batched UNWIND … MERGE) and, in the same run and
 * the same embedded Neo4j, by `LOAD CSV … CALL { … } IN TRANSACTIONS` as the baseline. Prints rows/s
 * for both and the ratio.
 *
 *   npx tsx bench/import.ts [--nodes 100000] [--rels 500000] [--batch 10000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { int as neo4jInt } from "neo4j-driver";
import { startEmbedded } from "../graph/embedded.ts";
import { LABELS, RELATION_TYPES, type Label, type RelationType } from "../graph/model.ts";
import { GraphService } from "../graph/neo4jService.ts";
import { applySchema } from "../graph/schema.ts";
import { loadRows } from "../importer/load.ts";
import { nodeRow, relationRow, type NodeRow, type RelationRow } from "../importer/rows.ts";
import { freePort } from "../tests/setup/neo4jGlobal.ts";

const { values } = parseArgs({
  options: {
    nodes: { type: "string", default: "100000" },
    rels: { type: "string", default: "500000" },
    batch: { type: "string", default: "10000" },
  },
});
const nodeCount = Number(values.nodes);
const relCount = Number(values.rels);
const batchSize = Number(values.batch);

/** Deterministic pseudo-random numbers, so that every run loads the same graph. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(): { nodes: NodeRow[]; relations: RelationRow[] } {
  const random = rng(42);
  const labels = LABELS.filter((l) => l !== "Statistic" && l !== "NewsItem");
  const evidence = (i: number) => [
    { source: "synthetic", section: "s1", quote: `第${i}条证据`, start: i, end: i + 5, line: 1 },
  ];
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const label: Label = labels[i % labels.length]!;
    return nodeRow({
      id: `syn:${i}`,
      label,
      name: `实体${i}`,
      nameEn: `Entity ${i}`,
      aliases: i % 3 === 0 ? [`别名${i}`] : [],
      notSameAs: [],
      props: {},
      evidence: evidence(i),
      sources: ["synthetic"],
      file: "synthetic.yaml",
      line: i,
    });
  });
  const byLabel = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const list = byLabel.get(n.label) ?? [];
    list.push(i);
    byLabel.set(n.label, list);
  });
  const types = Object.keys(RELATION_TYPES) as RelationType[];
  const relations: RelationRow[] = [];
  const seen = new Set<string>();
  while (relations.length < relCount) {
    const type = types[Math.floor(random() * types.length)]!;
    const spec = RELATION_TYPES[type];
    const fromLabel = spec.from[Math.floor(random() * spec.from.length)]!;
    const toLabel = spec.to[Math.floor(random() * spec.to.length)]!;
    const froms = byLabel.get(fromLabel);
    const tos = byLabel.get(toLabel);
    if (!froms || !tos) continue;
    const from = `syn:${froms[Math.floor(random() * froms.length)]!}`;
    const to = `syn:${tos[Math.floor(random() * tos.length)]!}`;
    const id = `${from}|${type}|${to}`;
    if (seen.has(id)) continue;
    seen.add(id);
    relations.push(
      relationRow({
        id,
        type,
        from,
        to,
        props: {},
        evidence: evidence(relations.length),
        sources: ["synthetic"],
        file: "synthetic.yaml",
        line: 0,
      }),
    );
  }
  return { nodes, relations };
}

function csvField(value: unknown): string {
  const text = Array.isArray(value) ? value.join(";") : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

function writeCsv(dir: string, rows: { nodes: NodeRow[]; relations: RelationRow[] }): string[] {
  mkdirSync(dir, { recursive: true });
  const nodeLines = ["id,label,name,nameEn,aliases,evidence,sources,sections,hash"];
  for (const n of rows.nodes) {
    const p = n.props;
    nodeLines.push(
      [n.id, n.label, p.name, p.nameEn, p.aliases, p.evidence, p.sources, p.sections, p.hash]
        .map(csvField)
        .join(","),
    );
  }
  writeFileSync(path.join(dir, "nodes.csv"), nodeLines.join("\n"));
  // One file per relationship type, as LOAD CSV users write it: MERGE needs a static type to plan an
  // Expand(Into); with a dynamic type it scans all relationships per row.
  const byType = new Map<string, string[]>();
  for (const r of rows.relations) {
    const p = r.props;
    const lines = byType.get(r.type) ?? ["id,from,to,evidence,sources,sections,hash"];
    lines.push([r.id, r.from, r.to, p.evidence, p.sources, p.sections, p.hash].map(csvField).join(","));
    byType.set(r.type, lines);
  }
  for (const [type, lines] of byType) writeFileSync(path.join(dir, `rels-${type}.csv`), lines.join("\n"));
  return [...byType.keys()];
}

const LOAD_NODES = `
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (n:Entity {id: row.id})
  SET n = {id: row.id, name: row.name, nameEn: row.nameEn,
           aliases: CASE row.aliases WHEN '' THEN [] ELSE split(row.aliases, ';') END,
           evidence: row.evidence, sources: split(row.sources, ';'), sections: split(row.sections, ';'), hash: row.hash}
  SET n:$(row.label)
} IN TRANSACTIONS OF $batch ROWS`;

const loadRels = (type: string) => `
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  MERGE (a)-[r:${type} {id: row.id}]->(b)
  SET r = {id: row.id, evidence: row.evidence, sources: split(row.sources, ';'), sections: split(row.sections, ';'), hash: row.hash}
} IN TRANSACTIONS OF $batch ROWS`;

async function autoCommit(service: GraphService, query: string, params: Record<string, unknown> = {}) {
  const session = service.driver.session();
  try {
    await session.run(query, params);
  } finally {
    await session.close();
  }
}

async function wipe(service: GraphService) {
  await autoCommit(service, "MATCH (n:Entity) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
}

async function counts(service: GraphService) {
  const n = await service.read("MATCH (n:Entity) RETURN count(n) AS c");
  const r = await service.read("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS c");
  return { nodes: Number(n.rows[0]?.c), rels: Number(r.rows[0]?.c) };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "tpg-bench-import-"));
// The embedded Neo4j refuses file URLs unless given a folder of its own to read them from: this one.
const csvDir = path.join(dataDir, "csv");
mkdirSync(csvDir, { recursive: true });
const neo4j = await startEmbedded(
  {
    dataDir,
    host: "127.0.0.1",
    port: await freePort(),
    txTimeoutSeconds: 3600,
    heap: "4g",
    pageCacheMb: 2048,
  },
  { log: (m) => console.error(m), csvImportDir: csvDir },
);
const service = GraphService.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
try {
  await applySchema(service);
  console.error(`generating ${nodeCount} nodes and ${relCount} relationships…`);
  const rows = { ...generate(), sources: [] };
  const relTypes = writeCsv(csvDir, rows);
  const total = rows.nodes.length + rows.relations.length;

  console.error("LOAD CSV … IN TRANSACTIONS (baseline)…");
  let t = performance.now();
  await autoCommit(service, LOAD_NODES, {
    batch: neo4jInt(batchSize),
    url: "file:///nodes.csv",
  });
  for (const type of relTypes) {
    const url = `file:///rels-${type}.csv`;
    await autoCommit(service, loadRels(type), { batch: neo4jInt(batchSize), url });
  }
  const csvMs = performance.now() - t;
  const csvCounts = await counts(service);
  await wipe(service);

  console.error("importer (UNWIND … MERGE batches)…");
  t = performance.now();
  let lastPhase = "";
  await loadRows(service, rows, {
    batchSize,
    singleTransactionLimit: 0,
    onProgress: (phase, done, all) => {
      if (phase !== lastPhase || done === all || done % (batchSize * 20) === 0)
        console.error(`  ${phase}: ${done}/${all}`);
      lastPhase = phase;
    },
  });
  const importerMs = performance.now() - t;
  const importerCounts = await counts(service);

  t = performance.now();
  const again = await loadRows(service, rows, { batchSize, singleTransactionLimit: 0 });
  const noopMs = performance.now() - t;

  if (csvCounts.nodes !== importerCounts.nodes || csvCounts.rels !== importerCounts.rels) {
    throw new Error(
      `the two loads differ: LOAD CSV ${JSON.stringify(csvCounts)}, importer ${JSON.stringify(importerCounts)}`,
    );
  }
  const rate = (ms: number) => Math.round(total / (ms / 1000));
  console.log(
    `\nimport of ${rows.nodes.length} nodes + ${rows.relations.length} relationships (batches of ${batchSize})`,
  );
  console.log("loader                               seconds      rows/s   ratio");
  console.log(
    `LOAD CSV … IN TRANSACTIONS (baseline) ${(csvMs / 1000).toFixed(1).padStart(7)} ${String(rate(csvMs)).padStart(11)}   1.00×`,
  );
  console.log(
    `importer UNWIND … MERGE              ${(importerMs / 1000).toFixed(1).padStart(7)} ${String(rate(importerMs)).padStart(11)}   ${(csvMs / importerMs).toFixed(2)}×`,
  );
  console.log(
    `importer re-run (nothing changed)    ${(noopMs / 1000).toFixed(1).padStart(7)} ${String(rate(noopMs)).padStart(11)}   ${(csvMs / noopMs).toFixed(2)}×  (${again.nodes.unchanged + again.relationships.unchanged} rows unchanged)`,
  );
} finally {
  await service.close();
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
