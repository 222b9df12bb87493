/**
 * The importer's commands as `tpg` runs them (`tpg validate|import|snapshot|coverage`, arguments in
 * cli/): each reads and validates the knowledge root, says what it read, and returns an exit code —
 * 0 done, 1 invalid input (every problem printed, nothing written). Reading nothing throws
 * NothingToReadError (runImport.ts); a connection failure throws from `open`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Connection } from "../graph/connect.ts";
import { freeTextRelations } from "./canonical.ts";
import type { KnowledgeBase } from "./knowledgeBase.ts";
import type { LoadOptions } from "./load.ts";
import { formatProblem } from "./problems.ts";
import { formatRead, formatSummary, readKnowledge, runImport } from "./runImport.ts";

function summarise(nodes: number, relations: number, sources: number) {
  return `${nodes} nodes, ${relations} relationships from ${sources} sources`;
}

/** Reads and validates `root`, printing what it read; null (problems printed) when invalid. */
function readValid(root: string, log: (line: string) => void): KnowledgeBase | null {
  const { kb, problems, read } = readKnowledge(root);
  log(formatRead(read));
  if (problems.length > 0) {
    console.error(problems.map(formatProblem).join("\n"));
    console.error(`\n${problems.length} problem(s); nothing was written.`);
    return null;
  }
  console.log(`valid: ${summarise(kb.nodes.length, kb.relations.length, kb.sources.length)}`);
  return kb;
}

export function validate(root: string): number {
  const kb = readValid(root, console.log);
  if (!kb) return 1;
  const freeText = freeTextRelations(kb.relations);
  console.log("likely duplicates: 0");
  console.log(`free-text relations (RELATED_TO): ${freeText.length}`);
  for (const r of freeText) {
    console.log(
      `  ${r.file}:${r.line}  ${r.from} —${String(r.props.relation)}→ ${r.to}\n      why: ${String(r.props.why)}`,
    );
  }
  return 0;
}

export async function coverageReport(root: string): Promise<number> {
  const kb = readValid(root, console.log);
  if (!kb) return 1;
  const { coverage } = await import("./coverage.ts");
  for (const c of coverage(kb)) {
    const share = c.total ? ((100 * c.covered) / c.total).toFixed(1) : "100.0";
    console.log(
      `\n${c.source}#${c.section}: ${share}% of ${c.total} characters quoted; ${c.uncovered.length} sentences unquoted`,
    );
    for (const u of c.uncovered) console.log(`  ${String(u.line).padStart(5)}  ${u.text}`);
    if (c.gaps.length > 0) console.log(`  unquoted runs of 12+ characters:`);
    for (const g of c.gaps) console.log(`  ${String(g.line).padStart(5)}  …${g.text}…`);
  }
  return 0;
}

export async function snapshot(root: string, out: string): Promise<number> {
  const t0 = performance.now();
  const kb = readValid(root, console.log);
  if (!kb) return 1;
  const { buildSnapshot } = await import("./snapshot.ts");
  console.log("snapshot: building the graph …");
  const graph = buildSnapshot(kb);
  const text = JSON.stringify(graph);
  console.log(`  ${graph.nodes.length} nodes, ${graph.edges.length} edges`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  const mb = (Buffer.byteLength(text) / (1024 * 1024)).toFixed(1);
  console.log(`snapshot written to ${out} (${mb} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}

export interface ImportOptions extends Pick<
  LoadOptions,
  "batchSize" | "singleTransactionLimit" | "onProgress"
> {
  /** Only what was read and what changed, no steps. */
  quiet?: boolean;
}

export async function importFiles(
  root: string,
  open: (log: (message: string) => void) => Promise<Connection>,
  options: ImportOptions = {},
): Promise<number> {
  const step = options.quiet ? () => {} : (line: string) => console.log(line);
  const kb = readValid(root, console.log);
  if (!kb) return 1;
  const connection = await open(step);
  try {
    const summary = await runImport(connection, kb, { ...options, log: step });
    if (options.quiet) console.log(formatSummary(summary));
    return 0;
  } finally {
    await connection.release();
  }
}
