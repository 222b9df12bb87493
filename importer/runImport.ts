/**
 * Knowledge files → Neo4j, saying plainly what happened: what was read (folders, files, nodes,
 * relationships), what the import changed (created, updated, deleted) and what was already there
 * unchanged. Reading nothing — a missing folder, no source documents, no knowledge files — is an
 * error that names the folder, never an "import" that empties the database.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { redactUri } from "../cli/common.ts";
import type { Connection } from "../graph/connect.ts";
import { applySchema } from "../graph/schema.ts";
import type { GraphService } from "../graph/neo4jService.ts";
import { loadKnowledgeBase, type KnowledgeBase, type LoadResult } from "./knowledgeBase.ts";
import { acquireImportLock } from "./importLock.ts";
import { loadRows, type LoadOptions, type LoadSummary } from "./load.ts";
import { toRows } from "./rows.ts";

/** What reading a knowledge root found. */
export interface ReadReport {
  root: string;
  /** Source folders: the taxonomy and one per document. */
  folders: number;
  documents: number;
  /** Knowledge files that define at least one node or relationship. */
  files: number;
  nodes: number;
  relationships: number;
  /** Document folders without any knowledge file yet (e.g. only a draft). */
  withoutKnowledge: string[];
}

/** The root held nothing to import; the message names the folder and what was expected there. */
export class NothingToReadError extends Error {
  override name = "NothingToReadError";
  constructor(
    message: string,
    readonly folder: string,
  ) {
    super(message);
  }
}

/** A folder as the user would type it: relative when inside the working directory. */
function shown(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : folder;
}

/** Throws NothingToReadError unless `root` has a taxonomy/ and a sources/ folder with a document in it. */
export function checkRoot(root: string): void {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new NothingToReadError(`no such folder: ${shown(root)}`, root);
  }
  const sources = path.join(root, "sources");
  const documents = existsSync(sources)
    ? readdirSync(sources).filter((name) => statSync(path.join(sources, name)).isDirectory())
    : [];
  if (documents.length === 0) {
    throw new NothingToReadError(
      `read nothing: ${shown(sources)} ${existsSync(sources) ? "is empty" : "does not exist"} ` +
        "(each source document is a folder there with source.txt, source.yaml and knowledge files; tpg extract makes one)",
      sources,
    );
  }
}

export function readReport(root: string, kb: KnowledgeBase, cwd = process.cwd()): ReadReport {
  const files = new Set([...kb.nodes.map((n) => n.file), ...kb.relations.map((r) => r.file)]);
  const inside = (dir: string) =>
    [...files].some((f) => path.resolve(cwd, f).startsWith(path.resolve(dir) + path.sep));
  const documents = kb.sources.filter((s) => s.kind !== "taxonomy");
  return {
    root,
    folders: kb.sources.length,
    documents: documents.length,
    files: files.size,
    nodes: kb.nodes.length,
    relationships: kb.relations.length,
    withoutKnowledge: documents.filter((s) => !inside(s.dir)).map((s) => s.dir),
  };
}

/**
 * Reads and validates a knowledge root. Problems are returned (the caller prints them all); a root
 * without source documents, or whose documents hold no knowledge file, throws NothingToReadError:
 * importing only the taxonomy would delete every document's entities from the database.
 */
export function readKnowledge(root: string): LoadResult & { read: ReadReport } {
  checkRoot(root);
  const result = loadKnowledgeBase(root);
  const read = readReport(root, result.kb);
  if (result.problems.length === 0 && read.documents > 0 && read.withoutKnowledge.length === read.documents) {
    throw new NothingToReadError(
      `read nothing: no knowledge files (*.yaml beside source.yaml; drafts are not read) in ${read.withoutKnowledge.map(shown).join(", ")}`,
      path.join(root, "sources"),
    );
  }
  return { ...result, read };
}

const n = (value: number) => value.toLocaleString("en");
const plural = (count: number, word: string) => `${n(count)} ${count === 1 ? word : `${word}s`}`;

export function formatRead(read: ReadReport): string {
  const notes = read.withoutKnowledge.map(
    (dir) => `\n  note: ${shown(dir)} has no knowledge file yet (a draft is not read: tpg review makes one)`,
  );
  return (
    `read: ${plural(read.files, "knowledge file")} in ${plural(read.folders, "source folder")} ` +
    `(${plural(read.documents, "document")} and the taxonomy) → ` +
    `${plural(read.nodes, "node")}, ${plural(read.relationships, "relationship")}${notes.join("")}`
  );
}

/** Two lines: what the import changed, and what was already in the database as the files say. */
export function formatSummary(summary: LoadSummary): string {
  const { nodes, relationships } = summary;
  const changes = (s: LoadSummary["nodes"]) => s.created + s.updated + s.deleted;
  const part = (s: LoadSummary["nodes"], word: string) =>
    `${n(s.created)} ${word} created, ${n(s.updated)} updated, ${n(s.deleted)} deleted`;
  const changed =
    changes(nodes) + changes(relationships) === 0
      ? "changed: nothing — the database already held exactly what the files say"
      : `changed: ${part(nodes, "nodes")}; ${part(relationships, "relationships")}`;
  const unchanged = `unchanged (already there): ${plural(nodes.unchanged, "node")}, ${plural(relationships.unchanged, "relationship")}`;
  return `${changed}\n${unchanged}\nsource texts: ${n(summary.sources)} stored with their sections`;
}

/** Applies the schema and loads the knowledge base; used by `tpg import`, `tpg start` and tests. */
export async function importKnowledge(
  service: GraphService,
  kb: KnowledgeBase,
  log: (message: string) => void = console.log,
  options: Pick<LoadOptions, "batchSize" | "singleTransactionLimit" | "onProgress"> = {},
): Promise<LoadSummary> {
  // One import at a time: a second one is refused while this one runs (importLock.ts).
  await using _lock = await acquireImportLock(service);
  const statements = await applySchema(service);
  log(`schema: ${statements} constraints and indexes in place`);
  log("writing: comparing each node and relationship with the database by content hash …");
  const summary = await loadRows(service, toRows(kb), {
    ...options,
    onProgress: options.onProgress ?? ((phase, done, total) => log(`  ${phase}: ${done}/${total}`)),
  });
  log(formatSummary(summary));
  return summary;
}

/** Imports into an open connection, first saying which Neo4j it is (without credentials). */
export async function runImport(
  connection: Connection,
  kb: KnowledgeBase,
  options: Pick<LoadOptions, "batchSize" | "singleTransactionLimit" | "onProgress"> & {
    log?: (message: string) => void;
  } = {},
): Promise<LoadSummary> {
  const log = options.log ?? console.log;
  const embedded = connection.embedded
    ? ` (embedded, ${connection.embedded.reused ? "already running" : "started for this import"})`
    : "";
  log(`Neo4j: ${redactUri(connection.config.uri)}${embedded}`);
  return importKnowledge(connection.service, kb, log, options);
}
