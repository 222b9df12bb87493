/** Colours per label: one hue per kind of entity, taxonomy in greys, hubs strongest. */
export const LABEL_COLORS: Record<string, string> = {
  Hub: "#d62728",
  Region: "#8c6d31",
  Organization: "#1f77b4",
  Alliance: "#17becf",
  Program: "#9467bd",
  Policy: "#6b3fa0",
  Measure: "#2ca02c",
  Theme: "#7f7f7f",
  Instrument: "#a5a5a5",
  Stage: "#bcbd22",
  TalentCategory: "#ff7f0e",
  Carrier: "#e377c2",
  Industry: "#8c564b",
  Statistic: "#aec7e8",
  Person: "#f7b6d2",
  Publication: "#c5b0d5",
  Article: "#c49c94",
  NewsItem: "#dbdb8d",
  Trait: "#ff9896",
  Positioning: "#98df8a",
  Claim: "#393b79",
};

export function colorOf(label: string): string {
  return LABEL_COLORS[label] ?? "#999999";
}

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
