/**
 * The evaluation corpus (corpus/README.md, importer/extract/corpus.ts): the floors of corpus/floors.yaml
 * hold for the current extractor, and the harness itself works — checked on temporary corpora built
 * in os.tmpdir() from the second test document's own files. Those exercise the code only: the second
 * document is the team's, in-sample, and its figures here are never corpus figures.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runTpg } from "../../cli/tpg.ts";
import {
  checkCorpus,
  corpusRoot,
  evaluateCorpus,
  freezeDocument,
  readFloors,
  readFrozen,
  readOrigins,
  unmetFloors,
  type CorpusCheck,
  type Floor,
  type PartEvaluation,
} from "../../importer/extract/corpus.ts";
import { SECOND_DIR } from "../../importer/extract/eval.ts";
import { scoreDraft } from "../../importer/extract/evalScore.ts";
import { extractDraft } from "../../importer/extract/extract.ts";
import { readSource } from "../../importer/extract/read.ts";
import { detectSections } from "../../importer/extract/sections.ts";
import { writeSourceFolder } from "../../importer/extract/sourceFolder.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import { formatProblem } from "../../importer/problems.ts";
import { loadSource } from "../../importer/sourceText.ts";
import { handMadePdf } from "../setup/pdf.ts";

const ID = "rcfzgc-2021-03"; // the second document's source id, which its gold names
const NOW = new Date("2024-06-01T12:00:00Z");
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tmp(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

const META = `title: 人才发展观察 2021 年第 3 期（测试样例）
genre: research
split: dev
origin: https://example.org/tpg/tests/fixtures/extract/second
publisher: 江南人才发展研究中心
published: 2021-03
licence: the project's own test fixture
redistribution: written by the team for the tests (not a corpus document)
retrieved: 2024-06-01
script: simplified
gold:
  author: the team
  date: 2024-05-30
furniture:
  - '^\\s*人才发展观察\\s+2021\\s*年第\\s*3\\s*期\\s*$'
  - '^\\s*江南人才发展研究中心\\s+2021\\s*年\\s*3\\s*月\\s*$'
  - '^\\s*\\d{1,3}\\s*$'
`;

const ORIGINS = (rows: string[]) =>
  [
    "# Origins",
    "",
    "| id | title | origin | publisher | date | licence | genre | split |",
    "| -- | -- | -- | -- | -- | -- | -- | -- |",
    ...rows,
    "",
  ].join("\n");
const ROW = `| ${ID} | 人才发展观察 | https://example.org/tpg/tests/fixtures/extract/second | 江南人才发展研究中心 | 2021-03 | own | research | dev |`;

/** A corpus with the second document's text and gold, its meta written, not yet frozen. */
function makeCorpus(options: { meta?: string; origins?: string[] } = {}): string {
  const root = tmp("tpg-corpus-test-");
  const dir = path.join(root, ID);
  mkdirSync(dir);
  copyFileSync(path.join(SECOND_DIR, "source.txt"), path.join(dir, "source.txt"));
  copyFileSync(path.join(SECOND_DIR, "gold.yaml"), path.join(dir, "gold.yaml"));
  writeFileSync(path.join(dir, "meta.yaml"), options.meta ?? META);
  writeFileSync(path.join(root, "ORIGINS.md"), ORIGINS(options.origins ?? [ROW]));
  return root;
}

async function frozenCorpus(options: { meta?: string; origins?: string[] } = {}): Promise<string> {
  const root = makeCorpus(options);
  await freezeDocument(root, ID, { now: NOW });
  return root;
}

const messages = (check: CorpusCheck) => check.problems.map(formatProblem).join("\n");

