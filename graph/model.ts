/**
 * The knowledge model: node labels with their property schemas, relationship types with the labels
 * they may connect. Shared by the importer (validation), the Neo4j loader, the snapshot and the web
 * app (styling and legends), so that one definition rules them all.
 */
import { z } from "zod";

const year = z.number().int().min(1900).max(2100);
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "a date as YYYY-MM-DD or YYYY-MM");
const text = z.string().min(1);

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
  "other",
] as const;

/** Property schemas per label. `.strict()` so that a misspelt key is an error, not silent data. */
export const LABEL_PROPS = {
  Hub: z.object({ city: text, model: text, established: year, area: text }).partial().strict(),
  Region: z
    .object({ kind: z.enum(["country", "province", "city", "district", "sar", "area", "other"]) })
    .partial()
    .strict(),
  Organization: z.object({ kind: z.enum(ORGANIZATION_KINDS) }).strict(),
  Alliance: z.object({ founded: year }).partial().strict(),
  Program: z
    .object({ level: z.enum(["national", "provincial", "municipal", "district", "hub", "other"]) })
    .partial()
    .strict(),
  Policy: z
    .object({
      year,
      date: isoDate,
      level: z.enum(["national", "provincial", "municipal", "district", "hub", "other"]),
    })
    .partial()
    .strict(),
  Measure: z.object({ description: text, descriptionEn: text, year }).partial().strict(),
  Theme: z.object({ order: z.number().int() }).partial().strict(),
  Instrument: z
    .object({ level: z.enum(["type", "subtype"]), order: z.number().int() })
    .partial()
    .strict(),
  Stage: z.object({ order: z.number().int() }).partial().strict(),
  TalentCategory: z.object({}).strict(),
  Carrier: z
    .object({ kind: z.enum(CARRIER_KINDS) })
    .partial()
    .strict(),
  Industry: z.object({}).strict(),
  Statistic: z
    .object({
      value: z.number(),
      unit: text,
      year: year.optional(),
      asOf: text.optional(),
      measure: text,
      measureEn: text,
      qualifier: z.enum(["about", "over", "under", "at_least", "at_most", "nearly", "exact"]).optional(),
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
    to: ["Measure", "Program"],
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
    to: ["Region", "Hub"],
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
    ],
    props: noProps,
    description: "containment",
  },
  MEMBER_OF: {
    from: ["Organization", "Region"],
    to: ["Alliance"],
    props: z.object({ role: text }).partial().strict(),
    description: "member of an alliance",
  },
  ESTABLISHES: {
    from: ["Hub", "Region", "Organization"],
    to: ["Alliance", "Carrier", "Organization", "Program"],
    props: roleYear,
    description: "founded or built",
  },
  OPERATES: {
    from: ["Organization"],
    to: ["Carrier", "Program"],
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
    from: ["Hub", "Region", "Organization", "Carrier", "Industry", "Program"],
    to: ["Statistic"],
    props: noProps,
    description: "subject of a figure",
  },
  CONCERNS: {
    from: ["Statistic"],
    to: ["TalentCategory", "Organization", "Carrier", "Industry"],
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
    from: ["Article"],
    to: ["Person"],
    props: z.object({ role: text }).partial().strict(),
    description: "author",
  },
  PUBLISHED_BY: {
    from: ["Publication"],
    to: ["Organization"],
    props: noProps,
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
    props: z.object({ relation: text }).partial().strict(),
    description: "other entities named",
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
    props: z.object({ relation: text }).strict(),
    description: "last resort, with the relation named",
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
