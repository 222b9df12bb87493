/** The render benchmark's tables (stdout) and raw results (bench/results/, not committed). */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import type { PageResult } from "./measure.ts";

export interface Row {
  graph: string;
  /** A result, or why the page could not be measured. */
  app: PageResult | string;
  bare: PageResult | string;
}

export interface RunInfo {
  renderer: string;
  browser: string;
  runs: number;
  bareLike: string;
  note: string;
}

function median(xs: (number | null)[]): number | null {
  const s = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor(s.length / 2)]!;
}

const fmt = (x: number | null, digits = 0) => (x === null ? "—" : x.toFixed(digits));
/** Rates below 1 get two decimals, so that 0.06 it/s does not read as 0. */
const rate = (x: number | null) => fmt(x, x !== null && x < 1 ? 2 : 1);
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? "—" : `${(a / b).toFixed(2)}×`;
const task = (x: number | null) => fmt(x);

function table(head: string[], body: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(head));
  for (const r of body) console.log(line(r));
}

export function report(rows: Row[], info: RunInfo): string {
  const graphs = [...new Set(rows.map((r) => r.graph))];
  const pick = (graph: string, side: "app" | "bare", f: (r: PageResult) => number | null) =>
    median(
      rows
        .filter((r) => r.graph === graph)
        .map((r) => {
          const result = r[side];
          return typeof result === "string" ? null : f(result);
        }),
    );
  const both = (g: string, f: (r: PageResult) => number | null, show: (x: number | null) => string) =>
    `${show(pick(g, "app", f))} / ${show(pick(g, "bare", f))}`;

  console.log(
    `\nrender: explorer vs bare sigma — ${info.browser}, WebGL on ${info.renderer}; ` +
      `${info.runs > 1 ? `median of ${info.runs} runs` : "one run"}${info.bareLike ? `; bare page with ${info.bareLike}` : ""}`,
  );
  console.log(info.note);
  table(
    [
      "graph",
      "nodes drawn",
      "app 1st frame ms",
      "bare ms",
      "ratio",
      "app all loaded ms",
      "bare ms",
      "ratio",
      "app FA2 it/s",
      "bare it/s",
      "ratio",
      "app longest task ms (layout / pan+zoom)",
      "bare ms",
    ],
    graphs.map((g) => {
      const [an, bn] = [pick(g, "app", (r) => r.nodes), pick(g, "bare", (r) => r.nodes)];
      const [af, bf] = [pick(g, "app", (r) => r.firstFrameMs), pick(g, "bare", (r) => r.firstFrameMs)];
      const [ai, bi] = [pick(g, "app", (r) => r.itPerSec), pick(g, "bare", (r) => r.itPerSec)];
      const [al, bl] = [pick(g, "app", (r) => r.allLoadedMs), pick(g, "bare", (r) => r.allLoadedMs)];
      const tasks = (side: "app" | "bare") =>
        `${task(pick(g, side, (r) => r.longestLayoutTask?.duration ?? null))} / ` +
        task(pick(g, side, (r) => r.longestInteractionTask?.duration ?? null));
      return [
        g,
        an === bn ? fmt(an) : `${fmt(an)} / ${fmt(bn)}`,
        fmt(af),
        fmt(bf),
        ratio(af, bf),
        fmt(al),
        fmt(bl),
        ratio(al, bl),
        rate(ai),
        rate(bi),
        ratio(ai, bi),
        tasks("app"),
        tasks("bare"),
      ];
    }),
  );

  console.log("\ndetails, app / bare");
  table(
    [
      "graph",
      "edges drawn",
      "iterations (applied)",
      "layout s",
      "worker round trip ms",
      "apply ms/it",
      "frames/s",
      "frame ms mean",
      "longest load task ms",
    ],
    graphs.map((g) => [
      g,
      both(g, (r) => r.edges, fmt),
      `${both(g, (r) => r.iterations, fmt)} (${both(g, (r) => r.applied, fmt)})`,
      both(
        g,
        (r) => r.layoutMs / 1000,
        (x) => fmt(x, 1),
      ),
      both(
        g,
        (r) => r.roundTripMs,
        (x) => fmt(x, 0),
      ),
      both(
        g,
        (r) => r.applyMs,
        (x) => fmt(x, 1),
      ),
      both(g, (r) => (r.layoutMs > 0 ? r.frames / (r.layoutMs / 1000) : null), rate),
      both(
        g,
        (r) => r.meanFrameMs,
        (x) => fmt(x, 1),
      ),
      both(g, (r) => r.longestLoadTask?.duration ?? null, task),
    ]),
  );

  console.log("\nlongest main-thread tasks (first run): what took most of each");
  const described = (
    r: PageResult | string | undefined,
    which: "longestLayoutTask" | "longestLoadTask" | "longestInteractionTask",
  ) => {
    const t = r === undefined || typeof r === "string" ? null : r[which];
    return t ? `${t.duration.toFixed(0)} ms ${t.kind}` : "—";
  };
  table(
    [
      "graph",
      "app, during layout",
      "bare, during layout",
      "app, up to first frame",
      "bare, up to first frame",
      "app, pan and zoom",
      "bare, pan and zoom",
    ],
    graphs.map((g) => {
      const first = rows.find((r) => r.graph === g);
      return [
        g,
        described(first?.app, "longestLayoutTask"),
        described(first?.bare, "longestLayoutTask"),
        described(first?.app, "longestLoadTask"),
        described(first?.bare, "longestLoadTask"),
        described(first?.app, "longestInteractionTask"),
        described(first?.bare, "longestInteractionTask"),
      ];
    }),
  );

  const problems = rows.flatMap((r) =>
    (["app", "bare"] as const).flatMap((side) => {
      const result = r[side];
      const problem = typeof result === "string" ? result : result.problem;
      return problem ? [`${r.graph} ${side}: ${problem}`] : [];
    }),
  );
  if (problems.length > 0) console.log(`\nproblems:\n  ${problems.join("\n  ")}`);

  const dir = path.join(PROJECT_ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `render-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ ...info, rows }, null, 2));
  return path.relative(PROJECT_ROOT, file);
}
