/**
 * How much text each hub has of its own: the yardstick of the per-1,000-characters rates and of the
 * test of what text length alone explains. A hub's own text is the sections of the articles that
 * describe it and no other hub (the editorial, which describes them all, is nobody's own); a hub no
 * such article describes falls back to the sections that quote its measures (its ADOPTS links).
 * Lengths count characters other than whitespace, as the quotes are matched.
 */
import type { EntityNode, SourceDocument } from "../data/types.ts";
import type { GraphIndex } from "./graphIndex.ts";

export interface HubText {
  hubId: string;
  /** The hub's own sections, as `source#section`. */
  sections: string[];
  /** Characters (not whitespace) in them; null when a section's document was not loaded. */
  chars: number | null;
  /** How the sections were found. */
  via: "article" | "measures";
}

type Place = { source: string; section: string };
const key = (p: Place) => `${p.source}#${p.section}`;

function ownArticles(index: GraphIndex, hub: EntityNode, hubIds: ReadonlySet<string>): Place[] {
  return index
    .sources(hub.id, ["DESCRIBES"], "Article")
    .filter((a) => index.targets(a, ["DESCRIBES"]).filter((x) => hubIds.has(x)).length === 1)
    .flatMap((a) => index.node(a).evidence);
}

function measurePlaces(index: GraphIndex, hub: EntityNode): Place[] {
  return index
    .targets(hub.id, ["ADOPTS"], "Measure")
    .flatMap((m) => index.edgesBetween(hub.id, m))
    .filter((e) => e.type === "ADOPTS")
    .flatMap((e) => e.evidence);
}

/** Characters other than whitespace in a document's section. */
export function sectionChars(doc: SourceDocument, section: string): number | null {
  const found = doc.sections.find((s) => s.id === section);
  if (!found) return null;
  return doc.text.slice(found.start, found.end).replace(/\s/gu, "").length;
}

/** The documents a hub's own text lies in (to load before `hubTexts`). */
export function hubTextSources(index: GraphIndex, hubs: readonly EntityNode[]): string[] {
  const ids = new Set(hubs.map((h) => h.id));
  const sources = hubs.flatMap((h) => {
    const own = ownArticles(index, h, ids);
    return (own.length > 0 ? own : measurePlaces(index, h)).map((p) => p.source);
  });
  return [...new Set(sources)].sort();
}

export function hubTexts(
  index: GraphIndex,
  hubs: readonly EntityNode[],
  documents: readonly SourceDocument[],
): HubText[] {
  const ids = new Set(hubs.map((h) => h.id));
  const docs = new Map(documents.map((d) => [d.id, d]));
  return hubs.map((hub) => {
    const own = ownArticles(index, hub, ids);
    const via = own.length > 0 ? "article" : "measures";
    const places = new Map((own.length > 0 ? own : measurePlaces(index, hub)).map((p) => [key(p), p]));
    let chars: number | null = places.size > 0 ? 0 : null;
    for (const p of places.values()) {
      const doc = docs.get(p.source);
      const n = doc ? sectionChars(doc, p.section) : null;
      chars = chars === null || n === null ? null : chars + n;
    }
    return { hubId: hub.id, sections: [...places.keys()].sort(), chars, via };
  });
}
