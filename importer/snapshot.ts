/**
 * The static snapshot: the whole validated graph as graphology's serialised JSON (`graph.export()`),
 * which the web app loads when no Neo4j is reachable. Built from the same rows as the Neo4j import,
 * so the two cannot drift apart.
 */
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { KnowledgeBase } from "./knowledgeBase.ts";
import { toRows, type Scalar } from "./rows.ts";

export interface SnapshotSource {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  publisher: string;
  date: string;
  /** The full text, so that the static site's source viewer can highlight quotes. */
  text: string;
  sections: unknown;
}

/**
 * Evidence is stored as JSON text in Neo4j; in the snapshot it is a real array, which makes the
 * parallel quote lists (there for Cypher) redundant.
 */
function attributes(props: Record<string, Scalar>): Record<string, unknown> {
  const {
    evidence,
    hash: _hash,
    quotes: _quotes,
    quoteSources: _sources,
    quoteSections: _sections,
    quoteStarts: _starts,
    quoteEnds: _ends,
    ...rest
  } = props;
  return { ...rest, evidence: JSON.parse(String(evidence)) as unknown };
}

export function buildSnapshot(kb: KnowledgeBase): SerializedGraph {
  const rows = toRows(kb);
  const graph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
  const sources: SnapshotSource[] = rows.sources.map((s) => ({
    id: String(s.props.id),
    kind: String(s.props.kind),
    title: String(s.props.title),
    titleEn: String(s.props.titleEn),
    publisher: String(s.props.publisher),
    date: String(s.props.date),
    text: String(s.props.text),
    sections: JSON.parse(String(s.props.sections)) as unknown,
  }));
  graph.replaceAttributes({ name: "Talent Policy Graph", sources });
  for (const node of rows.nodes) graph.addNode(node.id, { label: node.label, ...attributes(node.props) });
  for (const rel of rows.relations) {
    graph.addDirectedEdgeWithKey(rel.id, rel.from, rel.to, { type: rel.type, ...attributes(rel.props) });
  }
  return graph.export();
}

/** A failed snapshot write, in words; the file it was to replace is unchanged. */
export class SnapshotWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause: unknown },
  ) {
    super(`cannot write the snapshot to ${file}: ${reason}; nothing was changed there`, options);
    this.name = "SnapshotWriteError";
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  EFBIG: "the file is larger than this process may write",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a part of the path is a file, not a folder", // from mkdir of the folder
  EISDIR: "the path is a folder",
};

/**
 * Writes the snapshot whole or not at all: into a temporary file beside it, flushed to disk, then
 * renamed over the old one (atomic on one file system). A full disk or a cut-off write leaves the
 * previous snapshot as it was and no partial file behind.
 */
export function writeSnapshot(kb: KnowledgeBase, file: string): void {
  const json = JSON.stringify(buildSnapshot(kb));
  const target = path.resolve(file);
  const existing = lstatOrNull(target);
  if (existing && !existing.isFile()) {
    // Renaming over a device, a link or a folder would replace it, not write into it.
    throw new SnapshotWriteError(target, "it exists and is not a regular file");
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    const fd = openSync(temporary, "w", 0o644);
    try {
      const bytes = Buffer.from(json, "utf8");
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // there was no temporary file to leave behind (the folder itself could not be made)
    }
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new SnapshotWriteError(
      target,
      `${REASONS[code] ?? (error as Error).message}${code ? ` (${code})` : ""}`,
      { cause: error },
    );
  }
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}
