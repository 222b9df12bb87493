/**
 * Entity resolution against the knowledge base. A candidate whose name or an alias equals the name
 * or an alias of a KB entity of a compatible label IS that entity (status "existing": the draft
 * refers to its id instead of defining it again). Near-duplicates — the same name under another
 * label, one name containing the other, or names a character or two apart — are flagged with the KB
 * ids to compare ("near-duplicate"), never merged silently.
 */
import { TAXONOMY_LABELS, type Label } from "../../graph/model.ts";
import type { KnowledgeBase, KnowledgeNode } from "../knowledgeBase.ts";
import { normName } from "./analysis.ts";

export interface Resolution {
  status: "new" | "existing" | "near-duplicate";
  existing?: string;
  /** The existing entity's label (a candidate read as a Region may be a Hub there). */
  label?: Label;
  similar?: string[];
}

export interface KbIndex {
  byName: Map<string, KnowledgeNode[]>;
  nodes: KnowledgeNode[];
}

/**
 * Labels whose entities belong to one document (this editorial, its figures and measures):
 * the same name in another source is another entity, so it is flagged, never taken as the same.
 */
const PER_DOCUMENT: readonly Label[] = ["Article", "NewsItem", "Statistic", "Measure", "Publication"];

/** Labels that name the same kind of thing: a hub is also read as a place. */
const COMPATIBLE: ReadonlyArray<readonly Label[]> = [["Hub", "Region"]];

export function compatible(a: Label, b: Label): boolean {
  return a === b || COMPATIBLE.some((group) => group.includes(a) && group.includes(b));
}

export function indexKnowledgeBase(kb: KnowledgeBase): KbIndex {
  const byName = new Map<string, KnowledgeNode[]>();
  const nodes = kb.nodes.filter((n) => !TAXONOMY_LABELS.includes(n.label));
  for (const node of nodes) {
    for (const name of new Set([node.name, ...node.aliases].map(normName))) {
      byName.set(name, [...(byName.get(name) ?? []), node]);
    }
  }
  return { byName, nodes };
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

function similarNames(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 2 && long.includes(short) && short.length / long.length >= 0.5) return true;
  const allowed = short.length >= 8 ? 2 : short.length >= 3 ? 1 : 0;
  return allowed > 0 && editDistance(a, b, allowed) <= allowed;
}

export function resolveCandidate(index: KbIndex, label: Label, names: readonly string[]): Resolution {
  const keys = [...new Set(names.map(normName))].filter((k) => k.length > 0);
  const exact = keys.flatMap((k) => index.byName.get(k) ?? []);
  const same = PER_DOCUMENT.includes(label) ? undefined : exact.find((n) => compatible(n.label, label));
  if (same)
    return { status: "existing", existing: same.id, ...(same.label !== label ? { label: same.label } : {}) };
  const similar = new Set(exact.map((n) => n.id));
  // descriptions (figures, measures) are only compared by their exact names
  if (label !== "Statistic" && label !== "Measure") {
    for (const node of index.nodes) {
      if (node.label !== label || similar.size >= 5) continue;
      const theirs = [node.name, ...node.aliases].map(normName);
      if (keys.some((k) => theirs.some((t) => similarNames(k, t)))) similar.add(node.id);
    }
  }
  return similar.size > 0 ? { status: "near-duplicate", similar: [...similar] } : { status: "new" };
}
