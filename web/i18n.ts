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
} as const;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>("zh");

export function translate(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

export function useT(): (key: StringKey) => string {
  const lang = useContext(LangContext);
  return (key) => translate(lang, key);
}
