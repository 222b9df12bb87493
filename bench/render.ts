/**
 * Render benchmark: the explorer in headless Chromium against a bare sigma page (no React, no app) on
 * the same graphs — the seed snapshot and synthetic ones of 5k, 20k and 50k nodes with 4 edges a
 * node — side by side: time from navigation to the first frame that shows the graph, ForceAtlas2
 * iterations per second in the worker while the layout runs, and the longest main-thread task
 * meanwhile. bench/render/ holds the synthetic graphs, the server, the bare page and the probe
 * injected into both pages.
 *
 *   npx tsx bench/render.ts [--sizes 5000,20000,50000] [--runs 1] [--gpu-compositing]
 *                           [--bare-like zIndex,edgeEvents,reducers]
 *
 * `--bare-like` switches on app features in the bare page, to see what each costs.
 */
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { loadKnowledgeBase } from "../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import { buildSnapshot } from "../importer/snapshot.ts";
import { launchBenchBrowser, rendererName } from "./render/browser.ts";
import { measurePage, type PageResult } from "./render/measure.ts";
import { report, type Row } from "./render/report.ts";
import { serveBench } from "./render/server.ts";
import { EDGES_PER_NODE, SYNTHETIC_HUBS, syntheticSnapshot } from "./render/synthetic.ts";
import { INITIAL_CAP } from "../web/explorer/limits.ts";
const SEED = 20200701;

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "5000,20000,50000" },
    runs: { type: "string", default: "1" },
    "gpu-compositing": { type: "boolean", default: false },
    "bare-like": { type: "string", default: "" },
  },
});
const sizes = values.sizes.split(",").filter(Boolean).map(Number);
const runs = Math.max(1, Number(values.runs));
const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s ${line}\n`);

/** The toolbar's counts: "[shown /] N 个节点 · M 条关系" (or "nodes", "relationships" in English). */
async function appCounts(page: Page) {
  const text = (await page.getByTestId("graph-counts").textContent({ timeout: 30_000 })) ?? "";
  const nodes = /^\s*(\d+)\s*\//.exec(text)?.[1] ?? /(\d+)\s*(?:个节点|nodes)/.exec(text)?.[1];
  const edges = /(\d+)\s*(?:条关系|relationships)/.exec(text)?.[1];
  return nodes === undefined || edges === undefined ? null : { nodes: Number(nodes), edges: Number(edges) };
}

function bareCounts(page: Page) {
  return page.evaluate<{ nodes: number; edges: number } | null>(
    "window.__bare ? { nodes: window.__bare.nodes, edges: window.__bare.edges } : null",
  );
}

async function safely(what: string, run: () => Promise<PageResult>): Promise<PageResult | string> {
  try {
    const result = await run();
    if (result.problem) log(`  ${what}: ${result.problem}`);
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`  ${what} failed: ${message}`);
    return message;
  }
}

log("generating snapshots…");
const snapshots = new Map<string, Buffer>();
const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
if (problems.length > 0) throw new Error(`the knowledge files have ${problems.length} problems`);
snapshots.set("seed", Buffer.from(JSON.stringify(buildSnapshot(kb))));
for (const n of sizes) {
  snapshots.set(`synthetic-${n}`, Buffer.from(JSON.stringify(syntheticSnapshot(n, SEED))));
}
for (const [name, body] of snapshots) log(`  ${name}: ${(body.length / 1e6).toFixed(1)} MB`);

log("building the app and the bare page…");
const server = await serveBench(snapshots);
const rows: Row[] = [];
// Ctrl+C skips the finally blocks below: close what is open, then leave.
const open: (() => Promise<void>)[] = [server.close];
process.once("SIGINT", () => {
  log("interrupted: closing the browser and the server…");
  void Promise.allSettled(open.map((close) => close())).then(() => process.exit(130));
});
try {
  const browser = await launchBenchBrowser(values["gpu-compositing"]);
  open.unshift(browser.close);
  try {
    const renderer = await rendererName(browser.context);
    log(`WebGL renderer: ${renderer}`);
    for (const [name, body] of snapshots) {
      // Time limits grow with the file; the layout itself runs 3.5 s or 6 s in both pages.
      const limits = {
        firstFrameTimeoutMs: 30_000 + body.length / 1000,
        layoutTimeoutMs: 30_000 + body.length / 2000,
      };
      const options = (
        counts: (page: Page) => Promise<{ nodes: number; edges: number } | null>,
        streams: boolean,
      ) => ({
        ...limits,
        counts,
        streams,
        log: (line: string) => log(`  ${line}`),
      });
      for (let run = 1; run <= runs; run++) {
        const tag = `${name}${runs > 1 ? ` run ${run}/${runs}` : ""}`;
        const snapshot = `/snapshots/${name}.json`;
        // Both pages draw the whole first view: the seed's (hubs and their neighbours, under the
        // default cap) and all of a synthetic graph.
        const cap = String(
          name.startsWith("synthetic-") ? Number(name.slice("synthetic-".length)) : INITIAL_CAP,
        );
        log(`${tag}: app…`);
        const app = await safely("app", () =>
          measurePage(
            browser.context,
            `${server.url}/?${new URLSearchParams({ snapshot, cap })}`,
            options(appCounts, true),
          ),
        );
        // The bare page gets a canvas of the size of the app's graph area.
        const query = new URLSearchParams({ snapshot, cap });
        const area = typeof app === "string" ? null : app.area;
        if (area) {
          query.set("w", String(area.width));
          query.set("h", String(area.height));
        }
        if (values["bare-like"]) query.set("like", values["bare-like"]);
        log(`${tag}: bare sigma…`);
        const bare = await safely("bare", () =>
          measurePage(browser.context, `${server.url}/bare/bare.html?${query}`, options(bareCounts, false)),
        );
        rows.push({ graph: name, app, bare });
      }
    }
    const file = report(rows, {
      renderer,
      browser: values["gpu-compositing"]
        ? "headless Chromium, SwiftShader compositing (--gpu-compositing)"
        : "headless Chromium with the tests' flags (--disable-gpu)",
      runs,
      bareLike: values["bare-like"],
      note:
        `synthetic-N: N nodes, ${EDGES_PER_NODE}N edges, ${SYNTHETIC_HUBS} of them hubs, every other node ` +
        `linked to a hub; opened with ?cap=N the explorer's first view holds the whole graph, its first ` +
        `frame shows the first page and the rest streams in ("all loaded")`,
    });
    log(`raw results: ${file}`);
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
