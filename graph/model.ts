/**
 * The knowledge model: node labels with their property schemas, relationship types with the labels
 * they may connect. Shared by the importer (validation), the Neo4j loader, the snapshot and the web
 * app (styling and legends), so that one definition rules them all.
 */
import { z } from "zod";

const year = z.number().int().min(1900).max(2100);
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "a date as YYYY-MM-DD or YYYY-MM");
const text = z.string().min(1);
/** The scope of a "first" claim (第一个, 首个, 率先): where it was the first, e.g. 全国, 国内, 深圳. */
const first = text;

export const ORGANIZATION_KINDS = [
  "university",
  "research_institute",
  "laboratory",
  "enterprise",
  "government",
  "association",
  "hospital",
  "school",
  "investor",
  "intermediary",
  "media",
  "other",
] as const;

export const CARRIER_KINDS = [
  "park",
  "platform",
  "base",
  "workstation",
  "incubator",
  "community",
  "fund_town",
  "service_center",
  "lab_platform",
  "infrastructure",
  "other",
] as const;

/**
 * The carrier kinds grouped one level up, so that carriers can be compared by broad kind as well as
 * by kind. Transport infrastructure (airports, roads, ports) is a carrier of place, not of talent
 * policy, and is left out of the comparisons.
 */
export const CARRIER_KIND_GROUPS: Record<(typeof CARRIER_KINDS)[number], string> = {
  park: "space",
  fund_town: "space",
  community: "space",
  platform: "service",
  service_center: "service",
  incubator: "service",
  base: "research",
  workstation: "research",
  lab_platform: "research",
  infrastructure: "infrastructure",
  other: "other",
};

/** Facets of the talent-category hierarchy: every top-level category states the one it classifies by. */
export const TALENT_FACETS = ["level", "origin", "role", "field", "stage"] as const;

/** Kinds of editorial claims: synthesising statements a report makes about several hubs. */
export const CLAIM_KINDS = ["common_denominator", "model", "resource", "structure", "experience"] as const;

/** Industry classification schemes whose sections are taxonomy terms. */
export const INDUSTRY_SCHEMES = ["GB/T 4754-2017", "战略性新兴产业分类（2018）"] as const;

/** Property schemas per label. `.strict()` so that a misspelt key is an error, not silent data. */
export const LABEL_PROPS = {
  Hub: z.object({ city: text, model: text, established: year, area: text }).partial().strict(),
  Region: z
    .object({ kind: z.enum(["country", "province", "city", "district", "sar", "area", "other"]) })
    .partial()
    .strict(),
  Organization: z
    .object({
      kind: z.enum(ORGANIZATION_KINDS),
      founded: year.optional(),
      foundedDate: isoDate.optional(),
      first: first.optional(),
    })
    .strict(),
  Alliance: z.object({ founded: year, foundedDate: isoDate, first }).partial().strict(),
  Program: z
    .object({
      level: z.enum(["national", "provincial", "municipal", "district", "hub", "other"]),
      founded: year,
      foundedDate: isoDate,
      first,
    })
    .partial()
    .strict(),
  Policy: z
    .object({
      year,
      date: isoDate,
      level: z.enum(["national", "provincial", "municipal", "district", "hub", "other"]),
      first,
    })
    .partial()
    .strict(),
  Measure: z
    .object({ description: text, descriptionEn: text, year, date: isoDate, first })
    .partial()
    .strict(),
  Theme: z.object({ order: z.number().int() }).partial().strict(),
  Instrument: z
    .object({ level: z.enum(["type", "subtype"]), order: z.number().int() })
    .partial()
    .strict(),
  Stage: z.object({ order: z.number().int() }).partial().strict(),
  TalentCategory: z
    .object({ facet: z.enum(TALENT_FACETS) })
    .partial()
    .strict(),
  Carrier: z
    .object({ kind: z.enum(CARRIER_KINDS), founded: year, foundedDate: isoDate, first })
    .partial()
    .strict(),
  Industry: z
    .object({ scheme: z.enum(INDUSTRY_SCHEMES), code: text })
    .partial()
    .strict(),
  Statistic: z
    .object({
      value: z.number(),
      unit: text,
      year: year.optional(),
      asOf: text.optional(),
      measure: text,
      measureEn: text,
      qualifier: z.enum(["about", "over", "under", "at_least", "at_most", "nearly", "exact"]).optional(),
      /**
       * A canonical key of what is measured, shared only by figures that answer the same question of
       * the same kind of population: `average-age/employees` and `average-age/mid-high-end-talent` are
       * one measure (`average-age`) of two populations, and are not compared.
       */
      metric: z
        .string()
        .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, "a lower-case key like average-age or average-age/employees")
        .optional(),
      /** Whom or what the figure counts, as the text scopes it (e.g. 全体就业人员（抽样调查）). */
      population: text.optional(),
      populationEn: text.optional(),
      /** A target rather than an achieved figure (到2022年…达到). */
      target: z.boolean().optional(),
      /** A ratio's parts in order (1:1:1 → [1, 1, 1]); `value` is the first part. */
      parts: z.array(z.number()).min(2).optional(),
      /** Names of the parts, in the same order. */
      partNames: z.array(text).min(2).optional(),
    })
    .strict(),
  Person: z.object({ role: text }).partial().strict(),
  Publication: z
    .object({
      issue: text,
      volume: text,
      date: isoDate,
      publisher: text,
      authors: text,
      year,
      url: z.string().url(),
      venue: text,
    })
    .partial()
    .strict(),
  Article: z
    .object({ kind: z.enum(["editorial", "article", "digest"]) })
    .partial()
    .strict(),
  NewsItem: z
    .object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD"),
      url: z.string().url().optional(),
      place: text.optional(),
    })
    .strict(),
  Trait: z.object({ kind: z.enum(["talent_structure", "model_feature", "advantage"]) }).strict(),
  Positioning: z.object({}).strict(),
  Claim: z.object({ kind: z.enum(CLAIM_KINDS) }).strict(),
} as const;

