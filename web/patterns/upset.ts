/**
 * The sets of an UpSet chart (Lex et al. 2014): which hubs have a term, counted by exact combination
 * of hubs — every combination that occurs, for any number of hubs, where a Venn diagram stops being
 * readable after three.
 */
import type { SharedTerm } from "./terms.ts";

export interface UpSetIntersection<R extends SharedTerm> {
  /** The hubs that have these terms, and no other hub does (in hub order). */
  hubIds: string[];
  rows: R[];
}

export interface UpSetData<R extends SharedTerm> {
  /** Every hub, in hub order, with how many terms it has. */
  sets: { hubId: string; size: number }[];
  /** The combinations that occur: largest first, then more hubs first, then in hub order. */
  intersections: UpSetIntersection<R>[];
}

export function upsetData<R extends SharedTerm>(hubIds: readonly string[], rows: readonly R[]): UpSetData<R> {
  const present = rows.filter((r) => r.hubCount > 0);
  const groups = new Map<string, UpSetIntersection<R>>();
  for (const row of present) {
    const key = row.hubIds.join("|");
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { hubIds: [...row.hubIds], rows: [row] });
  }
  const position = (ids: string[]) => ids.map((id) => hubIds.indexOf(id));
  const intersections = [...groups.values()].sort((a, b) => {
    if (b.rows.length !== a.rows.length) return b.rows.length - a.rows.length;
    if (b.hubIds.length !== a.hubIds.length) return b.hubIds.length - a.hubIds.length;
    const pa = position(a.hubIds);
    const pb = position(b.hubIds);
    for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  });
  return {
    sets: hubIds.map((hubId) => ({ hubId, size: present.filter((r) => r.hubIds.includes(hubId)).length })),
    intersections,
  };
}
