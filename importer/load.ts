/**
 * Loads rows into Neo4j so that the database mirrors the knowledge files: batched `UNWIND … MERGE`
 * by id, rows whose content hash is unchanged are skipped (a second run writes nothing), and
 * entities or relationships no longer in the files are deleted.
 *
 * Small imports run in one transaction, so a failure leaves the database as it was. Imports above
 * `singleTransactionLimit` rows are written in batches; they are idempotent, so re-running after a
 * crash converges to the same graph.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { ENTITY_LABEL, isRelationType, LABELS } from "../graph/model.ts";
import type { GraphService } from "../graph/neo4jService.ts";
import type { NodeRow, RelationRow, SourceRow } from "./rows.ts";

export interface LoadSummary {
  nodes: { created: number; updated: number; deleted: number; unchanged: number };
  relationships: { created: number; updated: number; deleted: number; unchanged: number };
  sources: number;
  transactions: number;
}

export interface LoadOptions {
  batchSize?: number;
  singleTransactionLimit?: number;
  timeoutMs?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

type Runner = (work: (tx: ManagedTransaction) => Promise<void>) => Promise<void>;

const MODEL_LABELS = LABELS as readonly string[];

const CREATE_NODES = `
UNWIND $rows AS row
MERGE (n:${ENTITY_LABEL} {id: row.id})
SET n = row.props
SET n:$(row.label)`;

/** An updated entity may have changed its label: the old one is removed. */
const UPDATE_NODES = `${CREATE_NODES}
WITH n, row, [l IN labels(n) WHERE l <> '${ENTITY_LABEL}' AND l <> row.label AND l IN $modelLabels] AS stale
REMOVE n:$(stale)`;

/**
 * One query per relationship type, the type written into the query text: with a dynamic type
 * (`$(row.type)`) Neo4j 5.26 plans MERGE as a scan of all relationships per row, which is quadratic.
 * The type comes from the model's fixed list (checked here), never from the data.
 */
function upsertRelationships(type: string): string {
  if (!isRelationType(type)) throw new Error(`not a relationship type of the model: ${type}`);
  return `
UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {id: row.from})
MATCH (b:${ENTITY_LABEL} {id: row.to})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r = row.props`;
}

const UPSERT_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props`;

function batches<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function existingHashes(service: GraphService) {
  const nodes = await service.read(
    `MATCH (n:${ENTITY_LABEL}) RETURN n.id AS id, n.hash AS hash`,
    {},
    { timeoutMs: 600_000 },
  );
  const rels = await service.read(
    `MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id IS NOT NULL
     RETURN r.id AS id, r.hash AS hash, elementId(r) AS elementId`,
    {},
    { timeoutMs: 600_000 },
  );
  const toMap = (rows: { id: unknown; hash: unknown }[]) =>
    new Map(rows.map((r) => [String(r.id), String(r.hash)]));
  const relRows = rels.rows as { id: unknown; hash: unknown; elementId: unknown }[];
  return {
    nodes: toMap(nodes.rows as { id: unknown; hash: unknown }[]),
    relationships: toMap(relRows),
    relationshipElementIds: new Map(relRows.map((r) => [String(r.id), String(r.elementId)])),
  };
}

function diff<T extends { id: string; props: { hash?: unknown } }>(
  rows: readonly T[],
  existing: Map<string, string>,
) {
  const wanted = new Set(rows.map((r) => r.id));
  const created = rows.filter((r) => !existing.has(r.id));
  const updated = rows.filter((r) => existing.has(r.id) && existing.get(r.id) !== r.props.hash);
  const deleted = [...existing.keys()].filter((id) => !wanted.has(id));
  return { created, updated, deleted, unchanged: rows.length - created.length - updated.length };
}

export async function loadRows(
  service: GraphService,
  rows: { nodes: NodeRow[]; relations: RelationRow[]; sources: SourceRow[] },
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const batchSize = options.batchSize ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const progress = options.onProgress ?? (() => {});

  const existing = await existingHashes(service);
  const nodeDiff = diff(rows.nodes, existing.nodes);
  const relDiff = diff(rows.relations, existing.relationships);
  const nodeWrites = [...nodeDiff.created, ...nodeDiff.updated];
  const relWrites = [...relDiff.created, ...relDiff.updated];
  const total = nodeWrites.length + relWrites.length + nodeDiff.deleted.length + relDiff.deleted.length;

  let transactions = 0;
  const single = total <= (options.singleTransactionLimit ?? 50_000);
  const pending: Array<(tx: ManagedTransaction) => Promise<void>> = [];
  const run: Runner = single
    ? (work) => {
        pending.push(work);
        return Promise.resolve();
      }
    : async (work) => {
        await service.writeTransaction(work, timeoutMs);
        transactions++;
      };

  const phase = async <T>(
    name: string,
    items: readonly T[],
    query: string,
    param: (batch: T[]) => Record<string, unknown>,
  ) => {
    let done = 0;
    for (const batch of batches(items, batchSize)) {
      await run(async (tx) => {
        await tx.run(query, param(batch));
      });
      done += batch.length;
      if (!single) progress(name, done, items.length);
    }
  };

  // Deleted relationships are found by elementId (a direct seek), not by scanning for their id.
  const staleRelationships = relDiff.deleted.map((id) => existing.relationshipElementIds.get(id) ?? "");
  await phase(
    "delete relationships",
    staleRelationships,
    "MATCH ()-[r]->() WHERE elementId(r) IN $ids DELETE r",
    (ids) => ({ ids }),
  );
  await phase(
    "delete nodes",
    nodeDiff.deleted,
    `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) DETACH DELETE n`,
    (ids) => ({ ids }),
  );
  await phase("nodes", nodeDiff.created, CREATE_NODES, (batch) => ({ rows: batch }));
  await phase("nodes updated", nodeDiff.updated, UPDATE_NODES, (batch) => ({
    rows: batch,
    modelLabels: MODEL_LABELS,
  }));
  const byType = new Map<string, RelationRow[]>();
  for (const row of relWrites) {
    const list = byType.get(row.type) ?? [];
    list.push(row);
    byType.set(row.type, list);
  }
  for (const [type, rowsOfType] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    await phase(`relationships ${type}`, rowsOfType, upsertRelationships(type), (batch) => ({ rows: batch }));
  }
  await phase("sources", rows.sources, UPSERT_SOURCES, (batch) => ({ rows: batch }));
  const sourceIds = rows.sources.map((s) => s.id);
  await run(async (tx) => {
    await tx.run("MATCH (s:Source) WHERE NOT s.id IN $ids DELETE s", { ids: sourceIds });
  });

  if (single) {
    await service.writeTransaction(async (tx) => {
      for (const work of pending) await work(tx);
    }, timeoutMs);
    transactions = 1;
    progress("written", total, total);
  }

  const count = (d: { created: unknown[]; updated: unknown[]; deleted: string[]; unchanged: number }) => ({
    created: d.created.length,
    updated: d.updated.length,
    deleted: d.deleted.length,
    unchanged: d.unchanged,
  });
  return {
    nodes: count(nodeDiff),
    relationships: count(relDiff),
    sources: rows.sources.length,
    transactions,
  };
}
