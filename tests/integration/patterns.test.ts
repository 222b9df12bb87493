/**
 * THE test that the app and the Cypher agree: the shared-patterns analyses computed in TypeScript
 * (web/patterns/analysis.ts) from the graph as Neo4j serves it and as the snapshot holds it, against
 * the rows of the saved queries in cypher/ run on the same graph in Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPlain, type Row } from "../../graph/neo4jService.ts";
import { bindParams } from "../../graph/savedQuery.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { Neo4jSource } from "../../web/data/neo4jSource.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import type { EntityEdge, EntityNode, GraphData } from "../../web/data/types.ts";
import {
  analyse,
  CATEGORY_LEVELS,
  comparableStatistics,
  DEFAULT_REGION,
  findHub,
  hubPairShared,
  sharedCategories,
  themeMeasures,
  uniqueToHub,
  type Patterns,
  type SharedTerm,
  type StatisticRow,
} from "../../web/patterns/analysis.ts";
import { testService } from "../setup/graph.ts";
import { saved, savedRows } from "../setup/savedQueries.ts";

const service = testService();

let fromNeo4j: GraphData;
let fromSnapshot: GraphData;
let p: Patterns;

beforeAll(async () => {
  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  await importKnowledge(service, kb, () => {});
  fromNeo4j = await new Neo4jSource(service, { timeoutMs: 15_000, maxRows: 5_000 }).everything();
  fromSnapshot = await new SnapshotSource(JSON.parse(JSON.stringify(buildSnapshot(kb)))).everything();
  p = analyse(fromNeo4j);
});
afterAll(() => service.close());

const run = (file: string, params: Record<string, string> = {}): Promise<Row[]> =>
  savedRows(service, file, params);

const node = (id: string): EntityNode => p.nodes.get(id)!;
const hubName = (id: string) => node(id).name;
/** A hub's entry in a query's perHub list. */
const perHub = (r: SharedTerm) =>
  r.hubIds.map((h) => ({ hub: node(h).name, hubEn: node(h).nameEn, measures: r.byHub[h]!.length }));

describe("the graph data", () => {
  it("Neo4j and the snapshot hold the same nodes and relationships", () => {
    const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
    expect(ids(fromNeo4j.nodes)).toEqual(ids(fromSnapshot.nodes));
    expect(ids(fromNeo4j.edges)).toEqual(ids(fromSnapshot.edges));
    const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
    const snapshotNodes = byId(fromSnapshot.nodes);
    for (const n of fromNeo4j.nodes) expect(n, n.id).toEqual(snapshotNodes.get(n.id));
    const snapshotEdges = byId(fromSnapshot.edges);
    for (const e of fromNeo4j.edges) expect(e, e.id).toEqual(snapshotEdges.get(e.id));
  });

  it("the analyses of both are the same", () => {
    expect(analyse(fromSnapshot)).toEqual(p);
  });

  it("the defaults are the saved queries' defaults", () => {
    const param = (file: string, name: string) =>
      saved.get(file)!.params.find((x) => x.name === name)?.default;
    expect(param("zhejiang-lens.cypher", "region")).toBe(DEFAULT_REGION);
    expect(Number(param("talent-categories-shared.cypher", "minHubs"))).toBe(2);
    expect(param("statistics-side-by-side.cypher", "comparable")).toBe(false);
    for (const file of [
      "talent-categories-shared.cypher",
      "hub-similarity.cypher",
      "unique-to-hub.cypher",
      "hub-pair-shared.cypher",
    ])
      expect(param(file, "level"), file).toBe(p.categoryLevel);
  });
});

