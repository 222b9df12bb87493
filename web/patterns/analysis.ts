/**
 * Shared policy patterns across the hubs, computed from the graph alone (nothing about the hubs,
 * themes or categories is written down here). Each analysis is the TypeScript twin of a saved
 * query in `cypher/` and gives the same answer, in the same order — tests/integration/patterns.test.ts
 * holds the two against each other — so the view works from Neo4j and from the static snapshot alike:
 *
 *   themes          themes-shared-by-hubs.cypher, unique-to-hub.cypher, hub-pair-shared.cypher,
 *                   measures-shared-theme.cypher
 *   categories      talent-categories-shared.cypher, unique-to-hub.cypher, hub-pair-shared.cypher
 *   carrierKinds    unique-to-hub.cypher, hub-pair-shared.cypher
 *   instrumentStage instrument-stage-matrix.cypher
 *   similarity      hub-similarity.cypher
 *   statistics      statistics-side-by-side.cypher
 *   zhejiang        zhejiang-lens.cypher
 *
 * Every cell and term carries the ids of the measures, carriers, statistics or news items behind
 * it, whose `evidence` holds the quotes. Pure functions: no React, no DOM.
 */
import { CARRIER_KINDS } from "../../graph/model.ts";
import type { EntityNode, GraphData, SourceDocument } from "../data/types.ts";
import { claimsVsEvidence, type ClaimRow } from "./claims.ts";
import { groupByTerm, sharedTerm, termsAt, type SharedTerm } from "./terms.ts";
import { byKeys, cypherCompare, GraphIndex, num, roundHalfUp, str } from "./graphIndex.ts";
import { hubTexts, type HubText } from "./hubText.ts";

export { byKeys, cypherCompare, GraphIndex, roundHalfUp } from "./graphIndex.ts";
export { share, type HierarchyLevel, type Share, type SharedTerm } from "./terms.ts";

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface ThemeRow extends SharedTerm {
  theme: EntityNode;
}

export interface CategoryRow extends SharedTerm {
  category: EntityNode;
}

export interface IndustryRow extends SharedTerm {
  industry: EntityNode;
}

export interface CarrierKindRow extends SharedTerm {
  /** Carrier.kind, e.g. `workstation` (never `other`). */
  kind: string;
}

/** One hub's measures by instrument type × stage; a measure may sit in several cells. */
export interface InstrumentStageMatrix {
  hubId: string;
  /** type id → stage id → measure ids. */
  cells: Record<string, Record<string, string[]>>;
  /** type id → the distinct measures of that type (the query's `total`). */
  byType: Record<string, string[]>;
  /** stage id → the distinct measures at that stage, of any type. */
  byStage: Record<string, string[]>;
}

/** A term two hubs both have, with the ids behind it at each. */
export interface PairTerm {
  id: string;
  name: string;
  nameEn: string;
  idsA: string[];
  idsB: string[];
}

export interface Jaccard {
  /** The shared terms, in the query's order (themes by order, categories by name, kinds by kind). */
  shared: PairTerm[];
  /** Ids (kinds for carriers) of the terms either hub has. */
  union: string[];
  value: number;
  /** Rounded to three decimals as Cypher's round(x, 3). */
  rounded: number;
  /** "shared/union", e.g. "19/23". */
  ratio: string;
}

export interface HubSimilarity {
  hubA: string;
  hubB: string;
  themes: Jaccard;
  categories: Jaccard;
  carrierKinds: Jaccard;
  /** Mean of the three unrounded values, rounded to three decimals. */
  mean: number;
}

/**
 * Why a figure is not compared with another hub's: it is a target, not an achieved figure; other
 * hubs give the same measure in another unit, or of another kind of population; or no other hub
 * gives it at all.
 */
export type NotComparable = "target" | "unit" | "population" | "unique";

export interface StatisticRow {
  /** The metric key when the figure is comparable, else the figure's own measure. */
  topic: string;
  topicEn: string;
  /** The metric key (`average-age/employees`) of a comparable figure. */
  topicId: string | null;
  /** How many hubs give a comparable figure (1 when not comparable). */
  hubs: number;
  hubId: string;
  statistic: EntityNode;
  /** null when comparable. */
  reason: NotComparable | null;
}

