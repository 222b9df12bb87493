/**
 * What every dimension of the comparison shares: the entities behind a term at each hub, grouped
 * once, and how many hubs have the term.
 */
import type { EntityNode } from "../data/types.ts";
import { byKeys, type GraphIndex } from "./graphIndex.ts";

/**
 * How many hubs have a term, as the saved queries name it: `none`, `one`, `two`, `all` (every hub
 * of the graph; checked before one and two), otherwise the number as a string.
 */
export type Share = "none" | "one" | "two" | "all" | `${number}`;

/** What the hubs have under one term (a theme, a talent category, a carrier kind, an industry). */
export interface SharedTerm {
  /** Every hub id, in hub order, with the ids of the measures (or carriers) behind the term. */
  byHub: Record<string, string[]>;
  /** The hubs that have it, in hub order. */
  hubIds: string[];
  hubCount: number;
  /** The per-hub counts added up (as the queries' `measures`). */
  total: number;
  share: Share;
}

export function share(hubCount: number, allHubs: number): Share {
  if (hubCount === 0) return "none";
  if (hubCount === allHubs) return "all";
  if (hubCount === 1) return "one";
  if (hubCount === 2) return "two";
  return `${hubCount}`;
}

/** Groups `ids` of each hub by the terms `termsOf` gives them, each list sorted by name. */
export function groupByTerm(
  index: GraphIndex,
  hubs: readonly EntityNode[],
  idsOfHub: (hubId: string) => string[],
  termsOf: (id: string) => string[],
): Map<string, Record<string, string[]>> {
  const sets = new Map<string, Map<string, Set<string>>>();
  for (const hub of hubs) {
    for (const id of idsOfHub(hub.id)) {
      for (const term of termsOf(id)) {
        let byHub = sets.get(term);
        if (!byHub) sets.set(term, (byHub = new Map<string, Set<string>>()));
        let set = byHub.get(hub.id);
        if (!set) byHub.set(hub.id, (set = new Set()));
        set.add(id);
      }
    }
  }
  const byName = byKeys((id: string) => [index.node(id).name, id]);
  return new Map(
    [...sets].map(([term, byHub]) => [
      term,
      Object.fromEntries(hubs.map((h) => [h.id, [...(byHub.get(h.id) ?? [])].sort(byName)])),
    ]),
  );
}

export function sharedTerm(
  hubs: readonly EntityNode[],
  byHub: Record<string, string[]> | undefined,
): SharedTerm {
  const full = Object.fromEntries(hubs.map((h) => [h.id, byHub?.[h.id] ?? []]));
  const hubIds = hubs.filter((h) => full[h.id]!.length > 0).map((h) => h.id);
  const total = hubIds.reduce((sum, id) => sum + full[id]!.length, 0);
  return { byHub: full, hubIds, hubCount: hubIds.length, total, share: share(hubIds.length, hubs.length) };
}

/**
 * The level at which a hierarchy (talent categories, industries; PART_OF) is compared: as the text
 * names a term, by the top-level classes it falls under, by the sections just below them (for
 * industries: the GB/T 4754 sections and the nine emerging-industry areas), or by the term and every
 * broader one.
 */
export type HierarchyLevel = "named" | "section" | "class" | "all";

/** The terms a term `t` of `label` counts as at a level (a term with no parent is its own class). */
export function termsAt(index: GraphIndex, t: string, label: string, level: HierarchyLevel): string[] {
  if (level === "named") return [t];
  const parents = (id: string) => index.targets(id, ["PART_OF"], label);
  // every ancestor with its distance from the nearest root
  const seen = new Set([t]);
  const stack = [t];
  while (stack.length > 0) {
    for (const parent of parents(stack.pop()!)) {
      if (!seen.has(parent)) {
        seen.add(parent);
        stack.push(parent);
      }
    }
  }
  const all = [...seen];
  if (level === "all") return all;
  const isRoot = (id: string) => parents(id).length === 0;
  if (level === "class") return all.filter(isRoot);
  // section: an ancestor (or itself) right below a root; a root stays itself
  const sections = all.filter((id) => !isRoot(id) && parents(id).every(isRoot));
  return sections.length > 0 ? sections : all.filter(isRoot);
}
