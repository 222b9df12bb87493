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