export interface LensNews {
  newsId: string;
  date: string;
  /** What the news item reports under the theme (measures, policies, programmes). */
  reportedIds: string[];
}

export type Coverage = "both" | "hubs only" | "news only" | "neither";

export interface LensRow extends SharedTerm {
  theme: EntityNode;
  /** News items set in the region, by date. */
  news: LensNews[];
  inNews: boolean;
  coverage: Coverage;
}

/** One news item set in the region: what it reports and the themes those fall under. */
export interface LensItem {
  newsId: string;
  date: string;
  /** What it REPORTS (measures, policies, programmes, carriers …), sorted. */
  reportedIds: string[];
  /** The themes of what it reports, in theme order. */
  themeIds: string[];
}

export interface ZhejiangLens {
  /** The region asked for (name, alias or English name) and the Region nodes it matched. */
  region: string;
  regionIds: string[];
  rows: LensRow[];
  /** The news items set in the region, by date. */
  items: LensItem[];
}

export interface Patterns {
  /** Every entity by id, for names and evidence quotes. */
  nodes: ReadonlyMap<string, EntityNode>;
  /** The hubs by year established (unknown last), then name — the queries' `h.established, h.name`. */
  hubs: EntityNode[];
  /** Instrument types (instruments that are no subtype), by order. */
  instrumentTypes: EntityNode[];
  /** Talent-chain stages, by order. */
  stages: EntityNode[];
  /** Every theme, by hubs, then measures, then order. */
  themes: ThemeRow[];
  /** The talent categories some hub's measures target, by hubs, then measures, then name. */
  categories: CategoryRow[];
  /** The carrier kinds some hub has (except `other`), by hubs, then carriers, then kind. */
  carrierKinds: CarrierKindRow[];
  /** One matrix per hub, in hub order. */
  instrumentStage: InstrumentStageMatrix[];
  /** Each pair of hubs (by id), by mean similarity, then the hubs' names. */
  similarity: HubSimilarity[];
  /** Every figure of every hub; shared topics first. */
  statistics: StatisticRow[];
  zhejiang: ZhejiangLens;
  /** Each claim of the reports against what the hubs' own sections show. */
  claims: ClaimRow[];
  /** The level the talent categories were compared at. */
  categoryLevel: CategoryLevel;
  /**
   * The industries the hubs' measures and carriers focus on (FOCUSES_ON), at `industryLevel`, by
   * hubs, then measures, then name.
   */
  industries: IndustryRow[];
  industryLevel: IndustryLevel;
  /** Each hub's own text and its length, in hub order (lengths null without the documents). */
  texts: HubText[];
}

/**
 * The level at which talent categories are compared: as the text names them, by the top-level
 * classes of the hierarchy they fall under (the default), or by every category and its ancestors.
 */
export type CategoryLevel = "named" | "class" | "all";
export const CATEGORY_LEVELS: readonly CategoryLevel[] = ["class", "named", "all"];

/** Industries: by GB/T section (or emerging-industry area) by default, by sector, as named, or all. */
export type IndustryLevel = "section" | "class" | "named" | "all";
export const INDUSTRY_LEVELS: readonly IndustryLevel[] = ["section", "class", "named", "all"];

export interface AnalyseOptions {
  /** Region of the news lens (name, alias or English name); zhejiang-lens.cypher's default. */
  region?: string;
  /** The saved queries' `level` parameter; "class" by default. */
  categoryLevel?: CategoryLevel;
  /** "section" by default. */
  industryLevel?: IndustryLevel;
  /** The source documents, for the length of each hub's own text (see hubText.ts). */
  documents?: readonly SourceDocument[];
}

export const DEFAULT_REGION = "浙江";

/** Chinese names of the carrier kinds, as the saved queries spell them (they sort by them). */
export const CARRIER_KIND_NAMES: Record<(typeof CARRIER_KINDS)[number], string> = {
  park: "园区",
  platform: "平台",
  base: "基地",
  workstation: "工作站",
  incubator: "孵化器",
  community: "社区",
  fund_town: "基金小镇",
  service_center: "服务中心",
  lab_platform: "科研平台",
  infrastructure: "交通设施",
  other: "其他",
};