export type Label = keyof typeof LABEL_PROPS;
export const LABELS = Object.keys(LABEL_PROPS) as Label[];

/** Labels whose nodes come from the taxonomy source rather than from a report. */
export const TAXONOMY_LABELS: readonly Label[] = ["Theme", "Instrument", "Stage"];

/** Id prefix that each label's ids must start with. */
export const ID_PREFIX: Record<Label, string> = {
  Hub: "hub",
  Region: "region",
  Organization: "org",
  Alliance: "alliance",
  Program: "program",
  Policy: "policy",
  Measure: "measure",
  Theme: "theme",
  Instrument: "instrument",
  Stage: "stage",
  TalentCategory: "talent",
  Carrier: "carrier",
  Industry: "industry",
  Statistic: "stat",
  Person: "person",
  Publication: "pub",
  Article: "article",
  NewsItem: "news",
  Trait: "trait",
  Positioning: "positioning",
  Claim: "claim",
};

const ANY: readonly Label[] = LABELS;

interface RelationSpec {
  from: readonly Label[];
  to: readonly Label[];
  props: z.ZodType<Record<string, unknown>>;
  description: string;
}

const noProps = z.object({}).strict();
const roleYear = z.object({ role: text, year, date: isoDate }).partial().strict();

export const RELATION_TYPES = {
  ADOPTS: {
    from: ["Hub", "Region", "Organization"],
    to: ["Measure"],
    props: roleYear,
    description: "who carries out a measure",
  },
  IMPLEMENTS: {
    from: ["Hub", "Region", "Organization"],
    to: ["Policy", "Program"],
    props: roleYear,
    description: "carries out a policy or programme",
  },
  ISSUED_BY: {
    from: ["Policy", "Program"],
    to: ["Organization", "Region"],
    props: roleYear,
    description: "issuer of a policy or programme",
  },
  INCLUDES: {
    from: ["Policy", "Program"],
    to: ["Measure", "Program", "Policy"],
    props: noProps,
    description: "content of a policy or programme",
  },
  BELONGS_TO: {
    from: ["Measure", "Policy", "Program"],
    to: ["Theme"],
    props: noProps,
    description: "classified under a theme",
  },
  HAS_INSTRUMENT: {
    from: ["Measure"],
    to: ["Instrument"],
    props: noProps,
    description: "policy instrument (Rothwell & Zegveld)",
  },
  AT_STAGE: {
    from: ["Measure"],
    to: ["Stage"],
    props: noProps,
    description: "stage of the talent chain",
  },
  TARGETS: {
    from: ["Measure", "Policy", "Program", "Carrier"],
    to: ["TalentCategory"],
    props: noProps,
    description: "who it is for",
  },
  LOCATED_IN: {
    from: ["Hub", "Organization", "Carrier", "Alliance", "Region"],
    to: ["Region", "Hub", "Carrier"],
    props: noProps,
    description: "where it is",
  },
  PART_OF: {
    from: [
      "Region",
      "Organization",
      "Carrier",
      "Article",
      "Hub",
      "Trait",
      "Policy",
      "Industry",
      "TalentCategory",
      "Program",
    ],
    to: [
      "Region",
      "Organization",
      "Carrier",
      "Hub",
      "Publication",
      "Trait",
      "Policy",
      "Industry",
      "TalentCategory",
      "Alliance",
      "Program",
    ],
    props: noProps,
    description: "containment",
  },
  MEMBER_OF: {
    from: ["Organization", "Region", "TalentCategory", "Person", "Carrier"],
    to: ["Alliance"],
    props: z.object({ role: text }).partial().strict(),
    description: "member of an alliance",
  },
  ESTABLISHES: {
    from: ["Hub", "Region", "Organization", "Person", "Carrier", "Alliance"],
    to: ["Alliance", "Carrier", "Organization", "Program", "Hub"],
    props: roleYear,
    description: "founded or built (by whom; year and date when the text says)",
  },
  OPERATES: {
    from: ["Organization"],
    to: ["Carrier", "Program", "Hub", "Alliance"],
    props: noProps,
    description: "runs it",
  },
  HAS_CARRIER: {
    from: ["Hub", "Region"],
    to: ["Carrier"],
    props: z.object({ count: z.number().int() }).partial().strict(),
    description: "has or builds this platform",
  },
  FOCUSES_ON: {
    from: ["Hub", "Region", "Carrier", "Program", "Organization", "Alliance", "Measure", "Policy"],
    to: ["Industry"],
    props: noProps,
    description: "industry focus",
  },
  HAS_STATISTIC: {
    from: [
      "Hub",
      "Region",
      "Organization",
      "Carrier",
      "Industry",
      "Program",
      "Alliance",
      "Policy",
      "Measure",
    ],
    to: ["Statistic"],
    props: noProps,
    description: "subject of a figure",
  },
  CONCERNS: {
    from: ["Statistic"],
    to: [
      "TalentCategory",
      "Organization",
      "Carrier",
      "Industry",
      "Alliance",
      "Program",
      "Measure",
      "Policy",
      "Region",
    ],
    props: noProps,
    description: "what or whom a figure counts",
  },
  HAS_TRAIT: {
    from: ["Hub"],
    to: ["Trait"],
    props: z.object({ detail: text }).partial().strict(),
    description: "characteristic of a hub",
  },
  CONTRIBUTES_TO: {
    from: ["Measure", "Policy", "Program", "Carrier"],
    to: ["Trait"],
    props: noProps,
    description: "a measure that makes up one of a hub's advantages or features",
  },
  HAS_POSITIONING: {
    from: ["Hub"],
    to: ["Positioning"],
    props: noProps,
    description: "functional positioning",
  },
  RECOGNIZED_BY: {
    from: ["TalentCategory"],
    to: ["Program"],
    props: noProps,
    description: "category defined by a programme",
  },
  COOPERATES_WITH: {
    from: ["Hub", "Region", "Organization"],
    to: ["Hub", "Region", "Organization"],
    props: z.object({ field: text }).partial().strict(),
    description: "cooperation",
  },
  DESCRIBES: {
    from: ["Article"],
    to: ["Hub", "Region", "Alliance"],
    props: noProps,
    description: "what an article is about",
  },
  AUTHORED_BY: {
    from: ["Article", "Publication"],
    to: ["Person"],
    props: z.object({ role: text }).partial().strict(),
    description: "author",
  },
  PUBLISHED_BY: {
    from: ["Publication"],
    to: ["Organization"],
    props: z.object({ role: text }).partial().strict(),
    description: "publisher",
  },
  AFFILIATED_WITH: {
    from: ["Person"],
    to: ["Organization"],
    props: z.object({ role: text }).partial().strict(),
    description: "affiliation",
  },
  REPORTS: {
    from: ["NewsItem"],
    to: ["Measure", "Policy", "Program", "Alliance", "Organization", "Carrier"],
    props: noProps,
    description: "what a news item is about",
  },
  MENTIONS: {
    from: ["NewsItem", "Article"],
    to: ANY,
    props: noProps,
    description: "other entities named",
  },
  INTEGRATES: {
    from: ["Carrier", "Measure", "Organization", "Program", "Policy"],
    to: ["Organization", "Carrier", "Program", "Measure"],
    props: noProps,
    description: "brings the functions of these bodies or services together (三窗合一)",
  },
  DEVELOPS: {
    from: ["Measure", "Policy", "Program"],
    to: ["Carrier", "Organization", "Alliance", "Program"],
    props: roleYear,
    description: "the measure builds, sets up or develops this carrier, body or programme",
  },
  DELIVERED_THROUGH: {
    from: ["Measure", "Policy", "Program"],
    to: ["Carrier", "Organization", "Alliance", "Program"],
    props: noProps,
    description: "carried out through this platform, body or programme (依托, 由…提供)",
  },
  INVOLVES: {
    from: ["Measure", "Policy", "Program", "Alliance"],
    to: ["Organization", "Carrier", "Alliance", "Region", "Hub", "Industry", "Person", "Trait", "Program"],
    props: z
      .object({ role: z.enum(["participant", "beneficiary", "object", "element", "resource", "authority"]) })
      .strict(),
    description:
      "a body, place or resource the measure names: who takes part, who benefits, what it acts on, an element of what it builds, a resource it brings in, the authority that grants it",
  },
  EXEMPLIFIES: {
    from: ["Organization", "Alliance", "Carrier", "Program", "Measure", "Person", "Hub", "Region"],
    to: ["Measure", "Trait", "Claim", "Program", "Policy"],
    props: noProps,
    description: "an instance or typical case of it (典型案例, 如…)",
  },
  AWARDED_TO: {
    from: ["Program"],
    to: ["Person", "Organization"],
    props: z.object({ year, role: text }).partial().strict(),
    description: "a prize or title given to a person or body; year, and role (个人/团队)",
  },
  PARTICIPATES_IN: {
    from: ["Organization", "Region", "Person", "Carrier", "TalentCategory", "Hub"],
    to: ["Program", "Measure", "Alliance", "Policy"],
    props: z.object({ role: text }).partial().strict(),
    description: "takes part in a programme, event or alliance's founding (揭榜, 参与)",
  },
  BASED_ON: {
    from: ["Measure", "Carrier", "Policy", "Program"],
    to: ["Policy"],
    props: noProps,
    description: "follows or applies a policy document (依据, 适用目录)",
  },
  COVERS: {
    from: ["Policy", "Program", "Alliance", "Measure"],
    to: ["Region", "Hub"],
    props: noProps,
    description: "the area a policy, programme or alliance applies to",
  },
  NEAR: {
    from: ["Hub", "Carrier", "Region"],
    to: ["Hub", "Carrier", "Region"],
    props: z.object({ within: text }).partial().strict(),
    description: "close to it; `within` says how close (一小时交通圈)",
  },
  CONNECTS: {
    from: ["Carrier"],
    to: ["Hub", "Region", "Carrier"],
    props: noProps,
    description: "a transport line or link serving a place",
  },
  SUCCEEDS: {
    from: ["Hub", "Carrier", "Organization", "Program", "Policy"],
    to: ["Hub", "Carrier", "Organization", "Program", "Policy"],
    props: z.object({ year }).partial().strict(),
    description: "the later form of it (前身, 改称): from the successor to its predecessor",
  },
  NEEDS: {
    from: ["Hub", "Region", "Organization", "Industry"],
    to: ["TalentCategory"],
    props: z
      .object({ degree: z.enum(["most", "high"]) })
      .partial()
      .strict(),
    description: "talent in demand there (紧俏, 紧缺)",
  },
  STATES: {
    from: ["Article"],
    to: ["Claim"],
    props: noProps,
    description: "the article makes this claim",
  },
  HOLDS_FOR: {
    from: ["Claim"],
    to: ["Hub", "Region"],
    props: noProps,
    description: "the hubs a claim says it holds for",
  },
  GENERALIZES: {
    from: ["Claim"],
    to: [
      "Theme",
      "Measure",
      "Program",
      "Trait",
      "Statistic",
      "Carrier",
      "Industry",
      "Positioning",
      "TalentCategory",
      "Policy",
    ],
    props: noProps,
    description: "what a claim sums up: the themes it names, the measures it restates",
  },
  CITES: {
    from: ["Article"],
    to: ["Publication", "Article"],
    props: noProps,
    description: "bibliography reference",
  },
  SUBTYPE_OF: {
    from: ["Instrument"],
    to: ["Instrument"],
    props: noProps,
    description: "taxonomy hierarchy",
  },
  RELATED_TO: {
    from: ANY,
    to: ANY,
    props: z.object({ relation: text, why: text }).strict(),
    description: "last resort: `relation` names it, `why` says why no typed relationship fits",
  },
} as const satisfies Record<string, RelationSpec>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

/** Each Measure must be classified along these three axes. */
export const MEASURE_CLASSIFICATION: ReadonlyArray<{ type: RelationType; to: Label }> = [
  { type: "BELONGS_TO", to: "Theme" },
  { type: "HAS_INSTRUMENT", to: "Instrument" },
  { type: "AT_STAGE", to: "Stage" },
];

/**
 * Provenance of a node or relationship: a verbatim quote, where it stands in its source (character
 * offsets into the raw text, and the line) and the section. Stored as JSON text in Neo4j.
 */
export const evidenceSchema = z.object({
  source: z.string(),
  section: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** The label every knowledge node carries in Neo4j beside its own, for one id constraint. */
export const ENTITY_LABEL = "Entity";

export function isLabel(value: string): value is Label {
  return Object.hasOwn(LABEL_PROPS, value);
}

export function isRelationType(value: string): value is RelationType {
  return Object.hasOwn(RELATION_TYPES, value);
}
