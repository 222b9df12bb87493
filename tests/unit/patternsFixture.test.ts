/**
 * A new hub appears in every view without code changes: the seed plus the mini fixture's 试验园区
 * (tests/fixtures/mini), through the snapshot as the app reads it, into every analysis, the fair
 * tables, the UpSet sets, the network, the claims, the lens, the CSV tables and the report.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import { analyse, hubPairShared, uniqueToHub, type Patterns } from "../../web/patterns/analysis.ts";
import { fairTable } from "../../web/patterns/fair.ts";
import { patternNetwork } from "../../web/patterns/network.ts";
import { buildReport } from "../../web/patterns/report.ts";
import { allTables, DIMENSIONS, rowsOf } from "../../web/patterns/tables.ts";
import { upsetData } from "../../web/patterns/upset.ts";
import { MINI } from "../setup/fixtures.ts";

const PARK = "hub:test-park";
let root: string;
let p: Patterns;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "tpg-new-hub-"));
  cpSync(path.join(KNOWLEDGE_ROOT, "taxonomy"), path.join(root, "taxonomy"), { recursive: true });
  mkdirSync(path.join(root, "sources"));
  cpSync(path.join(KNOWLEDGE_ROOT, "sources"), path.join(root, "sources"), { recursive: true });
  cpSync(MINI, path.join(root, "sources", "mini"), { recursive: true });
  const { kb, problems } = loadKnowledgeBase(root);
  expect(problems).toEqual([]);
  const source = new SnapshotSource(JSON.parse(JSON.stringify(buildSnapshot(kb))));
  const data = await source.everything();
  const documents = await Promise.all(["rczcyjdt-2020-07", "mini"].map((id) => source.source(id)));
  p = analyse(data, { documents });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a hub added in a fixture", () => {
  it("is a hub of every analysis", () => {
    expect(p.hubs.map((h) => h.id)).toContain(PARK);
    expect(p.hubs).toHaveLength(4);
    for (const rows of [p.themes, p.categories, p.carrierKinds, p.industries])
      for (const row of rows) expect(row.byHub[PARK], "every row has the new hub's column").toBeDefined();
    // its one measure, talent apartments, is under 人才住房 with 张江's and 前海's
    const housing = p.themes.find((r) => r.theme.id === "theme:housing")!;
    expect(housing.byHub[PARK]).toEqual(["measure:test-park/talent-apartments"]);
    expect(housing.hubCount).toBe(3);
    expect(p.instrumentStage.map((m) => m.hubId)).toContain(PARK);
    expect(p.instrumentStage.find((m) => m.hubId === PARK)!.byStage["stage:retain"]).toEqual([
      "measure:test-park/talent-apartments",
    ]);
    expect(p.similarity).toHaveLength(6);
    expect(p.similarity.filter((s) => s.hubA === PARK || s.hubB === PARK)).toHaveLength(3);
    expect(p.statistics.filter((r) => r.hubId === PARK).map((r) => r.statistic.id)).toEqual([
      "stat:test-park/workstations",
    ]);
    expect(p.claims.every((c) => c.hubs.some((h) => h.hubId === PARK && !h.claimed))).toBe(true);
    expect(p.zhejiang.rows.every((r) => PARK in r.byHub)).toBe(true);
    expect(hubPairShared(p, PARK, "hub:zhangjiang").map((t) => t.id)).toContain("theme:housing");
    expect(uniqueToHub(p, PARK)).toEqual([]);
  });

  it("has its own text measured: no article describes it, so the sections quoting its measures", () => {
    const text = p.texts.find((t) => t.hubId === PARK)!;
    expect(text).toMatchObject({ sections: ["mini#overview"], via: "measures" });
    expect(text.chars).toBeGreaterThan(20);
    const fair = fairTable(p, p.themes);
    expect(fair.hubIds).toContain(PARK);
    expect(fair.baseline).toBe("text");
    const housing = fair.rows.find((r) => r.row.theme.id === "theme:housing")!;
    const cell = housing.cells.find((c) => c.hubId === PARK)!;
    expect(cell).toMatchObject({ count: 1, share: 1, rate: 1000 / text.chars! });
    expect(fair.independence!.columns).toBe(4);
  });

  it("is a set of the UpSet chart, a node of the network and a column of every table and the report", () => {
    for (const d of DIMENSIONS) {
      expect(
        upsetData(
          p.hubs.map((h) => h.id),
          rowsOf(p, d),
        ).sets.map((s) => s.hubId),
      ).toContain(PARK);
    }
    const network = patternNetwork(p, { minHubs: 1 });
    expect(network.getNodeAttribute(PARK, "kind")).toBe("hub");
    expect(network.hasEdge(`${PARK}|theme:housing`)).toBe(true);
    for (const table of allTables(p, "en").filter(
      (t) => t.id.startsWith("shared-") || t.id === "hub-theme-matrix",
    ))
      expect(table.columns, table.id).toContain("试验园区 Test Park");
    const html = buildReport(p, "zh", { generated: new Date(0) });
    expect(html).toContain("<h1>中关村、张江、前海、试验园区：人才政策共同模式</h1>");
    expect(html).toContain("<b>试验园区 Test Park</b>：");
  });
});
