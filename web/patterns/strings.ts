/**
 * The pattern views' own strings (fair comparison, network, lens, report), in Chinese and English,
 * beside the app's shared ones in web/i18n.ts. A plain function as well as a hook, so that the
 * report can use them outside React.
 */
import { useLang, type Lang } from "../i18n.ts";

const STRINGS = {
  normalisation: { zh: "数值", en: "Values" },
  norm_count: { zh: "举措数", en: "Counts" },
  norm_share: { zh: "占本地举措比例", en: "Share of the hub's total" },
  norm_rate: { zh: "每千字", en: "Per 1,000 characters" },
  normHelp: {
    zh: "举措数偏向篇幅最长的文章。占比 = 该格举措数 ÷ 该地在本表中的举措总数；每千字 = 该格举措数 ÷ 该地自身文章的字数（不含空白）× 1000。",
    en: "Counts favour the longest article. Share = the cell's measures ÷ the hub's measures in this table; per 1,000 characters = the cell's measures ÷ the characters (whitespace aside) of the hub's own article × 1,000.",
  },
  hubTotal: { zh: "合计", en: "Total" },
  hubChars: { zh: "自身文本字数", en: "Own text (characters)" },
  flagOver: { zh: "高于篇幅所能解释", en: "more than text length explains" },
  flagUnder: { zh: "低于篇幅所能解释", en: "less than text length explains" },
  flagOverTotal: { zh: "高于规模所能解释", en: "more than the hub's size explains" },
  flagUnderTotal: { zh: "低于规模所能解释", en: "less than the hub's size explains" },
  testTerm: {
    zh: "检验：若各地在该项上的举措数只随自身文本长度而变，其分布应按篇幅比例（多项分布）；p 值为精确检验（项多时为蒙特卡洛模拟），并按 Holm 法对本表各项校正。校正后 p < 0.05 且 Pearson 残差绝对值 ≥ 2 的格子标为 ▲（高于篇幅所能解释）或 ▼（低于）。",
    en: "Test: if a hub's measures under a term grew with the length of its own text alone, the term's measures would spread over the hubs in proportion to their text lengths (multinomial). p is exact (Monte Carlo for large counts), Holm-adjusted over the terms of the table. Cells of terms with adjusted p < 0.05 and a Pearson residual of at least 2 in size are marked ▲ (more than text length explains) or ▼ (less).",
  },
  testTermTotal: {
    zh: "（缺少文本长度，故以各地在本表中的举措总数为基准。）",
    en: "(Text lengths unknown: the hubs' totals in this table are the baseline.)",
  },
  testIndependence: {
    zh: "整体独立性检验（Pearson 卡方，置换法）",
    en: "Independence of the whole table (Pearson chi-square, permutation)",
  },
  testNone: { zh: "无法检验（不足两地或两项）", en: "not testable (fewer than two hubs or terms)" },
  pTerm: { zh: "校正后 p", en: "adjusted p" },
  upsetTitle: { zh: "共有与独有（UpSet 图）", en: "Shared and unique (UpSet chart)" },
  upsetIntersections: { zh: "恰好为这些地区共有的项数", en: "Terms of exactly these hubs" },
  upsetSets: { zh: "各地项数", en: "Terms per hub" },
  upsetHelp: {
    zh: "每一列是一种恰好的组合：实心点为拥有这些项的地区，柱高为项数；左侧为各地的项数。点击一列查看其中的项。",
    en: "Each column is one exact combination of hubs (filled dots), its bar the number of terms only they share; on the left, each hub's number of terms. Click a column for its terms.",
  },
  matrixTable: { zh: "矩阵", en: "Matrix" },
  industries: { zh: "产业", en: "Industries" },
  industryLevel: { zh: "产业层级", en: "Industry level" },
  ilevel_section: { zh: "门类 / 领域", en: "Sections / areas" },
  ilevel_class: { zh: "三次产业等顶层", en: "Top-level (sectors)" },
  ilevel_named: { zh: "原文名称", en: "As named" },
  ilevel_all: { zh: "含全部上位类", en: "With every broader class" },
  term: { zh: "项", en: "Term" },
  // network
  centrality: { zh: "中心性", en: "Centrality" },
  c_degree: { zh: "度（连接数）", en: "Degree (links)" },
  c_strength: { zh: "强度（举措数）", en: "Strength (measures)" },
  c_betweenness: { zh: "中介中心性", en: "Betweenness" },
  c_pagerank: { zh: "PageRank（加权）", en: "PageRank (weighted)" },
  layers: { zh: "节点", en: "Nodes" },
  layer_theme: { zh: "科创中心与政策主题", en: "Hubs and themes" },
  layer_both: { zh: "科创中心、主题与人才类别", en: "Hubs, themes and talent categories" },
  projection: {
    zh: "投影：无向的“科创中心—举措—主题”三部图中把举措投影掉，得到科创中心 × 主题的二部图：某地有举措属于某主题即连边，边权为这些举措的数量。中心性在这张无向图上计算（原图的边方向只表示“谁采纳了什么”，不表示影响的方向）。",
    en: "Projection: in the undirected hub–measure–theme graph, measures are projected out, leaving a bipartite hub × theme graph: a hub and a theme are linked when some measure of the hub is under the theme, weighted by how many. Centralities are computed on this undirected graph (edge direction in the source graph only says who adopts what, not which way influence flows).",
  },
  howToRead: { zh: "如何解读", en: "How to read it" },
  howToReadText: {
    zh: "大圆为科创中心，小圆为主题（或人才类别）；圆的大小为所选中心性，颜色为 Louvain 社区，边越粗举措越多。处于多个科创中心之间的主题是共同模式；只连一个中心的主题是其特色。中介中心性高的节点把其他节点连在一起。",
    en: "Large circles are hubs, small ones themes (or talent categories); size is the chosen centrality, colour the Louvain community, and thicker edges carry more measures. A theme between several hubs is a shared pattern; one tied to a single hub is its own. High betweenness marks nodes that hold the others together.",
  },
  legend: { zh: "图例", en: "Legend" },
  legendHub: { zh: "科创中心", en: "Hub" },
  legendTheme: { zh: "政策主题", en: "Theme" },
  legendCategory: { zh: "人才类别", en: "Talent category" },
  legendSize: { zh: "大小 = 所选中心性", en: "Size = the chosen centrality" },
  legendColor: { zh: "颜色 = 社区", en: "Colour = community" },
  rank: { zh: "排名", en: "Rank" },
  median: { zh: "中位数", en: "median" },
  // lens
  lensTitle: { zh: "视角", en: "lens" },
  lensFollows: {
    zh: "该地区在 2020 年 7 月资讯中遵循了哪些科创中心的模式",
    en: "Which of the hubs' patterns the region follows in its July 2020 news",
  },
  lensHelp: {
    zh: "每条资讯通过其报道的举措、政策与项目（REPORTS）归入主题（BELONGS_TO），再与各科创中心在同一主题下的举措对照。点击查看引文。",
    en: "Each news item falls under themes through what it reports (REPORTS → BELONGS_TO), set against the hubs' measures under the same themes. Click for the quotes.",
  },
  lensNewsItem: { zh: "资讯", en: "News item" },
  lensDate: { zh: "日期", en: "Date" },
  lensReported: { zh: "报道的举措 / 政策", en: "What it reports" },
  lensThemes: { zh: "主题", en: "Themes" },
  lensPattern: { zh: "对应的科创中心模式", en: "The hubs' pattern it follows" },
  lensNone: { zh: "（未关联主题）", en: "(no theme linked)" },
  lensPatternRows: { zh: "模式", en: "Pattern" },
  lensItems: { zh: "条资讯", en: "news items" },
  lensFollowed: { zh: "已遵循", en: "followed" },
  lensNotFollowed: { zh: "尚未出现", en: "not yet" },
} as const;

export type PatternString = keyof typeof STRINGS;

export function pt(lang: Lang, key: PatternString): string {
  return STRINGS[key][lang];
}

export function usePT(): (key: PatternString) => string {
  const lang = useLang();
  return (key) => STRINGS[key][lang];
}
