/**
 * What the benchmark injects into a page before its own scripts (page.addInitScript), and reads back.
 * It owns no part of the page under test, so it watches from outside:
 * - ForceAtlas2 iterations: the layout supervisor (graphology-layout-forceatlas2/worker) runs one
 *   iteration per message it posts to its blob-URL worker and applies the positions the worker posts
 *   back; `Worker` is wrapped to count both, time the round trip, and time the supervisor's message
 *   handler (applying positions: graph.updateEachNodeAttributes, and sigma's per-node update). An
 *   iteration counts as applied when the handler asked for the next one (it does so only while the
 *   layout runs; a reply that comes after stop() is dropped).
 * - Frames: requestAnimationFrame is wrapped to time each callback (sigma renders in one).
 *
 * Plain JavaScript text, not a function: tsx compiles functions with helpers that do not exist in the
 * page.
 */
export const PROBE_SCRIPT = `(() => {
  const probe = { workers: [], frames: [] };
  Object.defineProperty(window, "__renderProbe", { value: probe });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      const w = { url: String(url), posts: 0, messages: 0, firstPost: null, lastPost: null,
        lastMessage: null, roundTrip: 0, handling: 0, applied: 0 };
      probe.workers.push(w);
      const post = this.postMessage.bind(this);
      this.postMessage = (...args) => {
        w.posts++;
        w.lastPost = performance.now();
        if (w.firstPost === null) w.firstPost = w.lastPost;
        return post(...args);
      };
      const add = this.addEventListener.bind(this);
      this.addEventListener = (type, listener, opts) => {
        if (type !== "message" || typeof listener !== "function") return add(type, listener, opts);
        return add(type, (event) => {
          const [t, posts] = [performance.now(), w.posts];
          try { return listener.call(this, event); } finally {
            w.handling += performance.now() - t;
            // The supervisor asks for the next iteration only after applying this one.
            if (w.posts > posts) w.applied++;
          }
        }, opts);
      };
      add("message", () => {
        w.messages++;
        w.lastMessage = performance.now();
        if (w.lastPost !== null) w.roundTrip += w.lastMessage - w.lastPost;
      });
    }
  };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((time) => {
    const t = performance.now();
    try { cb(time); } finally { probe.frames.push([t, performance.now() - t]); }
  });
})();`;

interface WorkerRecord {
  url: string;
  posts: number;
  messages: number;
  firstPost: number | null;
  lastPost: number | null;
  lastMessage: number | null;
  /** Sum over iterations of post → reply (ms): the worker's iteration plus messaging. */
  roundTrip: number;
  /** Sum of the supervisor's message handler time on the main thread (ms). */
  handling: number;
  /** Replies whose positions the supervisor applied to the graph. */
  applied: number;
}

export interface ProbeData {
  workers: WorkerRecord[];
  /** requestAnimationFrame callbacks: [start, duration] in ms since navigation start. */
  frames: [number, number][];
  now: number;
  firstFrame: number | null;
  /** The explorer's mark once the whole first view has streamed in (the bare page sets none). */
  allLoaded: number | null;
}

/** Evaluated in the page: the probe's records, the time, and the first-frame mark. */
export const READ_PROBE = `({ ...window.__renderProbe, now: performance.now(),
  firstFrame: performance.getEntriesByName("tpg:first-frame")[0]?.startTime ?? null,
  allLoaded: performance.getEntriesByName("tpg:all-loaded")[0]?.startTime ?? null })`;

/** The FA2 layout's workers (blob URLs) taken together. */
export function layoutOf(data: ProbeData) {
  const ws = data.workers.filter((w) => w.url.startsWith("blob:") && w.firstPost !== null);
  if (ws.length === 0) return null;
  const sum = (f: (w: WorkerRecord) => number) => ws.reduce((s, w) => s + f(w), 0);
  return {
    start: Math.min(...ws.map((w) => w.firstPost!)),
    end: Math.max(...ws.map((w) => w.lastMessage ?? w.firstPost!)),
    posts: sum((w) => w.posts),
    iterations: sum((w) => w.messages),
    roundTrip: sum((w) => w.roundTrip),
    handling: sum((w) => w.handling),
    applied: sum((w) => w.applied),
  };
}
