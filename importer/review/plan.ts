/**
 * What a draft would do to the knowledge base: which entities are new, which already exist (the
 * draft only refers to them by id), which look like one already there and need a decision,
 * and which relations it adds. Also the terminal summary of all that.
 */
import { normalizeName } from "../canonical.ts";
import type { KnowledgeBase, KnowledgeNode } from "../knowledgeBase.ts";
import type { Draft, DraftEntity, DraftEvidence, DraftRelation } from "./draft.ts";

export interface EntityItem {
  key: string;
  entity: DraftEntity;
  kind: "new" | "existing" | "near-duplicate";
  /** For an existing entity: its id in the knowledge base. */
  target?: string;
  /** For a near-duplicate: the knowledge-base entities it may be. */
  similar: KnowledgeNode[];
  note?: string;
}

export interface RelationItem {
  key: string;
  relation: DraftRelation;
}

export interface Plan {
  draft: Draft;
  entities: EntityItem[];
  relations: RelationItem[];
}

/** Labels whose names are compared by containment; the hierarchy labels are placed instead (place.ts). */
const CONTAINED_LABELS = new Set(["Alliance", "Program", "Policy", "Hub"]);

export function planReview(draft: Draft, kb: KnowledgeBase): Plan {
  const nodes = new Map(kb.nodes.map((n) => [n.id, n]));
  // The validator's likely-duplicate rules (importer/canonical.ts), asked before anything is written:
  // the same name once normalised, whatever the label; a name containing another of the same label.
  const byName = new Map<string, KnowledgeNode>();
  for (const node of kb.nodes) {
    if (node.label === "Statistic") continue;
    for (const name of [node.name, ...node.aliases]) byName.set(normalizeName(name), node);
  }
  const containable = kb.nodes
    .filter((n) => CONTAINED_LABELS.has(n.label))
    .map((node) => ({ node, name: normalizeName(node.name) }))
    .filter((n) => n.name.length >= 2);
  const contained = (entity: DraftEntity) => {
    if (!CONTAINED_LABELS.has(entity.label)) return undefined;
    const own = normalizeName(entity.name);
    if (own.length < 2) return undefined;
    return containable.find(
      (n) =>
        n.node.label === entity.label && n.name !== own && (own.includes(n.name) || n.name.includes(own)),
    )?.node;
  };
  const entities = draft.entities.map((entity, i): EntityItem => {
    const key = `e${i + 1}`;
    const similar = entity.similar.flatMap((id) => nodes.get(id) ?? []);
    const defined = nodes.get(entity.id);
    if (entity.status === "existing") {
      const target = nodes.get(entity.existing ?? entity.id);
      if (target) return { key, entity, kind: "existing", target: target.id, similar };
      return {
        key,
        entity,
        kind: "new",
        similar,
        note: `marked existing, but ${entity.existing ?? entity.id} is not in the knowledge base`,
      };
    }
    // An id that is already defined (by an earlier review, say) is never defined twice.
    if (defined) {
      return {
        key,
        entity,
        kind: "existing",
        target: defined.id,
        similar,
        note: `already defined at ${defined.file}:${defined.line}`,
      };
    }
    if (entity.status === "near-duplicate" && similar.length > 0) {
      return { key, entity, kind: "near-duplicate", similar };
    }
    const namesake = byName.get(normalizeName(entity.name));
    if (namesake && namesake.id !== entity.id) {
      return {
        key,
        entity,
        kind: "near-duplicate",
        similar: [namesake],
        note: `same name as ${namesake.label} ${namesake.id}`,
      };
    }
    const container = contained(entity);
    if (container && container.id !== entity.id) {
      return {
        key,
        entity,
        kind: "near-duplicate",
        similar: [container],
        note: `one name contains the other: ${container.label} ${container.id} ${container.name}`,
      };
    }
    return { key, entity, kind: "new", similar };
  });
  const relations = draft.relations.map((relation, i) => ({ key: `r${i + 1}`, relation }));
  return { draft, entities, relations };
}

const quoteOf = (e: DraftEvidence) => (typeof e === "string" ? e : e.quote);

function evidenceLines(evidence: DraftEvidence[], indent: string): string[] {
  if (evidence.length === 0) return [`${indent}(no evidence quote)`];
  const first = evidence[0]!;
  const where = typeof first === "string" || !first.section ? "" : ` (${first.section})`;
  const more = evidence.length > 1 ? ` +${evidence.length - 1} more` : "";
  return [`${indent}“${quoteOf(first)}”${where}${more}`];
}

const pct = (c: number) => c.toFixed(2);

export function formatEntity(item: EntityItem): string[] {
  const e = item.entity;
  const english = e.nameEn ? ` · ${e.nameEn}` : "";
  const head = `${item.key.padEnd(4)} ${e.label} ${e.id}  ${e.name}${english}  ${pct(e.confidence)}`;
  const lines = [`  ${head}`];
  if (item.kind === "existing") lines[0] = `  ${head}  = ${item.target}`;
  for (const [i, s] of item.similar.entries()) {
    if (item.kind === "near-duplicate")
      lines.push(`       ≈ ${i + 1}. ${s.id} ${s.name} (${s.file}:${s.line})`);
  }
  if (item.note) lines.push(`       note: ${item.note}`);
  if (e.why) lines.push(`       why: ${e.why}`);
  lines.push(...evidenceLines(e.evidence, "       "));
  return lines;
}

export function formatRelation(item: RelationItem): string[] {
  const r = item.relation;
  const lines = [`  ${item.key.padEnd(4)} ${r.from} -[${r.type}]-> ${r.to}  ${pct(r.confidence)}`];
  if (r.why) lines.push(`       why: ${r.why}`);
  lines.push(...evidenceLines(r.evidence, "       "));
  return lines;
}

export function formatPlan(plan: Plan): string {
  const { draft } = plan;
  const fresh = plan.entities.filter((i) => i.kind === "new");
  const existing = plan.entities.filter((i) => i.kind === "existing");
  const near = plan.entities.filter((i) => i.kind === "near-duplicate");
  const by = [draft.extractor, draft.generated].filter(Boolean).join(", ");
  const out = [
    `Draft ${draft.file}: source ${draft.source}, section ${draft.section}${by ? ` (${by})` : ""}`,
    "",
    `ADD     new entities: ${fresh.length}; relations: ${plan.relations.length}`,
  ];
  const labels = [...new Set(fresh.map((i) => i.entity.label))];
  for (const label of labels) {
    const items = fresh.filter((i) => i.entity.label === label);
    out.push(`  ${label} (${items.length})`, ...items.flatMap(formatEntity));
  }
  if (plan.relations.length > 0)
    out.push(`  relations (${plan.relations.length})`, ...plan.relations.flatMap(formatRelation));
  out.push(
    "",
    `CHANGE  existing entities referenced: ${existing.length} (relations point at them; they are not redefined); near-duplicates to decide: ${near.length}`,
  );
  if (existing.length > 0) out.push("  existing", ...existing.flatMap(formatEntity));
  if (near.length > 0) out.push("  near-duplicates", ...near.flatMap(formatEntity));
  return out.join("\n");
}
