/**
 * The network explorer in headless Chromium, against the app served with the real Neo4j (and with
 * the snapshot when no Neo4j is given). Screenshots of each state go to tests/artifacts/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildFragment } from "../../web/connection/credentials.ts";
import { ARTIFACTS, launchBrowser, serveApp } from "../setup/browser.ts";
import { testConfig, testService } from "../setup/graph.ts";

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const service = testService();
  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  await importKnowledge(service, kb, () => {});
  await service.close();
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`${app.url}${buildFragment(testConfig())}`);
  await page.locator('.explorer[data-status="ready"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Pixels of the graph area close to a colour (or, without one, all that are not background). */
async function pixels(target: Page, hex?: string): Promise<number> {
  const png = PNG.sync.read(await target.locator(".graph-area").screenshot());
  const want = hex ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : null;
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (want) {
      if (Math.abs(r - want[0]!) + Math.abs(g - want[1]!) + Math.abs(b - want[2]!) < 40) count++;
    } else if (r < 235 || g < 235 || b < 235) count++;
  }
  return count;
}

/** Nodes loaded in the explorer (shown or not). */
async function counts(target: Page): Promise<number> {
  const text = (await target.getByTestId("graph-counts").textContent()) ?? "";
  return Number(/\/\s*(\d+)/.exec(text)?.[1]);
}

async function shown(target: Page): Promise<number> {
  return Number(await target.getByTestId("shown-count").textContent());
}

async function searchAndChoose(target: Page, query: string, expected: string) {
  const box = target.getByRole("searchbox");
  await box.fill(query);
  const option = target.getByRole("option").filter({ hasText: expected }).first();
  await option.waitFor({ timeout: 15_000 });
  await option.dispatchEvent("mousedown");
  await expect.poll(() => target.getByTestId("inspector-name").textContent()).toContain(expected);
}

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `explorer-${name}.png`) });

