/**
 * The review command line (`npm run review -- <draft.yaml> …`, see importer/review/run.ts): asks on
 * the terminal through node:readline when stdin is one, otherwise works from the options alone.
 */
import { createInterface } from "node:readline/promises";
import { review, type ReviewIO } from "./review/run.ts";

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

try {
  process.exitCode = await review(process.argv.slice(2), io);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 2;
} finally {
  terminal?.close();
}
