/**
 * Concrete facts of 《人才政策研究动态》2020 年第 7 期, asked of Neo4j after the import, the way an
 * analyst would ask them. Each expectation was read off the source text, not off the knowledge files.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { testService } from "../setup/graph.ts";

const service = testService();

beforeAll(async () => {
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  expect(problems).toEqual([]);
  await importKnowledge(service, kb, () => {});
});
afterAll(() => service.close());

async function names(query: string, params: Record<string, unknown> = {}): Promise<string[]> {
  const result = await service.read(query, params);
  return result.rows.map((r) => r.name as string).sort();
}

describe("facts of the seed issue in Neo4j", () => {
  it("has the three hubs with their aliases and the five parts of the issue", async () => {
    const hubs = await service.read(
      "MATCH (h:Hub) RETURN h.name AS name, h.aliases AS aliases ORDER BY name",
    );
    expect(hubs.rows.map((r) => r.name)).toEqual(["中关村", "张江", "前海"].sort());
    const aliases = hubs.rows.flatMap((r) => r.aliases as string[]);
    expect(aliases).toEqual(
      expect.arrayContaining(["张江高科技园区", "张江科学城", "前海深港现代服务业合作区"]),
    );
    expect(await names("MATCH (a:Article)-[:PART_OF]->(:Publication) RETURN a.name AS name")).toHaveLength(5);
  });

  it("knows the founding members of 中国智能终端安全产业联盟", async () => {
    const members = await names("MATCH (o)-[:MEMBER_OF]->(a:Alliance {name: $name}) RETURN o.name AS name", {
      name: "中国智能终端安全产业联盟",
    });
    const text = members.join(" ");
    for (const member of ["中兴", "腾讯", "阿里", "通信制造业协会", "研发机构联合会"])
      expect(text).toContain(member);
    expect(members).toHaveLength(5);
    const founded = await service.read(
      "MATCH (a:Alliance {name: $name}) OPTIONAL MATCH (a)-[:LOCATED_IN]->(p) RETURN a.founded AS founded, collect(p.name) AS places",
      { name: "中国智能终端安全产业联盟" },
    );
    expect(founded.rows[0]!.founded).toBe(2015);
  });

  it("counts Zhangjiang's 21 academician workstations and 24 enterprise postdoctoral workstations", async () => {
    const stats = await service.read(
      "MATCH (:Hub {name: '张江'})-[:HAS_STATISTIC]->(s:Statistic) WHERE s.measure CONTAINS '工作站' RETURN s.measure AS measure, s.value AS value, s.unit AS unit",
    );
    const byMeasure = Object.fromEntries(stats.rows.map((r) => [r.measure as string, r.value]));
    expect(Object.entries(byMeasure).find(([m]) => m.includes("院士"))?.[1]).toBe(21);
    expect(Object.entries(byMeasure).find(([m]) => m.includes("博士后"))?.[1]).toBe(24);
  });

  it("gives Qianhai its four functional positionings", async () => {
    const positionings = await names(
      "MATCH (:Hub {name: '前海'})-[:HAS_POSITIONING]->(p:Positioning) RETURN DISTINCT p.name AS name",
    );
    for (const p of ["深港合作先导区", "体制机制创新区", "现代服务业集聚区", "结构调整区"]) {
      expect(positionings.some((name) => name.includes(p.slice(0, 4)))).toBe(true);
    }
  });

  it("lists the four Zhejiang provincial laboratories of July 2020", async () => {
    const labs = await names(
      "MATCH (n:NewsItem)-[:REPORTS|MENTIONS]->(o:Organization {kind: 'laboratory'}) WHERE n.date STARTS WITH '2020-07' RETURN DISTINCT o.name AS name",
    );
    for (const lab of ["之江实验室", "良渚实验室", "西湖实验室", "湖畔实验室"]) expect(labs).toContain(lab);
  });

  it("classifies every measure by theme, policy instrument and talent-chain stage", async () => {
    const unclassified = await service.read(
      "MATCH (m:Measure) WHERE NOT (m)-[:BELONGS_TO]->(:Theme) OR NOT (m)-[:HAS_INSTRUMENT]->(:Instrument) OR NOT (m)-[:AT_STAGE]->(:Stage) RETURN count(m) AS n",
    );
    expect(unclassified.rows[0]!.n).toBe(0);
    const stages = await names("MATCH (:Measure)-[:AT_STAGE]->(s:Stage) RETURN DISTINCT s.name AS name");
    expect(stages).toEqual(["引才", "育才", "用才", "留才"].sort());
    const types = await names(
      "MATCH (:Measure)-[:HAS_INSTRUMENT]->(:Instrument)-[:SUBTYPE_OF]->(t:Instrument) RETURN DISTINCT t.name AS name",
    );
    expect(types).toEqual(["供给型政策工具", "环境型政策工具", "需求型政策工具"].sort());
  });

  it("finds postdoctoral workstations at Zhangjiang and Qianhai but not Zhongguancun", async () => {
    const hubs = await names(
      "MATCH (h:Hub)-[:ADOPTS]->(:Measure)-[:BELONGS_TO]->(:Theme {id: 'theme:workstations'}) RETURN DISTINCT h.name AS name",
    );
    expect(hubs).toEqual(["张江", "前海"].sort());
  });

  it("shares medical-care measures across all three hubs", async () => {
    const hubs = await names(
      "MATCH (h:Hub)-[:ADOPTS]->(:Measure)-[:BELONGS_TO]->(:Theme {id: 'theme:medical'}) RETURN DISTINCT h.name AS name",
    );
    expect(hubs).toHaveLength(3);
  });

  it("traces every node and relationship to a verbatim quote with offsets", async () => {
    const nodes = await service.read(
      "MATCH (n:Entity) WHERE n.evidence IS NULL OR size(n.evidence) < 10 OR size(n.sources) = 0 RETURN count(n) AS n",
    );
    expect(nodes.rows[0]!.n).toBe(0);
    const rels = await service.read(
      "MATCH (:Entity)-[r]->(:Entity) WHERE r.evidence IS NULL OR size(r.sources) = 0 RETURN count(r) AS n",
    );
    expect(rels.rows[0]!.n).toBe(0);
    const sample = await service.read(
      "MATCH (n:Entity {id: 'hub:qianhai'}) MATCH (s:Source {id: 'rczcyjdt-2020-07'}) RETURN n.evidence AS evidence, s.text AS text",
    );
    const evidence = JSON.parse(sample.rows[0]!.evidence as string) as {
      quote: string;
      start: number;
      end: number;
    }[];
    const text = sample.rows[0]!.text as string;
    for (const e of evidence) {
      expect(text.slice(e.start, e.end).replace(/\s/g, "")).toBe(e.quote.replace(/\s/g, ""));
    }
  });
});
