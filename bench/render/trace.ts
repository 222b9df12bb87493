/**
 * Main-thread tasks of the page under test, from a Chromium trace (CDP Tracing): every outermost
 * event of the renderer's main thread (a task, "RunTask" as DevTools shows it) with its length and
 * what took most of it. A trace rather than the
 * 'longtask' PerformanceObserver, which does not report the frame commits that wait for the GPU
 * process (with `--disable-gpu`, many seconds on large graphs).
 */
import type { CDPSession, Page } from "playwright-core";

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

export interface Task {
  /** ms since navigation start, as performance.now() in the page. */
  start: number;
  duration: number;
  /** The longest events inside it, e.g. "Commit > GLES2::ReadPixels" or "FunctionCall". */
  kind: string;
}

// The task events DevTools' performance panel shows come with the disabled-by-default category.
const CATEGORIES = [
  "toplevel",
  "blink.user_timing",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "gpu",
];
/** Wrappers that say nothing about what the task did. */
const WRAPPERS =
  /^(RunTask|ThreadControllerImpl|ThreadController|SimpleWatcher|SequenceManager|ImplementationBase|CommandBuffer)/;

export interface Tracer {
  /** Stops tracing; returns the page's main-thread tasks, or null if the mark is not in the trace. */
  stop: (mark: { name: string; startTime: number } | null, timeoutMs: number) => Promise<Task[] | null>;
}

export async function startTracing(page: Page): Promise<Tracer> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ["*"] },
    transferMode: "ReportEvents",
  });
  return {
    stop: async (mark, timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
        await cdp.send("Tracing.end");
        await Promise.race([
          complete,
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`the trace did not end in ${timeoutMs} ms`)),
              timeoutMs,
            );
          }),
        ]);
      } finally {
        clearTimeout(timer);
        await cdp.detach().catch(() => {});
      }
      return mark ? mainThreadTasks(events, mark) : null;
    },
  };
}

function mainThreadTasks(events: TraceEvent[], mark: { name: string; startTime: number }): Task[] | null {
  // The mark was set on the page's main thread: it names the thread and ties trace time to page time.
  const marked = events.find((e) => e.name === mark.name && e.cat.includes("blink.user_timing"));
  if (!marked) return null;
  const origin = marked.ts - mark.startTime * 1000;
  const onMain = events
    .filter((e) => e.pid === marked.pid && e.tid === marked.tid && e.ph === "X" && e.dur !== undefined)
    // Outer before inner when they start together.
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: Task[] = [];
  for (let i = 0; i < onMain.length;) {
    const task = onMain[i]!;
    const end = task.ts + task.dur!;
    const inside: TraceEvent[] = [];
    for (i++; i < onMain.length && onMain[i]!.ts < end; i++) inside.push(onMain[i]!);
    const big = inside.filter((e) => e.dur! >= task.dur! / 2).sort((a, b) => b.dur! - a.dur!);
    // What it did, or else at least what it waited in (e.g. CommandBufferHelper::Finish for the GPU).
    const named = big.filter((e) => !WRAPPERS.test(e.name));
    const kind = (
      named.length > 0 ? named : big.filter((e) => !/^(RunTask|ThreadController)/.test(e.name)).slice(-1)
    )
      .map((e) => e.name)
      .filter((name, k, names) => names.indexOf(name) === k)
      .slice(0, 2)
      .join(" > ");
    tasks.push({ start: (task.ts - origin) / 1000, duration: task.dur! / 1000, kind: kind || "other" });
  }
  return tasks;
}
