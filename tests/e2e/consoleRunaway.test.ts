/**
 * Runaway queries in the web console, in headless Chromium against the real Neo4j: queries that
 * would never end, stopped by the timeout chosen in the page, and a result of millions of rows cut
 * at the row cap. Meanwhile the page must stay responsive (no long main-thread task, clicks and
 * typing handled at once), afterwards it must say what happened, leave nothing running on the
 * server and run the next query normally.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildFragment } from "../../web/connection/credentials.ts";
import { launchBrowser, serveApp } from "../setup/browser.ts";
import { testConfig, testService } from "../setup/graph.ts";

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const service = testService();

beforeAll(async () => {
  const { kb } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  await importKnowledge(service, kb, () => {});
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.url}?view=console${buildFragment(testConfig())}`);
  await page.locator(".cm-content").waitFor({ timeout: 60_000 });
  // Long tasks (> 50 ms on the main thread) are recorded from here on, for the checks below.
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __lastTaskEnd: number };
    w.__longTasks = [];
    w.__lastTaskEnd = performance.now();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        w.__longTasks.push(entry.duration);
        w.__lastTaskEnd = entry.startTime + entry.duration;
      }
    }).observe({ type: "longtask" });
  });
  // The explorer stays mounted behind the console and, once the page opens, loads, lays out and
  // draws its first view; in headless Chromium (software WebGL) that blocks the main thread for
  // seconds. The checks below are about the console's queries: they start once the explorer is
  // ready with its layout stopped and the page has been quiet for 3 s.
  const explorerSettled = () =>
    page.evaluate(() => {
      const explorer = document.querySelector(".explorer");
      const toggle = document.querySelector('[data-testid="layout-toggle"]');
      return explorer?.getAttribute("data-status") === "ready" && toggle?.textContent === "运行布局";
    });
  const quietFor = () =>
    page.evaluate(() => performance.now() - (window as unknown as { __lastTaskEnd: number }).__lastTaskEnd);
  const until = Date.now() + 120_000;
  while (Date.now() < until && !((await explorerSettled()) && (await quietFor()) > 3_000)) {
    await page.waitForTimeout(500);
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await service.close();
});

async function runQuery(query: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(query);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Enter");
}

async function setNumber(label: RegExp, value: number) {
  await page.getByLabel(label).fill(String(value));
}

/** Transactions on the server running a query that starts with `prefix` (other than this one). */
async function running(prefix: string): Promise<number> {
  const result = await service.read(
    "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH $prefix RETURN count(*) AS n",
    { prefix },
  );
  return Number(result.rows[0]!.n);
}

async function longestTaskSince(mark: number): Promise<number> {
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return Math.max(0, ...tasks.slice(mark));
}

const taskCount = () =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);

/** The page answers while a query runs: a script round trip, a tab switch and typing into a field. */
async function assertResponsive() {
  const started = Date.now();
  await page.evaluate(() => document.title);
  expect(Date.now() - started).toBeLessThan(1_000);

  const history = page.getByRole("tab", { name: /^历史/ });
  const clicked = Date.now();
  await history.click();
  await expect.poll(() => history.getAttribute("aria-selected"), { timeout: 2_000 }).toBe("true");
  await page
    .getByRole("tab", { name: /^查询库/ })
    .first()
    .click();
  expect(Date.now() - clicked).toBeLessThan(3_000);

  const search = page.getByRole("searchbox");
  await search.fill("联盟");
  expect(await search.inputValue()).toBe("联盟");
  await search.fill("");
}

describe("a query that never ends", () => {
  it.each([
    {
      what: "a counter to a hundred billion",
      query: "UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN x",
      prefix: "UNWIND range(1, 100000000000)",
    },
    {
      // (a filter on every combination: a bare count(*) would be answered from the count store)
      what: "a cartesian product of every node three times",
      query: "MATCH (a), (b), (c) WHERE a.name + b.name + c.name = 'never' RETURN count(*) AS n",
      prefix: "MATCH (a), (b), (c)",
    },
  ])("($what) is stopped at the chosen timeout, the page responsive meanwhile", async ({ query, prefix }) => {
    await setNumber(/超时/, 4);
    const mark = await taskCount();
    const started = Date.now();
    await runQuery(query);
    await page.getByTestId("cancel-query").waitFor({ timeout: 5_000 });
    await expect.poll(() => running(prefix), { timeout: 5_000 }).toBe(1);

    await assertResponsive();

    const error = page.getByTestId("query-error");
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain("查询超时，已被服务器停止");
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(3_500);
    expect(took).toBeLessThan(20_000);
    expect(await error.textContent()).toMatch(/TransactionTimedOut/);
    expect(await longestTaskSince(mark)).toBeLessThan(500);
    expect(await running(prefix)).toBe(0);

    await setNumber(/超时/, 15);
    await runQuery("MATCH (h:Hub) RETURN h.name AS hub ORDER BY hub");
    await expect
      .poll(() => page.getByTestId("result-summary").textContent(), { timeout: 15_000 })
      .toMatch(/^3 /);
    expect(await error.count()).toBe(0);
  });
});

describe("a result of millions of rows", () => {
  it("is cut at the row cap, says so, and stops the query on the server", async () => {
    const prefix = "UNWIND range(1, 5000000) AS x";
    await setNumber(/超时/, 60);
    await setNumber(/最多行数/, 5000);
    const mark = await taskCount();
    await runQuery(`${prefix} RETURN x, 'row ' + toString(x) AS label`);
    const notice = page.getByTestId("row-cap-notice");
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain("只显示前 5000 行：结果超过行数上限，其余已截去");
    expect(await page.getByTestId("result-summary").textContent()).toMatch(/^5000 /);
    expect(await longestTaskSince(mark)).toBeLessThan(500);
    await assertResponsive();
    // The rest of the stream was discarded, not read to the end: nothing is left running.
    await expect.poll(() => running(prefix), { timeout: 10_000 }).toBe(0);

    await setNumber(/超时/, 15);
    await runQuery("RETURN 6 * 7 AS answer");
    await expect
      .poll(() => page.getByTestId("result-summary").textContent(), { timeout: 15_000 })
      .toMatch(/^1 /);
    expect(await notice.count()).toBe(0);
  });
});
