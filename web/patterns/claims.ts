/**
 * Claims against evidence: for each synthesising claim of a report (a `Claim` node: the editorial's
 * common denominators, models, structures, experiences), what the rest of the report shows for
 * every hub. The TypeScript twin of `cypher/claims-vs-evidence.cypher`.
 *
 * A claim sums up items (GENERALIZES): themes, measures, traits, figures, programmes … A hub backs
 * an item when it is linked (ADOPTS, HAS_TRAIT, HAS_STATISTIC, IMPLEMENTS, HAS_CARRIER, ESTABLISHES,
 * FOCUSES_ON) to the item itself, or to a measure, programme or carrier that BELONGS_TO the item (a
 * theme) or CONTRIBUTES_TO it (a trait); and that entity — or, for the item itself, the hub's link
 * to it — is quoted in some section other than the claim's own: the claim cannot be its own evidence.
 */
import type { EntityNode } from "../data/types.ts";
import { byKeys, cypherCompare, type GraphIndex } from "./graphIndex.ts";
import { CLAIM_KINDS } from "../../graph/model.ts";

export type Support = "supported" | "partly" | "not found";

export interface ClaimHub {
  hubId: string;
  /** The claim says it holds for this hub (HOLDS_FOR). */
  claimed: boolean;
  /** Items of the claim this hub backs, with the ids of the entities behind each (sorted). */
  backing: { itemId: string; ids: string[] }[];
  support: Support;
}

export interface ClaimRow {
  claim: EntityNode;
  kind: string;
  /** What the claim sums up, by label then name. */
  items: EntityNode[];
  /** Every hub, in hub order. */
  hubs: ClaimHub[];
  /** Claimed hubs whose support is not "supported": where the evidence falls short of the claim. */
  gaps: string[];
}

/** The links through which a hub can back an item of a claim. */
export const BACKING_TYPES = [
  "ADOPTS",
  "HAS_TRAIT",
  "HAS_STATISTIC",
  "IMPLEMENTS",
  "HAS_CARRIER",
  "ESTABLISHES",
  "FOCUSES_ON",
];

export function claimsVsEvidence(index: GraphIndex, hubs: readonly EntityNode[]): ClaimRow[] {
  const kindOrder = (kind: unknown) => CLAIM_KINDS.indexOf(kind as (typeof CLAIM_KINDS)[number]);
  const rows = index.byLabel("Claim").map((claim): ClaimRow => {
    const own = new Set(claim.sections);
    const quotedElsewhere = (id: string) => index.node(id).sections.some((s) => !own.has(s));
    const items = index
      .targets(claim.id, ["GENERALIZES"])
      .map((id) => index.node(id))
      .sort(byKeys((n) => [n.label, n.name, n.id]));
    const claimedHubs = new Set(index.targets(claim.id, ["HOLDS_FOR"]));
    const perHub = hubs.map((hub): ClaimHub => {
      const linked = index.targets(hub.id, BACKING_TYPES);
      // the hub's own link to the item, quoted outside the claim's section (a trait the article states)
      const linkedElsewhere = (x: string) =>
        index
          .edgesBetween(hub.id, x)
          .some((e) => BACKING_TYPES.includes(e.type) && e.sections.some((s) => !own.has(s)));
      const backing = items.map((item) => ({
        itemId: item.id,
        ids: linked
          .filter((x) =>
            x === item.id
              ? quotedElsewhere(x) || linkedElsewhere(x)
              : index.targets(x, ["BELONGS_TO", "CONTRIBUTES_TO"]).includes(item.id) && quotedElsewhere(x),
          )
          .sort(cypherCompare),
      }));
      const backed = backing.filter((b) => b.ids.length > 0).length;
      const support: Support =
        items.length > 0 && backed === items.length ? "supported" : backed > 0 ? "partly" : "not found";
      return { hubId: hub.id, claimed: claimedHubs.has(hub.id), backing, support };
    });
    return {
      claim,
      kind: String(claim.props.kind),
      items,
      hubs: perHub,
      gaps: perHub.filter((h) => h.claimed && h.support !== "supported").map((h) => h.hubId),
    };
  });
  return rows.sort(byKeys((r) => [kindOrder(r.kind), r.claim.name, r.claim.id]));
}
