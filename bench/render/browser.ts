/**
 * The browsers the render benchmark can use: the tests' own (tests/setup/browser.ts: Debian's
 * Chromium, headless, `--disable-gpu`). There WebGL runs on SwiftShader and the page is composited in
 * software, so every frame's commit reads the WebGL canvases back and waits, on the main thread, for
 * SwiftShader to finish drawing them — and the layout worker waits for the main thread.
 * `--gpu-compositing` launches the same Chromium with SwiftShader compositing as well (no
 * `--disable-gpu`), which removes that read-back from the main thread.
 */
import type { BrowserContext } from "playwright-core";
import { launchBrowser } from "../../tests/setup/browser.ts";

export type BenchBrowser = { context: BrowserContext; close: () => Promise<void> };

export function launchBenchBrowser(gpuCompositing: boolean): Promise<BenchBrowser> {
  return launchBrowser({ gpu: gpuCompositing ? "swiftshader" : "disabled" });
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
