/**
 * The draft an extraction writes for review: a knowledge file (source, section, entities, relations,
 * every item with verbatim evidence) marked `draft: true`, where each entity and relation also says
 * how sure the extractor is (`confidence`), which rule found it (`why`) and, for entities, whether the
 * knowledge base already has it (`status: existing` with `existing: <id>`, or `near-duplicate` with
 * the `similar` ids to look at). The importer skips draft files; a reviewer turns one into a
 * knowledge file by deleting what is wrong, replacing near-duplicates by their ids, dropping the
 * extra keys and filling in `nameEn`.
 */
import { stringify, parse } from "yaml";
import { z } from "zod";

const evidence = z
  .object({
    quote: z.string().min(1),
    section: z.string().min(1),
    start: z.number().int(),
    end: z.number().int(),
  })
  .strict();

const entity = z
  .object({
    id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9./-]*$/u),
    label: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string(),
    aliases: z.array(z.string().min(1)).optional(),
    props: z.record(z.string(), z.unknown()).optional(),
    evidence: z.array(evidence).min(1),
    confidence: z.number().min(0).max(1),
    status: z.enum(["new", "existing", "near-duplicate"]),
    existing: z.string().optional(),
    similar: z.array(z.string()).optional(),
    why: z.string().min(1),
  })
  .strict();

const relation = z
  .object({
    type: z.string().min(1),
    from: z.string().min(1),
    to: z.string().min(1),
    props: z.record(z.string(), z.unknown()).optional(),
    evidence: z.array(evidence).min(1),
    confidence: z.number().min(0).max(1),
    why: z.string().min(1),
  })
  .strict();

export const draftSchema = z
  .object({
    source: z.string().min(1),
    section: z.string().min(1),
    draft: z.literal(true),
    generated: z.string().min(1),
    extractor: z.string().min(1),
    entities: z.array(entity),
    relations: z.array(relation),
  })
  .strict();

export type DraftEvidence = z.infer<typeof evidence>;
export type DraftEntity = z.infer<typeof entity>;
export type DraftRelation = z.infer<typeof relation>;
export type Draft = z.infer<typeof draftSchema>;

const HEADER = `# DRAFT written by the extractor (npm run extract): review before use. The importer skips this file.
# Each entity/relation carries confidence (0–1), why (the rule that found it) and, for entities, status:
# new | existing (the knowledge base has it: refer to \`existing\`) | near-duplicate (compare with \`similar\`).
`;

export function draftToYaml(draft: Draft): string {
  return HEADER + stringify(draft, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Reads a draft back, checking its shape; throws with the path of the first problem. */
export function parseDraft(text: string): Draft {
  const parsed = draftSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`not a draft: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** The summary table: candidates per label, and how many the knowledge base already has. */
export function summaryTable(draft: Draft): string {
  const rows = new Map<string, { total: number; existing: number; new: number; near: number }>();
  for (const e of draft.entities) {
    const row = rows.get(e.label) ?? { total: 0, existing: 0, new: 0, near: 0 };
    row.total++;
    if (e.status === "existing") row.existing++;
    else if (e.status === "near-duplicate") row.near++;
    else row.new++;
    rows.set(e.label, row);
  }
  const total = { total: 0, existing: 0, new: 0, near: 0 };
  const line = (label: string, r: typeof total) =>
    `  ${label.padEnd(16)} ${String(r.total).padStart(6)} ${String(r.existing).padStart(9)} ${String(r.new).padStart(6)} ${String(r.near).padStart(15)}`;
  const out = [
    `  ${"label".padEnd(16)} ${"found".padStart(6)} ${"existing".padStart(9)} ${"new".padStart(6)} ${"near-duplicate".padStart(15)}`,
  ];
  for (const [label, r] of [...rows].sort((a, b) => b[1].total - a[1].total)) {
    out.push(line(label, r));
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
  }
  out.push(line("ALL", total));
  return out.join("\n");
}