describe("each saved query and its TypeScript twin give the same rows", () => {
  it("themes-shared-by-hubs", async () => {
    const rows = await run("themes-shared-by-hubs.cypher");
    const shareZh = { none: "无", all: "全部共有", one: "一地独有", two: "两地共有" } as Record<
      string,
      string
    >;
    expect(
      p.themes.map((r) => ({
        theme: r.theme.name,
        themeEn: r.theme.nameEn,
        hubs: r.hubCount,
        shareZh: shareZh[r.share] ?? `${r.hubCount}地共有`,
        share: r.share,
        hubNames: r.hubIds.map(hubName),
        measures: r.total,
        perHub: perHub(r),
      })),
    ).toEqual(rows);
  });

  it("the hubs come in the queries' order", async () => {
    const rows = await service.read("MATCH (h:Hub) RETURN h.id AS id ORDER BY h.established, h.name");
    expect(p.hubs.map((h) => h.id)).toEqual(rows.rows.map((r) => r.id));
  });

  it("unique-to-hub, for each hub by name, alias and English name", async () => {
    const dimensionEn = { theme: "theme", category: "talent category", carrierKind: "carrier kind" };
    for (const hub of p.hubs) {
      for (const asked of [hub.name, hub.aliases[0]!, hub.nameEn.toUpperCase()]) {
        const rows = await run("unique-to-hub.cypher", { hub: asked });
        const found = findHub(p.hubs, asked)!;
        expect(found.id).toBe(hub.id);
        const ours = uniqueToHub(p, found.id).map((t) => ({
          hub: hub.name,
          hubEn: hub.nameEn,
          dimensionEn: dimensionEn[t.dimension],
          name: t.name,
          nameEn: t.nameEn,
          count: t.ids.length,
          items: t.ids.map((id) => ({
            name: node(id).name,
            nameEn: node(id).nameEn,
            quotes: node(id).evidence.length,
          })),
        }));
        expect(ours, asked).toEqual(rows.map(({ dimension: _zh, ...rest }) => rest));
      }
    }
  });

  it("hub-pair-shared, for every ordered pair of hubs", async () => {
    const dimensionEn = { theme: "theme", category: "talent category", carrierKind: "carrier kind" };
    for (const a of p.hubs) {
      for (const b of p.hubs) {
        if (a === b) continue;
        const rows = await run("hub-pair-shared.cypher", { a: a.nameEn, b: b.name });
        const ours = hubPairShared(p, a.id, b.id).map((t) => ({
          hubA: a.name,
          hubB: b.name,
          dimensionEn: dimensionEn[t.dimension],
          name: t.name,
          nameEn: t.nameEn,
          countA: t.idsA.length,
          countB: t.idsB.length,
        }));
        expect(ours, `${a.name}–${b.name}`).toEqual(rows.map(({ dimension: _zh, ...rest }) => rest));
      }
    }
    expect(await run("hub-pair-shared.cypher")).toHaveLength(
      hubPairShared(p, "hub:zhangjiang", "hub:qianhai").length,
    );
  });

  it("measures-shared-theme, for every theme", async () => {
    expect((await run("measures-shared-theme.cypher")).length).toBe(
      themeMeasures(p, "医疗服务")!.measures.length,
    );
    for (const row of p.themes) {
      const rows = await run("measures-shared-theme.cypher", { theme: row.theme.id });
      const listed = themeMeasures(p, row.theme.id)!;
      const ours = listed.measures.map(({ hubId, measure }) => ({
        theme: listed.theme.name,
        themeEn: listed.theme.nameEn,
        hubs: listed.hubCount,
        hub: hubName(hubId),
        hubEn: node(hubId).nameEn,
        measure: measure.name,
        measureEn: measure.nameEn,
        quote: measure.evidence[0]!.quote,
        quotes: measure.evidence.length,
      }));
      expect(ours, row.theme.name).toEqual(rows);
    }
  });

  it("talent-categories-shared, for one, two and three hubs, at every level of the hierarchy", async () => {
    for (const [minHubs, level] of CATEGORY_LEVELS.flatMap((l) => [1, 2, 3].map((n) => [n, l] as const))) {
      const rows = await run("talent-categories-shared.cypher", { minHubs: String(minHubs), level });
      const at = level === "class" ? p : analyse(fromNeo4j, { categoryLevel: level });
      const ours = sharedCategories(at, minHubs).map((r) => ({
        category: r.category.name,
        categoryEn: r.category.nameEn,
        hubs: r.hubCount,
        hubNames: r.hubIds.map(hubName),
        measures: r.total,
        perHub: perHub(r),
      }));
      expect(ours, `minHubs ${minHubs}, level ${level}`).toEqual(rows);
    }
    expect(await run("talent-categories-shared.cypher")).toHaveLength(sharedCategories(p).length);
  });

  it("instrument-stage-matrix, and each hub's measures per stage", async () => {
    const rows = await run("instrument-stage-matrix.cypher");
    const ours = p.instrumentStage.flatMap((m) =>
      p.instrumentTypes.map((type) => ({
        hub: hubName(m.hubId),
        hubEn: node(m.hubId).nameEn,
        instrument: type.name,
        instrumentEn: type.nameEn,
        // the stages as the graph holds them, in order (the file names none)
        stages: p.stages.map((s) => ({
          stage: s.name,
          stageEn: s.nameEn,
          id: s.id,
          measures: m.cells[type.id]![s.id]!.length,
        })),
        total: m.byType[type.id]!.length,
      })),
    );
    expect(ours).toEqual(rows);
    // the per-stage totals, which the file does not list
    const stages = await service.read(
      `MATCH (h:Hub), (s:Stage)
       RETURN h.id AS hub, s.id AS stage,
              COUNT { MATCH (h)-[:ADOPTS]->(m:Measure)-[:AT_STAGE]->(s) RETURN DISTINCT m } AS measures`,
    );
    for (const r of stages.rows) {
      const [hub, stage] = [r.hub as string, r.stage as string];
      const matrix = p.instrumentStage.find((m) => m.hubId === hub)!;
      expect(matrix.byStage[stage]!.length, `${hub} ${stage}`).toBe(r.measures);
    }
  });

  it("hub-similarity", async () => {
    const rows = await run("hub-similarity.cypher");
    const ours = p.similarity.map((s) => ({
      hubA: hubName(s.hubA),
      hubAEn: node(s.hubA).nameEn,
      hubB: hubName(s.hubB),
      hubBEn: node(s.hubB).nameEn,
      themeJaccard: s.themes.rounded,
      themeShare: s.themes.ratio,
      categoryJaccard: s.categories.rounded,
      categoryShare: s.categories.ratio,
      carrierKindJaccard: s.carrierKinds.rounded,
      carrierKindShare: s.carrierKinds.ratio,
      mean: s.mean,
      sharedThemes: s.themes.shared.map((t) => t.name),
      sharedCategories: s.categories.shared.map((t) => t.name),
      sharedCarrierKinds: s.carrierKinds.shared.map((t) => t.nameEn),
    }));
    expect(ours).toEqual(rows);
  });

  it("statistics-side-by-side, all figures and only the comparable ones", async () => {
    const shape = (r: StatisticRow) => {
      const props = r.statistic.props;
      const at = (key: string) => props[key] ?? null;
      return {
        topic: r.topic,
        topicEn: r.topicEn,
        hubs: r.hubs,
        hub: hubName(r.hubId),
        hubEn: node(r.hubId).nameEn,
        metric: at("measure"),
        metricEn: at("measureEn"),
        value: at("value"),
        unit: at("unit"),
        baseValue: at("baseValue"),
        baseUnit: at("baseUnit"),
        year: at("year"),
        asOf: at("asOf"),
        qualifier: at("qualifier"),
        metricKey: at("metric"),
        population: at("population"),
        reason: r.reason,
      };
    };
    // the query leaves the order of one hub's figures with the same metric open: compare the
    // order of the sort keys, and the rows as a whole regardless of order
    const keys = (rows: Record<string, unknown>[]) =>
      rows.map((r) => [r.hubs, r.topicEn, r.hub, r.metricEn].join(" | "));
    const bag = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const [params, ours] of [
      [{}, p.statistics],
      [{ comparable: "true" }, comparableStatistics(p.statistics)],
    ] as const) {
      const rows = await run("statistics-side-by-side.cypher", params);
      const mine = ours.map(shape);
      expect(keys(mine)).toEqual(keys(rows));
      expect(bag(mine)).toEqual(bag(rows));
    }
  });

  it("claims-vs-evidence: every claim against every hub, supported, partly or not found", async () => {
    const rows = await run("claims-vs-evidence.cypher");
    const ours = p.claims.flatMap((c) =>
      c.hubs.map((h) => ({
        claim: c.claim.name,
        claimEn: c.claim.nameEn,
        kind: c.kind,
        hub: hubName(h.hubId),
        hubEn: node(h.hubId).nameEn,
        claimed: h.claimed,
        items: c.items.length,
        backed: h.backing.filter((b) => b.ids.length > 0).length,
        support: h.support,
        backedItems: h.backing.filter((b) => b.ids.length > 0).map((b) => node(b.itemId).name),
      })),
    );
    expect(ours.length).toBeGreaterThan(40);
    expect(ours).toEqual(rows);
  });

  it("zhejiang-lens, for 浙江 and for other regions", async () => {
    for (const region of [undefined, "Zhejiang", "杭州", "广东", "中国", "nowhere"]) {
      const rows = await run("zhejiang-lens.cypher", region === undefined ? {} : { region });
      const lens = region === undefined ? p.zhejiang : analyse(fromNeo4j, { region }).zhejiang;
      const ours = lens.rows.map((r) => {
        const hubs = r.hubCount;
        const news = r.news.length;
        return {
          theme: r.theme.name,
          themeEn: r.theme.nameEn,
          hubs,
          hubNames: r.hubIds.map(hubName),
          news,
          inNews: r.inNews,
          coverageZh: { both: "两者皆有", "hubs only": "仅科创中心", "news only": "仅资讯", neither: "皆无" }[
            r.coverage
          ],
          coverage: r.coverage,
          perHub: perHub(r),
          newsItems: r.news.map((n) => ({
            date: n.date,
            title: node(n.newsId).name,
            titleEn: node(n.newsId).nameEn,
            items: n.reportedIds.length,
          })),
        };
      });
      expect(ours, region ?? "default").toEqual(rows);
    }
  });
});