describe("the network explorer", () => {
  it("draws the hubs and their neighbourhoods from Neo4j", async () => {
    await page.waitForTimeout(4_000); // let the layout settle for the screenshot
    expect(await counts(page)).toBeGreaterThan(100);
    expect(await pixels(page)).toBeGreaterThan(20_000);
    expect(await pixels(page, "#d62728")).toBeGreaterThan(300); // the three hubs
    await shot("initial");
  });

  it("finds 张江 by pinyin and opens its panel", async () => {
    await searchAndChoose(page, "zhangjiang", "张江");
    expect(await page.getByTestId("inspector-name").textContent()).toContain("Zhangjiang");
    await page.waitForTimeout(800);
    await shot("search-zhangjiang");
  });

  it("shows a quote in the full source text, highlighted", async () => {
    const first = page.locator(".inspector .evidence li").first();
    const quote = ((await first.locator("blockquote").textContent()) ?? "").replace(/[“”]/g, "");
    await first.getByRole("button").click();
    const mark = page.getByTestId("source-highlight");
    await mark.waitFor();
    expect(((await mark.textContent()) ?? "").replace(/\s/g, "")).toBe(quote.replace(/\s/g, ""));
    await shot("source");
    await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
  });

  it("expands a node's neighbours from Neo4j and undoes it", async () => {
    await searchAndChoose(page, "中国智能终端安全产业联盟", "中国智能终端安全产业联盟");
    const before = await counts(page);
    await page.getByTestId("expand").click();

    await expect.poll(() => counts(page)).toBeGreaterThan(before);
    await page.waitForTimeout(1_500);
    await shot("expanded");
    await page.getByTestId("undo").click();
    await expect.poll(() => counts(page)).toBeLessThan(before + 1);
  });

  it("hides a type through the legend", async () => {
    const green = await pixels(page, "#2ca02c");
    expect(green).toBeGreaterThan(200);
    await page.locator('.legend-item[data-label="Measure"]').click();
    await expect.poll(() => pixels(page, "#2ca02c")).toBeLessThan(green / 10);
    await shot("filter-measures");
    await page.locator('.legend-item[data-label="Measure"]').click();
  });

  it("draws the shortest path between two entities", async () => {
    await searchAndChoose(page, "浙江", "浙江");
    await page.getByRole("button", { name: "设为路径起点" }).click();
    await searchAndChoose(page, "qianhai", "前海");
    await page.getByTestId("path-to").click();
    await page.getByRole("button", { name: "清除路径" }).waitFor();
    await page.waitForTimeout(1_000);
    await shot("path");
    await page.getByRole("button", { name: "清除路径" }).click();
  });

  it("switches the whole UI and the labels to English", async () => {
    await page.waitForTimeout(4_000); // let the layout from earlier steps stop moving nodes
    const before = PNG.sync.read(await page.locator(".graph-area").screenshot());
    await page.getByRole("button", { name: "language" }).click();
    await page.waitForTimeout(800);
    const after = PNG.sync.read(await page.locator(".graph-area").screenshot());
    let changed = 0;
    for (let i = 0; i < Math.min(before.data.length, after.data.length); i += 4) {
      if (Math.abs(before.data[i]! - after.data[i]!) > 60) changed++;
    }
    expect(changed).toBeGreaterThan(500); // the canvas labels were redrawn in English
    await expect
      .poll(() => page.locator('.legend-item[data-label="Measure"]').textContent())
      .toContain("Measure");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    expect(await page.getByRole("searchbox").getAttribute("placeholder")).toContain("Search");
    await page.waitForTimeout(800);
    await shot("english");
    await page.getByRole("button", { name: "language" }).click();
  });

  it("filters by hub, focuses an ego network and keeps the view in the URL", async () => {
    const all = await shown(page);
    await page.getByTestId("filter-hubs").getByLabel("中关村").check();
    await expect.poll(() => shown(page)).toBeLessThan(all * 0.5);
    expect(await shown(page)).toBeGreaterThan(20);
    await shot("filter-zhongguancun");
    expect(new URL(page.url()).searchParams.get("hubs")).toBe("hub:zhongguancun");
    // A reload restores the filter from the URL (the credentials stay in session storage).
    await page.reload();
    await page.locator('.explorer[data-status="ready"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId("filter-hubs").getByLabel("中关村").isChecked()).toBe(true);
    await page.getByTestId("filter-hubs").getByLabel("中关村").uncheck();

    await searchAndChoose(page, "人才特区", "人才特区");
    const before = await shown(page);
    await page.getByTestId("ego-1").click();
    await expect.poll(() => shown(page)).toBeLessThan(before / 5);
    expect(new URL(page.url()).searchParams.get("ego")).toMatch(/~1$/);
    await shot("ego");
    await page.getByRole("button", { name: "取消聚焦" }).click();
  });

  it("sizes nodes by PageRank", async () => {
    await page.getByTestId("metric").selectOption("pagerank");
    expect(new URL(page.url()).searchParams.get("metric")).toBe("pagerank");
    await page.waitForTimeout(500);
    await shot("pagerank");
    await page.getByTestId("metric").selectOption("degree");
  });

  it("exports what is shown as PNG, GEXF, GraphML and CSV", async () => {
    const shownNow = await shown(page);
    const files: Record<string, string> = {};
    for (const id of [
      "export-png",
      "export-gexf",
      "export-graphml",
      "export-csv-nodes",
      "export-csv-edges",
    ]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
      const file = path.join(ARTIFACTS, `export-${download.suggestedFilename()}`);
      await download.saveAs(file);
      files[id] = file;
    }
    const png = PNG.sync.read(readFileSync(files["export-png"]!));
    expect(png.width).toBeGreaterThan(300);
    const gexf = readFileSync(files["export-gexf"]!, "utf8");
    expect((gexf.match(/<node /g) ?? []).length).toBe(shownNow);
    expect(gexf).toContain("张江");
    const graphml = readFileSync(files["export-graphml"]!, "utf8");
    expect((graphml.match(/<node /g) ?? []).length).toBe(shownNow);
    const nodesCsv = readFileSync(files["export-csv-nodes"]!, "utf8");
    expect(nodesCsv.charCodeAt(0)).toBe(0xfeff);
    expect(nodesCsv).toContain("前海");
  });

  it("browses the static snapshot when no Neo4j is given, and says so", async () => {
    const offline = await browser.context.newPage();
    await offline.setViewportSize({ width: 1600, height: 1000 });
    await offline.evaluate(() => sessionStorage.clear()).catch(() => undefined);
    await offline.goto(app.url);
    await offline.getByTestId("snapshot-banner").waitFor({ timeout: 30_000 });
    await offline.locator('.explorer[data-status="ready"]').waitFor({ timeout: 30_000 });
    await offline.waitForTimeout(3_000);
    expect(await pixels(offline)).toBeGreaterThan(20_000);
    await searchAndChoose(offline, "前海", "前海");
    await offline.screenshot({ path: path.join(ARTIFACTS, "explorer-snapshot.png") });
    await offline.close();
  });
});
