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
  loading: { zh: "正在加载…", en: "Loading…" },
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
  filterSources: { zh: "来源文献", en: "Source documents" },
  patternAllSources: { zh: "全部来源", en: "All sources" },
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
  tabExplorer: { zh: "网络探索", en: "Explorer" },
  tabConsole: { zh: "Cypher 查询", en: "Cypher console" },
  consoleNeedsNeo4j: {
    zh: "Cypher 查询需要连接 Neo4j；当前显示的是静态快照。请先连接 Neo4j。下面仍可浏览查询库。",
    en: "The Cypher console needs a Neo4j connection; you are viewing the static snapshot. Connect to Neo4j first. The library below can still be browsed.",
  },
  consoleLibrary: { zh: "查询库", en: "Library" },
  consoleLibrarySearch: { zh: "搜索查询（中文或英文）", en: "Search queries (Chinese or English)" },
  consoleHistory: { zh: "历史", en: "History" },
  consoleHistoryEmpty: {
    zh: "尚未运行查询。历史只保存在本浏览器中。",
    en: "No queries run yet. History stays in this browser.",
  },
  consoleClearHistory: { zh: "清除历史", en: "Clear history" },
  consoleParams: { zh: "参数", en: "Parameters" },
  consoleRun: { zh: "运行", en: "Run" },
  consoleCancel: { zh: "取消查询", en: "Cancel query" },
  consoleRunning: { zh: "正在运行…", en: "Running…" },
  consoleTimeout: { zh: "超时", en: "Timeout" },
  consoleRowCap: { zh: "最多行数", en: "Row cap" },
  consoleReadOnly: { zh: "只读模式：写操作会被拒绝", en: "Read-only: writes are refused" },
  consoleFailed: { zh: "查询失败", en: "The query failed" },
  consoleWriteRefused: {
    zh: "此控制台只读：查询试图写入数据库（CREATE、MERGE、SET、DELETE 等），已被拒绝。数据库未作任何更改。",
    en: "This console is read-only: the query tries to write (CREATE, MERGE, SET, DELETE …) and was refused. Nothing in the database changed.",
  },
  consoleTimedOut: {
    zh: "查询超时，已被服务器停止。请加上 LIMIT、缩小匹配范围，或调高超时。",
    en: "The query ran past the timeout and the server stopped it. Add a LIMIT, narrow the pattern, or raise the timeout.",
  },
  consoleCancelled: {
    zh: "查询已取消，服务器已停止执行。",
    en: "Query cancelled; the server stopped running it.",
  },
  consoleSyntax: {
    zh: "Cypher 语法错误：位置已在编辑器中标出。",
    en: "Cypher syntax error: the position is marked in the editor.",
  },
  connectionLost: {
    zh: "与 Neo4j 的连接中断。请检查服务器后重试。",
    en: "The connection to Neo4j was lost. Check the server and try again.",
  },
  consoleTable: { zh: "表格", en: "Table" },
  consoleGraph: { zh: "图", en: "Graph" },
  consoleJson: { zh: "JSON", en: "JSON" },
  consoleRows: { zh: "行", en: "rows" },
  consoleServer: { zh: "服务器", en: "server" },
  consoleAddToExplorer: { zh: "加入网络探索", en: "Add to explorer" },
  consoleTruncated: {
    zh: "只显示前 {n} 行：结果超过行数上限，其余已截去。请加上 LIMIT 或调高上限。",
    en: "Showing the first {n} rows: the result exceeded the row cap and the rest was cut. Add a LIMIT or raise the cap.",
  },
  consoleJsonCut: {
    zh: "JSON 视图只显示前 {n} 行；导出 JSON 含全部结果。",
    en: "The JSON view shows the first {n} rows; Export JSON has them all.",
  },
  consoleNoGraph: {
    zh: "结果中没有节点、关系或路径，无法绘图。",
    en: "The result holds no nodes, relationships or paths to draw.",
  },
  consoleRenderFailed: {
    zh: "无法显示此结果（查询本身已成功）。可改用其他视图或导出。",
    en: "This result cannot be shown (the query itself succeeded). Try another view, or export it.",
  },
  consoleSortHint: {
    zh: "点击排序（升序、降序、原序）",
    en: "Click to sort (ascending, descending, original)",
  },
  tabPatterns: { zh: "共同模式", en: "Shared patterns" },
  patternLoading: { zh: "正在载入全图并计算模式…", en: "Loading the graph and computing the patterns…" },
  patternNoHubs: { zh: "图谱中没有科创中心，无可比较。", en: "The graph has no hubs to compare." },
  patternMatrix: { zh: "主题矩阵", en: "Theme matrix" },
  patternMatrixHelp: {
    zh: "每行一个政策主题，每格是该科创中心在此主题下的举措数；按共享该主题的科创中心数排序。点击数字查看举措及原文引文。",
    en: "One row per policy theme; each cell is how many measures the hub adopts under it; rows sorted by how many hubs share the theme. Click a number for the measures and their quotes.",
  },
  patternShareFilter: { zh: "按共享程度筛选", en: "Filter by how widely shared" },
  patternAllThemes: { zh: "全部主题", en: "All themes" },
  patternTheme: { zh: "政策主题", en: "Theme" },
  patternShare: { zh: "共享", en: "Shared" },
  shareAll: { zh: "各地共有", en: "Shared by all" },
  shareTwo: { zh: "两地共有", en: "Shared by two" },
  shareOne: { zh: "一地独有", en: "Unique to one" },
  shareNone: { zh: "无", en: "None" },
  patternShared: { zh: "共有与独有", en: "Shared and unique" },
  patternSharedHelp: {
    zh: "各地共有、两两共有与各自独有的政策主题、人才类别和载体类型；数字为各地的举措（或载体）数。点击查看依据。",
    en: "Themes, talent categories and carrier kinds shared by all hubs, by each pair, and unique to each; numbers are each hub's measures (or carriers). Click for the evidence.",
  },
  patternThemes: { zh: "政策主题", en: "Policy themes" },
  patternCategories: { zh: "人才类别", en: "Talent categories" },
  patternCarrierKinds: { zh: "载体类型", en: "Carrier kinds" },
  patternOnly: { zh: "仅", en: "Only" },
  patternInstruments: { zh: "政策工具与人才链", en: "Instruments and talent chain" },
  patternInstrumentsHelp: {
    zh: "按 Rothwell 与 Zegveld 的政策工具分类（供给型、环境型、需求型）和人才链环节（引、育、用、留）统计各地举措；一项举措可落在多个格子中。",
    en: "Each hub's measures by Rothwell & Zegveld's policy instruments (supply-side, environmental, demand-side) and by talent-chain stage (attract, develop, use, retain); a measure may sit in several cells.",
  },
  patternInstrumentMix: { zh: "政策工具构成", en: "Instrument mix" },
  patternStageCoverage: { zh: "人才链覆盖", en: "Talent-chain coverage" },
  patternSimilarity: { zh: "相似度", en: "Similarity" },
  patternSimilarityHelp: {
    zh: "两地之间的 Jaccard 相似度：共有项数 ÷ 两地合计的不同项数。点击数字查看共有的项。",
    en: "Jaccard similarity of two hubs: shared terms ÷ distinct terms of both. Click a number for the shared terms.",
  },
  patternNetwork: { zh: "模式网络", en: "Pattern network" },
  patternNetworkHelp: {
    zh: "科创中心与其举措涉及的主题、人才类别构成的网络；颜色为 Louvain 社区，大小为 PageRank。",
    en: "Hubs with the themes and talent categories of their measures; colour is the Louvain community, size is PageRank.",
  },
  patternMinHubs: { zh: "至少涉及的科创中心数", en: "Shared by at least" },
  patternCommunities: { zh: "社区数", en: "Communities" },
  patternRanking: { zh: "PageRank 排名（主题与人才类别）", en: "PageRank ranking (themes and categories)" },
  patternStatistics: { zh: "统计对照", en: "Figures side by side" },
  patternStatisticsHelp: {
    zh: "原文给出的各地统计数据。多地都有的指标并列成图（按换算后的基本单位比较）；点击数字查看原文。",
    en: "The figures the source gives for each hub. Measures that several hubs report are charted side by side (on base units); click a figure for its quote.",
  },
  patternUnitsDiffer: { zh: "单位不同，无法按长度比较。", en: "Units differ: bars are not to scale." },
  patternZhejiang: { zh: "浙江视角", en: "Zhejiang lens" },
  patternZhejiangHelp: {
    zh: "把 2020 年 7 月浙江人才资讯映射到同一套政策主题：哪些科创中心模式已在浙江出现，哪些尚未出现。",
    en: "The July 2020 Zhejiang talent news mapped onto the same themes: which hub patterns already appear in Zhejiang, and which do not yet.",
  },
  patternInBoth: { zh: "科创中心已有、浙江也已出现", en: "In the hubs and already in Zhejiang" },
  patternNotYet: {
    zh: "科创中心已有、浙江资讯尚未涉及（可借鉴）",
    en: "In the hubs, not yet in the Zhejiang news (to learn from)",
  },
  patternThin: {
    zh: "各科创中心都有、浙江资讯仅一次提及",
    en: "At every hub, in only one Zhejiang news item",
  },
  patternHubs: { zh: "地", en: "hubs" },
  patternNews: { zh: "条资讯", en: "news items" },
  patternReport: { zh: "下载报告（HTML，可打印）", en: "Download report (HTML, printable)" },
  patternEvidence: { zh: "依据", en: "Evidence" },
  patternItems: { zh: "项", en: "items" },
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
