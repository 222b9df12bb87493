/**
 * Builds the web app and the bare sigma page (vite, into temporary folders) and serves both on one
 * loopback origin — the app at `/`, the bare page at `/bare/`, snapshots at `/snapshots/NAME.json` —
 * so that `?snapshot=` stays same-origin. Nothing is cached, so every page load fetches the same bytes.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "vite";
import { PROJECT_ROOT } from "../../importer/paths.ts";

const BARE_ROOT = path.join(PROJECT_ROOT, "bench", "render");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export interface BenchServer {
  url: string;
  close: () => Promise<void>;
}

async function buildAll(appDir: string, bareDir: string): Promise<void> {
  await build({
    configFile: path.join(PROJECT_ROOT, "vite.config.ts"),
    // The config's root ("web") is relative to the working directory; this runs from anywhere.
    root: path.join(PROJECT_ROOT, "web"),
    logLevel: "warn",
    build: { outDir: appDir, emptyOutDir: true },
  });
  await build({
    configFile: false,
    root: BARE_ROOT,
    base: "./",
    logLevel: "warn",
    build: {
      outDir: bareDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: path.join(BARE_ROOT, "bare.html") },
    },
  });
}

function sendFile(res: ServerResponse, dir: string, relative: string): void {
  const file = path.resolve(dir, relative || "index.html");
  if (!file.startsWith(dir + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  res.end(readFileSync(file));
}

/** `snapshots` maps a name to its JSON text, served as `/snapshots/NAME.json`. */
export async function serveBench(snapshots: ReadonlyMap<string, Buffer>): Promise<BenchServer> {
  const appDir = mkdtempSync(path.join(tmpdir(), "tpg-bench-app-"));
  const bareDir = mkdtempSync(path.join(tmpdir(), "tpg-bench-bare-"));
  const removeBuilds = () => {
    rmSync(appDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  };
  try {
    await buildAll(appDir, bareDir);
  } catch (e) {
    removeBuilds();
    throw e;
  }
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const snapshot = /^\/snapshots\/([\w-]+)\.json$/.exec(pathname);
    if (snapshot) {
      const body = snapshots.get(snapshot[1]!);
      if (!body) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": TYPES[".json"]!, "cache-control": "no-store" }).end(body);
    } else if (pathname.startsWith("/bare/")) sendFile(res, bareDir, pathname.slice("/bare/".length));
    else sendFile(res, appDir, pathname.slice(1));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      removeBuilds();
    },
  };
}
