/**
 * One measured page load: open the URL in a fresh tab with the probe injected and a trace running,
 * wait (bounded) for the `tpg:first-frame` mark, then for the ForceAtlas2 layout to start and stop,
 * and sum up.
 */
import type { BrowserContext, Page } from "playwright-core";
import { layoutOf, PROBE_SCRIPT, READ_PROBE, type ProbeData } from "./probe.ts";
import { startTracing, type Task } from "./trace.ts";

const MARK = "tpg:first-frame";

export interface PageResult {
  firstFrameMs: number | null;
  /** When the whole first view was loaded: the explorer's `tpg:all-loaded` mark, the bare page's first frame. */
  allLoadedMs: number | null;
  nodes: number | null;
  edges: number | null;
  iterations: number;
  /** Iterations whose positions reached the graph (the rest came back after the layout stopped). */
  applied: number;
  layoutMs: number;
  itPerSec: number | null;
  /** Mean post → reply per iteration, and mean main-thread time applying an iteration's positions. */
  roundTripMs: number | null;
  applyMs: number | null;
  frames: number;
  meanFrameMs: number | null;
  maxFrameMs: number | null;
  /** Longest main-thread task that started while the layout ran, and up to the first frame. */
  longestLayoutTask: Task | null;
  longestLoadTask: Task | null;
  /** Longest main-thread task while the user pans and zooms (scripted wheel and drag, after the layout). */
  longestInteractionTask: Task | null;
  /** The graph area's size in the page, to give the bare page the same canvas. */
  area: { width: number; height: number } | null;
  problem: string | null;
}

export interface MeasureOptions {
  firstFrameTimeoutMs: number;
  layoutTimeoutMs: number;
  /** The page marks `tpg:all-loaded` once everything streamed in (the explorer), or draws all at once. */
  streams: boolean;
  /** Reads the drawn node and edge counts from the page. */
  counts: (page: Page) => Promise<{ nodes: number; edges: number } | null>;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page busy in one long task answers late; one that never answers must not hang the run. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function poll(page: Page, until: (d: ProbeData) => boolean, timeoutMs: number): Promise<ProbeData> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = Math.max(1000, deadline - Date.now());
    const data = await withTimeout(page.evaluate<ProbeData>(READ_PROBE), left, "reading the probe");
    if (until(data) || Date.now() > deadline) return data;
    await sleep(250);
  }
}

/**
 * What a user does to read a large graph: zoom in at a few points with the wheel, drag the view
 * around, zoom back out. Returns the page-time window it took, or null when there is no canvas.
 */
async function panAndZoom(page: Page): Promise<{ start: number; end: number } | null> {
  const box = await page
    .locator("canvas.sigma-mouse")
    .first()
    .boundingBox({ timeout: 2000 })
    .catch(() => null);
  if (!box) return null;
  const now = () => page.evaluate(() => performance.now());
  const start = await now();
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const [fx, fy] of [
    [0.5, 0.5],
    [0.3, 0.4],
    [0.7, 0.6],
  ] as const) {
    await page.mouse.move(...at(fx, fy));
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -240);
      await sleep(120);
    }
  }
  await page.mouse.move(...at(0.5, 0.5));
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(...at(0.5 + 0.015 * i, 0.5 + 0.01 * i));
    await sleep(16);
  }
  await page.mouse.up();
  for (let i = 0; i < 9; i++) {
    await page.mouse.wheel(0, 240);
    await sleep(120);
  }
  await sleep(500);
  return { start, end: await now() };
}

const maxOf = (xs: number[]) => (xs.length > 0 ? Math.max(...xs) : null);
const longest = (tasks: Task[]) =>
  tasks.reduce<Task | null>((a, b) => (a === null || b.duration > a.duration ? b : a), null);

