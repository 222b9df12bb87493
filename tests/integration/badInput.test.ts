/**
 * Bad input to extraction, through `extract` (what `tpg extract` runs) into a copy of the knowledge
 * root: a binary file, a Word file renamed .txt, the seed text in GBK, an empty file, an HTML page
 * saved as .pdf, a truncated PDF, a PDF without a text layer, and the seed text repeated to 5 MB.
 * Each ends in a message with a hint (SourceReadError or InputError, which the CLI prints without a
 * stack trace) and leaves the knowledge root exactly as it was, or gives a whole result.
 */
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceReadError } from "../../importer/extract/read.ts";
import { handMadePdf } from "../setup/pdf.ts";

const run = promisify(execFile);
const PROJECT = path.resolve(import.meta.dirname, "..", "..");
const SEED = readFileSync(
  path.join(PROJECT, "importer", "sources", "rczcyjdt-2020-07", "source.txt"),
  "utf8",
);
const work = mkdtempSync(path.join(tmpdir(), "tpg-bad-input-"));
const root = path.join(work, "knowledge");
const inputs = path.join(work, "inputs");

type Extract = typeof import("../../importer/extract/cli.ts");
let extract: Extract["extract"];
let InputError: Extract["InputError"];

beforeAll(async () => {
  cpSync(path.join(PROJECT, "importer", "taxonomy"), path.join(root, "taxonomy"), { recursive: true });
  cpSync(path.join(PROJECT, "importer", "sources"), path.join(root, "sources"), { recursive: true });
  // Read once, when importer/paths.ts is first imported: set before the extractor is loaded.
  process.env.TPG_KNOWLEDGE_ROOT = root;
  ({ extract, InputError } = await import("../../importer/extract/cli.ts"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir` with its content, as one hash. */
function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/** GBK bytes of `text`, from the decoder's own table (Node can decode GBK but not encode it). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== "\ufffd" && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) out.push(char.charCodeAt(0));
    else out.push(...(table.get(char) ?? [0x3f]));
  }
  return Buffer.from(out);
}

/** A one-page PDF whose page has no content stream: nothing to read, as in a scan without OCR. */
function pdfWithoutText(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
  ];
  return handMadePdf(objects);
}

function input(name: string, content: string | Buffer): string {
  mkdirSync(inputs, { recursive: true });
  const file = path.join(inputs, name);
  writeFileSync(file, content);
  return file;
}

const quiet = { step: () => {}, result: () => {} };

const binary = Buffer.concat([randomBytes(512), Buffer.from([0]), randomBytes(512)]);
const cases: { name: string; content: () => string | Buffer; message: RegExp; hint: RegExp }[] = [
  {
    name: "blob.bin",
    content: () => binary,
    message: /unsupported file type "\.bin"$/,
    hint: /\.pdf, \.txt or \.md/,
  },
  {
    name: "binary.txt",
    content: () => Buffer.concat([Buffer.from("abc"), binary]),
    message: /the file holds binary data \(a NUL byte at offset \d+\), not text$/,
    hint: /save other formats .* as PDF or UTF-8 text/,
  },
  {
    name: "report-docx.txt",
    content: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(256)]),
    message: /the file is a ZIP archive \(a Word \.docx.*\), not plain text$/,
    hint: /save it as PDF or as UTF-8 text/,
  },
  {
    name: "seed-gbk.txt",
    content: () => gbk(SEED),
    message: /the file is not valid UTF-8 \(Chinese text saved as GBK\/GB18030\?\)$/,
    hint: /^convert it first: iconv -f GB18030 -t UTF-8 /,
  },
  {
    name: "empty.txt",
    content: () => "",
    message: /the file is empty \(0 bytes\)$/,
    hint: /export or download the document again/,
  },
  {
    name: "error-page.pdf",
    content: () => "<!doctype html><title>404 Not Found</title>",
    message: /not a PDF \(the file does not start with %PDF-\)$/,
    hint: /HTML error page/,
  },
  {
    name: "cut-short.pdf",
    content: () => pdfWithoutText().subarray(0, 200),
    message: /the PDF is truncated \(no %%EOF at its end\)$/,
    hint: /download or copy the file again/,
  },
  {
    name: "scan.pdf",
    content: pdfWithoutText,
    message: /the PDF has 1 page but no text layer \(a scan\?\)$/,
    hint: /^run OCR first, e\.g\. ocrmypdf -l chi_sim /,
  },
];

describe("extract refuses bad input with a message and a hint, writing nothing", () => {
  it.each(cases)("$name", async ({ name, content, message, hint }) => {
    const file = input(name, content());
    const before = treeHash(root);
    const error = await extract({ file, id: `bad-${name.replace(/\W/g, "-")}` }, quiet).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error instanceof SourceReadError || error instanceof InputError, String(error)).toBe(true);
    const { message: text, hint: advice } = error as { message: string; hint?: string };
    expect(text.startsWith(file)).toBe(true);
    expect(text).toMatch(message);
    expect(advice).toMatch(hint);
    expect(treeHash(root)).toBe(before);
  });
});

describe("tpg extract on bad input", () => {
  it.each(["seed-gbk.txt", "binary.txt", "scan.pdf"])(
    "%s: exit 1 with the message and its hint, no stack trace, nothing written",
    async (name) => {
      const file = input(name, cases.find((c) => c.name === name)!.content());
      const before = treeHash(root);
      const outcome = await run(
        process.execPath,
        ["--import", "tsx", "cli/tpg.ts", "extract", file, "--id", "bad-cli"],
        { cwd: PROJECT, env: { ...process.env, TPG_KNOWLEDGE_ROOT: root, TPG_DEBUG: "" } },
      ).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(`${file}: `);
      expect(outcome.stderr).toMatch(/\n {2}hint: \S/);
      expect(outcome.stderr).not.toMatch(/^\s+at /m);
      expect(treeHash(root)).toBe(before);
    },
  );
});

describe("extract on a large real text", () => {
  it("reads 5 MB of the seed repeated and writes a whole source folder and draft", async () => {
    const copies = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(SEED));
    const text = SEED.repeat(copies);
    const file = input("seed-5mb.txt", text);
    expect(statSync(file).size).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const steps: string[] = [];
    const code = await extract(
      { file, id: "seed-5mb" },
      { step: (line) => steps.push(line), result: () => {} },
    );
    expect(code, steps.join("\n")).toBe(0);
    const folder = path.join(root, "sources", "seed-5mb");
    expect(readdirSync(folder).sort()).toEqual(["draft.yaml", "source.txt", "source.yaml"]);
    expect(readFileSync(path.join(folder, "source.txt"), "utf8")).toBe(text);
    const draft = parseYaml(readFileSync(path.join(folder, "draft.yaml"), "utf8")) as {
      entities?: unknown[];
    };
    expect(draft.entities?.length ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
