/**
 * The browsers the render benchmark can use. By default the tests' own (tests/setup/browser.ts:
 * Debian's Chromium, headless, `--disable-gpu`). There WebGL runs on SwiftShader and the page is
 * composited in software, so every frame's commit reads the WebGL canvases back and waits, on the
 * main thread, for SwiftShader to finish drawing them — and the layout worker waits for the main
 * thread. `--gpu-compositing` launches the same Chromium with SwiftShader for compositing as well
 * (no `--disable-gpu`), which removes that read-back from the main thread.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM, launchBrowser } from "../../tests/setup/browser.ts";

export type BenchBrowser = { context: BrowserContext; close: () => Promise<void> };

async function launchWithGpuCompositing(): Promise<BenchBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "tpg-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        "--no-sandbox",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
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
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

export function launchBenchBrowser(gpuCompositing: boolean): Promise<BenchBrowser> {
  return gpuCompositing ? launchWithGpuCompositing() : launchBrowser();
}

/** The WebGL renderer a page gets, as the GPU reports it. */
export async function rendererName(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    return await page.evaluate<string>(`(() => {
      const gl = document.createElement("canvas").getContext("webgl2");
      if (!gl) return "no WebGL2";
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    })()`);
  } finally {
    await page.close();
  }
}
