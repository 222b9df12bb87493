/**
 * Reads a draft: the extractor's candidates for one source section, written like a knowledge file
 * plus what a reviewer needs to decide (confidence, status against the knowledge base, similar ids,
 * why). Unknown keys are ignored; only knowledge-file fields ever reach a knowledge file.
 */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { decodeUtf8, type Problem } from "../problems.ts";

const evidence = z.union([
  z.string().min(1),
  z.object({
    quote: z.string().min(1),
    section: z.string().min(1).optional(),
    start: z.number().int().optional(),
    end: z.number().int().optional(),
  }),
]);

const confidence = z.number().min(0).max(1);

const entity = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().default(""),
  aliases: z.array(z.string().min(1)).default([]),
  props: z.record(z.string(), z.unknown()).default({}),
  evidence: z.array(evidence).default([]),
  confidence,
  status: z.enum(["new", "existing", "near-duplicate"]).default("new"),
  existing: z.string().min(1).optional(),
  similar: z.array(z.string().min(1)).default([]),
  why: z.string().default(""),
});

const relation = z.object({
  type: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  key: z.string().min(1).optional(),
  props: z.record(z.string(), z.unknown()).default({}),
  evidence: z.array(evidence).default([]),
  confidence,
  why: z.string().default(""),
});

const draftSchema = z.object({
  source: z.string().min(1),
  section: z.string().min(1),
  draft: z.literal(true).optional(),
  generated: z.unknown().optional(),
  extractor: z.unknown().optional(),
  entities: z
    .array(entity)
    .nullish()
    .transform((v) => v ?? []),
  relations: z
    .array(relation)
    .nullish()
    .transform((v) => v ?? []),
});

export type DraftEvidence = z.infer<typeof evidence>;
export type DraftEntity = z.infer<typeof entity>;
export type DraftRelation = z.infer<typeof relation>;

export interface Draft {
  file: string;
  source: string;
  section: string;
  generated: string;
  extractor: string;
  entities: DraftEntity[];
  relations: DraftRelation[];
}

const describe = (value: unknown): string =>
  value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);

export function readDraft(file: string, display = file): Draft | Problem[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return [{ file: display, message: "no such draft file", hint: "give the path of a draft.yaml" }];
  }
  const text = decodeUtf8(bytes, display);
  if (typeof text !== "string") return [text];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file: display,
      line: error.linePos?.[0]?.line,
      message: `YAML syntax: ${error.message.split("\n")[0]}`,
    }));
  }
  const parsed = draftSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return {
        file: display,
        line: node?.range ? counter.linePos(node.range[0]).line : undefined,
        message: `${path.join(".") || "(top)"}: ${issue.message}`,
        hint: "a draft is written by the extractor; regenerate it or fix the field",
      };
    });
  }
  const { generated, extractor, ...rest } = parsed.data;
  return { file, ...rest, generated: describe(generated), extractor: describe(extractor) };
}
