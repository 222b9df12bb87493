/**
 * The report that travels: written from the command line's module (runReport, from the knowledge
 * files), opened from file:// in Chromium with every non-file request refused — none may be tried —
 * and checked for Chinese drawn with the embedded font (no tofu), for its charts, its links and its
 * data; and printed to PDF.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../cli/reportRun.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { ARTIFACTS, launchBrowser } from "../setup/browser.ts";

let dir: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const attempted: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "tpg-report-"));
  const result = await runReport({
    out: path.join(dir, "report.html"),
    pdf: path.join(dir, "report.pdf"),
    data: path.join(dir, "data"),
    lang: "zh",
    from: "snapshot",
    root: KNOWLEDGE_ROOT,
    log: () => {},
  });
  expect(result.from).toBe("snapshot");
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1400 });
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) attempted.push(request.url());
  });
  await page.route(/^(?!file:)/, (route) => route.abort());
  await page.goto(pathToFileURL(path.join(dir, "report.html")).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the report, opened from disk with the network blocked", () => {
  it("asks for nothing outside the file", () => {
    expect(attempted).toEqual([]);
  });

  it("draws Chinese with its embedded, subset font: glyphs, not tofu", async () => {
    const check = await page.evaluate(async () => {
      await document.fonts.load('48px "Noto Sans SC"', "张江");
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Noto Sans SC");
      const draw = (font: string, text: string) => {
        const canvas = document.createElement("canvas");
        canvas.width = 120;
        canvas.height = 64;
        const ctx = canvas.getContext("2d")!;
        ctx.font = font;
        ctx.fillText(text, 4, 52);
        return canvas.toDataURL();
      };
      return {
        faces: faces.length,
        loaded: faces.filter((f) => f.status === "loaded").length,
        check: document.fonts.check('16px "Noto Sans SC"', "张江"),
        // the missing-glyph box is the same for every character; real glyphs differ
        distinct: draw('48px "Noto Sans SC"', "张") !== draw('48px "Noto Sans SC"', "江"),
        // and differ from what the machine draws without the embedded font
        embedded: draw('48px "Noto Sans SC"', "张江") !== draw("48px tpg-no-such-font", "张江"),
        fallbackDistinct: draw("48px tpg-no-such-font", "张") !== draw("48px tpg-no-such-font", "江"),
      };
    });
    expect(check.faces).toBeGreaterThan(5);
    expect(check.loaded).toBeGreaterThan(0);
    expect(check).toMatchObject({ check: true, distinct: true, embedded: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "report-from-disk.png") });
  });

  it("has its charts as inline SVG and headings from the data", async () => {
    const charts = await page.locator("svg.chart").evaluateAll((svgs) =>
      svgs.map((s) => ({
        kind: s.getAttribute("data-chart"),
        marks: s.querySelectorAll("rect, circle").length,
      })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(charts.map((c) => c.kind))).toEqual(new Set(["bars", "upset", "verdicts"]));
    for (const chart of charts) expect(chart.marks).toBeGreaterThan(3);
    expect(await page.locator("h1").textContent()).toBe("中关村、张江、前海：人才政策共同模式");
    expect(await page.locator("#lens").textContent()).toBe("浙江视角");
    await page.locator("#charts").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "report-charts.png") });
  });

  it("links every number to the entities behind it, and every entity to its quote", async () => {
    const links = await page.evaluate(() => {
      const ids = new Set([...document.querySelectorAll("[id]")].map((e) => e.id));
      const hrefs = [...document.querySelectorAll("a[href^='#']")].map((a) =>
        a.getAttribute("href")!.slice(1),
      );
      return { hrefs: hrefs.length, broken: hrefs.filter((h) => !ids.has(h)) };
    });
    expect(links.hrefs).toBeGreaterThan(100);
    expect(links.broken).toEqual([]);
    // 医疗服务 at 中关村: three measures, the number links to them, the first to its quote
    const summary = page.locator("#summary ~ p").first();
    expect(await summary.textContent()).toContain("共有 15 个政策主题");
    const group = await page.evaluate(() => {
      const row = [...document.querySelectorAll("table.fair tr")].find((tr) =>
        tr.querySelector("th")?.textContent?.startsWith("医疗服务"),
      )!;
      const link = row.querySelector("td a.num")!;
      const target = document.getElementById(link.getAttribute("href")!.slice(1))!;
      const note = document.getElementById(target.querySelector("sup a")!.getAttribute("href")!.slice(1))!;
      return { count: link.textContent, group: target.textContent, note: note.textContent };
    });
    expect(group.count).toBe("3");
    expect(group.group).toContain("开通绿色就诊通道");
    expect(group.note).toMatch(/^“.+” — rczcyjdt-2020-07 · zhongguancun · line \d+$/);
  });

  it("has its data beside it and a PDF", () => {
    const data = readdirSync(path.join(dir, "data"));
    expect(data).toEqual(expect.arrayContaining(["fair-theme.csv", "claims-vs-evidence.csv", "report.json"]));
    const fair = readFileSync(path.join(dir, "data", "fair-theme.csv"), "utf8");
    expect(fair.split("\r\n")[0]).toContain("per1000Chars");
    const json = JSON.parse(readFileSync(path.join(dir, "data", "report.json"), "utf8")) as {
      texts: { chars: number }[];
    };
    expect(json.texts.map((t) => t.chars)).toEqual([2500, 4363, 7561]);
    const pdf = readFileSync(path.join(dir, "report.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(statSync(path.join(dir, "report.pdf")).size).toBeGreaterThan(50_000);
  });
});