export async function measurePage(
  context: BrowserContext,
  url: string,
  options: MeasureOptions,
): Promise<PageResult> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const tracer = await startTracing(page);
  let traced = false;
  try {
    await page.addInitScript({ content: PROBE_SCRIPT });
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    let data = await poll(page, (d) => d.firstFrame !== null, options.firstFrameTimeoutMs);
    if (data.firstFrame === null) {
      return {
        ...empty(),
        problem: `no first frame in ${options.firstFrameTimeoutMs} ms ${errors.join("; ")}`,
      };
    }
    const firstFrame = data.firstFrame;
    let allLoaded: number | null = firstFrame;
    if (options.streams) {
      options.log(`first frame at ${firstFrame.toFixed(0)} ms; the rest streaming in…`);
      data = await poll(page, (d) => d.allLoaded !== null, options.firstFrameTimeoutMs);
      allLoaded = data.allLoaded;
      options.log(allLoaded === null ? "not all loaded in time" : `all loaded at ${allLoaded.toFixed(0)} ms`);
    }
    options.log(`first frame at ${firstFrame.toFixed(0)} ms; layout running…`);
    // Running while a request is out; stopped once every request has its reply.
    data = await poll(
      page,
      (d) => {
        const l = layoutOf(d);
        return l !== null && l.iterations > 0 && l.posts === l.iterations;
      },
      options.layoutTimeoutMs,
    );
    const layout = layoutOf(data);
    const stopped = layout !== null && layout.posts === layout.iterations;
    const counts = await withTimeout(options.counts(page), options.layoutTimeoutMs, "reading the counts");
    const area = await page
      .locator(".graph-area")
      .boundingBox({ timeout: 1000 })
      .catch(() => null);
    const interaction = await panAndZoom(page);
    traced = true;
    const tasks = await tracer.stop({ name: MARK, startTime: firstFrame }, options.layoutTimeoutMs);

    const end = layout ? (stopped ? layout.end : data.now) : firstFrame;
    const during = (start: number) => layout !== null && start >= layout.start && start <= end;
    const frames = data.frames.filter(([t]) => during(t)).map(([, d]) => d);
    const layoutMs = layout ? end - layout.start : 0;
    const iterations = layout?.iterations ?? 0;
    const applied = layout?.applied ?? 0;
    return {
      firstFrameMs: firstFrame,
      allLoadedMs: allLoaded,
      nodes: counts?.nodes ?? null,
      edges: counts?.edges ?? null,
      iterations,
      applied,
      layoutMs,
      itPerSec: layoutMs > 0 ? iterations / (layoutMs / 1000) : null,
      roundTripMs: iterations > 0 ? layout!.roundTrip / iterations : null,
      applyMs: applied > 0 ? layout!.handling / applied : null,
      frames: frames.length,
      meanFrameMs: frames.length > 0 ? frames.reduce((s, d) => s + d, 0) / frames.length : null,
      maxFrameMs: maxOf(frames),
      longestLayoutTask: tasks && longest(tasks.filter((t) => during(t.start))),
      longestLoadTask: tasks && longest(tasks.filter((t) => t.start <= firstFrame)),
      longestInteractionTask:
        tasks && interaction
          ? longest(tasks.filter((t) => t.start >= interaction.start && t.start <= interaction.end))
          : null,
      area: area && { width: Math.round(area.width), height: Math.round(area.height) },
      problem:
        [
          layout === null ? "the layout never started" : stopped ? "" : "the layout did not stop in time",
          options.streams && allLoaded === null ? "the first view did not finish loading in time" : "",
          interaction === null ? "no canvas to pan and zoom" : "",
          tasks === null ? `no ${MARK} in the trace` : "",
          ...errors,
        ]
          .filter(Boolean)
          .join("; ") || null,
    };
  } finally {
    if (!traced) await tracer.stop(null, 10_000).catch(() => null);
    await page.close();
  }
}

function empty(): Omit<PageResult, "problem"> {
  return {
    firstFrameMs: null,
    allLoadedMs: null,
    nodes: null,
    edges: null,
    iterations: 0,
    applied: 0,
    layoutMs: 0,
    itPerSec: null,
    roundTripMs: null,
    applyMs: null,
    frames: 0,
    meanFrameMs: null,
    maxFrameMs: null,
    longestLayoutTask: null,
    longestLoadTask: null,
    longestInteractionTask: null,
    area: null,
  };
}
