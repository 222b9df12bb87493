/**
 * What `tpg report` does once its arguments are parsed (loaded only when it runs): the graph from the
 * running Neo4j — or, when none is reachable, from the knowledge files as the snapshot holds them —
 * analysed as the patterns view does; then the self-contained HTML report with its subset font, the
 * data beside it (one CSV per table and report.json), and a PDF printed by headless Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readSettings } from "../graph/config.ts";
import { connect } from "../graph/connect.ts";
import { recordedLauncher } from "../graph/embedded.ts";
import { loadKnowledgeBase } from "../importer/knowledgeBase.ts";
import { buildSnapshot } from "../importer/snapshot.ts";
import { csvText } from "../web/files.ts";
import { Neo4jSource } from "../web/data/neo4jSource.ts";
import { SnapshotSource } from "../web/data/snapshotSource.ts";
import type { DataSource, GraphData, SourceDocument } from "../web/data/types.ts";
import type { Lang } from "../web/i18n.ts";
import { analyse, type CategoryLevel, type IndustryLevel } from "../web/patterns/analysis.ts";
import { buildReport, reportData, reportText } from "../web/patterns/report.ts";
import { sourcesOf } from "../web/patterns/sourceFilter.ts";
import { CliError, EXIT } from "./common.ts";
import { connectionProblem } from "./connection.ts";
import { subsetFontCss } from "./reportFont.ts";

export type ReportFrom = "auto" | "neo4j" | "snapshot";

export interface ReportOptions {
  out: string;
  pdf?: string;
  /** Folder for the CSV and JSON data (created). */
  data?: string;
  lang: Lang;
  from: ReportFrom;
  /** Knowledge root for the snapshot. */
  root: string;
  level?: CategoryLevel;
  industryLevel?: IndustryLevel;
  region?: string;
  log?: (message: string) => void;
  /** Chromium for the PDF (CHROMIUM_PATH, else /usr/bin/chromium). */
  chromium?: string;
}

export interface ReportResult {
  from: "neo4j" | "snapshot";
  files: string[];
}

async function load(source: DataSource): Promise<{ graph: GraphData; documents: SourceDocument[] }> {
  const graph = await source.everything();
  const documents = await Promise.all(sourcesOf(graph).map((id) => source.source(id)));
  return { graph, documents };
}

/** A Neo4j is reachable without starting one: NEO4J_URI, or an embedded one already running. */
function neo4jRunning(): boolean {
  const settings = readSettings();
  return settings.external !== undefined || recordedLauncher(settings.embedded.dataDir) !== null;
}

async function fromNeo4j(log: (m: string) => void) {
  const settings = readSettings();
  let connection;
  try {
    connection = await connect(settings, log);
  } catch (error) {
    throw connectionProblem(error, settings);
  }
  try {
    return await load(new Neo4jSource(connection.service, { timeoutMs: 120_000, maxRows: 10_000_000 }));
  } finally {
    await connection.release();
  }
}

function fromSnapshot(root: string) {
  const { kb, problems } = loadKnowledgeBase(root);
  if (problems.length > 0) {
    throw new CliError(`the knowledge files in ${root} have ${problems.length} problems (run tpg validate)`);
  }
  return load(new SnapshotSource(buildSnapshot(kb)));
}

export async function printPdf(html: string, pdf: string, chromium?: string): Promise<void> {
  const { chromium: browserType } = await import("playwright-core");
  // the same flags as the tests' browser (tests/setup/browser.ts), with a fresh profile
  const profile = mkdtempSync(path.join(tmpdir(), "tpg-report-chromium-"));
  const context = await browserType.launchPersistentContext(profile, {
    executablePath: chromium ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await context.newPage();
    // the report needs nothing from outside; anything but the file itself is refused
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.pdf({
      path: pdf,
      format: "A4",
      printBackground: true,
      margin: { top: "15mm", bottom: "15mm" },
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function runReport(options: ReportOptions): Promise<ReportResult> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  let from: "neo4j" | "snapshot";
  if (options.from === "snapshot" || (options.from === "auto" && !neo4jRunning())) {
    from = "snapshot";
  } else {
    from = "neo4j";
  }
  let loaded;
  if (from === "neo4j") {
    try {
      loaded = await fromNeo4j(log);
    } catch (error) {
      if (options.from === "neo4j") throw error;
      log(
        `Neo4j not reachable (${error instanceof Error ? error.message : String(error)}): using the snapshot`,
      );
      from = "snapshot";
    }
  }
  if (!loaded) loaded = await fromSnapshot(options.root);
  log(
    `graph from ${from === "neo4j" ? "Neo4j" : `the snapshot of ${options.root}`}: ${loaded.graph.nodes.length} nodes`,
  );

  const patterns = analyse(loaded.graph, {
    documents: loaded.documents,
    categoryLevel: options.level,
    industryLevel: options.industryLevel,
    region: options.region,
  });
  if (patterns.hubs.length === 0) throw new CliError("the graph has no hubs to compare", EXIT.failed);

  const files: string[] = [];
  const out = path.resolve(options.out);
  mkdirSync(path.dirname(out), { recursive: true });
  const dataFiles: string[] = [];
  if (options.data) {
    const dir = path.resolve(options.data);
    mkdirSync(dir, { recursive: true });
    const { tables, json } = reportData(patterns, options.lang);
    for (const table of tables) {
      const file = path.join(dir, `${table.id}.csv`);
      writeFileSync(
        file,
        csvText(
          table.columns,
          table.rows.map((r) => r.map(String)),
        ),
      );
      dataFiles.push(file);
    }
    const file = path.join(dir, "report.json");
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    dataFiles.push(file);
  }
  const relative = dataFiles.map((f) => path.relative(path.dirname(out), f).split(path.sep).join("/"));
  const fontCss = await subsetFontCss(reportText(patterns, options.lang) + relative.join(""));
  writeFileSync(out, buildReport(patterns, options.lang, { fontCss, dataFiles: relative }));
  files.push(out, ...dataFiles);
  if (options.pdf) {
    const pdf = path.resolve(options.pdf);
    mkdirSync(path.dirname(pdf), { recursive: true });
    await printPdf(out, pdf, options.chromium);
    files.push(pdf);
  }
  for (const f of files) log(`wrote ${path.relative(process.cwd(), f) || f}`);
  return { from, files };
}
