/**
 * A new report from file to cited graph, through the real commands: a PDF printed by Chromium (with a
 * text layer in the app's own CJK font) → `npm run extract` → `npm run review --accept all --yes` →
 * import beside the seed into Neo4j. Entities the knowledge base already has are referred to, not
 * duplicated; every fact of the new source carries its source.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { launchBrowser } from "../setup/browser.ts";
import { testService } from "../setup/graph.ts";

const run = promisify(execFile);
const service = testService();
const work = mkdtempSync(path.join(tmpdir(), "tpg-new-source-"));
const root = path.join(work, "knowledge");
const SOURCE = "digest-2021-03";
const TSX = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

/** The second test document printed to PDF the way a newsletter would be: paragraphs, the app's font. */
async function printPdf(file: string) {
  const text = readFileSync(path.join(PROJECT_ROOT, "tests/fixtures/extract/second/source.txt"), "utf8");
  const fonts = path.join(PROJECT_ROOT, "node_modules", "@fontsource", "noto-sans-sc");
  const css = readFileSync(path.join(fonts, "400.css"), "utf8").replaceAll(
    "url(./files/",
    `url(${pathToFileURL(path.join(fonts, "files")).href}/`,
  );
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = text
    .split(/\n\s*\n/)
    .map((block) => `<p>${escape(block.replace(/\s*\n\s*/g, ""))}</p>`)
    .join("\n");
  const html = path.join(work, "second.html");
  writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><style>${css} body { font-family: "Noto Sans SC"; font-size: 12pt; }</style></head><body>${body}</body></html>`,
  );
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(html).href);
    await page.evaluate(() => document.fonts.ready);
    writeFileSync(file, await page.pdf({ format: "A4", margin: { top: "2cm", bottom: "2cm" } }));
  } finally {
    await close();
  }
}

const env = { ...process.env, TPG_KNOWLEDGE_ROOT: root };

beforeAll(async () => {
  cpSync(path.join(KNOWLEDGE_ROOT, "taxonomy"), path.join(root, "taxonomy"), { recursive: true });
  cpSync(path.join(KNOWLEDGE_ROOT, "sources"), path.join(root, "sources"), { recursive: true });
  await printPdf(path.join(work, "second.pdf"));
}, 120_000);

afterAll(async () => {
  // Leave the test database as the other files expect it: the seed alone.
  await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
  await service.close();
  rmSync(work, { recursive: true, force: true });
});

describe("a new source document", () => {
  it("goes from PDF to a cited graph beside the seed", async () => {
    const extract = await run(TSX, ["cli/tpg.ts", "extract", path.join(work, "second.pdf"), "--id", SOURCE], {
      cwd: PROJECT_ROOT,
      env,
    });
    expect(extract.stdout).toContain("draft written");
    const folder = path.join(root, "sources", SOURCE);
    const text = readFileSync(path.join(folder, "source.txt"), "utf8");
    expect(text.replace(/\s/g, "")).toContain("杭州未来科技城以数字经济为主导产业");

    // Every draft quote stands at its offsets in the stored text (a quote leaves out line breaks and
    // page furniture, so it is compared by its ends).
    const draft = parse(readFileSync(path.join(folder, "draft.yaml"), "utf8")) as {
      entities: {
        id: string;
        name: string;
        status: string;
        existing?: string;
        evidence: { quote: string; start: number; end: number }[];
      }[];
    };
    for (const entity of draft.entities)
      for (const e of entity.evidence) {
        const span = text.slice(e.start, e.end).replace(/\s/g, "");
        const quote = e.quote.replace(/\s/g, "");
        expect(
          span.startsWith(quote.slice(0, 4)) && span.endsWith(quote.slice(-2)),
          `${entity.id}: ${e.quote}`,
        ).toBe(true);
      }
    const zhejiang = draft.entities.find((e) => e.name === "浙江");
    expect(zhejiang?.status).toBe("existing");

    const review = await run(
      TSX,
      ["cli/tpg.ts", "review", path.join(folder, "draft.yaml"), "--accept", "all", "--yes"],
      {
        cwd: PROJECT_ROOT,
        env,
      },
    );
    expect(review.stdout).toContain("valid — run npm run import");
    expect(existsSync(path.join(folder, "knowledge.yaml"))).toBe(true);

    const { kb, problems } = loadKnowledgeBase(root);
    expect(problems).toEqual([]);
    expect(kb.sources.map((s) => s.id)).toEqual(expect.arrayContaining([SOURCE, "rczcyjdt-2020-07"]));
    await importKnowledge(service, kb, () => {});

    const hubs = (await service.read("MATCH (h:Hub) RETURN h.name AS name ORDER BY name")).rows.map(
      (r) => r.name,
    );
    expect(hubs).toEqual(expect.arrayContaining(["张江", "中关村", "前海"]));
    expect(hubs.length).toBeGreaterThan(3);
    // The existing 浙江 is referred to, not duplicated, and now carries facts of the new source.
    const [region] = (
      await service.read(
        `MATCH (r:Region {name: '浙江'})
         RETURN count(r) AS regions, COUNT { (r)-[x]-() WHERE $source IN x.sources } AS fromNew`,
        { source: SOURCE },
      )
    ).rows;
    expect(region).toMatchObject({ regions: 1 });
    expect(Number(region!.fromNew)).toBeGreaterThan(0);
    const [facts] = (
      await service.read("MATCH ()-[x]->() WHERE $source IN x.sources RETURN count(x) AS n", {
        source: SOURCE,
      })
    ).rows;
    expect(Number(facts!.n)).toBeGreaterThan(100);
  });
});