export function carrierKindName(kind: string): string {
  return (CARRIER_KIND_NAMES as Record<string, string>)[kind] ?? kind;
}

/** The hub whose name, alias or English name (any case) is `text`, as the saved queries match it. */
export function findHub(hubs: readonly EntityNode[], text: string): EntityNode | undefined {
  return hubs.find(
    (h) => h.name === text || h.aliases.includes(text) || h.nameEn.toLowerCase() === text.toLowerCase(),
  );
}

// ---------------------------------------------------------------------------------------------
// The analyses
// ---------------------------------------------------------------------------------------------

function jaccard(
  a: string[],
  b: string[],
  idsA: (term: string) => string[],
  idsB: (term: string) => string[],
  naming: (term: string) => { name: string; nameEn: string },
): Jaccard {
  const inB = new Set(b);
  const shared = a.filter((t) => inB.has(t));
  const union = [...a, ...b.filter((t) => !a.includes(t))];
  const value = union.length === 0 ? 0 : shared.length / union.length;
  return {
    shared: shared.map((t) => ({ id: t, ...naming(t), idsA: idsA(t), idsB: idsB(t) })),
    union,
    value,
    rounded: roundHalfUp(value, 3),
    ratio: `${shared.length}/${union.length}`,
  };
}

/** Every analysis of the shared-patterns view, from all nodes and relationships of the graph. */
export function analyse(data: GraphData, options: AnalyseOptions = {}): Patterns {
  const index = new GraphIndex(data);
  const hubs = [...index.byLabel("Hub")].sort(byKeys((h) => [num(h.props.established), h.name, h.id]));
  const byOrder = byKeys((n: EntityNode) => [num(n.props.order), n.name, n.id]);
  const instrumentTypes = index
    .byLabel("Instrument")
    .filter((i) => index.targets(i.id, ["SUBTYPE_OF"]).length === 0)
    .sort(byOrder);
  const stages = [...index.byLabel("Stage")].sort(byOrder);
  const themeNodes = [...index.byLabel("Theme")].sort(byOrder);

  const measuresOf = new Map(hubs.map((h) => [h.id, index.targets(h.id, ["ADOPTS"], "Measure")]));
  const hubMeasures = (hubId: string) => measuresOf.get(hubId) ?? [];
  const carriersOf = new Map(
    hubs.map((h) => [
      h.id,
      index.targets(h.id, ["HAS_CARRIER", "ESTABLISHES"], "Carrier").filter((c) => {
        const kind = str(index.node(c).props.kind);
        return kind !== null && kind !== "other" && kind !== "infrastructure";
      }),
    ]),
  );

  // themes-shared-by-hubs.cypher
  const themeGroups = groupByTerm(index, hubs, hubMeasures, (m) => index.targets(m, ["BELONGS_TO"], "Theme"));
  const themes: ThemeRow[] = themeNodes
    .map((theme) => ({ theme, ...sharedTerm(hubs, themeGroups.get(theme.id)) }))
    .sort(byKeys((r) => [{ desc: r.hubCount }, { desc: r.total }, num(r.theme.props.order), r.theme.id]));

  // talent-categories-shared.cypher (every category, not only those of minHubs hubs), at the
  // chosen level: (m)-[:TARGETS]->(t)-[:PART_OF*0..]->(c)
  const level = options.categoryLevel ?? "class";
  // a category is targeted by many measures: walk its hierarchy once
  const levelOf = new Map<string, string[]>();
  const at = (t: string) => levelOf.get(t) ?? levelOf.set(t, categoriesAt(index, t, level)).get(t)!;
  const categoryGroups = groupByTerm(index, hubs, hubMeasures, (m) =>
    index.targets(m, ["TARGETS"], "TalentCategory").flatMap(at),
  );
  const categories: CategoryRow[] = [...categoryGroups]
    .map(([id, byHub]) => ({ category: index.node(id), ...sharedTerm(hubs, byHub) }))
    .sort(byKeys((r) => [{ desc: r.hubCount }, { desc: r.total }, r.category.name, r.category.id]));

  // carrier kinds of unique-to-hub.cypher and hub-pair-shared.cypher
  const kindGroups = groupByTerm(
    index,
    hubs,
    (h) => carriersOf.get(h) ?? [],
    (c) => [String(index.node(c).props.kind)],
  );
  const carrierKinds: CarrierKindRow[] = [...kindGroups]
    .map(([kind, byHub]) => ({ kind, ...sharedTerm(hubs, byHub) }))
    .sort(byKeys((r) => [{ desc: r.hubCount }, { desc: r.total }, r.kind]));

  // industries: (hub)-[:ADOPTS|HAS_CARRIER|ESTABLISHES]->(x)-[:FOCUSES_ON]->(i)-[:PART_OF*0..]->(level)
  const industryLevel = options.industryLevel ?? "section";
  const industryAt = new Map<string, string[]>();
  const industriesOf = (i: string) =>
    industryAt.get(i) ?? industryAt.set(i, termsAt(index, i, "Industry", industryLevel)).get(i)!;
  const industryGroups = groupByTerm(
    index,
    hubs,
    (h) => [...hubMeasures(h), ...index.targets(h, ["HAS_CARRIER", "ESTABLISHES"], "Carrier")],
    (x) => index.targets(x, ["FOCUSES_ON"], "Industry").flatMap(industriesOf),
  );
  const industries: IndustryRow[] = [...industryGroups]
    .map(([id, byHub]) => ({ industry: index.node(id), ...sharedTerm(hubs, byHub) }))
    .sort(byKeys((r) => [{ desc: r.hubCount }, { desc: r.total }, r.industry.name, r.industry.id]));

  // instrument-stage-matrix.cypher: (m)-[:HAS_INSTRUMENT]->(i)-[:SUBTYPE_OF*0..1]->(type)
  const typeIds = new Set(instrumentTypes.map((t) => t.id));
  const typesOf = (measure: string) =>
    new Set(
      index
        .targets(measure, ["HAS_INSTRUMENT"], "Instrument")
        .flatMap((i) => [i, ...index.targets(i, ["SUBTYPE_OF"], "Instrument")])
        .filter((i) => typeIds.has(i)),
    );
  const byName = byKeys((id: string) => [index.node(id).name, id]);
  const instrumentStage: InstrumentStageMatrix[] = hubs.map((hub) => {
    const measures = [...hubMeasures(hub.id)].sort(byName);
    const stagesOf = new Map(measures.map((m) => [m, new Set(index.targets(m, ["AT_STAGE"], "Stage"))]));
    const instrumentsOf = new Map(measures.map((m) => [m, typesOf(m)]));
    const cells: InstrumentStageMatrix["cells"] = {};
    const byType: InstrumentStageMatrix["byType"] = {};
    for (const type of instrumentTypes) {
      const ofType = measures.filter((m) => instrumentsOf.get(m)!.has(type.id));
      byType[type.id] = ofType;
      cells[type.id] = Object.fromEntries(
        stages.map((s) => [s.id, ofType.filter((m) => stagesOf.get(m)!.has(s.id))]),
      );
    }
    const byStage = Object.fromEntries(
      stages.map((s) => [s.id, measures.filter((m) => stagesOf.get(m)!.has(s.id))]),
    );
    return { hubId: hub.id, cells, byType, byStage };
  });

  // hub-similarity.cypher
  const themesOf = (hubId: string) =>
    themeNodes.filter((t) => (themeGroups.get(t.id)?.[hubId]?.length ?? 0) > 0).map((t) => t.id);
  const categoriesOf = (hubId: string) =>
    [...categoryGroups]
      .filter(([, byHub]) => (byHub[hubId]?.length ?? 0) > 0)
      .map(([id]) => id)
      .sort(byKeys((id) => [index.node(id).name, id]));
  const kindsOf = (hubId: string) =>
    [...kindGroups]
      .filter(([, byHub]) => (byHub[hubId]?.length ?? 0) > 0)
      .map(([kind]) => kind)
      .sort(cypherCompare);
  const entityName = (id: string) => ({ name: index.node(id).name, nameEn: index.node(id).nameEn });
  const kindName = (kind: string) => ({ name: carrierKindName(kind), nameEn: kind });
  const similarity: HubSimilarity[] = [];
  for (const a of hubs) {
    for (const b of hubs) {
      if (cypherCompare(a.id, b.id) >= 0) continue;
      // one dimension of the pair: the terms of each hub, the entities behind a term, its name
      const overlap = (
        termsOf: (hub: string) => string[],
        groups: Map<string, Record<string, string[]>>,
        name: typeof entityName,
      ) =>
        jaccard(
          termsOf(a.id),
          termsOf(b.id),
          (term) => groups.get(term)?.[a.id] ?? [],
          (term) => groups.get(term)?.[b.id] ?? [],
          name,
        );
      const t = overlap(themesOf, themeGroups, entityName);
      const c = overlap(categoriesOf, categoryGroups, entityName);
      const k = overlap(kindsOf, kindGroups, kindName);
      const mean = roundHalfUp((t.value + c.value + k.value) / 3, 3);
      similarity.push({ hubA: a.id, hubB: b.id, themes: t, categories: c, carrierKinds: k, mean });
    }
  }
  similarity.sort(
    byKeys((s) => [{ desc: s.mean }, index.node(s.hubA).name, index.node(s.hubB).name, s.hubA, s.hubB]),
  );

  return {
    nodes: index.nodes,
    hubs,
    instrumentTypes,
    stages,
    themes,
    categories,
    carrierKinds,
    instrumentStage,
    similarity,
    statistics: statisticsSideBySide(index, hubs),
    zhejiang: newsLens(index, themes, options.region ?? DEFAULT_REGION),
    claims: claimsVsEvidence(index, hubs),
    categoryLevel: level,
    industries,
    industryLevel,
    texts: hubTexts(index, hubs, options.documents ?? []),
  };
}

