/** UI strings in Chinese and English; entity names keep their Chinese original elsewhere. */
import { createContext, useContext } from "react";

export type Lang = "zh" | "en";

const STRINGS = {
  appTitle: { zh: "人才政策图谱", en: "Talent Policy Graph" },
  appSubtitle: {
    zh: "科创中心人才政策知识图谱：每条事实都可追溯到原文",
    en: "A knowledge graph of innovation hubs' talent policies, every fact traced to its source",
  },
  language: { zh: "English", en: "中文" },
  connecting: { zh: "正在连接 Neo4j…", en: "Connecting to Neo4j…" },
  connected: { zh: "已连接", en: "Connected" },
  disconnected: { zh: "未连接", en: "Not connected" },
  server: { zh: "服务器", en: "Server" },
  address: { zh: "地址", en: "Address" },
  database: { zh: "数据库", en: "Database" },
  nodes: { zh: "节点", en: "Nodes" },
  relationships: { zh: "关系", en: "Relationships" },
  retry: { zh: "重试", en: "Retry" },
  disconnect: { zh: "断开", en: "Disconnect" },
  connect: { zh: "连接", en: "Connect" },
  connectTitle: { zh: "连接到 Neo4j", en: "Connect to Neo4j" },
  connectHelp: {
    zh: "输入 Neo4j 的地址和凭据（bolt://、neo4j:// 或 neo4j+s://）。凭据只保存在本标签页。",
    en: "Enter your Neo4j's address and credentials (bolt://, neo4j:// or neo4j+s://). Credentials stay in this tab only.",
  },
  uri: { zh: "连接地址", en: "Connect URL" },
  user: { zh: "用户名", en: "Username" },
  password: { zh: "密码", en: "Password" },
  databaseOptional: { zh: "数据库（可选）", en: "Database (optional)" },
  errUnauthorized: {
    zh: "Neo4j 拒绝了用户名或密码。请检查凭据后重试。",
    en: "Neo4j refused the username or password. Check the credentials and retry.",
  },
  errUnavailable: {
    zh: "无法连接到 Neo4j：服务器未运行或地址不可达。启动 Neo4j（npm start）后重试。",
    en: "Cannot reach Neo4j: the server is not running or the address is unreachable. Start it (npm start) and retry.",
  },
  errOther: { zh: "连接失败", en: "Connection failed" },
  errLost: {
    zh: "与 Neo4j 的连接中断了。已载入的图谱仍可浏览；Neo4j 恢复后重试即可。",
    en: "The connection to Neo4j was lost. What is loaded stays browsable; retry once Neo4j is back.",
  },
  snapshotBanner: {
    zh: "离线快照模式：未连接 Neo4j，正在浏览静态快照。扩展、最短路径与搜索在快照内进行；Cypher 查询不可用。",
    en: "Snapshot mode: no Neo4j connected, browsing the static snapshot. Expansion, paths and search work within the snapshot; Cypher is unavailable.",
  },
  loadingGraph: { zh: "正在加载图谱…", en: "Loading the graph…" },
  loadingFont: { zh: "正在加载中文字体…", en: "Loading the Chinese font…" },
  search: {
    zh: "搜索实体（中文、英文、别名或拼音）",
    en: "Search entities (Chinese, English, alias or pinyin)",
  },
  noHits: { zh: "无匹配结果", en: "No matches" },
  legend: { zh: "图例与筛选", en: "Legend & filter" },
  layoutRun: { zh: "运行布局", en: "Run layout" },
  layoutStop: { zh: "停止布局", en: "Stop layout" },
  layoutRunning: { zh: "布局计算中…", en: "Laying out…" },
  undo: { zh: "撤销", en: "Undo" },
  showHidden: { zh: "显示已隐藏", en: "Show hidden" },
  expand: { zh: "展开邻居", en: "Expand neighbours" },
  showMore: { zh: "显示更多", en: "Show more" },
  collapse: { zh: "收起", en: "Collapse" },
  hide: { zh: "隐藏", en: "Hide" },
  pin: { zh: "固定", en: "Pin" },
  unpin: { zh: "取消固定", en: "Unpin" },
  pathFrom: { zh: "设为路径起点", en: "Path from here" },
  pathTo: { zh: "最短路径到此", en: "Shortest path to here" },
  clearPath: { zh: "清除路径", en: "Clear path" },
  noPath: { zh: "两者之间没有路径", en: "No path between them" },
  properties: { zh: "属性", en: "Properties" },
  evidence: { zh: "原文证据", en: "Evidence" },
  showInSource: { zh: "在原文中查看", en: "Show in source" },
  close: { zh: "关闭", en: "Close" },
  hiddenNeighbours: { zh: "个邻居未显示", en: "neighbours not shown" },
  nodesShown: { zh: "个节点", en: "nodes" },
  edgesShown: { zh: "条关系", en: "relationships" },
  aliases: { zh: "别名", en: "Aliases" },
  error: { zh: "出错了", en: "Something went wrong" },
  line: { zh: "行", en: "line" },
  filters: { zh: "筛选", en: "Filters" },
  filterHubs: { zh: "只看与这些科创中心直接相关的", en: "Only what links to these hubs" },
  filterThemes: { zh: "举措主题", en: "Measure themes" },
  filterSections: { zh: "原文章节", en: "Source sections" },
  ego: { zh: "聚焦邻域", en: "Focus neighbourhood" },
  clearEgo: { zh: "取消聚焦", en: "Clear focus" },
  sizeBy: { zh: "节点大小", en: "Size by" },
  metricDegree: { zh: "连接数", en: "Degree" },
  metricPagerank: { zh: "PageRank", en: "PageRank" },
  metricBetweenness: { zh: "中介中心性", en: "Betweenness" },
  snapshotOnly: { zh: "（快照）", en: "(snapshot)" },
  export: { zh: "导出", en: "Export" },
  exportHint: {
    zh: "导出当前显示的节点与关系（不含已隐藏或已筛除的）",
    en: "Export the nodes and relationships shown (not those hidden or filtered out)",
  },
  exportPngHint: {
    zh: "当前视图的 PNG 图片，含节点标签，白色背景",
    en: "The current view as a PNG image, with node labels, on white",
  },
  exportNodesCsv: { zh: "节点 CSV", en: "Nodes CSV" },
  exportEdgesCsv: { zh: "关系 CSV", en: "Relationships CSV" },
  exportNotReady: { zh: "图谱尚未绘制，无法导出图片", en: "The graph is not drawn yet: no image to export" },
  exportFailed: { zh: "导出失败", en: "Export failed" },
} as const;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>("zh");

export function translate(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): (key: StringKey) => string {
  const lang = useContext(LangContext);
  return (key) => translate(lang, key);
}
