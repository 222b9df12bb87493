/**
 * Reads one knowledge file: YAML parsed with line numbers, then its shape checked with zod. Every
 * problem carries the line of the YAML node it is about.
 */
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { decodeUtf8, type Problem } from "./problems.ts";

const evidenceItem = z.union([
  z.string().min(1),
  z
    .object({
      quote: z.string().min(1),
      section: z.string().min(1).optional(),
    })
    .strict(),
]);

const idPattern = /^[a-z]+:[a-z0-9][a-z0-9./-]*$/;

/**
 * Another name of the entity: a plain string that occurs in one of the entity's quotes, or a name
 * with the quote (in this file's section unless given) where the text uses it.
 */
const aliasItem = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().min(1),
      quote: z.string().min(1),
      section: z.string().min(1).optional(),
    })
    .strict(),
]);

const entitySchema = z
  .object({
    id: z.string().regex(idPattern, "an id like 'measure:zhangjiang/talent-apartments'"),
    label: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    aliases: z.array(aliasItem).default([]),
    props: z.record(z.string(), z.unknown()).default({}),
    evidence: z.array(evidenceItem).min(1, "at least one evidence quote is required"),
    /** Ids of entities whose names look alike but that are different things (silences the duplicate check). */
    notSameAs: z.array(z.string().regex(idPattern)).default([]),
  })
  .strict();

const relationSchema = z
  .object({
    type: z.string().min(1),
    from: z.string().min(1),
    to: z.string().min(1),
    key: z.string().min(1).optional(),
    props: z.record(z.string(), z.unknown()).default({}),
    evidence: z.array(evidenceItem).min(1, "at least one evidence quote is required"),
  })
  .strict();

const fileSchema = z
  .object({
    source: z.string().min(1),
    section: z.string().min(1),
    entities: z
      .array(entitySchema)
      .nullish()
      .transform((v) => v ?? []),
    relations: z
      .array(relationSchema)
      .nullish()
      .transform((v) => v ?? []),
  })
  .strict();

export type EvidenceInput = z.infer<typeof evidenceItem>;
export type AliasInput = z.infer<typeof aliasItem>;
export type EntityInput = z.infer<typeof entitySchema>;
export type RelationInput = z.infer<typeof relationSchema>;

export interface KnowledgeFile {
  file: string;
  source: string;
  section: string;
  entities: EntityInput[];
  relations: RelationInput[];
  /** The line of the YAML node at a path such as ["entities", 3, "evidence", 0]. */
  lineOf: (path: ReadonlyArray<string | number>) => number | undefined;
}

function lineFinder(doc: Document, counter: LineCounter) {
  return (path: ReadonlyArray<string | number>): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

const HINTS: Record<string, string> = {
  unrecognized_keys: "remove the key or check its spelling against importer/KNOWLEDGE.md",
  invalid_type: "check the value's type (quote text, write numbers without quotes)",
};

export function readKnowledgeFile(bytes: Uint8Array, file: string): KnowledgeFile | Problem[] {
  const text = decodeUtf8(bytes, file);
  if (typeof text !== "string") return [text];
  if (text.trim() === "") {
    return [{ file, message: "the file is empty", hint: "add content or delete the file" }];
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = lineFinder(doc, counter);
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file,
      line: error.linePos?.[0]?.line,
      message: `YAML syntax: ${error.message.split("\n")[0]}`,
      hint: "quote values that contain ': ' or start with a special character; check indentation",
    }));
  }
  const parsed = fileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      file,
      line: lineOf(issue.path.filter((p): p is string | number => typeof p !== "symbol")),
      message: `${issue.path.join(".") || "(top)"}: ${issue.message}`,
      hint: HINTS[issue.code] ?? "see importer/KNOWLEDGE.md for the file format",
    }));
  }
  return { file, ...parsed.data, lineOf };
}