/**
 * The categories a targeted category `t` counts as at a level: itself ("named"), the top-level
 * classes above it ("class"; a category with no parent is its own class), or itself and every
 * ancestor ("all").
 */
export function categoriesAt(index: GraphIndex, t: string, level: CategoryLevel): string[] {
  return termsAt(index, t, "TalentCategory", level);
}

/**
 * statistics-side-by-side.cypher with comparable = false (its default): every figure of every hub.
 * Two figures are compared only when they share a metric key (the same measure of the same kind of
 * population) and a base unit, and neither is a target; every other figure says why it is not.
 */
function statisticsSideBySide(index: GraphIndex, hubs: EntityNode[]): StatisticRow[] {
  const hubOrder = new Map(hubs.map((h, i) => [h.id, i]));
  const figures = hubs.flatMap((hub) =>
    index.targets(hub.id, ["HAS_STATISTIC"], "Statistic").map((s) => ({ hubId: hub.id, s: index.node(s) })),
  );
  const metricOf = (s: EntityNode) => str(s.props.metric);
  const familyOf = (s: EntityNode) => (metricOf(s) ?? "").split("/")[0]!;
  const isTarget = (s: EntityNode) => s.props.target === true;
  const rows: StatisticRow[] = [];
  for (const { hubId, s: statistic } of figures) {
    const metric = metricOf(statistic);
    // a figure without a metric key is compared with nothing
    const others = metric === null ? [] : figures.filter((f) => f.hubId !== hubId && !isTarget(f.s));
    const hubsWhere = (keep: (o: EntityNode) => boolean) =>
      new Set(others.filter((f) => keep(f.s)).map((f) => f.hubId)).size;
    const same = hubsWhere((o) => metricOf(o) === metric && o.props.baseUnit === statistic.props.baseUnit);
    const reason: NotComparable | null = isTarget(statistic)
      ? "target"
      : same > 0
        ? null
        : hubsWhere((o) => metricOf(o) === metric) > 0
          ? "unit"
          : hubsWhere((o) => familyOf(o) === familyOf(statistic)) > 0
            ? "population"
            : "unique";
    rows.push({
      topic: reason === null ? metric! : String(statistic.props.measure),
      topicEn: reason === null ? metric! : String(statistic.props.measureEn),
      topicId: reason === null ? metric : null,
      hubs: reason === null ? same + 1 : 1,
      hubId,
      statistic,
      reason,
    });
  }
  return rows.sort(
    byKeys((r) => [
      { desc: r.hubs },
      r.topicEn,
      hubOrder.get(r.hubId),
      str(r.statistic.props.measureEn),
      r.statistic.id,
    ]),
  );
}

