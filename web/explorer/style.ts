/**
 * Colours per label. Every kind of entity, the taxonomy (Theme, Instrument, Stage) included, has a
 * real hue of middle lightness: no category is grey or pale, because grey and pale are what "dimmed"
 * looks like. Dimming is a faded tint of the node's own hue (fade), applied by the sigma reducers.
 * Chosen so that any two differ by at least 30 in CIELAB ΔE (hubs red, measures green as before).
 */
export const LABEL_COLORS: Record<string, string> = {
  Hub: "#d62728",
  Region: "#735c26",
  Organization: "#1f77b4",
  Alliance: "#29c2b2",
  Program: "#b16ecf",
  Policy: "#8013ae",
  Measure: "#2ca02c",
  Theme: "#266b73",
  Instrument: "#8a0f59",
  Stage: "#607e1b",
  TalentCategory: "#ff7f0e",
  Carrier: "#ec51bd",
  Industry: "#8a340f",
  Statistic: "#517fec",
  Person: "#e82c77",
  Publication: "#e82ce8",
  Article: "#dd9e5f",
  NewsItem: "#c2b229",
  Trait: "#cf6e6e",
  Positioning: "#267345",
  Claim: "#2c51e8",
};

const UNKNOWN = "#546e7a";

export function colorOf(label: string): string {
  return LABEL_COLORS[label] ?? UNKNOWN;
}

/** How far a dimmed node or edge moves towards the white background (0 = unchanged, 1 = white). */
export const DIM_AMOUNT = 0.82;

/** A "#rrggbb" colour mixed towards white: the dimmed form of a node, still faintly its own hue. */
export function fade(hex: string, amount = DIM_AMOUNT): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`fade: expected a colour as #rrggbb, got ${JSON.stringify(hex)}`);
  const value = parseInt(match[1]!, 16);
  const mix = (shift: number) => {
    const channel = (value >> shift) & 0xff;
    return Math.round(channel + (255 - channel) * amount)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${mix(16)}${mix(8)}${mix(0)}`;
}

/** Edges: drawn, dimmed, on the focus, on a path. */
export const EDGE_COLORS = {
  normal: "#c9ced6",
  dimmed: "#eef0f3",
  focus: "#7d8aa3",
  path: "#d62728",
  selected: "#2f5bea",
} as const;

export const LABEL_NAMES: Record<string, { zh: string; en: string }> = {
  Hub: { zh: "科创中心", en: "Hub" },
  Region: { zh: "地区", en: "Region" },
  Organization: { zh: "机构", en: "Organization" },
  Alliance: { zh: "联盟", en: "Alliance" },
  Program: { zh: "人才计划", en: "Programme" },
  Policy: { zh: "政策", en: "Policy" },
  Measure: { zh: "举措", en: "Measure" },
  Theme: { zh: "主题", en: "Theme" },
  Instrument: { zh: "政策工具", en: "Instrument" },
  Stage: { zh: "人才链环节", en: "Talent-chain stage" },
  TalentCategory: { zh: "人才类别", en: "Talent category" },
  Carrier: { zh: "载体平台", en: "Carrier" },
  Industry: { zh: "产业", en: "Industry" },
  Statistic: { zh: "统计数据", en: "Statistic" },
  Person: { zh: "人物", en: "Person" },
  Publication: { zh: "出版物", en: "Publication" },
  Article: { zh: "文章", en: "Article" },
  NewsItem: { zh: "资讯", en: "News item" },
  Trait: { zh: "特征", en: "Trait" },
  Positioning: { zh: "功能定位", en: "Positioning" },
  Claim: { zh: "论断", en: "Claim" },
};

/** Names of the relationship types in both languages, so the UI never shows a type's code alone. */
export const RELATION_NAMES: Record<string, { zh: string; en: string }> = {
  ADOPTS: { zh: "采取", en: "adopts" },
  IMPLEMENTS: { zh: "实施", en: "implements" },
  ISSUED_BY: { zh: "发布机构", en: "issued by" },
  INCLUDES: { zh: "包含", en: "includes" },
  BELONGS_TO: { zh: "属于主题", en: "belongs to" },
  HAS_INSTRUMENT: { zh: "政策工具", en: "instrument" },
  AT_STAGE: { zh: "人才链环节", en: "at stage" },
  TARGETS: { zh: "面向", en: "targets" },
  LOCATED_IN: { zh: "位于", en: "located in" },
  PART_OF: { zh: "隶属于", en: "part of" },
  MEMBER_OF: { zh: "成员", en: "member of" },
  ESTABLISHES: { zh: "成立", en: "establishes" },
  OPERATES: { zh: "运营", en: "operates" },
  HAS_CARRIER: { zh: "拥有载体", en: "has carrier" },
  FOCUSES_ON: { zh: "聚焦产业", en: "focuses on" },
  HAS_STATISTIC: { zh: "统计数据", en: "has figure" },
  CONCERNS: { zh: "统计对象", en: "concerns" },
  HAS_TRAIT: { zh: "特征", en: "has trait" },
  CONTRIBUTES_TO: { zh: "促成", en: "contributes to" },
  HAS_POSITIONING: { zh: "功能定位", en: "positioned as" },
  RECOGNIZED_BY: { zh: "认定于", en: "recognised by" },
  COOPERATES_WITH: { zh: "合作", en: "cooperates with" },
  DESCRIBES: { zh: "介绍", en: "describes" },
  AUTHORED_BY: { zh: "作者", en: "authored by" },
  PUBLISHED_BY: { zh: "出版者", en: "published by" },
  AFFILIATED_WITH: { zh: "任职于", en: "affiliated with" },
  REPORTS: { zh: "报道", en: "reports" },
  MENTIONS: { zh: "提及", en: "mentions" },
  CITES: { zh: "引用", en: "cites" },
  SUBTYPE_OF: { zh: "下位类", en: "subtype of" },
  INTEGRATES: { zh: "整合", en: "integrates" },
  DEVELOPS: { zh: "建设", en: "develops" },
  DELIVERED_THROUGH: { zh: "依托", en: "delivered through" },
  INVOLVES: { zh: "涉及", en: "involves" },
  EXEMPLIFIES: { zh: "例证", en: "exemplifies" },
  AWARDED_TO: { zh: "授予", en: "awarded to" },
  PARTICIPATES_IN: { zh: "参与", en: "participates in" },
  BASED_ON: { zh: "依据", en: "based on" },
  COVERS: { zh: "覆盖", en: "covers" },
  NEAR: { zh: "临近", en: "near" },
  CONNECTS: { zh: "连通", en: "connects" },
  SUCCEEDS: { zh: "前身为", en: "succeeds" },
  NEEDS: { zh: "需求", en: "needs" },
  STATES: { zh: "提出论断", en: "states" },
  HOLDS_FOR: { zh: "论断适用于", en: "holds for" },
  GENERALIZES: { zh: "概括", en: "generalizes" },
  RELATED_TO: { zh: "相关", en: "related to" },
};

/** A relationship type in the UI's language (its code where no name is known). */
export function relationName(type: string, lang: "zh" | "en"): string {
  return RELATION_NAMES[type]?.[lang] ?? type;
}