describe("a measure two hubs adopt together (in a transaction that is rolled back)", () => {
  it("counts for both hubs, in hub-pair-shared and its twin alike", async () => {
    const joint = "measure:test/joint";
    const [zj, zgc] = ["hub:zhangjiang", "hub:zhongguancun"];
    const [theme, category] = ["theme:legal-environment", "talent:hk-macao-youth"];
    expect(p.themes.find((r) => r.theme.id === theme)!.hubIds).toEqual(["hub:qianhai"]);
    const blank = {
      aliases: [],
      props: {},
      evidence: [],
      sources: [],
      sections: [],
      hubIds: [],
      themeIds: [],
    };
    const edge = (type: string, source: string, target: string): EntityEdge => ({
      id: `${source}|${type}|${target}`,
      type,
      source,
      target,
      props: {},
      evidence: [],
      sections: [],
    });
    const edges = [
      edge("ADOPTS", zj, joint),
      edge("ADOPTS", zgc, joint),
      edge("BELONGS_TO", joint, theme),
      edge("TARGETS", joint, category),
    ];
    expect(p.nodes.get(category)?.label).toBe("TalentCategory");
    // as named: by class, 港澳青年 counts as 境外人才, which both hubs target already
    const patched = analyse(
      {
        nodes: [
          ...fromNeo4j.nodes,
          { id: joint, label: "Measure", name: "联合举措", nameEn: "Joint", ...blank },
        ],
        edges: [...fromNeo4j.edges, ...edges],
      },
      { categoryLevel: "named" },
    );

    const session = service.driver.session();
    const tx = session.beginTransaction();
    try {
      await tx.run(
        `MATCH (zj:Entity {id: $zj}), (zgc:Entity {id: $zgc}), (t:Entity {id: $theme}), (c:Entity {id: $category})
         CREATE (m:Entity:Measure {id: $joint, name: '联合举措', nameEn: 'Joint', evidence: '[]'}),
                (zj)-[:ADOPTS]->(m), (zgc)-[:ADOPTS]->(m), (m)-[:BELONGS_TO]->(t), (m)-[:TARGETS]->(c)`,
        { joint, zj, zgc, theme, category },
      );
      const query = saved.get("hub-pair-shared.cypher")!;
      const result = await tx.run(
        query.cypher,
        bindParams(query, { a: "张江", b: "中关村", level: "named" }),
      );
      const rows = result.records.map((r) => toPlain(r.toObject()) as Row);
      expect(rows.find((r) => r.nameEn === p.nodes.get(theme)!.nameEn)).toMatchObject({
        countA: 1,
        countB: 1,
      });
      expect(rows.find((r) => r.nameEn === p.nodes.get(category)!.nameEn)).toMatchObject({
        countA: 1,
        countB: 1,
      });
      const ours = hubPairShared(patched, zj, zgc).map((t) => [t.name, t.idsA.length, t.idsB.length]);
      expect(ours).toEqual(rows.map((r) => [r.name, r.countA, r.countB]));
    } finally {
      await tx.rollback();
      await session.close();
    }
    const left = await service.read("MATCH (m:Entity {id: $joint}) RETURN count(m) AS n", { joint });
    expect(left.rows[0]!.n).toBe(0);
  });
});