/** statistics-side-by-side.cypher with comparable = true: only the figures compared across hubs. */
export function comparableStatistics(rows: readonly StatisticRow[]): StatisticRow[] {
  return rows.filter((r) => r.reason === null);
}

/** zhejiang-lens.cypher: the themes of the hubs against the news items set in `region`. */
function newsLens(index: GraphIndex, themes: ThemeRow[], region: string): ZhejiangLens {
  const lower = region.toLowerCase();
  const regionIds = index
    .byLabel("Region")
    .filter((r) => r.name === region || r.aliases.includes(region) || r.nameEn.toLowerCase() === lower)
    .map((r) => r.id)
    .sort(cypherCompare);
  // (:Region)-[:PART_OF*0..3]->(r): the regions within the matched ones, up to three steps down
  const within = new Set(regionIds);
  let frontier = regionIds;
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    frontier = frontier.flatMap((id) => index.sources(id, ["PART_OF"])).filter((id) => !within.has(id));
    for (const id of frontier) within.add(id);
  }
  const inRegion = (news: string) =>
    index.targets(news, ["MENTIONS"], "Region").some((place) => within.has(place));
  const newsItems = index
    .byLabel("NewsItem")
    .filter((n) => inRegion(n.id))
    .sort(byKeys((n) => [str(n.props.date), n.id]));

  const byTheme = new Map<string, LensNews[]>();
  const themeOrder = new Map(themes.map((r, i) => [r.theme.id, num(r.theme.props.order) ?? i]));
  const items: LensItem[] = newsItems.map((news) => {
    const reportedIds = index.targets(news.id, ["REPORTS"]).sort(cypherCompare);
    const themeIds = [...new Set(reportedIds.flatMap((x) => index.targets(x, ["BELONGS_TO"], "Theme")))].sort(
      byKeys((id) => [themeOrder.get(id), id]),
    );
    return { newsId: news.id, date: String(news.props.date), reportedIds, themeIds };
  });
  for (const news of newsItems) {
    const reported = new Map<string, Set<string>>();
    for (const x of index.targets(news.id, ["REPORTS"])) {
      for (const theme of index.targets(x, ["BELONGS_TO"], "Theme")) {
        let set = reported.get(theme);
        if (!set) reported.set(theme, (set = new Set()));
        set.add(x);
      }
    }
    for (const [theme, ids] of reported) {
      const entry = { newsId: news.id, date: String(news.props.date), reportedIds: [...ids].sort() };
      const list = byTheme.get(theme);
      if (list) list.push(entry);
      else byTheme.set(theme, [entry]);
    }
  }

  const rows: LensRow[] = themes.map(({ theme, ...shared }) => {
    const news = byTheme.get(theme.id) ?? [];
    const hubCount = shared.hubCount;
    const coverage: Coverage =
      hubCount > 0 && news.length > 0
        ? "both"
        : hubCount > 0
          ? "hubs only"
          : news.length > 0
            ? "news only"
            : "neither";
    return { theme, ...shared, news, inNews: news.length > 0, coverage };
  });
  rows.sort(
    byKeys((r) => [{ desc: r.news.length }, { desc: r.hubCount }, num(r.theme.props.order), r.theme.id]),
  );
  return { region, regionIds, rows, items };
}

