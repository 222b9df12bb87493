/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), headless with a fresh
 * profile, and the web app built and served on loopback for the test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { writeSnapshot } from "../../importer/snapshot.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.join(PROJECT_ROOT, "tests", "artifacts");

/**
 * `gpu: "disabled"` (tests) draws WebGL with SwiftShader and composites in software; `"swiftshader"`
 * (bench/render --gpu-compositing) lets SwiftShader composite too, which takes the WebGL read-back
 * off the main thread.
 */
export async function launchBrowser(
  options: { gpu?: "disabled" | "swiftshader" } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const gpuFlags =
    options.gpu === "swiftshader"
      ? ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"]
      : ["--disable-gpu"];
  const profile = mkdtempSync(path.join(tmpdir(), "tpg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox",
      ...gpuFlags,
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Builds the web app into a temporary folder and serves it on a free loopback port. */
export async function serveApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = mkdtempSync(path.join(tmpdir(), "tpg-web-"));
  const configFile = path.join(PROJECT_ROOT, "vite.config.ts");
  await build({ configFile, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  if (problems.length > 0) throw new Error(`the knowledge files have ${problems.length} problems`);
  writeSnapshot(kb, path.join(outDir, "snapshot.json"));
  const server: PreviewServer = await preview({
    configFile,
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("the preview server did not report its URL");
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