/** runTpg in this process, console output and the CLI's own output captured. */
async function tpg(args: string[]) {
  let out = "";
  let err = "";
  const log = vi.spyOn(console, "log").mockImplementation((...xs: unknown[]) => {
    out += `${xs.join(" ")}\n`;
  });
  try {
    const code = await runTpg(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  } finally {
    log.mockRestore();
  }
}

describe("the project's corpus and its floors", () => {
  it("checks clean, and every floor of corpus/floors.yaml is met by the current extractor", async () => {
    const root = corpusRoot();
    const floors = readFloors(root);
    // floors.yaml reads as a list of floors, not problems
    expect(
      floors.every((f) => !("file" in f)),
      JSON.stringify(floors),
    ).toBe(true);
    const check = await checkCorpus(root);
    expect(messages(check)).toBe("");
    if (check.floors.length === 0) return;
    const parts = await evaluateCorpus(check.documents);
    expect(unmetFloors(check.floors, parts)).toEqual([]);
  });
});

describe("the corpus harness, on a temporary corpus made from the second document's files", () => {
  let root: string;
  let check: CorpusCheck;
  let parts: PartEvaluation[];
  beforeAll(async () => {
    root = await frozenCorpus();
    check = await checkCorpus(root);
    parts = await evaluateCorpus(check.documents);
  });

  it("freezes the text's and the gold's hashes, and then checks clean", () => {
    const frozen = readFrozen(path.join(root, ID));
    expect(Array.isArray(frozen)).toBe(false);
    expect(frozen).toMatchObject({ frozen: "2024-06-01", split: "dev", text: "source.txt" });
    expect(messages(check)).toBe("");
    expect(check.documents.map((d) => d.id)).toEqual([ID]);
    const gold = check.documents[0]!.gold;
    expect(gold.nodes.filter((n) => n.sources.includes(ID)).length).toBeGreaterThan(100);
  });

  it("scores the document exactly as extracting the same file the way tpg extract does", async () => {
    // the user's path, step by step: read the file, find sections and furniture, write the source
    // folder, load it back, extract without a knowledge base
    const file = path.join(root, ID, "source.txt");
    const source = await readSource(file);
    const detected = detectSections(source.text);
    const dir = writeSourceFolder(tmp("tpg-user-test-"), ID, {
      text: source.text,
      title: source.text.split("\n")[0]!.trim(),
      format: source.format,
      ...detected,
    });
    const doc = loadSource(dir, (f) => f);
    if (Array.isArray(doc)) throw new Error(JSON.stringify(doc));
    const draft = extractDraft({
      sourceId: ID,
      text: doc.text,
      sections: doc.sections,
      furniture: detected.furniture,
    });
    const expected = scoreDraft(draft, check.documents[0]!.gold, ID);

    expect(parts.map((p) => p.split)).toEqual(["dev"]);
    const [dev] = parts;
    expect(dev!.documents).toHaveLength(1);
    expect(dev!.documents[0]!.score).toEqual(expected);
    // one document: the pooled part and its one genre are that document's figures
    expect(dev!.pooled.entitiesOverall).toEqual(expected.entitiesOverall);
    expect(dev!.pooled.relations).toEqual(expected.relations);
    expect(dev!.genres.research!.score.entitiesOverall).toEqual(expected.entitiesOverall);
    expect(dev!.genres.research!.documents).toBe(1);
  });

  it("says which floors are not met, and that a floor on a part without documents is not", () => {
    const f1 = parts[0]!.pooled.entitiesOverall.f1;
    const floors: Floor[] = [
      { split: "dev", f1: Math.max(0, f1 - 0.01) },
      { split: "dev", genre: "research", precision: 1.01 },
      { split: "test", f1: 0.1 },
      { split: "dev", genre: "news", f1: 0.1 },
    ];
    const unmet = unmetFloors(floors, parts);
    expect(unmet).toHaveLength(3);
    expect(unmet[0]).toMatch(/^dev research: entity precision/u);
    expect(unmet[1]).toBe("test: no documents to measure");
    expect(unmet[2]).toBe("dev news: no documents to measure");
  });

  it("refuses --misses on the test part, saying why, and shows it on the dev part", async () => {
    const refused = await tpg(["eval", "--misses", "Measure", "--split", "test", "--corpus", root]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/--misses is refused for the test part: it is held out/u);
    await expect(evaluateCorpus(check.documents, { split: "test", missesOf: "Measure" })).rejects.toThrow(
      /held out/u,
    );
    const shown = await tpg(["eval", "--misses", "Person", "--split", "dev", "--corpus", root]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(new RegExp(`corpus dev: ${ID} \\(research\\) — Person`, "u"));
    expect(shown.out).not.toMatch(/IN-SAMPLE/u); // --split: the corpus part only
  });

  it("refuses to freeze again without --force, and says why", async () => {
    const before = readFileSync(path.join(root, ID, "FROZEN"), "utf8");
    await expect(freezeDocument(root, ID, { now: new Date("2024-07-01") })).rejects.toThrow(
      /FROZEN already exists \(frozen on 2024-06-01\): the gold was frozen before the extractor was run/u,
    );
    expect(readFileSync(path.join(root, ID, "FROZEN"), "utf8")).toBe(before);
    const cli = await tpg(["corpus", "freeze", ID, "--corpus", root]);
    expect(cli.code).toBe(1);
    expect(cli.err).toMatch(/already exists/u);
    expect(cli.err).toMatch(/hint: .*--force/u);
  });
});

describe("what tpg corpus check finds wrong", () => {
  it("a gold edited after freezing, naming the file", async () => {
    const root = await frozenCorpus();
    const gold = path.join(root, ID, "gold.yaml");
    writeFileSync(gold, readFileSync(gold, "utf8").replace("name: 王晓明", "name: 王晓明 "));
    const check = await checkCorpus(root);
    expect(check.documents).toEqual([]);
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]!.file).toBe(gold);
    expect(check.problems[0]!.message).toMatch(/the gold was edited after freezing/u);
    const cli = await tpg(["corpus", "check", "--corpus", root]);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain(`${gold}: the gold was edited after freezing`);
    // and tpg eval refuses the corpus rather than leaving the document out
    const evaluation = await tpg(["eval", "--split", "dev", "--corpus", root]);
    expect(evaluation.code).toBe(1);
    expect(evaluation.err).toMatch(/has problems, so it is not evaluated/u);
  });

  it("a text edited after freezing, and a document not frozen at all", async () => {
    const root = await frozenCorpus();
    const text = path.join(root, ID, "source.txt");
    writeFileSync(text, `${readFileSync(text, "utf8")}\n`);
    expect(messages(await checkCorpus(root))).toMatch(/source\.txt: the text was edited after freezing/u);
    const unfrozen = makeCorpus();
    const problems = messages(await checkCorpus(unfrozen));
    expect(problems).toMatch(/FROZEN: missing: the document is not frozen, so it cannot be evaluated/u);
    expect(problems).toMatch(/hint: .*tpg corpus freeze rcfzgc-2021-03/u);
  });

  it("a meta.yaml missing a field, or with a wrong one, with file and line", async () => {
    const meta = META.replace("publisher: 江南人才发展研究中心\n", "").replace(
      "script: simplified",
      "script: simple",
    );
    const root = makeCorpus({ meta });
    const check = await checkCorpus(root);
    const file = path.join(root, ID, "meta.yaml");
    const missing = check.problems.find((p) => p.message.startsWith("publisher"));
    expect(missing).toMatchObject({ file, line: 1, message: "publisher: missing (required)" });
    expect(missing!.hint).toMatch(/corpus\/README\.md/u);
    const wrong = check.problems.find((p) => p.message.startsWith("script"));
    expect(wrong).toMatchObject({ file, line: 9 }); // the line of script: once publisher is gone
    // a nested field is reported at the line of the key that holds it (gold:)
    const noAuthor = makeCorpus({ meta: META.replace("  author: the team\n", "") });
    const nested = (await checkCorpus(noAuthor)).problems.find((p) => p.message.startsWith("gold.author"));
    expect(nested).toMatchObject({ line: 11, message: "gold.author: missing (required)" });
    // freeze refuses a document with problems, and writes nothing
    await expect(freezeDocument(root, ID)).rejects.toThrow(/cannot be frozen:[\s\S]*publisher: missing/u);
    expect(Array.isArray(readFrozen(path.join(root, ID)))).toBe(true);
  });

  it("a gold quote the text does not hold, at the gold's own file and line", async () => {
    const root = makeCorpus();
    const gold = path.join(root, ID, "gold.yaml");
    const original = readFileSync(gold, "utf8");
    const quote = "本文由江南人才发展研究中心研究助理王晓明整理";
    const changed = original.replace(quote, "本文由江南人才发展研究中心研究员王晓明整理");
    writeFileSync(gold, changed);
    const line = changed.split("\n").findIndex((l) => l.includes("研究员王晓明")) + 1;
    const check = await checkCorpus(root);
    const notFound = check.problems.find((p) => p.message.startsWith("quote not found"));
    expect(notFound).toMatchObject({ file: gold, line });
    expect(notFound!.hint).toContain(path.join(root, ID, "source.txt"));
  });

  it("ORIGINS.md without the document's row, or with a row of no document, or disagreeing", async () => {
    const root = await frozenCorpus({ origins: [] });
    const check = await checkCorpus(root);
    const missing = check.problems.find((p) => p.message.includes("is not listed"));
    expect(missing).toMatchObject({ file: path.join(root, "ORIGINS.md") });
    expect(missing!.message).toBe(`document "${ID}" is not listed`);
    expect(missing!.hint).toContain(`| ${ID} | 人才发展观察 2021 年第 3 期（测试样例） |`);
    // the document itself is fine: only the table is wrong
    expect(check.documents.map((d) => d.id)).toEqual([ID]);

    const extra = await frozenCorpus({
      origins: [
        ROW.replace("| dev |", "| test |"),
        "| gone-2020 | x | https://example.org/x | y | 2020 | z | news | test |",
      ],
    });
    const problems = messages(await checkCorpus(extra));
    expect(problems).toMatch(
      /ORIGINS\.md:5: document "rcfzgc-2021-03": split "test" but its meta\.yaml says "dev"/u,
    );
    expect(problems).toMatch(/ORIGINS\.md:6: document "gone-2020" is listed but has no folder/u);
  });

  it("a published PDF is read through its text layer, frozen by its bytes", async () => {
    const root = tmp("tpg-corpus-pdf-");
    const dir = path.join(root, "pdf-doc");
    mkdirSync(dir);
    const page = (text: string) => {
      const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
      return handMadePdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      ]);
    };
    writeFileSync(path.join(dir, "source.pdf"), page("Zhejiang University admits talent"));
    writeFileSync(path.join(dir, "meta.yaml"), META.replace(/furniture:[\s\S]*$/u, ""));
    writeFileSync(
      path.join(dir, "gold.yaml"),
      [
        "source: pdf-doc",
        "section: text",
        "entities:",
        "  - id: org:zju",
        "    label: Organization",
        "    name: Zhejiang University",
        "    nameEn: Zhejiang University",
        "    props: { kind: university }",
        "    evidence: [Zhejiang University]",
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(root, "ORIGINS.md"),
      ORIGINS([
        "| pdf-doc | t | https://example.org/tpg/tests/fixtures/extract/second | p | 2021 | l | research | dev |",
      ]),
    );
    const { frozen } = await freezeDocument(root, "pdf-doc", { now: NOW });
    expect(frozen.text).toBe("source.pdf");
    const check = await checkCorpus(root);
    expect(messages(check)).toBe("");
    expect(check.documents[0]!.gold.nodes.find((n) => n.id === "org:zju")!.evidence[0]!.quote).toBe(
      "Zhejiang University",
    );
    writeFileSync(path.join(dir, "source.pdf"), page("Zhejiang University admits more talent"));
    expect(messages(await checkCorpus(root))).toMatch(/source\.pdf: the text was edited after freezing/u);
  });

  it("a frozen dev document cannot be moved to the test part", async () => {
    const root = await frozenCorpus();
    const meta = path.join(root, ID, "meta.yaml");
    writeFileSync(meta, META.replace("split: dev", "split: test"));
    expect(messages(await checkCorpus(root))).toMatch(/split "test" but the document was frozen in "dev"/u);
    await expect(freezeDocument(root, ID, { force: true })).rejects.toThrow(
      /cannot move to the held-out test part/u,
    );
  });

  it("an empty corpus is said so in one line, not printed as zeros", async () => {
    const root = tmp("tpg-corpus-empty-");
    const check = await tpg(["corpus", "check", "--corpus", root]);
    expect(check.code).toBe(0);
    expect(check.out.trim().split("\n")).toHaveLength(1);
    expect(check.out).toMatch(/^no corpus documents yet in .*<id>\/ \(see corpus\/README\.md\)/u);
    const evaluation = await tpg(["eval", "--split", "test", "--corpus", root]);
    expect(evaluation.code).toBe(0);
    expect(evaluation.out).toMatch(/^corpus: no corpus documents yet/u);
    expect(evaluation.out).not.toMatch(/0\.00/u);
  });
});

it("the project's corpus folder has the files its README describes", () => {
  const readme = readFileSync(path.join(PROJECT_ROOT, "corpus/README.md"), "utf8");
  for (const word of ["meta.yaml", "gold.yaml", "FROZEN", "ORIGINS.md", "floors.yaml", "tpg corpus freeze"])
    expect(readme).toContain(word);
  // ORIGINS.md holds the table check reads, with every column, and no row yet
  const origins = readOrigins(path.join(PROJECT_ROOT, "corpus"));
  expect(origins.problems).toEqual([]);
  expect(origins.rows.size).toBe(0);
  const headerless = tmp("tpg-corpus-origins-");
  writeFileSync(path.join(headerless, "ORIGINS.md"), "| id | title |\n| -- | -- |\n");
  expect(readOrigins(headerless).problems[0]!.message).toMatch(/lacks the columns origin, publisher/u);
});
