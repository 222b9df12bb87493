import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const PROJECT_ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * What the dev server may hand out. By default Vite serves any file of the project through
 * `/@fs/…`, the embedded Neo4j's password in `.data/` included. Here only `web/` is open as a
 * folder; the modules the app imports from elsewhere (graph/, cypher/, packages) are let through one by
 * one as Vite resolves them, the font files by name, and secrets are denied even then.
 */
const fs = {
  strict: true,
  allow: [
    path.join(PROJECT_ROOT, "web"),
    // The Noto Sans SC slices that web/main.tsx's @fontsource CSS refers to (url(), not imports).
    path.join(PROJECT_ROOT, "node_modules", "@fontsource", "noto-sans-sc", "files"),
  ],
  deny: [
    ".env",
    ".env.*",
    "*.{crt,pem,key,p12,pfx,cer,der}",
    ".npmrc",
    "**/.git/**",
    "**/.data/**",
    "password",
    "launcher.json",
  ],
};

/** Paths with a dot-folder (/.data/…, /.git/…, /.env) get a 404 before any fallback to index.html. */
function refuseDotPaths(): Plugin {
  return {
    name: "tpg-refuse-dot-paths",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const raw = (req.url ?? "/").split("?")[0] ?? "/";
        let decoded = raw;
        try {
          decoded = decodeURIComponent(raw);
        } catch {
          // a malformed escape: judged on the raw text below, and Vite refuses it anyway
        }
        if ([raw, decoded].some((p) => /(^|\/)\.(?!vite\/)[^/]/.test(p))) {
          res.statusCode = 404;
          res.end("Not found");
          return;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: "web",
  base: "./",
  plugins: [refuseDotPaths(), react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: "127.0.0.1", port: 5173, fs },
  preview: { host: "127.0.0.1", port: 5173 },
});
