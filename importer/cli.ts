/**
 * The importer's command line: `validate`, `import` and `snapshot`.
 * Exit codes: 0 success, 1 invalid input (nothing written), 2 usage or connection error.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { freeTextRelations } from "./canonical.ts";
import { loadKnowledgeBase } from "./knowledgeBase.ts";
import { formatProblem } from "./problems.ts";
import { KNOWLEDGE_ROOT } from "./paths.ts";

function summarise(nodes: number, relations: number, sources: number) {
  return `${nodes} nodes, ${relations} relationships from ${sources} sources`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      root: { type: "string", default: KNOWLEDGE_ROOT },
      out: { type: "string" },
      quiet: { type: "boolean", default: false },
      "batch-size": { type: "string" },
      "single-transaction-limit": { type: "string" },
    },
    allowPositionals: false,
  });
  const root = path.resolve(values.root);
  if (!["validate", "import", "snapshot", "coverage"].includes(command ?? "")) {
    console.error(
      "usage: importer/cli.ts validate|import|snapshot|coverage [--root DIR] [--out FILE] [--batch-size N] [--single-transaction-limit N]",
    );
    return 2;
  }
  const { kb, problems } = loadKnowledgeBase(root);
  if (problems.length > 0) {
    console.error(problems.map(formatProblem).join("\n"));
    console.error(`\n${problems.length} problem(s); nothing was written.`);
    return 1;
  }
  console.log(`valid: ${summarise(kb.nodes.length, kb.relations.length, kb.sources.length)}`);
  if (command === "validate") {
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
  if (command === "coverage") {
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
  if (command === "snapshot") {
    const { writeSnapshot } = await import("./snapshot.ts");
    const out = path.resolve(values.out ?? "dist/snapshot.json");
    writeSnapshot(kb, out);
    console.log(`snapshot written to ${out}`);
    return 0;
  }
  const { runImport } = await import("./runImport.ts");
  return runImport(kb, {
    quiet: values.quiet,
    batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
    singleTransactionLimit: values["single-transaction-limit"]
      ? Number(values["single-transaction-limit"])
      : undefined,
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Input problems exit 1 above; anything here is set-up or connection trouble.
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 2;
}
