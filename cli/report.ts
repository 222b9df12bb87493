/** `tpg report`: the shared-patterns report as one self-contained HTML file, its data and a PDF. */
import { Option } from "commander";
import path from "node:path";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import {
  applyConnection,
  examples,
  withConnection,
  withRoot,
  type ConnectionFlags,
  type Register,
} from "./common.ts";

interface ReportFlags extends ConnectionFlags {
  out: string;
  pdf?: string;
  data?: string;
  lang: "zh" | "en";
  from: "auto" | "neo4j" | "snapshot";
  root: string;
  level?: "class" | "named" | "all";
  industryLevel?: "section" | "class" | "named" | "all";
  region?: string;
}

export const register: Register = (program, context) => {
  const command = program
    .command("report")
    .summary("write the shared-patterns report (HTML, data, PDF)")
    .description(
      "write the shared-patterns report: one self-contained HTML file (font subset and embedded, charts as SVG, no network request), the data beside it as CSV and JSON, and a PDF",
    )
    .requiredOption("-o, --out <file>", "the HTML file to write")
    .option("--pdf <file>", "also print it to this PDF (headless Chromium)")
    .option("--data <dir>", "also write every table as CSV and the analyses as report.json here")
    .addOption(new Option("--lang <lang>", "language of the report").choices(["zh", "en"]).default("zh"))
    .addOption(
      new Option(
        "--from <where>",
        "the graph from Neo4j, from the knowledge files, or Neo4j when one is running",
      )
        .choices(["auto", "neo4j", "snapshot"])
        .default("auto"),
    )
    .addOption(new Option("--level <level>", "talent-category level").choices(["class", "named", "all"]))
    .addOption(
      new Option("--industry-level <level>", "industry level").choices(["section", "class", "named", "all"]),
    )
    .option("--region <name>", "region of the news lens (default 浙江)");
  withRoot(command, KNOWLEDGE_ROOT);
  withConnection(command);
  examples(command, [
    ["tpg report --out report.html", "from the running Neo4j, else from the knowledge files"],
    [
      "tpg report -o out/report.html --data out/data --pdf out/report.pdf --lang en",
      "HTML, CSV/JSON and PDF",
    ],
    ["tpg report -o report.html --from snapshot", "never touch Neo4j"],
  ]);
  command.addHelpText(
    "after",
    "\nWithout a running Neo4j (NEO4J_URI, or the embedded one already started) the report is made from\n" +
      "the knowledge files, as the app's snapshot holds them. Exit 2: --from neo4j and Neo4j unreachable.",
  );
  command.action(async (flags: ReportFlags) => {
    const { runReport } = await import("./reportRun.ts");
    applyConnection(flags);
    await runReport({
      out: flags.out,
      pdf: flags.pdf,
      data: flags.data,
      lang: flags.lang,
      from: flags.from,
      root: path.resolve(flags.root),
      level: flags.level,
      industryLevel: flags.industryLevel,
      region: flags.region,
    });
    context.exitCode = 0;
  });
};