// ---------------------------------------------------------------------------------------------
// Views derived from the patterns (the other saved queries)
// ---------------------------------------------------------------------------------------------

export type Dimension = "theme" | "category" | "carrierKind";

/** A term of one dimension with the ids behind it at one hub (unique-to-hub.cypher's rows). */
export interface HubTerm {
  dimension: Dimension;
  /** Theme or category id, or the carrier kind. */
  id: string;
  name: string;
  nameEn: string;
  ids: string[];
}

/**
 * unique-to-hub.cypher: the themes, talent categories and carrier kinds only this hub has, each
 * dimension by count (descending), then Chinese name.
 */
export function uniqueToHub(patterns: Patterns, hubId: string): HubTerm[] {
  const hubsOwn = <R extends SharedTerm>(rows: R[]) =>
    rows.filter((r) => r.hubCount === 1 && r.hubIds[0] === hubId);
  const order = byKeys((t: HubTerm) => [{ desc: t.ids.length }, t.name, t.id]);
  return [
    ...hubsOwn(patterns.themes)
      .map((r) => term("theme", r.theme, r.byHub[hubId]!))
      .sort(order),
    ...hubsOwn(patterns.categories)
      .map((r) => term("category", r.category, r.byHub[hubId]!))
      .sort(order),
    ...hubsOwn(patterns.carrierKinds)
      .map((r) => kindTerm(r.kind, r.byHub[hubId]!))
      .sort(order),
  ];
}

