/**
 * What an exported picture says about itself: a title (the app's name, then what is shown — extent,
 * path, focus, selection, filters, hidden types, counts — in the UI language) and the legend entries
 * of the labels drawn (the UI language's name with the other language's beside it). Pure: the caller
 * says what was drawn. No raw ids reach the picture: a node is named, sources and sections counted.
 */
import { translate, type Lang, type StringKey } from "../i18n.ts";
import type { ExplorerState } from "./state.ts";
import { LABEL_COLORS, LABEL_NAMES } from "./style.ts";

/** The current view as the camera frames it, or every shown node. */
export type Scope = "view" | "whole";

export interface LegendEntry {
  /** The label (or "dimmed" for nodes drawn out of focus). */
  key: string;
  color: string;
  /** The name in the UI language, and in the other language. */
  name: string;
  other: string;
  /** Nodes of this entry in the picture. */
  count: number;
}

export type CaptionView = Pick<ExplorerState, "selected" | "path" | "ego" | "filters" | "hiddenLabels">;

export interface CaptionInput {
  lang: Lang;
  scope: Scope;
  view: CaptionView;
  /** The drawn name of a loaded node; undefined when it is not loaded. */
  nameOf: (id: string) => string | undefined;
  /** The two ends of a loaded edge. */
  endsOf: (id: string) => [string, string] | undefined;
  /** Nodes and edges in the picture. */
  nodes: number;
  edges: number;
}

const PUNCTUATION = {
  zh: { colon: "：", list: "、", open: "（", close: "）" },
  en: { colon: ": ", list: ", ", open: " (", close: ")" },
} as const;
const PART = " · ";

export function otherLang(lang: Lang): Lang {
  return lang === "zh" ? "en" : "zh";
}

/** A UI string with its `{n}` filled in. */
function count(lang: Lang, key: StringKey, n: number): string {
  return translate(lang, key).replace("{n}", String(n));
}

/** Named ids, with those not loaded counted (`+2`) rather than shown as raw ids. */
function named(ids: readonly string[], nameOf: CaptionInput["nameOf"]): string[] {
  const known = ids.flatMap((id) => nameOf(id) ?? []);
  const rest = ids.length - known.length;
  return rest > 0 ? [...known, `+${rest}`] : known;
}

/** The picture's two title lines: the app's name, and what the picture shows. */
export function pictureTitle({
  lang,
  scope,
  view,
  nameOf,
  endsOf,
  nodes,
  edges,
}: CaptionInput): [string, string] {
  const p = PUNCTUATION[lang];
  const t = (key: StringKey) => translate(lang, key);
  const labelled = (key: StringKey, text: string) => `${t(key)}${p.colon}${text}`;
  const parts = [t(scope === "whole" ? "exportScopeWhole" : "exportScopeView")];
  if (view.path && view.path.nodes.length > 0) {
    const ends = [view.path.nodes[0]!, view.path.nodes[view.path.nodes.length - 1]!];
    const hops = count(lang, "pictureHops", Math.max(0, view.path.nodes.length - 1));
    parts.push(labelled("picturePath", `${named(ends, nameOf).join(" → ")}${p.open}${hops}${p.close}`));
  }
  if (view.ego) {
    const depth = count(lang, "pictureDepth", view.ego.depth);
    parts.push(labelled("pictureEgo", `${named([view.ego.id], nameOf).join("")}${p.open}${depth}${p.close}`));
  }
  if (view.selected?.kind === "node" && nameOf(view.selected.id) !== undefined) {
    parts.push(labelled("pictureSelected", nameOf(view.selected.id)!));
  } else if (view.selected?.kind === "edge") {
    const ends = endsOf(view.selected.id);
    if (ends) parts.push(labelled("pictureSelected", named(ends, nameOf).join(" → ")));
  }
  const { hubs, themes, sources, sections } = view.filters;
  if (hubs.length > 0) parts.push(labelled("pictureHubs", named(hubs, nameOf).join(p.list)));
  if (themes.length > 0) parts.push(labelled("pictureThemes", named(themes, nameOf).join(p.list)));
  if (sources.length > 0) parts.push(count(lang, "pictureDocuments", sources.length));
  if (sections.length > 0) parts.push(count(lang, "pictureSections", sections.length));
  if (view.hiddenLabels.size > 0) {
    const hidden = [...view.hiddenLabels].map((label) => LABEL_NAMES[label]?.[lang] ?? label);
    parts.push(labelled("pictureHiddenTypes", hidden.join(p.list)));
  }
  parts.push(`${nodes} ${t("nodesShown")}${PART}${edges} ${t("edgesShown")}`);
  return [t("appTitle"), parts.join(PART)];
}

const ORDER = Object.keys(LABEL_COLORS);

/**
 * One entry per label drawn in its own colour (in the palette's order, unknown labels after), and one
 * for the nodes drawn dimmed, if any: the legend says what each colour in the picture means.
 */
export function legendEntries(
  drawn: ReadonlyMap<string, { color: string; count: number }>,
  lang: Lang,
  dimmed?: { color: string; count: number } | null,
): LegendEntry[] {
  const rank = (label: string) => (ORDER.includes(label) ? ORDER.indexOf(label) : ORDER.length);
  const labels = [...drawn.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const entries = labels.map((label) => ({
    key: label,
    color: drawn.get(label)!.color,
    name: LABEL_NAMES[label]?.[lang] ?? label,
    other: LABEL_NAMES[label]?.[otherLang(lang)] ?? "",
    count: drawn.get(label)!.count,
  }));
  if (dimmed && dimmed.count > 0)
    entries.push({
      key: "dimmed",
      color: dimmed.color,
      name: translate(lang, "pictureDimmed"),
      other: translate(otherLang(lang), "pictureDimmed"),
      count: dimmed.count,
    });
  return entries;
}
