/**
 * The pattern views' tables as plain rows: one source for the CSV buttons and the printable report.
 * Names go out in both languages (the Chinese original first), whatever the UI's language.
 */
import type { EntityNode } from "../data/types.ts";
import type { Lang } from "../i18n.ts";
import {
  carrierKindName,
  type CarrierKindRow,
  type CategoryRow,
  type IndustryRow,
  type Patterns,
  type SharedTerm,
  type ThemeRow,
} from "./analysis.ts";
import { bothNames, propText, type Table } from "./common.tsx";
import { fairTable } from "./fair.ts";

const hubColumns = (p: Patterns) => p.hubs.map((h) => bothNames(h));
const counts = (p: Patterns, row: SharedTerm) => p.hubs.map((h) => row.byHub[h.id]!.length);

function title(lang: Lang, zh: string, en: string): string {
  return lang === "en" ? en : zh;
}

export function matrixTable(p: Patterns, lang: Lang): Table {
  return {
    id: "hub-theme-matrix",
    title: title(lang, "科创中心 × 政策主题（举措数）", "Hub × theme (measures)"),
    columns: ["theme", "themeEn", ...hubColumns(p), "hubs", "share"],
    rows: p.themes
      .filter((r) => r.hubCount > 0)
      .map((r) => [r.theme.name, r.theme.nameEn, ...counts(p, r), r.hubCount, r.share]),
  };
}

export type Dimension = "theme" | "category" | "carrierKind" | "industry";
export const DIMENSIONS: readonly Dimension[] = ["theme", "category", "carrierKind", "industry"];

export function rowsOf(p: Patterns, d: Dimension): TermRow[] {
  return d === "theme"
    ? p.themes
    : d === "category"
      ? p.categories
      : d === "carrierKind"
        ? p.carrierKinds
        : p.industries;
}

const DIMENSION_NAMES: Record<Dimension, [string, string]> = {
  theme: ["政策主题", "Themes"],
  category: ["人才类别", "Talent categories"],
  carrierKind: ["载体类型", "Carrier kinds"],
  industry: ["产业", "Industries"],
};

/**
 * The fair comparison of one dimension: per term and hub the count, the share of the hub's total
 * and the rate per 1,000 characters of its own text, the expected count by text length, the flag,
 * and the term's test.
 */
export function fairCsvTable(p: Patterns, lang: Lang, dimension: Dimension): Table {
  const fair = fairTable(p, rowsOf(p, dimension));
  const names = DIMENSION_NAMES[dimension];
  return {
    id: `fair-${dimension}`,
    title: title(
      lang,
      `${names[0]}：举措数、占比、每千字与显著性`,
      `${names[1]}: counts, shares, rates per 1,000 characters, significance`,
    ),
    columns: [
      "term",
      "termEn",
      "hub",
      "count",
      "hubTotal",
      "share",
      "hubChars",
      "per1000Chars",
      "expected",
      "residual",
      "flag",
      "baseline",
      "test",
      "statistic",
      "p",
      "pAdjusted",
    ],
    rows: fair.rows.flatMap((r) => {
      const term = termOf(r.row);
      return r.cells.map((c, h) => [
        term.name,
        term.nameEn,
        bothNames(p.nodes.get(c.hubId)!),
        c.count,
        fair.totals[h]!,
        Number(c.share.toFixed(4)),
        fair.chars[h] ?? "",
        c.rate === null ? "" : Number(c.rate.toFixed(3)),
        Number(c.expected.toFixed(3)),
        Number(c.residual.toFixed(3)),
        c.flag ?? "",
        fair.baseline,
        r.test?.method ?? "",
        r.test ? Number(r.test.statistic.toFixed(3)) : "",
        r.test ? Number(r.test.p.toPrecision(4)) : "",
        r.test ? Number(r.test.pAdjusted.toPrecision(4)) : "",
      ]);
    }),
  };
}

export type TermRow = ThemeRow | CategoryRow | CarrierKindRow | IndustryRow;

/** The entity a row is about; a carrier kind is a value, not a node, and is named here. */
export function termOf(row: TermRow): Pick<EntityNode, "id" | "name" | "nameEn"> {
  if ("theme" in row) return row.theme;
  if ("category" in row) return row.category;
  if ("industry" in row) return row.industry;
  return { id: row.kind, name: carrierKindName(row.kind), nameEn: row.kind.replaceAll("_", " ") };
}

export function sharedTable(p: Patterns, lang: Lang, dimension: Dimension): Table {
  const names = DIMENSION_NAMES[dimension];
  return {
    id: `shared-${dimension}`,
    title: title(lang, `${names[0]}：共有与独有`, `${names[1]}: shared and unique`),
    columns: ["term", "termEn", "share", "hubs", ...hubColumns(p)],
    rows: rowsOf(p, dimension)
      .filter((r) => r.hubCount > 0)
      .map((r) => {
        const term = termOf(r);
        return [
          term.name,
          term.nameEn,
          r.share,
          r.hubIds.map((id) => p.nodes.get(id)?.name ?? id).join("、"),
          ...counts(p, r),
        ];
      }),
  };
}

