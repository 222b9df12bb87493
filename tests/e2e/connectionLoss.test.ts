/**
 * A Neo4j that goes away while the explorer is open: the page says so, stays usable, and works again
 * once Neo4j is back. Uses its own embedded Neo4j so that stopping it does not disturb other tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded, type EmbeddedNeo4j } from "../../graph/embedded.ts";
import { GraphService } from "../../graph/neo4jService.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildFragment } from "../../web/connection/credentials.ts";
import { ARTIFACTS, launchBrowser, serveApp } from "../setup/browser.ts";
import { miniRoot } from "../setup/fixtures.ts";
import { freePort } from "../setup/neo4jGlobal.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "tpg-loss-"));
let settings: Parameters<typeof startEmbedded>[0];
let neo4j: EmbeddedNeo4j;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  settings = {
    dataDir,
    host: "127.0.0.1",
    port: await freePort(),
    txTimeoutSeconds: 30,
    heap: "512m",
    pageCacheMb: 64,
  };
  neo4j = await startEmbedded(settings, { log: () => {} });
  const service = GraphService.connect(neo4j);
  const { root } = miniRoot();
  await importKnowledge(service, loadKnowledgeBase(root).kb, () => {});
  await service.close();
  rmSync(root, { recursive: true, force: true });
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a lost Neo4j connection", () => {
  it("is reported in the page, which keeps working and recovers when Neo4j is back", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}${buildFragment(neo4j)}`);
    await page.locator('.explorer[data-status="ready"]').waitFor({ timeout: 60_000 });

    await neo4j.stop();
    await page.getByRole("searchbox").fill("试验");
    const alert = page.locator(".explorer").getByRole("alert");
    await alert.waitFor({ timeout: 45_000 });
    expect(await alert.textContent()).toContain("与 Neo4j 的连接中断了");
    await page.screenshot({ path: path.join(ARTIFACTS, "connection-lost.png") });
    // The page is still usable: the legend still filters what is loaded.
    await page.locator('.legend-item[data-label="Hub"]').click();
    expect(await page.locator('.legend-item[data-label="Hub"]').getAttribute("aria-pressed")).toBe("false");

    neo4j = await startEmbedded(settings, { log: () => {} });
    await page.getByRole("button", { name: "关闭" }).click();
    await page.getByRole("searchbox").fill("");
    await page.getByRole("searchbox").fill("试验园区");
    await page.getByRole("option").filter({ hasText: "试验园区" }).first().waitFor({ timeout: 45_000 });
    await page.close();
  });
});
