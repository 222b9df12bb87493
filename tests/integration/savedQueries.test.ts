import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindParams, parseSavedQuery, type SavedQuery } from "../../graph/savedQuery.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { testConfig, testService } from "../setup/graph.ts";

const CYPHER = path.join(PROJECT_ROOT, "cypher");
const service = testService();
const saved = new Map<string, SavedQuery>(
  readdirSync(CYPHER)
    .filter((f) => f.endsWith(".cypher") && f !== "schema.cypher")
    .map((f) => [f, parseSavedQuery(f, readFileSync(path.join(CYPHER, f), "utf8"))]),
);

beforeAll(async () => {
  await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
});
afterAll(() => service.close());

async function run(file: string, params: Record<string, string> = {}) {
  const query = saved.get(file);
  if (!query) throw new Error(`no saved query ${file}`);
  return (await service.read(query.cypher, bindParams(query, params))).rows;
}

describe("saved queries", () => {
  it("all have a bilingual header", () => {
    expect(saved.size).toBeGreaterThanOrEqual(6);
    for (const q of saved.values()) {
      expect(q.title.length).toBeGreaterThan(1);
      expect(q.titleEn.length).toBeGreaterThan(1);
      expect(q.descriptionEn.length).toBeGreaterThan(10);
    }
  });

  it("hub-profile: 张江 with its positionings and traits", async () => {
    const [row] = await run("hub-profile.cypher");
    expect(row).toMatchObject({ hub: "张江", hubEn: "Zhangjiang", model: "张江模式" });
    expect(row!.positionings).toContain("综合性国家科学中心");
    expect(row!.traits).toEqual(expect.arrayContaining(["高端化", "国际化", "年轻化"]));
    expect(row!.measures).toBeGreaterThan(20);
    const [byAlias] = await run("hub-profile.cypher", { hub: "前海深港现代服务业合作区" });
    expect(byAlias!.hub).toBe("前海");
  });

  it("alliance-members: the five founders of 中国智能终端安全产业联盟", async () => {
    const rows = await run("alliance-members.cypher");
    const alliance = rows.find((r) => r.alliance === "中国智能终端安全产业联盟")!;
    expect(alliance.founded).toBe(2015);
    const members = (alliance.members as { member: string }[]).map((m) => m.member).sort();
    expect(members).toEqual(
      ["上海市浦东新区研发机构联合会", "上海市通信制造业协会", "中兴通讯", "腾讯", "阿里YunOS"].sort(),
    );
  });

  it("hub-statistics: 中关村's 353 listed companies", async () => {
    const rows = await run("hub-statistics.cypher", { hub: "Zhongguancun" });
    expect(rows.find((r) => r.measure === "上市公司数量")).toMatchObject({ value: 353, unit: "家" });
  });

  it("measures-by-theme: medical care at all three hubs, workstations at 张江 and 前海 only", async () => {
    const rows = await run("measures-by-theme.cypher");
    const hubsOf = (theme: string) =>
      (rows.find((r) => r.theme === theme)!.perHub as { hub: string }[]).map((p) => p.hub).sort();
    expect(hubsOf("医疗服务")).toEqual(["中关村", "前海", "张江"].sort());
    expect(hubsOf("工作站")).toEqual(["前海", "张江"].sort());
    expect(rows[0]!.hubs).toBe(3);
  });

  it("talent-categories-by-hub: 前海 targets 港澳青年 most", async () => {
    const rows = await run("talent-categories-by-hub.cypher");
    expect(rows[0]!.category).toBe("港澳青年");
  });

  it("news-by-place: the 19 dated news items of July 2020", async () => {
    const rows = await run("news-by-place.cypher");
    expect(rows).toHaveLength(19);
    for (const r of rows) expect(r.date).toMatch(/^2020-07-\d\d$/);
  });

  it("rejects a header without a title and an unreadable parameter, naming the line", () => {
    expect(() => parseSavedQuery("x.cypher", "// description: d\nRETURN 1")).toThrow(/x\.cypher:1: .*title/);
    expect(() => parseSavedQuery("y.cypher", "// title: t\n// title_en: t\n// param: $$$\nRETURN 1")).toThrow(
      /y\.cypher:3: cannot read the parameter/,
    );
    const q = parseSavedQuery("z.cypher", "// title: t\n// title_en: t\n// param: n integer = 3\nRETURN $n");
    expect(() => bindParams(q, { n: "three" })).toThrow(/not an integer/);
  });
});

describe("npm run cypher", () => {
  const exec = promisify(execFile);
  const cli = async (...args: string[]) => {
    const { uri, user, password } = testConfig();
    try {
      const out = await exec(process.execPath, ["--import", "tsx", "graph/cypherCli.ts", ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
      });
      return { code: 0, ...out };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  };

  it("prints a saved query as JSON, CSV and a table", async () => {
    const json = await cli("cypher/hub-statistics.cypher", "--param", "hub=中关村", "--format", "json");
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { measure: string; value: number }[];
    expect(rows.find((r) => r.measure === "上市公司数量")?.value).toBe(353);
    const csv = await cli("MATCH (h:Hub) RETURN h.name AS hub ORDER BY hub", "--format", "csv");
    expect(csv.stdout.trim().split("\n")).toEqual(["hub", ...["中关村", "前海", "张江"].sort()]);
    const table = await cli("RETURN 1 AS one, '张江' AS hub");
    expect(table.stdout).toMatch(/one\s+│\s+hub/);
    expect(table.stdout).toContain("张江");
  });

  it("refuses writes, reports syntax errors and usage with distinct exit codes", async () => {
    const write = await cli("CREATE (:Nope)");
    expect(write.code).toBe(1);
    expect(write.stderr).toContain("READ mode");
    const syntax = await cli("MATCH (n RETURN n");
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain("Neo.ClientError.Statement.SyntaxError");
    const usage = await cli("RETURN 1", "--format", "xml");
    expect(usage.code).toBe(2);
  });
});