export function instrumentStageTable(p: Patterns, lang: Lang): Table {
  return {
    id: "instrument-stage",
    title: title(
      lang,
      "政策工具 × 人才链环节（举措数）",
      "Policy instrument × talent-chain stage (measures)",
    ),
    columns: ["hub", "instrument", ...p.stages.map((s) => bothNames(s)), "measures"],
    rows: p.instrumentStage.flatMap((m) =>
      p.instrumentTypes.map((type) => [
        bothNames(p.nodes.get(m.hubId)!),
        bothNames(type),
        ...p.stages.map((s) => m.cells[type.id]?.[s.id]?.length ?? 0),
        m.byType[type.id]?.length ?? 0,
      ]),
    ),
  };
}

export function similarityTable(p: Patterns, lang: Lang): Table {
  return {
    id: "hub-similarity",
    title: title(lang, "科创中心两两相似度（Jaccard）", "Hub-to-hub similarity (Jaccard)"),
    columns: [
      "hubA",
      "hubB",
      "themes",
      "themesShared",
      "categories",
      "categoriesShared",
      "carrierKinds",
      "carrierKindsShared",
      "mean",
    ],
    rows: p.similarity.map((s) => [
      bothNames(p.nodes.get(s.hubA)!),
      bothNames(p.nodes.get(s.hubB)!),
      s.themes.rounded,
      s.themes.ratio,
      s.categories.rounded,
      s.categories.ratio,
      s.carrierKinds.rounded,
      s.carrierKinds.ratio,
      s.mean,
    ]),
  };
}

export function statisticsTable(p: Patterns, lang: Lang): Table {
  return {
    id: "statistics",
    title: title(lang, "统计数据对照", "Figures side by side"),
    columns: [
      "topic",
      "topicEn",
      "hubs",
      "hub",
      "figure",
      "value",
      "unit",
      "baseValue",
      "baseUnit",
      "year",
      "population",
      "notComparable",
      "quote",
    ],
    rows: p.statistics.map((r) => {
      const s = r.statistic;
      return [
        r.topic,
        r.topicEn,
        r.hubs,
        bothNames(p.nodes.get(r.hubId)!),
        s.name,
        propText(s.props.value),
        propText(s.props.unit),
        propText(s.props.baseValue),
        propText(s.props.baseUnit),
        propText(s.props.year ?? s.props.asOf),
        propText(s.props.population),
        r.reason ?? "",
        s.evidence[0]?.quote ?? "",
      ];
    }),
  };
}

export function zhejiangTable(p: Patterns, lang: Lang): Table {
  const region = p.zhejiang.regionIds.map((id) => p.nodes.get(id)).find(Boolean);
  const zh = region?.name ?? p.zhejiang.region;
  const en = region?.nameEn || zh;
  return {
    id: "regional-lens",
    title: title(
      lang,
      `${zh}视角：科创中心主题与${zh}资讯`,
      `${en} lens: the hubs' themes and the ${en} news`,
    ),
    columns: ["theme", "themeEn", ...hubColumns(p), "hubs", "newsItems", "coverage"],
    rows: p.zhejiang.rows.map((r) => [
      r.theme.name,
      r.theme.nameEn,
      ...p.hubs.map((h) => r.byHub[h.id]?.length ?? 0),
      r.hubCount,
      r.news.length,
      r.coverage,
    ]),
  };
}

export function allTables(p: Patterns, lang: Lang): Table[] {
  return [
    matrixTable(p, lang),
    claimsTable(p, lang),
    sharedTable(p, lang, "theme"),
    sharedTable(p, lang, "category"),
    sharedTable(p, lang, "carrierKind"),
    sharedTable(p, lang, "industry"),
    ...DIMENSIONS.map((d) => fairCsvTable(p, lang, d)),
    instrumentStageTable(p, lang),
    similarityTable(p, lang),
    statisticsTable(p, lang),
    zhejiangTable(p, lang),
  ];
}

/** Claims against the evidence: one row per claim and hub. */
export function claimsTable(p: Patterns, lang: Lang): Table {
  return {
    id: "claims-vs-evidence",
    title: title(lang, "论断与证据对照", "Claims against the evidence"),
    columns: [
      "claim",
      "claimEn",
      "kind",
      "hub",
      "claimed",
      "items",
      "backed",
      "support",
      "backedItems",
      "quote",
    ],
    rows: p.claims.flatMap((r) =>
      r.hubs.map((h) => {
        const backed = h.backing.filter((b) => b.ids.length > 0);
        return [
          r.claim.name,
          r.claim.nameEn,
          r.kind,
          bothNames(p.nodes.get(h.hubId)!),
          h.claimed ? "yes" : "no",
          r.items.length,
          backed.length,
          h.support,
          backed.map((b) => p.nodes.get(b.itemId)!.name).join("、"),
          r.claim.evidence[0]?.quote ?? "",
        ];
      }),
    ),
  };
}
