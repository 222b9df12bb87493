/**
 * The Cypher console in headless Chromium against the real Neo4j: typed queries with parameters,
 * table and graph results, refused writes, syntax errors marked in the editor, timeouts and
 * cancellation (checked on the server), the row cap, the saved-query library, history, export and
 * "add to explorer". Screenshots go to tests/artifacts/.
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
import { fingerprint, testConfig, testService } from "../setup/graph.ts";

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const service = testService();

/** A query no test database answers within seconds (a billion rows filtered to none). */
const RUNAWAY = "UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS none";

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  await importKnowledge(service, kb, () => {});
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(`${app.url}?view=console${buildFragment(testConfig())}`);
  await page.locator(".cm-content").waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await service.close();
});

/** Replaces the editor's text (as a paste would) and runs it with Ctrl+Enter. */
async function runQuery(target: Page, query: string) {
  await target.locator(".cm-content").click();
  await target.keyboard.press("Control+A");
  await target.keyboard.insertText(query);
  await target.keyboard.press("Escape"); // close completion, if open
  await target.keyboard.press("Control+Enter");
}

async function summaryRows(target: Page): Promise<number> {
  const text = (await target.getByTestId("result-summary").textContent()) ?? "";
  return Number(/^(\d+)/.exec(text.trim())?.[1]);
}

/** Text of the body cells of one column, top to bottom (the rows in view). */
async function column(target: Page, index: number): Promise<string[]> {
  return target
    .locator(".result-table .rt-row:not(.rt-head)")
    .evaluateAll(
      (rows, i) => rows.map((row) => row.querySelectorAll(".rt-cell")[i]?.textContent ?? ""),
      index,
    );
}

async function setNumber(target: Page, label: RegExp, value: number) {
  await target.getByLabel(label).fill(String(value));
}