function term(dimension: Dimension, node: EntityNode, ids: string[]): HubTerm {
  return { dimension, id: node.id, name: node.name, nameEn: node.nameEn, ids };
}

function kindTerm(kind: string, ids: string[]): HubTerm {
  return { dimension: "carrierKind", id: kind, name: carrierKindName(kind), nameEn: kind, ids };
}

/** A term both hubs of a pair have (hub-pair-shared.cypher's rows). */
export interface PairSharedTerm {
  dimension: Dimension;
  id: string;
  name: string;
  nameEn: string;
  idsA: string[];
  idsB: string[];
}

/**
 * hub-pair-shared.cypher: what two different hubs both have — themes by the two counts added up
 * (descending), then theme order; categories likewise, then name; carrier kinds, then kind.
 */
export function hubPairShared(patterns: Patterns, hubA: string, hubB: string): PairSharedTerm[] {
  const both = <R extends SharedTerm>(rows: R[]) =>
    rows.filter((r) => r.byHub[hubA]!.length > 0 && r.byHub[hubB]!.length > 0);
  const pair = (dimension: Dimension, id: string, name: string, nameEn: string, r: SharedTerm) => ({
    dimension,
    id,
    name,
    nameEn,
    idsA: r.byHub[hubA]!,
    idsB: r.byHub[hubB]!,
  });
  const sum = (t: PairSharedTerm) => ({ desc: t.idsA.length + t.idsB.length });
  const themes = both(patterns.themes)
    .sort(byKeys((r) => [{ desc: r.byHub[hubA]!.length + r.byHub[hubB]!.length }, num(r.theme.props.order)]))
    .map((r) => pair("theme", r.theme.id, r.theme.name, r.theme.nameEn, r));
  const categories = both(patterns.categories)
    .map((r) => pair("category", r.category.id, r.category.name, r.category.nameEn, r))
    .sort(byKeys((t) => [sum(t), t.name, t.id]));
  const kinds = both(patterns.carrierKinds)
    .map((r) => pair("carrierKind", r.kind, carrierKindName(r.kind), r.kind, r))
    .sort(byKeys((t) => [sum(t), t.nameEn]));
  return [...themes, ...categories, ...kinds];
}

/** talent-categories-shared.cypher: the categories of at least `minHubs` hubs (its default: 2). */
export function sharedCategories(patterns: Patterns, minHubs = 2): CategoryRow[] {
  return patterns.categories.filter((r) => r.hubCount >= minHubs);
}

/**
 * measures-shared-theme.cypher: each hub's measures under one theme (by id, name, alias or English
 * name), by hub, then measure name.
 */
export function themeMeasures(
  patterns: Patterns,
  theme: string,
): { theme: EntityNode; hubCount: number; measures: { hubId: string; measure: EntityNode }[] } | null {
  const lower = theme.toLowerCase();
  const row = patterns.themes.find(
    (r) =>
      r.theme.id === theme ||
      r.theme.name === theme ||
      r.theme.aliases.includes(theme) ||
      r.theme.nameEn.toLowerCase() === lower,
  );
  if (!row) return null;
  const measures = patterns.hubs.flatMap((h) =>
    row.byHub[h.id]!.map((id) => ({ hubId: h.id, measure: patterns.nodes.get(id)! })),
  );
  return { theme: row.theme, hubCount: row.hubCount, measures };
}
