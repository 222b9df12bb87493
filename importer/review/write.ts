/**
 * Writes accepted candidates into a curated knowledge file in the format of importer/KNOWLEDGE.md:
 * only knowledge-file fields (confidence, status, why, offsets and the like stay in the draft),
 * appended to the file if it exists, never defining an id or a relation twice.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Node } from "yaml";
import { relationId } from "../knowledgeBase.ts";
import type { DraftEntity, DraftEvidence, DraftRelation } from "./draft.ts";

export interface WriteResult {
  entities: number;
  relations: number;
  /** Ids and relations that the file already holds, left as they are. */
  skipped: string[];
}

function evidenceFor(items: DraftEvidence[], section: string): unknown[] {
  return items.map((e) => {
    if (typeof e === "string") return e;
    return !e.section || e.section === section ? e.quote : { quote: e.quote, section: e.section };
  });
}

function entityRecord(e: DraftEntity, section: string): Record<string, unknown> {
  return {
    id: e.id,
    label: e.label,
    name: e.name,
    nameEn: e.nameEn,
    ...(e.aliases.length > 0 ? { aliases: e.aliases } : {}),
    ...(Object.keys(e.props).length > 0 ? { props: e.props } : {}),
    evidence: evidenceFor(e.evidence, section),
  };
}

function relationRecord(r: DraftRelation, section: string): Record<string, unknown> {
  return {
    type: r.type,
    from: r.from,
    to: r.to,
    ...(r.key ? { key: r.key } : {}),
    ...(Object.keys(r.props).length > 0 ? { props: r.props } : {}),
    evidence: evidenceFor(r.evidence, section),
  };
}

/** Short collections on one line, as the curated files write them: props: { kind: city }. */
function styleItem(doc: Document, record: Record<string, unknown>): Node {
  const node = doc.createNode(record) as YAMLMap;
  for (const key of ["aliases", "props"]) {
    const value = node.get(key, true);
    if (value instanceof YAMLMap || value instanceof YAMLSeq) value.flow = true;
  }
  const evidence = node.get("evidence", true);
  if (isSeq(evidence)) for (const item of evidence.items) if (isMap(item)) item.flow = true;
  return node;
}

function sequence(doc: Document, key: string): YAMLSeq {
  const existing = doc.get(key, true);
  if (isSeq(existing)) return existing;
  const seq = new YAMLSeq();
  doc.set(key, seq);
  return seq;
}

export function mergeIntoKnowledgeFile(
  file: string,
  init: { source: string; section: string; header: string },
  entities: DraftEntity[],
  relations: DraftRelation[],
): WriteResult {
  let doc: Document;
  if (existsSync(file)) {
    doc = parseDocument(readFileSync(file, "utf8"));
    if (doc.errors.length > 0)
      throw new Error(`${file} is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    const source: unknown = doc.get("source");
    if (source !== init.source)
      throw new Error(`${file} belongs to source "${String(source)}", not "${init.source}"`);
  } else {
    doc = new Document({ source: init.source, section: init.section });
    doc.commentBefore = init.header;
  }
  const fileSection = doc.get("section");
  const section = typeof fileSection === "string" ? fileSection : init.section;
  const entitySeq = sequence(doc, "entities");
  const relationSeq = sequence(doc, "relations");
  const plain = doc.toJS() as {
    entities?: Array<{ id?: string }> | null;
    relations?: Array<Partial<DraftRelation>> | null;
  };
  const ids = new Set((plain.entities ?? []).map((e) => e.id));
  const rels = new Set(
    (plain.relations ?? []).map((r) => relationId(String(r.type), String(r.from), String(r.to), r.key)),
  );
  const result: WriteResult = { entities: 0, relations: 0, skipped: [] };
  for (const e of entities) {
    if (ids.has(e.id)) {
      result.skipped.push(e.id);
      continue;
    }
    ids.add(e.id);
    entitySeq.add(styleItem(doc, entityRecord(e, section)));
    result.entities++;
  }
  for (const r of relations) {
    const id = relationId(r.type, r.from, r.to, r.key);
    if (rels.has(id)) {
      result.skipped.push(id);
      continue;
    }
    rels.add(id);
    relationSeq.add(styleItem(doc, relationRecord(r, section)));
    result.relations++;
  }
  // A blank line above entities: and relations:, as in the curated files.
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) pair.key = doc.createNode(pair.key);
      if (isScalar(pair.key) && (pair.key.value === "entities" || pair.key.value === "relations")) {
        pair.key.spaceBefore = true;
      }
    }
  }
  if (result.entities + result.relations > 0) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, doc.toString({ lineWidth: 0 }));
    renameSync(temporary, file);
  }
  return result;
}
