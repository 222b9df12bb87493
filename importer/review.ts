/**
 * The review's terminal (for `tpg review`, see importer/review/run.ts): asks through node:readline
 * when stdin is a terminal, otherwise the review works from the options alone.
 */
import { createInterface } from "node:readline/promises";
import type { ReviewIO } from "./review/run.ts";

/** Console output and, on a terminal, questions; `close()` releases stdin. */
export function terminalReviewIO(): { io: ReviewIO; close: () => void } {
  const io: ReviewIO = {
    print: (text) => console.log(text),
    error: (text) => console.error(text),
    cwd: process.cwd(),
  };
  const terminal = process.stdin.isTTY
    ? createInterface({ input: process.stdin, output: process.stdout })
    : null;
  if (terminal) {
    // Ctrl+D ends the questions: the rest counts as not accepted ("q"). Ctrl+C quits, writing nothing.
    const closed = new AbortController();
    terminal.on("close", () => closed.abort());
    io.ask = (question) =>
      closed.signal.aborted
        ? Promise.resolve("q")
        : terminal.question(question, { signal: closed.signal }).catch(() => "q");
  }
  return { io, close: () => terminal?.close() };
}
