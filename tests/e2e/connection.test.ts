import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFragment } from "../../web/connection/credentials.ts";
import { ARTIFACTS, launchBrowser, serveApp } from "../setup/browser.ts";
import { testConfig, testService } from "../setup/graph.ts";

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("the web app in Chromium", () => {
  it("connects to Neo4j over WebSocket Bolt with the credentials from the URL fragment", async () => {
    const service = testService();
    await service.write("CREATE (:BrowserProbe {at: timestamp()})");
    const counts = await service.read("MATCH (n) RETURN count(n) AS n");
    await service.close();

    const page = await browser.context.newPage();
    await page.goto(`${app.url}${buildFragment(testConfig())}`);
    const status = page.locator('[data-status="connected"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("server-version").textContent()).toMatch(/^Neo4j 5\.26\.\d+$/);
    const shown = (await page.getByTestId("node-count").textContent()) ?? "";
    expect(Number(shown.replace(/,/g, ""))).toBe(counts.rows[0]?.n);
    // The fragment (with the password) is gone from the address bar, kept only in session storage.
    expect(page.url()).not.toContain("password");
    expect(await page.evaluate(() => sessionStorage.getItem("tpg.connection"))).toContain("bolt://");
    // The CJK web font is used, so Chinese renders without system fonts.
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('28px "Noto Sans SC"', "人才政策图谱"))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "connection-connected.png") });

    await page.getByRole("button", { name: "language" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Talent Policy Graph");
    await page.close();
  });

  it("shows a clear message and a retry when the password is refused", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}${buildFragment({ ...testConfig(), password: "wrong-password" })}`);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain("拒绝了用户名或密码");
    await page.screenshot({ path: path.join(ARTIFACTS, "connection-refused.png") });
    // The connect form is there to fix it; with the right password the page connects.
    await page.fill('input[name="password"]', testConfig().password);
    await page.getByRole("button", { name: "连接", exact: true }).click();
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    await page.close();
  });

  it("says Neo4j is unreachable when nothing listens", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}${buildFragment({ ...testConfig(), uri: "bolt://127.0.0.1:1" })}`);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 45_000 });
    expect(await alert.textContent()).toContain("无法连接到 Neo4j");
    // With Neo4j out of reach the explorer falls back to the static snapshot, and says so.
    await page.getByTestId("snapshot-banner").waitFor({ timeout: 30_000 });
    await page.locator('.explorer[data-status="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.getByRole("button", { name: "重试" }).isVisible()).toBe(true);
    await page.close();
  });
});
