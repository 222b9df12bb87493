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
import { legendEntries } from "../../web/explorer/pictureCaption.ts";
import { overlayLayout } from "../../web/explorer/pictureLayout.ts";
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
    // Lines read single-spaced (the stored text has a blank line after each), and Escape closes.
    const text = (await page.locator(".source-text").textContent()) ?? "";
    const lines = text.split("\n");
    expect(lines.filter((l) => l.trim() === "").length).toBeLessThan(lines.length / 4);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  });

  it("expands a node's neighbours from Neo4j and undoes it", async () => {
    await searchAndChoose(page, "中国智能终端安全产业联盟", "中国智能终端安全产业联盟");
    const before = await counts(page);
    await page.getByTestId("expand").click();

    await expect.poll(() => counts(page)).toBeGreaterThan(before);
    await page.waitForTimeout(1_500);
    await shot("expanded");
    const expanded = await counts(page);
    expect(await page.getByTestId("undo").getAttribute("title")).toContain("展开中国智能终端安全产业联盟");
    await page.getByTestId("undo").click();
    await expect.poll(() => counts(page)).toBeLessThan(before + 1);
    // Redo brings the same neighbours back; Ctrl+Z on the page undoes again.
    await page.getByTestId("redo").click();
    await expect.poll(() => counts(page)).toBe(expanded);
    await page.locator(".graph-area").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+z");
    await expect.poll(() => counts(page)).toBeLessThan(before + 1);
    expect(await page.getByTestId("redo").isEnabled()).toBe(true);
  });

  it("hides a type through the legend", async () => {
    // Counted on the whole graph, whatever the camera framed last.
    await page.getByTestId("zoom-fit").click();
    await page.waitForFunction(() => !window.__tpgView!.camera().animating);
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
    // Unchecking is a step like any other: undo puts the filter back, in the view and in the URL.
    await expect.poll(() => new URL(page.url()).searchParams.get("hubs")).toBeNull();
    await expect.poll(() => shown(page)).toBeGreaterThan(all * 0.5);
    const unfiltered = await shown(page);
    await page.getByTestId("undo").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("hubs")).toBe("hub:zhongguancun");
    await expect.poll(() => shown(page)).toBeLessThan(all * 0.5);
    expect(await page.getByTestId("filter-hubs").getByLabel("中关村").isChecked()).toBe(true);
    await page.getByTestId("redo").click();
    await expect.poll(() => shown(page)).toBe(unfiltered);
    expect(new URL(page.url()).searchParams.get("hubs")).toBeNull();

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

  it("exports the whole graph as a PNG at 2× with title and legend, and the view as SVG", async () => {
    const save = async (id: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
      const file = path.join(ARTIFACTS, `export-2x-${download.suggestedFilename()}`);
      await download.saveAs(file);
      return file;
    };
    // A hub selected keeps its colour (what is not near it is faded), so the legend lists hubs.
    await searchAndChoose(page, "zhangjiang", "张江");
    // The view scope is what the camera frames: wait until the layout has stopped moving nodes (the
    // camera follows it; on a loaded machine it runs for a while) and the camera has come to rest with
    // 张江 in view.
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="graph-counts"]')?.textContent?.includes("布局计算中"),
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForFunction(
      () =>
        !window.__tpgView!.camera().animating && window.__tpgView!.outside(["hub:zhangjiang"]).length === 0,
      undefined,
      { timeout: 30_000 },
    );
    const [width, height] = await page
      .locator(".graph-canvas .sigma-container")
      .evaluate((el: HTMLElement) => [el.offsetWidth, el.offsetHeight]);
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    const before = PNG.sync.read(await page.locator(".graph-area").screenshot());

    await page.getByTestId("export-scope").selectOption("whole");
    await page.getByTestId("export-resolution").selectOption("2");
    expect(await page.getByTestId("export-caption").isChecked()).toBe(true);
    const png = PNG.sync.read(readFileSync(await save("export-png")));
    expect([png.width, png.height]).toEqual([2 * width, 2 * height]);

    // The legend's first entry (hubs come first) is where the layout puts it, in the hub colour.
    const entries = legendEntries(new Map([["Hub", { color: "#d62728", count: 1 }]]), "zh");
    const layout = overlayLayout(
      { width: png.width, height: png.height, scale: 2 },
      ["", ""],
      entries,
      "图例",
    );
    const disc = layout.discs[0]!;
    const near = (x: number, y: number, hex: string) => {
      const i = (y * png.width + x) * 4;
      const want = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
      return [0, 1, 2].reduce((sum, c) => sum + Math.abs(png.data[i + c]! - want[c]!), 0) < 40;
    };
    const half = Math.floor(disc.r * 0.6);
    let hub = 0;
    for (let y = Math.round(disc.cy) - half; y <= Math.round(disc.cy) + half; y++)
      for (let x = Math.round(disc.cx) - half; x <= Math.round(disc.cx) + half; x++)
        if (near(x, y, "#d62728")) hub++;
    expect(hub).toBeGreaterThan(0.9 * (2 * half + 1) ** 2);
    // The title band and the legend box hold text (dark pixels) on white.
    const dark = (box: { x: number; y: number; width: number; height: number }) => {
      let count = 0;
      for (let y = Math.round(box.y); y < Math.round(box.y + box.height); y++)
        for (let x = Math.round(box.x); x < Math.round(box.x + box.width); x++)
          if (near(x, y, "#1f2933")) count++;
      return count;
    };
    expect(dark(layout.boxes[0]!)).toBeGreaterThan(300);

    // The export drew with a camera and pixel ratio of its own: the explorer's view did not move.
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(ratio);
    const after = PNG.sync.read(await page.locator(".graph-area").screenshot());
    let changed = 0;
    for (let i = 0; i < before.data.length; i += 4)
      if (Math.abs(before.data[i]! - after.data[i]!) > 60) changed++;
    expect(changed).toBeLessThan(before.data.length / 4 / 50);

    await page.getByTestId("export-scope").selectOption("view");
    await page.getByTestId("export-resolution").selectOption("1");
    const svg = readFileSync(await save("export-svg"), "utf8");
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(svg).toMatch(/font-family="'Noto Sans SC'/);
    expect(svg).toContain(">张江</text>");
    expect(svg).toContain(">科创中心</text>");
    expect(svg).toContain("选中：张江");
  });

  it("lists each relationship type with its count in Neo4j, and expands one type", async () => {
    const service = testService();
    try {
      // A measure drawn from the start (a hub adopts it) with the most relationship types.
      const picked = await service.read(
        `MATCH (:Hub)-[:ADOPTS]->(m:Measure)-[r]-(:Entity)
         WITH m, count(DISTINCT [type(r), startNode(r) = m]) AS types
         RETURN m.id AS id, m.name AS name ORDER BY types DESC, id LIMIT 1`,
      );
      const { id, name } = picked.rows[0] as { id: string; name: string };
      const cypher = await service.read(
        `MATCH (m:Entity {id: $id})-[r]-(:Entity)
         RETURN type(r) + ' ' + CASE WHEN startNode(r) = m THEN 'out' ELSE 'in' END AS key, count(r) AS n`,
        { id },
      );
      const want = new Map(cypher.rows.map((r) => [r.key as string, Number(r.n)]));
      await searchAndChoose(page, name, name);
      const groups = page.locator('.inspector [data-testid="rel-group"]');
      await expect
        .poll(() => page.locator('.inspector [data-testid="rel-count"]').count(), { timeout: 15_000 })
        .toBe(want.size);
      expect(want.size).toBeGreaterThanOrEqual(5);
      const shownCounts = new Map<string, number>();
      for (const group of await groups.all()) {
        const key = `${await group.getAttribute("data-type")} ${await group.getAttribute("data-direction")}`;
        shownCounts.set(key, Number(await group.getByTestId("rel-count").textContent()));
      }
      expect(shownCounts).toEqual(want);

      // A type with neighbours not drawn yet: "expand" adds exactly them, undo takes them away.
      const expandable = groups.filter({ has: page.getByTestId("rel-expand") }).first();
      const type = await expandable.getAttribute("data-type");
      const direction = await expandable.getAttribute("data-direction");
      // Found again by its type, as the expand button goes away once all are drawn.
      const group = groups.and(page.locator(`[data-type="${type}"][data-direction="${direction}"]`));
      const drawnBefore = Number(await group.getByTestId("rel-drawn").textContent());
      const total = want.get(`${type} ${direction}`)!;
      expect(drawnBefore).toBeLessThan(total);
      const neighbours = await service.read(
        `MATCH (m:Entity {id: $id})-[r]-(n:Entity)
         WHERE type(r) = $type AND (startNode(r) = m) = ($direction = 'out')
         RETURN n.name AS name`,
        { id, type, direction },
      );
      const before = await counts(page);
      await group.getByTestId("rel-expand").click();
      await expect
        .poll(() => group.getByTestId("rel-drawn").textContent(), { timeout: 15_000 })
        .toBe(String(total));
      expect(await counts(page)).toBe(before + total - drawnBefore);
      const listed = await group.getByTestId("rel-neighbour").allTextContents();
      for (const r of neighbours.rows) expect(listed.some((l) => l.startsWith(r.name as string))).toBe(true);
      expect(await group.locator(".quote blockquote").count()).toBeGreaterThan(0);
      await page.waitForTimeout(1_000);
      await shot("inspector-counts");
      await page.getByTestId("undo").click();
      await expect
        .poll(() => group.getByTestId("rel-drawn").textContent(), { timeout: 15_000 })
        .toBe(String(drawnBefore));
      expect(await counts(page)).toBe(before);
    } finally {
      await service.close();
    }
  });

  it("draws a first page at once and streams the rest in, usable meanwhile, to the same graph", async () => {
    const service = testService();
    const cypher = await service.read(
      `MATCH (h:Hub) OPTIONAL MATCH (h)--(m:Entity) WHERE NOT m:Hub
       RETURN count(DISTINCT h) + count(DISTINCT m) AS n`,
    );
    await service.close();
    const whole = Number(cypher.rows[0]!.n);
    const streaming = await browser.context.newPage();
    try {
      await streaming.setViewportSize({ width: 1440, height: 900 });
      // Record, from the start, what the toolbar said while the rest was streaming in.
      await streaming.addInitScript(() => {
        const seen: { status: string | null; counts: string | null; progress: boolean }[] = [];
        (window as unknown as { __streamSeen: typeof seen }).__streamSeen = seen;
        new MutationObserver(() => {
          const explorer = document.querySelector(".explorer");
          const status = explorer?.getAttribute("data-status") ?? null;
          if (status !== "streaming") return;
          seen.push({
            status,
            counts: document.querySelector('[data-testid="graph-counts"]')?.textContent ?? null,
            progress: document.querySelector('[data-testid="streaming"] progress') !== null,
          });
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await streaming.goto(`${app.url}?page=100${buildFragment(testConfig())}`);
      await streaming.locator('.explorer[data-status="ready"]').waitFor({ timeout: 60_000 });
      const seen = await streaming.evaluate(
        () =>
          (window as unknown as { __streamSeen: { counts: string | null; progress: boolean }[] })
            .__streamSeen,
      );
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.some((s) => s.progress)).toBe(true);
      const firstCount = Number(/\/\s*(\d+)/.exec(seen[0]!.counts ?? "")?.[1]);
      expect(firstCount).toBeGreaterThan(100);
      expect(firstCount).toBeLessThan(whole);
      // All of it arrived: the same nodes as the page loaded in the default pages.
      await expect.poll(() => counts(streaming)).toBe(whole);
      expect(await streaming.getByTestId("streaming").count()).toBe(0);
      await searchAndChoose(streaming, "zhangjiang", "张江");
    } finally {
      await streaming.close();
    }
  });

  it("lays nothing out behind another view, and lays out once it is shown", async () => {
    const behind = await browser.context.newPage();
    try {
      await behind.setViewportSize({ width: 1440, height: 900 });
      // Record, from the start, every time the layout toggle changes: "停止布局" means it is running.
      await behind.addInitScript(() => {
        const seen: { text: string; view: string | null }[] = [];
        (window as unknown as { __layoutSeen: typeof seen }).__layoutSeen = seen;
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="layout-toggle"]')?.textContent ?? "";
          const view = new URLSearchParams(window.location.search).get("view");
          if (seen[seen.length - 1]?.text !== text) seen.push({ text, view });
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await behind.goto(`${app.url}?view=console${buildFragment(testConfig())}`);
      await behind.locator('.explorer[data-status="ready"]').waitFor({ state: "attached", timeout: 60_000 });
      await behind.waitForTimeout(1_000);
      const seen = () =>
        behind.evaluate(
          () => (window as unknown as { __layoutSeen: { text: string; view: string | null }[] }).__layoutSeen,
        );
      // Loaded and drawn behind the console, but never laid out there.
      expect((await seen()).filter((s) => s.text === "停止布局")).toEqual([]);
      await behind.getByRole("tab", { name: "网络探索" }).click();
      await expect
        .poll(async () => (await seen()).some((s) => s.text === "停止布局" && s.view === null))
        .toBe(true);
    } finally {
      await behind.close();
    }
  });

  describe("at 1440×900, on a fresh page", () => {
    let fresh: Page;
    // What the canvas shows, read through the explorer's probe (web/explorer/testHooks.ts).
    const labels = (target: Page) => target.evaluate(() => window.__tpgView!.labels());
    /** Until the layout has stopped and the camera that follows it has come to rest. */
    const settled = async (target: Page) => {
      const counts = '[data-testid="graph-counts"]';
      await target.waitForFunction(
        (sel) => !document.querySelector(sel)?.textContent?.includes("布局计算中"),
        counts,
        { timeout: 30_000 },
      );
      // The camera moves a few frames after a change, and frames are slow in software WebGL: wait
      // until it has kept still for half a second.
      const camera = () => target.evaluate(() => JSON.stringify(window.__tpgView?.camera()));
      await target.waitForTimeout(300);
      let [before, after] = ["", await camera()];
      for (let i = 0; i < 20 && (before !== after || after.includes('"animating":true')); i++) {
        await target.waitForTimeout(500);
        [before, after] = [after, await camera()];
      }
    };
    const overlapping = (
      boxes: readonly { key: string; x: number; y: number; width: number; height: number }[],
    ) =>
      boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter(
            (b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
          )
          .map((b) => `${a.key} × ${b.key}`),
      );

    beforeAll(async () => {
      fresh = await browser.context.newPage();
      await fresh.setViewportSize({ width: 1440, height: 900 });
      await fresh.goto(`${app.url}${buildFragment(testConfig())}`);
      await fresh.locator('.explorer[data-status="ready"]').waitFor({ timeout: 60_000 });
      await settled(fresh);
    });
    afterAll(async () => {
      await fresh?.close();
    });

    it("gives the canvas the window, with the legend and zoom controls over it", async () => {
      const area = async () => (await fresh.locator(".graph-area").boundingBox())!;
      const open = await area();
      expect(open.width).toBeGreaterThan(1100); // no empty inspector column while nothing is selected
      await fresh.getByTestId("filters-panel").getByRole("button", { name: /收起/ }).click();
      const folded = await area();
      expect(folded.width).toBeGreaterThan(open.width + 150);
      expect(folded.width).toBeGreaterThan(1440 * 0.9);
      // Sigma redrew at the new size (it only watches the window's size by itself).
      const canvasWidth = () =>
        fresh.locator(".graph-canvas canvas.sigma-labels").evaluate((c: HTMLCanvasElement) => c.offsetWidth);
      await expect.poll(canvasWidth).toBeGreaterThan(folded.width - 10);
      for (const id of ["legend", "zoom-in", "zoom-out", "zoom-fit", "label-density"]) {
        const box = (await fresh.getByTestId(id).boundingBox())!;
        expect(box.x, id).toBeGreaterThanOrEqual(folded.x);
        expect(box.y + box.height, id).toBeLessThanOrEqual(folded.y + folded.height);
      }
      await fresh.getByTestId("filters-panel").getByRole("button", { name: /展开/ }).click();
      await expect.poll(async () => (await area()).width).toBeLessThan(folded.width - 150);
    });

    it("draws no two labels over each other at the default zoom, at every label density", async () => {
      await fresh.screenshot({ path: path.join(ARTIFACTS, "explorer-labels-1440.png") });
      const boxes = await labels(fresh);
      expect(boxes.length).toBeGreaterThan(15);
      expect(overlapping(boxes)).toEqual([]);
      // The boxes are where text was drawn: dark pixels inside (nearly) every box on the canvas.
      const canvas = fresh.locator(".graph-canvas .sigma-container");
      const png = PNG.sync.read(await canvas.screenshot());
      const inside = boxes.filter(
        (b) => b.x >= 0 && b.y >= 0 && b.x + b.width < png.width && b.y + b.height < png.height,
      );
      const inked = inside.filter((b) => {
        for (let y = Math.ceil(b.y); y < b.y + b.height; y++)
          for (let x = Math.ceil(b.x); x < b.x + b.width; x++) {
            const i = (y * png.width + x) * 4;
            if (png.data[i]! < 90 && png.data[i + 1]! < 90 && png.data[i + 2]! < 90) return true;
          }
        return false;
      });
      expect(inked.length).toBeGreaterThan(0.9 * inside.length);

      const counted: Record<string, number> = {};
      for (const density of ["few", "many"]) {
        await fresh.getByTestId("label-density").selectOption(density);
        await fresh.waitForTimeout(300);
        const drawn = await labels(fresh);
        expect(overlapping(drawn), density).toEqual([]);
        counted[density] = drawn.length;
        if (density === "many")
          await fresh.screenshot({ path: path.join(ARTIFACTS, "explorer-labels-many.png") });
      }
      expect(counted.many).toBeGreaterThan(counted.few! + 10);
      await fresh.getByTestId("label-density").selectOption("normal");

      // What the search lists is labelled first (priority tier 3 and up), still without overlaps.
      await fresh.getByRole("searchbox").fill("前海");
      await fresh.getByRole("option").first().waitFor();
      await expect
        .poll(async () => (await labels(fresh)).filter((b) => b.priority >= 3000).length)
        .toBeGreaterThan(2);
      expect(overlapping(await labels(fresh))).toEqual([]);
      await fresh.getByRole("searchbox").fill("");
      await expect.poll(async () => (await labels(fresh)).filter((b) => b.priority >= 3000).length).toBe(0);
    });

    it("zooms with the buttons and the keys + - 0, but not while typing", async () => {
      /** The camera's ratio once it has stopped moving. */
      const ratio = async () => {
        await fresh.waitForTimeout(100);
        await fresh.waitForFunction(() => !window.__tpgView!.camera().animating);
        return fresh.evaluate(() => window.__tpgView!.camera().ratio);
      };
      const start = await ratio();
      await fresh.getByTestId("zoom-in").click();
      expect(await ratio()).toBeLessThan(start * 0.8);
      await fresh.locator("body").press("0");
      const fitted = await ratio();
      expect(fitted).toBeGreaterThan(start * 0.8);
      await fresh.getByRole("searchbox").press("-");
      expect(await ratio()).toBeCloseTo(fitted, 5);
      await fresh.getByRole("searchbox").fill("");
      await fresh.getByRole("searchbox").blur();
      await fresh.keyboard.press("-");
      expect(await ratio()).toBeGreaterThan(fitted * 1.3);
      await fresh.keyboard.press("0");
      expect(await ratio()).toBeCloseTo(fitted, 3);
    });

    it("frames what a hub filter and an ego view leave, and the whole graph again after", async () => {
      const shownOutside = () => fresh.evaluate(() => window.__tpgView!.outside(window.__tpgView!.shown()));
      const zoomOut = async () => {
        await fresh.getByTestId("zoom-out").click();
        await fresh.getByTestId("zoom-out").click();
        await settled(fresh);
      };
      const hub = fresh.getByTestId("filter-hubs").getByLabel("中关村");
      // Zoomed in on a corner first, so that framing has something to do.
      await fresh.getByTestId("zoom-in").click();
      await fresh.getByTestId("zoom-in").click();
      await settled(fresh);
      await hub.check();
      await settled(fresh);
      const shownCount = await fresh.evaluate(() => window.__tpgView!.shown().length);
      expect(shownCount).toBeGreaterThan(20);
      expect(await shownOutside()).toEqual([]);
      const filtered = await fresh.evaluate(() => window.__tpgView!.camera().ratio);
      await zoomOut();
      await hub.uncheck();
      await settled(fresh);
      expect(await shownOutside()).toEqual([]);
      // The whole graph needs a wider view than the one hub's part of it.
      expect(await fresh.evaluate(() => window.__tpgView!.camera().ratio)).toBeGreaterThan(filtered);

      await searchAndChoose(fresh, "人才特区", "人才特区");
      await settled(fresh);
      await fresh.getByTestId("ego-1").click();
      await settled(fresh);
      expect(await shownOutside()).toEqual([]);
      await fresh.screenshot({ path: path.join(ARTIFACTS, "explorer-ego-framed.png") });
      await fresh.getByRole("button", { name: "取消聚焦" }).click();
      await settled(fresh);
      expect(await shownOutside()).toEqual([]);
    });

    it("frames the nodes of two expansions in view, drawn in their colours", async () => {
      const nodes = () => fresh.evaluate(() => window.__tpgView!.nodes());
      const expandAndCheck = async (query: string, name: string, shotName: string) => {
        await searchAndChoose(fresh, query, name);
        await settled(fresh);
        const before = new Set(await nodes());
        await fresh.getByTestId("expand").click();
        await expect
          .poll(async () => (await nodes()).length, { timeout: 20_000 })
          .toBeGreaterThan(before.size);
        await settled(fresh);
        const added = (await nodes()).filter((id) => !before.has(id));
        expect(added.length).toBeGreaterThan(3);
        const outside = await fresh.evaluate((ids) => window.__tpgView!.outside(ids), added);
        expect(outside, `${name}: new nodes outside the view`).toEqual([]);
        const colours = await fresh.evaluate((ids) => window.__tpgView!.colors(ids), added);
        for (const c of colours) {
          expect(c.drawn, `${c.id} is drawn dimmed`).not.toBe(c.dimmed);
          expect(c.drawn, c.id).toBe(c.own);
        }
        expect(overlapping(await labels(fresh))).toEqual([]);
        await fresh.screenshot({ path: path.join(ARTIFACTS, `explorer-${shotName}.png`) });
        return added;
      };
      // 中国 brings in 浙江 (and other regions), whose own neighbours are not drawn yet.
      const first = await expandAndCheck("中国", "中国", "expand-first");
      expect(first.filter((id) => id.includes("zhejiang")).length).toBeGreaterThan(0);
      const second = await expandAndCheck("浙江", "浙江", "expand-second");
      // Undo frames where the undone expansion was: its origin, with what it still links to.
      await fresh.getByTestId("zoom-in").click();
      await fresh.getByTestId("zoom-in").click();
      await settled(fresh);
      await fresh.getByTestId("undo").click();
      await settled(fresh);
      const left = await nodes();
      expect(second.filter((id) => left.includes(id))).toEqual([]);
      expect(
        await fresh.evaluate(() => window.__tpgView!.outside(["region:zhejiang", "region:china"])),
      ).toEqual([]);
    });
  });

  it("finds paths between two hubs that avoid the editorial, with a quote for every hop", async () => {
    const panel = page.getByTestId("path-panel");
    const hops = panel.getByTestId("path-hop");
    await searchAndChoose(page, "zhangjiang", "张江");
    await page.getByRole("button", { name: "设为路径起点" }).click();
    await panel.waitFor();
    await searchAndChoose(page, "qianhai", "前海");
    await page.getByTestId("path-to").click();
    await hops.first().waitFor({ timeout: 30_000 });
    // By default: articles, publications and the taxonomy left out, up to 3 paths.
    expect(await panel.getByTestId("path-choice").getByRole("tab").count()).toBe(3);
    const count = await hops.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (const hop of await hops.all()) {
      // the type in the UI's language, its code kept for tools and the tooltip
      expect(await hop.locator(".rel-type").textContent()).toMatch(/^(—[^—→←A-Z]+→|←[^—→←A-Z]+—)$/);
      expect(await hop.locator(".rel-type").getAttribute("data-type")).toMatch(/^[A-Z_]+$/);
      expect(((await hop.locator("blockquote").textContent()) ?? "").length).toBeGreaterThan(4);
    }
    const list = (await panel.getByTestId("path-hops").textContent()) ?? "";
    // The names along the path (the quotes' citations may name the editorial as a section).
    const names = (await panel.locator(".hop-line").allTextContents()).join(" ");
    expect(names.startsWith("张江")).toBe(true);
    expect(names).toContain("前海");
    expect(names).not.toContain("卷首语"); // the editorial, which describes every hub
    await page.waitForTimeout(1_000);
    await shot("path-hops");

    // Another of the paths is listed when chosen.
    await panel.getByTestId("path-choice").getByRole("tab").nth(1).click();
    await expect.poll(() => panel.getByTestId("path-hops").textContent()).not.toBe(list);

    // A hop's quote opens the source at the quote.
    const first = hops.first();
    const quote = ((await first.locator("blockquote").textContent()) ?? "")
      .replace(/^“|”$/g, "")
      .replace(/\s/g, "");
    await first.getByRole("button", { name: "在原文中查看" }).click();
    const mark = page.getByTestId("source-highlight");
    await mark.waitFor();
    expect(((await mark.textContent()) ?? "").replace(/\s/g, "")).toBe(quote);
    await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();

    // Articles allowed and only DESCRIBES walked: the path goes through the editorial.
    await panel.getByTestId("path-options").locator("summary").click();
    await panel.getByTestId("path-exclude").getByLabel("文章").uncheck();
    await panel.getByTestId("path-types").getByRole("button", { name: "全不选" }).click();
    await expect.poll(() => panel.getByTestId("path-find").isDisabled()).toBe(true);
    await panel.getByTestId("path-types").getByLabel("DESCRIBES", { exact: true }).check();
    await panel.getByTestId("path-k").selectOption("1");
    await panel.getByTestId("path-find").click();
    await expect.poll(() => panel.locator(".hop-line").first().textContent()).toContain("卷首语");
    for (const type of await panel
      .locator(".hop-line .rel-type")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-type"))))
      expect(type).toBe("DESCRIBES");

    // With articles left out again no path is left, and the panel says so.
    await panel.getByTestId("path-exclude").getByLabel("文章").check();
    await panel.getByTestId("path-find").click();
    await expect.poll(() => panel.getByRole("alert").textContent()).toContain("找不到路径");
    expect(await hops.count()).toBe(0);
    await shot("path-none");
    await panel.getByRole("button", { name: "关闭路径面板" }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });

  it("finds the same hops in the static snapshot", async () => {
    const offline = await browser.context.newPage();
    await offline.setViewportSize({ width: 1600, height: 1000 });
    await offline.goto(app.url);
    await offline.locator('.explorer[data-status="ready"]').waitFor({ timeout: 30_000 });
    await searchAndChoose(offline, "张江", "张江");
    await offline.getByRole("button", { name: "设为路径起点" }).click();
    await searchAndChoose(offline, "前海", "前海");
    await offline.getByTestId("path-to").click();
    const hops = offline.getByTestId("path-panel").getByTestId("path-hop");
    await hops.first().waitFor({ timeout: 30_000 });
    expect(await hops.count()).toBeGreaterThanOrEqual(2);
    expect(await hops.locator("blockquote").count()).toBe(await hops.count());
    const names = await offline.getByTestId("path-panel").locator(".hop-line").allTextContents();
    expect(names.join(" ")).not.toContain("卷首语");
    expect(names[0]).toMatch(/^张江/);
    await offline.screenshot({ path: path.join(ARTIFACTS, "explorer-snapshot-path.png") });
    await offline.close();
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
