/**
 * Extraction speed: `extractDraft` on the seed report and on the second test document, as
 * `npm run eval:extract` runs it (no knowledge base), against the baseline of segmenting the same
 * sentences with jieba alone in the same process (the least any extraction from this text costs).
 * Prints the median and 90th percentile of N runs after warm-up, characters per second, and the
 * ratio to the baseline; the first (cold) extraction, which builds jieba's dictionaries, is shown apart.
 *
 * A third row is a 100-page text (the seed repeated; `--pages skip` leaves it out).
 *
 *   npx tsx bench/extract.ts [--runs 10] [--warmup 2] [--pages skip]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { formatProblem } from "../importer/problems.ts";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import { loadSource } from "../importer/sourceText.ts";
import { SECOND_DIR, SEED_SOURCE } from "../importer/extract/eval.ts";
import { extractDraft, type ExtractInput } from "../importer/extract/extract.ts";
import { createSegmenter } from "../importer/extract/segment.ts";
import { buildView } from "../importer/extract/textView.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    pages: { type: "string", default: "100" },
  },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function inputOf(dir: string): ExtractInput {
  const doc = loadSource(dir, (f) => f);
  if (Array.isArray(doc)) throw new Error(doc.map(formatProblem).join("\n"));
  const meta = parse(readFileSync(path.join(dir, "source.yaml"), "utf8")) as { furniture?: string[] };
  return { sourceId: doc.id, text: doc.text, sections: doc.sections, furniture: meta.furniture ?? [] };
}

function time(label: string, work: () => unknown) {
  for (let i = 0; i < warmup; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    samples.push(performance.now() - t);
    process.stderr.write(".");
  }
  process.stderr.write(` ${label}\n`);
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p90: quantile(samples, 0.9) };
}

/**
 * A 100-page report: the seed's text repeated until it has 100 pages of 1,800 characters (a page of
 * a Chinese report in 小四 type), with no sections given, as `tpg extract` meets a new file.
 */
function hundredPages(seed: ExtractInput): ExtractInput {
  const copies = Math.ceil((100 * 1800) / seed.text.length);
  return { sourceId: "hundred-pages", text: Array(copies).fill(seed.text).join("\n"), sections: [] };
}

const seed = inputOf(path.join(KNOWLEDGE_ROOT, "sources", SEED_SOURCE));
const documents = [
  { name: "seed", input: seed },
  { name: "second", input: inputOf(SECOND_DIR) },
  ...(values.pages === "skip" ? [] : [{ name: "100 pages", input: hundredPages(seed) }]),
];
const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `${pad("document", 11)}${pad("chars", 8)}${pad("cold ms", 10)}${pad("jieba ms", 10)}${pad("extract ms", 12)}${pad("p90 ms", 9)}${pad("chars/s", 10)}ratio to jieba`,
);
for (const { name, input } of documents) {
  const t0 = performance.now();
  extractDraft(input);
  const cold = performance.now() - t0;
  const furniture = (input.furniture ?? []).map((f) => (typeof f === "string" ? new RegExp(f, "u") : f));
  const view = buildView(input.text, input.sections, furniture);
  const segmenter = createSegmenter();
  const baseline = time(`${name}: jieba`, () => view.sentences.map((s) => segmenter.tag(s.text)));
  const full = time(`${name}: extract`, () => extractDraft(input));
  const chars = view.norm.length;
  console.log(
    `${pad(name, 11)}${pad(String(chars), 8)}${pad(cold.toFixed(0), 10)}${pad(baseline.median.toFixed(1), 10)}${pad(full.median.toFixed(1), 12)}${pad(full.p90.toFixed(1), 9)}${pad(String(Math.round(chars / (full.median / 1000))), 10)}${(full.median / baseline.median).toFixed(1)}×`,
  );
}
