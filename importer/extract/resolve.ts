/**
 * Entity resolution against the knowledge base. A candidate whose name or an alias equals the name
 * or an alias of a KB entity of a compatible label IS that entity (status "existing": the draft
 * refers to its id instead of defining it again). Near-duplicates — the same name under another
 * label, one name containing the other, or names a character or two apart — are flagged with the KB
 * ids to compare ("near-duplicate"), never merged silently.
 *
 * A near-duplicate also needs a compatible place: a name that opens with a place (上海自贸试验区,
 * 杭州市人才服务中心; places.ts leadingPlace) is not suggested as one whose place is another and
 * neither contains the other (广东自贸试验区, 宁波市人才服务中心), while a province still contains
 * its cities. When only one side, or neither, names a place, names are compared as they are.
 *
 * Names are compared in simplified characters as well (script.ts), so that a knowledge-base entity
 * named in traditional characters (from a 香港 or 澳门 source) and a candidate in simplified ones,
 * or the other way round, are one name. KB aliases are the knowledge files' aliases, whether written
 * as a string or as `{ name, quote }` (knowledgeBase.ts keeps the name of either).
 */
import { TAXONOMY_LABELS, type Label } from "../../graph/model.ts";
import type { KnowledgeBase, KnowledgeNode } from "../knowledgeBase.ts";
import { normName } from "./analysis.ts";
import { leadingPlace, placesCompatible } from "./places.ts";
import { toSimplified } from "./script.ts";

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
  /** Each node's names as compared (normalised, and in simplified characters as well). */
  keys: Map<KnowledgeNode, string[]>;
  /** The places each node's names open with (empty when none does). */
  places: Map<KnowledgeNode, string[]>;
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

/** A name's forms as compared: normalised, as written and in simplified characters. */
function keysOf(names: readonly string[], simplified?: readonly string[]): string[] {
  const keys = names.map(normName);
  // one conversion for all of them: the simplified reading keeps every character at its index
  const converted = simplified ?? toSimplified(keys.join("\n")).split("\n");
  return [...new Set([...keys, ...converted])].filter((k) => k.length > 0);
}

/** The places a set of names open with (those of its simplified forms among them). */
function placesOf(keys: readonly string[]): string[] {
  return [...new Set(keys.map((k) => leadingPlace(k)).filter((p): p is string => p !== undefined))];
}

/** Whether two things' places allow them to be one: either names no place, or two places agree. */
function samePlace(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.some((y) => placesCompatible(x, y)));
}

export function indexKnowledgeBase(kb: KnowledgeBase): KbIndex {
  const byName = new Map<string, KnowledgeNode[]>();
  const keys = new Map<KnowledgeNode, string[]>();
  const places = new Map<KnowledgeNode, string[]>();
  const nodes = kb.nodes.filter((n) => !TAXONOMY_LABELS.includes(n.label));
  const names = nodes.map((n) => [n.name, ...n.aliases].map(normName));
  const simplified = toSimplified(names.map((n) => n.join("\n")).join("\n")).split("\n");
  let at = 0;
  nodes.forEach((node, i) => {
    const count = names[i]!.length;
    const own = keysOf(names[i]!, simplified.slice(at, (at += count)));
    keys.set(node, own);
    places.set(node, placesOf(own));
    for (const name of own) byName.set(name, [...(byName.get(name) ?? []), node]);
  });
  return { byName, nodes, keys, places };
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
  const keys = keysOf(names);
  const exact = keys.flatMap((k) => index.byName.get(k) ?? []);
  const same = PER_DOCUMENT.includes(label) ? undefined : exact.find((n) => compatible(n.label, label));
  if (same)
    return { status: "existing", existing: same.id, ...(same.label !== label ? { label: same.label } : {}) };
  const similar = new Set(exact.map((n) => n.id));
  // descriptions (figures, measures) are only compared by their exact names
  if (label !== "Statistic" && label !== "Measure") {
    const places = placesOf(keys);
    for (const node of index.nodes) {
      if (node.label !== label || similar.size >= 5) continue;
      if (!samePlace(places, index.places.get(node)!)) continue;
      const theirs = index.keys.get(node)!;
      if (keys.some((k) => theirs.some((t) => similarNames(k, t)))) similar.add(node.id);
    }
  }
  return similar.size > 0 ? { status: "near-duplicate", similar: [...similar] } : { status: "new" };
}
