/**
 * The shared-patterns views in headless Chromium, against the real Neo4j and against the snapshot:
 * the matrix shows what the saved Cypher computes, a cell opens its measures with their quotes and
 * the source, the shared/unique lists and the Zhejiang lens hold the source's facts, the report
 * downloads with its citations. Screenshots go to tests/artifacts/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildFragment } from "../../web/connection/credentials.ts";
import { ARTIFACTS, launchBrowser, serveApp } from "../setup/browser.ts";
import { testConfig, testService } from "../setup/graph.ts";
import { savedRows } from "../setup/savedQueries.ts";

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const service = testService();

const saved = (file: string, params: Record<string, string> = {}) => savedRows(service, file, params);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(`${app.url}?view=patterns${buildFragment(testConfig())}`);
  await page.getByTestId("theme-matrix").waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await service.close();
});

/** The matrix as [theme, counts per hub…] read from the page (each cell holds its count). */
async function matrix(target: Page, what: "count" | "value" = "count") {
  return target.getByTestId("theme-matrix").evaluate((table, key) => {
    const hubs = [...table.querySelectorAll("thead th[data-hub]")].map(
      (th) => th.querySelector(".bi-name")?.firstChild?.textContent ?? "",
    );
    const rows = [...table.querySelectorAll("tbody tr")].map((tr): [string, number[]] => [
      tr.querySelector("th")?.textContent ?? "",
      [...tr.querySelectorAll<HTMLElement>("td.count")].map((td) => Number(td.dataset[key])),
    ]);
    return { hubs, rows };
  }, what);
}