describe("Cypher console", () => {
  it("runs a typed query with a parameter and shows the table and the graph", async () => {
    await runQuery(
      page,
      "MATCH (h:Hub)-[r:HAS_POSITIONING]->(p:Positioning)\nWHERE h.name = $hub\nRETURN h, r, p ORDER BY p.name",
    );
    // The parameter got a field; the first run (before a value) finds nothing.
    const field = page.getByLabel("$hub", { exact: true });
    await field.waitFor();
    await field.fill("前海");
    await page.getByTestId("run-query").click();
    await expect.poll(() => summaryRows(page), { timeout: 15_000 }).toBe(5);
    const positionings = await column(page, 2);
    expect(positionings.map((p) => p.replace(/^Positioning · /, "")).sort()).toEqual(
      [
        "体制机制创新区",
        "深港合作先导区",
        "前海全国人才管理改革试验区",
        "现代服务业集聚区",
        "结构调整区",
      ].sort(),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "console-table.png") });
    // a node's evidence opens as quotes, not as the stored JSON
    await page.locator(".result-table .rt-row:not(.rt-head) .rt-cell").nth(2).click();
    const evidence = page.getByTestId("rt-evidence");
    await evidence.waitFor();
    expect(await evidence.locator("blockquote").count()).toBeGreaterThan(0);
    expect(await evidence.textContent()).not.toContain('"quote"');

    await page.getByRole("tab", { name: "图", exact: true }).click();
    const graph = page.getByTestId("result-graph");
    await expect.poll(() => graph.getAttribute("data-nodes")).toBe("6");
    expect(await graph.getAttribute("data-edges")).toBe("5");
    await page.waitForTimeout(500);
    const png = PNG.sync.read(await graph.screenshot());
    let hubRed = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (Math.abs(r - 0xd6) + Math.abs(g - 0x27) + Math.abs(b - 0x28) < 40) hubRed++;
    }
    expect(hubRed).toBeGreaterThan(50); // the hub is drawn in its colour
    // Each relationship is captioned with its name, drawn on sigma's edge-label layer.
    const captionPixels = await graph
      .locator("canvas.sigma-edgeLabels")
      .evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let drawn = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
        return drawn;
      });
    expect(captionPixels).toBeGreaterThan(200);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-graph.png") });
    await page.getByRole("tab", { name: "表格", exact: true }).click();
  });

  it("sorts the table by a column, both ways", async () => {
    await runQuery(page, "MATCH (h:Hub) RETURN h.name AS hub, COUNT { (h)-[:ADOPTS]->() } AS measures");
    await expect.poll(() => summaryRows(page), { timeout: 15_000 }).toBe(3);
    const header = page.getByRole("columnheader", { name: /measures/ });
    await header.click();
    const up = (await column(page, 1)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.click();
    const down = (await column(page, 1)).map(Number);
    expect(down).toEqual([...up].reverse());
  });

  it("prints whatever the database returns as text, never as markup", async () => {
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await runQuery(
      page,
      "RETURN '<img src=x onerror=alert(1)>' AS html, {`a key`: [1, {b: null}]} AS map, " +
        "2^70 AS float, 9223372036854775807 AS big, date('2020-07-01') AS day, duration('P1DT2H') AS span, " +
        "point({x: 1, y: 2}) AS pt, reduce(x = [], i IN range(1, 200) | [x]) AS deep",
    );
    await expect.poll(() => summaryRows(page), { timeout: 15_000 }).toBe(1);
    const cells = await column(page, 0);
    expect(cells).toEqual(["<img src=x onerror=alert(1)>"]);
    expect(await page.locator(".result-table img").count()).toBe(0);
    const row = await page.locator(".result-table .rt-row:not(.rt-head)").first().textContent();
    expect(row).toContain("{a key: [1, {b: null}]}");
    expect(row).toContain("9223372036854775807");
    expect(row).toContain("2020-07-01");
    expect(row).toContain("P1DT2H");
    await page.getByRole("tab", { name: "JSON", exact: true }).click();
    expect(await page.locator(".result-json").textContent()).toContain('"big": "9223372036854775807"');
    await page.getByRole("tab", { name: "表格", exact: true }).click();
    expect(dialogs).toBe(0);
  });

  it("refuses a write and changes nothing", async () => {
    const before = await fingerprint(service);
    await runQuery(page, "MATCH (h:Hub {name: '张江'}) SET h.name = 'hacked' RETURN h");
    const error = page.getByTestId("query-error");
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toContain("只读");
    expect(await error.textContent()).toContain("Neo.ClientError.Statement.AccessMode");
    expect(await fingerprint(service)).toBe(before);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-write-refused.png") });
  });

  it("marks a syntax error at its position in the editor", async () => {
    await runQuery(page, "MATCH (n:Hub)\nRETRN n.name");
    await expect
      .poll(() => page.getByTestId("query-error").textContent(), { timeout: 15_000 })
      .toContain("SyntaxError");
    const marked = page.locator(".cm-content .server-error");
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    expect(await marked.first().textContent()).toBe("RETRN");
    await page.screenshot({ path: path.join(ARTIFACTS, "console-syntax-error.png") });
  });

  it("stops a runaway query at the timeout and stays usable", async () => {
    await setNumber(page, /超时/, 2);
    await runQuery(page, RUNAWAY);
    await expect
      .poll(() => page.getByTestId("query-error").textContent(), { timeout: 30_000 })
      .toContain("超时");
    await page.screenshot({ path: path.join(ARTIFACTS, "console-timeout.png") });
    await setNumber(page, /超时/, 15);
    await runQuery(page, "RETURN 1 + 1 AS two");
    await expect.poll(() => column(page, 0), { timeout: 15_000 }).toEqual(["2"]);
  });

  it("cancels a running query, on the server too", async () => {
    await setNumber(page, /超时/, 120);
    await runQuery(page, RUNAWAY);
    const running = async () =>
      (
        await service.read(
          // (this query's own text must not match itself)
          "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' RETURN count(*) AS n",
        )
      ).rows[0]!.n;
    await expect.poll(running, { timeout: 15_000 }).toBe(1);
    await page.getByTestId("cancel-query").click();
    await expect
      .poll(() => page.getByTestId("query-error").textContent(), { timeout: 10_000 })
      .toContain("已取消");
    await expect.poll(running, { timeout: 15_000 }).toBe(0);
    await setNumber(page, /超时/, 15);
    await runQuery(page, "MATCH (h:Hub) RETURN count(h) AS hubs");
    await expect.poll(() => column(page, 0), { timeout: 15_000 }).toEqual(["3"]);
  });

  it("cuts a result at the row cap and says so", async () => {
    await setNumber(page, /最多行数/, 10);
    await runQuery(page, "MATCH (m:Measure) RETURN m.name AS measure");
    await expect.poll(() => summaryRows(page), { timeout: 15_000 }).toBe(10);
    expect(await page.getByTestId("row-cap-notice").textContent()).toContain("10");
    await setNumber(page, /最多行数/, 5000);
  });

  it("finds saved queries in both languages and runs one with its defaults", async () => {
    const search = page.getByRole("searchbox");
    await search.fill("alliance members");
    const library = page.getByTestId("library");
    await expect.poll(() => library.getByRole("button").count()).toBe(1);
    await search.fill("联盟");
    const hit = library.getByRole("button").filter({ hasText: "Alliances and their members" });
    await hit.click();
    await page.getByTestId("run-query").click();
    await expect
      .poll(() => page.locator(".result-table").textContent(), { timeout: 15_000 })
      .toContain("中国智能终端安全产业联盟");
    await search.fill("");
    await page.screenshot({ path: path.join(ARTIFACTS, "console-library.png") });
  });

  it("exports the result as CSV and JSON", async () => {
    await runQuery(page, "MATCH (h:Hub) RETURN h.name AS hub, h.nameEn AS en ORDER BY en");
    await expect.poll(() => summaryRows(page), { timeout: 15_000 }).toBe(3);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "CSV", exact: true }).click(),
    ]);
    const csvFile = path.join(ARTIFACTS, `console-${csv.suggestedFilename()}`);
    await csv.saveAs(csvFile);
    expect(readFileSync(csvFile, "utf8")).toBe(
      "\uFEFFhub,en\r\n前海,Qianhai\r\n张江,Zhangjiang\r\n中关村,Zhongguancun\r\n",
    );
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "JSON", exact: true }).click(),
    ]);
    const jsonFile = path.join(ARTIFACTS, `console-${json.suggestedFilename()}`);
    await json.saveAs(jsonFile);
    expect(JSON.parse(readFileSync(jsonFile, "utf8"))).toEqual([
      { hub: "前海", en: "Qianhai" },
      { hub: "张江", en: "Zhangjiang" },
      { hub: "中关村", en: "Zhongguancun" },
    ]);
  });

  it("keeps the history in the browser across a reload", async () => {
    await page.reload();
    await page.locator(".cm-content").waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: /历史/ }).click();
    const items = page.locator(".history-item");
    expect(await items.count()).toBeGreaterThan(5);
    expect(await items.first().textContent()).toContain("ORDER BY en");
    await page.getByRole("tab", { name: /查询库/ }).click();
  });

  it("adds a path to the explorer, highlighted", async () => {
    await runQuery(
      page,
      "MATCH p = shortestPath((a:Hub {name: '张江'})-[*..6]-(b:Region {name: '浙江'})) RETURN p",
    );
    await expect.poll(() => summaryRows(page), { timeout: 15_000 }).toBe(1);
    await page.getByTestId("add-to-explorer").click();
    await page.locator('.explorer[data-status="ready"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole("button", { name: /清除路径|Clear path/ }).count()).toBe(1);
    const inExplorer = await page.getByTestId("graph-counts").textContent();
    expect(inExplorer).toMatch(/\d+ \/ \d+/);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-added-to-explorer.png") });
  });
});