describe("shared patterns", () => {
  it("shows the hub × theme matrix the saved Cypher computes, sorted by how many hubs share a theme", async () => {
    const expected = (await saved("themes-shared-by-hubs.cypher")).filter((r) => Number(r.hubs) > 0);
    const shown = await matrix(page);
    expect(shown.rows).toHaveLength(expected.length);
    for (const [i, row] of expected.entries()) {
      const perHub = new Map(
        (row.perHub as { hub: string; measures: number }[]).map((p) => [p.hub, p.measures]),
      );
      const [theme, counts] = shown.rows[i]!;
      expect(theme.startsWith(row.theme as string)).toBe(true);
      const want = shown.hubs.map(
        (h) => perHub.get([...perHub.keys()].find((k) => h.startsWith(k)) ?? "") ?? 0,
      );
      expect(counts).toEqual(want);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-matrix.png") });
  });

  it("shares change the rank order of the raw counts, and flag only what text length does not explain", async () => {
    const counts = await matrix(page);
    await page.getByTestId("pattern-normalisation").selectOption("share");
    await expect.poll(() => page.url()).toContain("norm=share");
    await expect
      .poll(() => page.getByTestId("theme-matrix").getAttribute("data-normalisation"))
      .toBe("share");
    const shares = await matrix(page, "value");
    const order = (values: number[]) =>
      values
        .map((v, i) => [v, i] as const)
        .sort((a, b) => b[0] - a[0])
        .map(([, i]) => counts.hubs[i]);
    const row = (m: typeof counts, zh: string) => m.rows.find(([t]) => t.startsWith(zh))![1];
    expect(order(row(counts, "国际人才引进"))).toEqual(["前海", "张江", "中关村"]);
    expect(order(row(shares, "国际人才引进"))).toEqual(["张江", "中关村", "前海"]);
    // 前海's 30 funding measures exceed what its longer article explains; its lead in talent import does not
    const flag = (zh: string) =>
      page
        .getByTestId("theme-matrix")
        .locator("tbody tr")
        .filter({ hasText: zh })
        .locator("td.count")
        .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.flag));
    expect(await flag("资金资助与税收优惠")).toEqual(["under", "under", "over"]);
    expect(await flag("国际人才引进")).toEqual(["", "", ""]);
    expect(await page.getByTestId("theme-matrix-independence").textContent()).toMatch(/df = 44, p < 0\.001/);
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-matrix-shares.png") });
    await page.getByTestId("pattern-normalisation").selectOption("rate");
    await expect.poll(() => page.getByTestId("theme-matrix").getAttribute("data-normalisation")).toBe("rate");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-matrix-rates.png") });
    await page.getByTestId("pattern-normalisation").selectOption("count");
  });

  it("opens a cell's measures with their quotes, and a quote in its source", async () => {
    const expected = (await saved("measures-shared-theme.cypher", { theme: "医疗服务" }))
      .filter((r) => r.hub === "中关村")
      .map((r) => r.measure as string)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "医疗服务 · 中关村", exact: true }).click();
    const panel = page.getByTestId("evidence-panel");
    await panel.waitFor();
    const items = panel.getByTestId("evidence-item");
    expect(await items.count()).toBe(expected.length);
    const names = await items
      .locator("strong .bi-name")
      .evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ""));
    expect(names.sort()).toEqual(expected);
    const quote = (await panel.locator("blockquote").first().textContent())!.replace(/^“|”$/g, "");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-evidence.png") });
    await panel
      .getByRole("button", { name: /在原文中查看/ })
      .first()
      .click();
    const highlight = page.getByTestId("source-highlight");
    await highlight.waitFor();
    expect((await highlight.textContent())!.replace(/\s/g, "")).toBe(quote.replace(/\s/g, ""));
    await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
  });

  it("lists postdoctoral workstations at 张江 and 前海, not 中关村, and medical care at all three", async () => {
    await page.getByRole("tab", { name: "共有与独有" }).click();
    const kinds = page.getByTestId("shared-carrierKind");
    const pairZjQh = kinds.locator(".share-group").filter({ hasText: /^张江 \+ 前海|^前海 \+ 张江/ });
    await expect.poll(() => pairZjQh.textContent()).toContain("工作站");
    const themes = page.getByTestId("shared-theme");
    const all = themes.locator(".share-size-all");
    expect(await all.textContent()).toContain("医疗服务");
    expect(await all.textContent()).not.toContain("工作站");
    const zjQhThemes = themes.locator(".share-group").filter({ hasText: /^张江 \+ 前海|^前海 \+ 张江/ });
    expect(await zjQhThemes.textContent()).toContain("工作站");
    // an UpSet chart per dimension; a column lists its terms
    for (const d of ["theme", "category", "carrierKind", "industry"])
      expect(await page.getByTestId(`upset-${d}`).count()).toBe(1);
    const columns = page.getByTestId("upset-theme").locator("g.upset-column");
    expect(await columns.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-size"))))).toEqual([
      15, 5, 2, 1,
    ]);
    await columns.nth(2).click();
    expect(await page.getByTestId("upset-terms-theme").textContent()).toContain("法治环境");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-shared.png") });
  });

  it("compares talent categories by class by default, and as named on request", async () => {
    const categories = page.getByTestId("shared-category");
    const all = categories.locator(".share-size-all");
    await expect.poll(() => all.textContent()).toContain("高层次人才");
    const byClass = (await saved("talent-categories-shared.cypher", { minHubs: "3" })).map(
      (r) => r.category as string,
    );
    for (const name of byClass) expect(await all.textContent()).toContain(name);
    await page.getByTestId("pattern-level").selectOption("named");
    await expect.poll(() => page.url()).toContain("level=named");
    const named = (await saved("talent-categories-shared.cypher", { minHubs: "3", level: "named" })).map(
      (r) => r.category as string,
    );
    await expect.poll(() => all.textContent()).toContain("外籍高层次人才");
    for (const name of named) expect(await all.textContent()).toContain(name);
    expect(await all.textContent()).not.toContain("境外人才");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-shared-named.png") });
    await page.getByTestId("pattern-level").selectOption("class");
  });

  it("sets the editorial's claims against what each hub's article shows", async () => {
    await page.getByRole("tab", { name: "论断与证据" }).click();
    const view = page.getByTestId("claims");
    await view.waitFor();
    const rows = await saved("claims-vs-evidence.cypher");
    // every claim × hub cell says what the saved query says
    for (const r of rows.filter((x) => x.kind === "common_denominator")) {
      const claim = (await service.read("MATCH (c:Claim {name: $name}) RETURN c.id AS id", { name: r.claim }))
        .rows[0]!.id as string;
      const hub = (await service.read("MATCH (h:Hub {name: $name}) RETURN h.id AS id", { name: r.hub }))
        .rows[0]!.id as string;
      const cell = view.getByTestId(`claim-${claim}-${hub}`);
      const support = { supported: "有证据", partly: "部分有证据", "not found": "未见证据" }[
        r.support as string
      ]!;
      expect(await cell.textContent()).toContain(`${support} ${r.backed as number}/${r.items as number}`);
      expect(await cell.evaluate((td) => td.classList.contains("gap"))).toBe(
        r.claimed === true && r.support !== "supported",
      );
    }
    // the gap the analyst should see: regional cooperation, claimed for 张江, not in its article
    const gap = view.getByTestId("claim-claim:common/regional-cooperation-hub:zhangjiang");
    expect(await gap.textContent()).toContain("论断与证据不符");
    await view.getByTestId("claim-claim:common/regional-cooperation-hub:qianhai").getByRole("button").click();
    const panel = page.getByTestId("evidence-panel");
    await panel.waitFor();
    expect(await panel.textContent()).toContain("推动区域间人才合作 · 前海");
    expect(await panel.textContent()).toContain("加强与港澳台及境内人才密集区域的人才合作");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-claims.png") });
    await panel.getByRole("button", { name: "关闭" }).first().click();
  });

  it("charts only comparable figures and says why the others are not compared", async () => {
    await page.getByRole("tab", { name: "统计对照" }).click();
    const charts = page.getByTestId("statistics-shared");
    await charts.waitFor();
    const comparable = await saved("statistics-side-by-side.cypher", { comparable: "true" });
    const topics = [...new Set(comparable.map((r) => r.topic as string))];
    expect(await charts.locator("figure").count()).toBe(topics.length);
    for (const topic of topics) expect(await charts.textContent()).toContain(topic);
    // 前海's average age is of its mid/high-end talent, 张江's of all employees: listed, not charted
    const reasons = page.getByTestId("not-comparable");
    expect(await reasons.filter({ hasText: "同一指标、人群不同" }).count()).toBeGreaterThanOrEqual(2);
    expect(await charts.textContent()).not.toContain("平均年龄");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-statistics.png"), fullPage: true });
  });

  it("draws the instrument × stage tables the saved Cypher computes", async () => {
    await page.getByRole("tab", { name: "政策工具与人才链" }).click();
    const rows = await saved("instrument-stage-matrix.cypher");
    const zj = rows.filter((r) => r.hub === "张江");
    expect(zj.length).toBeGreaterThan(0);
    const card = page.locator("article.hub-card").filter({ hasText: "张江" });
    const table = await card
      .locator("table.small-matrix")
      .evaluate((t) =>
        [...t.querySelectorAll("tbody tr")].map((tr) => [
          tr.querySelector("th")?.textContent ?? "",
          ...[...tr.querySelectorAll("td")].map((td) => Number(td.textContent === "·" ? 0 : td.textContent)),
        ]),
      );
    for (const row of zj) {
      const shown = table.find((r) => r[0] === (row.instrument as string));
      expect(shown, row.instrument as string).toBeDefined();
      const stages = row.stages as { measures: number }[];
      expect(shown!.slice(1).reduce((a: number, b) => a + Number(b), 0)).toBe(
        stages.reduce((a, s) => a + s.measures, 0),
      );
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-instruments.png") });
  });

  it("shows the similarity heat maps and the pattern network", async () => {
    await page.getByRole("tab", { name: "相似度" }).click();
    const expected = await saved("hub-similarity.cypher");
    const top = expected[0]!;
    const heat = page.getByTestId("heatmap-themes");
    expect(await heat.textContent()).toContain(Number(top.themeJaccard).toFixed(2));
    // The talent special zone (人才特区) links 中关村 and 前海: a measure of each under the same theme.
    await heat.getByRole("button", { name: "中关村 ↔ 前海" }).click();
    const detail = page.getByTestId("similarity-detail");
    expect(await detail.textContent()).toMatch(/\d+\/\d+/);
    await detail.getByRole("button", { name: /^体制机制改革/ }).click();
    const evidence = await page.getByTestId("evidence-panel").textContent();
    expect(evidence).toContain("大力建设中关村人才特区");
    expect(evidence).toContain("建立前海“人才特区”");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-similarity.png") });
    await page.getByRole("tab", { name: "模式网络" }).click();
    const network = page.getByTestId("pattern-network");
    await network.waitFor();
    expect(Number(await network.getAttribute("data-nodes"))).toBeGreaterThan(3);
    expect(await page.getByTestId("network-projection").textContent()).toContain("无向");
    expect(await page.getByTestId("network-legend").textContent()).toContain("科创中心");
    // by undirected betweenness the three hubs rank first
    const hubRanks = await page
      .getByTestId("network-ranking")
      .locator("tr[data-kind='hub']")
      .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-rank"))));
    expect(hubRanks).toEqual([1, 2, 3]);
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-network.png") });
  });

  it("maps the Zhejiang news onto the hubs' themes", async () => {
    // the tab and the heading are named after the region of the data
    await page.getByRole("tab", { name: "浙江视角" }).click();
    expect(await page.getByTestId("lens-heading").textContent()).toBe("浙江视角");
    const lens = await saved("zhejiang-lens.cypher");
    const gaps = lens.filter((r) => Number(r.newsItems ?? r.news ?? 0) === 0 && Number(r.hubs) > 0);
    const shownGaps = await page.getByTestId("lens-gaps").textContent();
    for (const gap of gaps) expect(shownGaps).toContain(gap.theme as string);
    // which of the hubs' patterns the region follows: every theme of the hubs, followed or not
    const follows = page.getByTestId("lens-follows").locator("tbody tr");
    expect(await follows.count()).toBe(lens.filter((r) => Number(r.hubs) > 0).length);
    expect(await follows.filter({ hasText: "出入境与居留" }).getAttribute("data-followed")).toBe("false");
    // each news item with the themes it instantiates and the hubs' pattern under them
    const items = page.getByTestId("lens-items").locator("tbody tr");
    expect(await items.count()).toBe(18);
    const zhoushan = items.filter({ hasText: "舟山人才码上线" });
    expect(await zhoushan.textContent()).toContain("一站式服务");
    await zhoushan.getByRole("button").click();
    expect(await page.getByTestId("evidence-panel").textContent()).toContain("舟山人才码");
    await page.screenshot({ path: path.join(ARTIFACTS, "patterns-zhejiang.png") });
  });

  it("downloads a printable report with every claim cited", async () => {
    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-report").click(),
    ]);
    const file = path.join(ARTIFACTS, report.suggestedFilename());
    await report.saveAs(file);
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain("<script");
    expect(html).toContain("各地共有");
    expect(html).toContain("医疗服务");
    const notes = html.match(/<li id="note-\d+">/g) ?? [];
    const cites = new Set(html.match(/href="#note-\d+"/g) ?? []);
    expect(notes.length).toBeGreaterThan(20);
    expect(cites.size).toBe(notes.length);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    // Opened from disk with every other request refused: its font is inside it.
    const reportPage = await browser.context.newPage();
    const attempted: string[] = [];
    reportPage.on("request", (r) => {
      if (!r.url().startsWith("file:")) attempted.push(r.url());
    });
    await reportPage.route(/^(?!file:)/, (route) => route.abort());
    await reportPage.goto(pathToFileURL(file).href);
    await reportPage.evaluate(() => document.fonts.load('16px "Noto Sans SC"', "张江"));
    const loaded = await reportPage.evaluate(
      () =>
        [...document.fonts].filter((f) => f.family.includes("Noto Sans SC") && f.status === "loaded").length,
    );
    expect(loaded).toBeGreaterThan(0);
    expect(attempted).toEqual([]);
    await reportPage.screenshot({ path: path.join(ARTIFACTS, "patterns-report.png") });
    await reportPage.close();
  });

  it("gives the same matrix from the snapshot, without Neo4j, and in English", async () => {
    await page.getByRole("tab", { name: "主题矩阵" }).click();
    const fromNeo4j = await matrix(page);
    const offline = await browser.context.newPage();
    await offline.setViewportSize({ width: 1500, height: 1000 });
    await offline.goto(`${app.url}?view=patterns&lang=en`);
    await offline.getByTestId("theme-matrix").waitFor({ timeout: 60_000 });
    expect(await offline.getByTestId("snapshot-banner").count()).toBe(1);
    const fromSnapshot = await matrix(offline);
    expect(fromSnapshot.rows.map(([, counts]) => counts)).toEqual(fromNeo4j.rows.map(([, counts]) => counts));
    expect(fromSnapshot.rows[0]![0]).toMatch(/^[A-Z]/); // English names first
    await offline.screenshot({ path: path.join(ARTIFACTS, "patterns-snapshot-english.png") });
    await offline.close();
  });
});
