/**
 * Reading new sources (text files and real PDFs printed by Chromium), detecting their sections and
 * page furniture, and writing a source folder that the importer loads.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSource, SourceReadError } from "../../importer/extract/read.ts";
import { detectSections } from "../../importer/extract/sections.ts";
import { writeSourceFolder } from "../../importer/extract/sourceFolder.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import { loadSource, type SourceDoc } from "../../importer/sourceText.ts";
import { launchBrowser } from "../setup/browser.ts";
import { miniRoot, MINI } from "../setup/fixtures.ts";
import { handMadePdf } from "../setup/pdf.ts";

const SEED = path.join(PROJECT_ROOT, "importer", "sources", "rczcyjdt-2020-07");
const seedText = readFileSync(path.join(SEED, "source.txt"), "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "tpg-extract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<SourceReadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceReadError);
  return error as SourceReadError;
}

function load(folder: string): SourceDoc {
  const doc = loadSource(folder, (f) => f);
  if (Array.isArray(doc)) throw new Error(JSON.stringify(doc));
  return doc;
}

describe("readSource: text files", () => {
  it("reads UTF-8 text as it is", async () => {
    const file = fixture("plain.txt", "卷首语\n\n科技创新中心是新知识的策源地。\n");
    expect(await readSource(file)).toEqual({
      text: "卷首语\n\n科技创新中心是新知识的策源地。\n",
      format: "txt",
      pages: null,
      bytes: Buffer.byteLength("卷首语\n\n科技创新中心是新知识的策源地。\n"),
    });
    expect((await readSource(fixture("notes.md", "# 标题\n"))).text).toBe("# 标题\n");
  });

  it("drops a byte-order mark and turns CRLF into LF", async () => {
    const bom = fixture(
      "bom.txt",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("第一行\r\n第二行\r\n")]),
    );
    expect((await readSource(bom)).text).toBe("第一行\n第二行\n");
  });

  it("refuses GB18030 text with a hint to convert it", async () => {
    // 中文标题 in GB18030.
    const file = fixture("gbk.txt", new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xea, 0xcc, 0xe2, 0x0a]));
    const error = await failure(readSource(file));
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file}: the file is not valid UTF-8 (Chinese text saved as GBK/GB18030?)`);
    expect(error.hint).toContain("iconv -f GB18030 -t UTF-8");
  });

  it("refuses empty, blank, missing, unknown and oversized files", async () => {
    expect((await failure(readSource(fixture("empty.txt", "")))).message).toMatch(
      /the file is empty \(0 bytes\)$/,
    );
    expect((await failure(readSource(fixture("blank.txt", " \n\t\r\n")))).message).toMatch(
      /only whitespace$/,
    );
    expect((await failure(readSource(path.join(dir, "missing.txt")))).message).toMatch(/no such file$/);
    const docx = await failure(readSource(fixture("report.docx", "PK")));
    expect(docx.message).toMatch(/unsupported file type "\.docx"$/);
    expect(docx.hint).toMatch(/\.pdf, \.txt or \.md/);
    const big = await failure(readSource(fixture("big.txt", "人才".repeat(100)), { maxBytes: 100 }));
    expect(big.message).toMatch(/the file is 0\.0 MB, more than the limit of 0\.0 MB$/);
    expect(big.hint).toBe("split the document, or raise the limit with --max-bytes 600");
  });
});

/** Builds a minimal PDF encrypted with a user password (standard security handler, RC4, revision 2). */
function encryptedPdf(): Buffer {
  const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");
  const rc4 = (key: Buffer, data: Buffer) => {
    const s = [...Array(256).keys()];
    for (let i = 0, j = 0; i < 256; i++) {
      j = (j + s[i]! + key[i % key.length]!) & 255;
      [s[i], s[j]] = [s[j]!, s[i]!];
    }
    const out = Buffer.alloc(data.length);
    for (let n = 0, i = 0, j = 0; n < data.length; n++) {
      i = (i + 1) & 255;
      j = (j + s[i]!) & 255;
      [s[i], s[j]] = [s[j]!, s[i]!];
      out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
    }
    return out;
  };
  const pad = (password: string) => Buffer.concat([Buffer.from(password, "latin1"), PAD]).subarray(0, 32);
  const md5 = (...parts: Buffer[]) => createHash("md5").update(Buffer.concat(parts)).digest();
  const id = Buffer.from("0123456789abcdef0123456789abcdef", "hex");
  const owner = rc4(md5(pad("owner")).subarray(0, 5), pad("secret"));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const user = rc4(md5(pad("secret"), owner, permissions, id).subarray(0, 5), PAD);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString("hex")}> /U <${user.toString("hex")}> /P -4 >>`,
  ];
  return handMadePdf(objects, ` /Encrypt 4 0 R /ID [<${id.toString("hex")}> <${id.toString("hex")}>]`);
}

const PARAGRAPH =
  "上海张江高科技园区（2016 年后改称“张江科学城”）位于浦东新区中部，园区拥有生物医药、信息技术、节能环保、高端装备制造等 9 大优势突出的产业集群，人才集聚结构呈现高端化、国际化与年轻化特征。";

/** Three pages with a running header and a page number each, two articles, the app's own font. */
function reportHtml(): string {
  const fonts = path.join(PROJECT_ROOT, "node_modules", "@fontsource", "noto-sans-sc");
  const css = readFileSync(path.join(fonts, "400.css"), "utf8").replaceAll(
    "url(./files/",
    `url(${pathToFileURL(path.join(fonts, "files")).href}/`,
  );
  const page = (n: number, body: string) =>
    `<section><div class="header">人才工作简报\u30002021 年第 3 期</div>${body}<div class="footer">${n}</div></section>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
    body { font-family: "Noto Sans SC"; font-size: 14pt; margin: 0; }
    section { break-after: page; } section:last-child { break-after: auto; }
    p { text-align: justify; } .header, .footer { font-size: 9pt; text-align: center; }
    </style></head><body>
    ${page(1, `<h1>上海张江人才政策及人才集聚经验研究</h1><h2>一、上海张江简介</h2><p>${PARAGRAPH}</p>`)}
    ${page(2, `<h2>二、人才结构</h2><p>张江人才集聚结构呈现高端化特征。Zhangjiang attracts talent.</p><p>（本文由研究助理整理）</p>`)}
    ${page(3, `<h1>北京中关村人才集聚经验研究</h1><h2>一、中关村简介</h2><p>中关村是中国第一个国家自主创新示范区。</p>`)}
    </body></html>`;
}

describe("readSource: PDF", () => {
  let report: string;
  let scan: string;
  let reportBytes: Buffer;

  beforeAll(async () => {
    const { context, close } = await launchBrowser();
    try {
      const page = await context.newPage();
      const html = fixture("report.html", reportHtml());
      await page.goto(pathToFileURL(html).href);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.fonts.check('14pt "Noto Sans SC"', "张江人才"))).toBe(true);
      reportBytes = await page.pdf({ format: "A4", margin: { top: "1.5cm", bottom: "1.5cm" } });
      report = fixture("report.pdf", reportBytes);

      // A "scan": the page holds nothing but an image, so the PDF has no text layer.
      await page.setContent('<canvas width="600" height="300"></canvas><img>');
      await page.evaluate(() => {
        const canvas = document.querySelector("canvas")!;
        const g = canvas.getContext("2d")!;
        g.fillStyle = "#fff";
        g.fillRect(0, 0, 600, 300);
        g.fillStyle = "#222";
        for (let y = 20; y < 280; y += 24) g.fillRect(20, y, 560, 12);
        const img = document.querySelector("img")!;
        img.src = canvas.toDataURL();
        canvas.remove();
        return img.decode();
      });
      scan = fixture("scan.pdf", await page.pdf({ format: "A4" }));
    } finally {
      await close();
    }
  });

  it("rebuilds the lines of the text layer, Chinese without inserted spaces", async () => {
    const read = await readSource(report);
    expect(read.format).toBe("pdf");
    expect(read.pages).toBe(3);
    expect(read.bytes).toBe(reportBytes.length);
    const lines = read.text.split("\n");
    for (const line of [
      "上海张江人才政策及人才集聚经验研究",
      "一、上海张江简介",
      "二、人才结构",
      "张江人才集聚结构呈现高端化特征。Zhangjiang attracts talent.",
      "（本文由研究助理整理）",
      "北京中关村人才集聚经验研究",
      "中关村是中国第一个国家自主创新示范区。",
      "人才工作简报 2021 年第 3 期",
      "3",
    ]) {
      expect(lines).toContain(line);
    }
    // The justified paragraph wraps over lines; joined, it is the text as written.
    expect(read.text.replaceAll("\n", "")).toContain(PARAGRAPH);
    expect(read.text).not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff]/u);
  });

  it("finds the articles and the running header in the PDF's text, and writes a source that loads", async () => {
    const { text } = await readSource(report);
    const { sections, furniture } = detectSections(text);
    expect(sections.map((s) => s.title)).toEqual([
      "上海张江人才政策及人才集聚经验研究",
      "北京中关村人才集聚经验研究",
    ]);
    expect(furniture).toEqual([
      String.raw`^\s*\d{1,3}\s*$`,
      String.raw`^\s*人才工作简报\s*2021\s*年第\s*3\s*期\s*$`,
    ]);
    const root = mkdtempSync(path.join(dir, "root-"));
    const folder = writeSourceFolder(root, "report-2021-03", {
      text,
      title: "人才工作简报",
      format: "pdf",
      sections,
      furniture,
    });
    const doc = load(folder);
    expect(doc.sections.map((s) => s.id)).toEqual(["shanghaizhangjiang", "beijingzhongguancun"]);
    expect(doc.sections[1]!.start).toBe(sections[1]!.start);
  });

  it("says that a PDF without text needs OCR", async () => {
    const error = await failure(readSource(scan));
    expect(error.message).toBe(`${scan}: the PDF has 1 page but no text layer (a scan?)`);
    expect(error.hint).toMatch(/^run OCR first, e\.g\. ocrmypdf .*, then extract again$/);
  });

  it("refuses truncated, damaged, fake and encrypted PDFs", async () => {
    const truncated = fixture("truncated.pdf", reportBytes.subarray(0, Math.floor(reportBytes.length / 2)));
    expect((await failure(readSource(truncated))).message).toMatch(
      /the PDF is truncated \(no %%EOF at its end\)$/,
    );
    const damaged = fixture(
      "damaged.pdf",
      Buffer.concat([reportBytes.subarray(0, 4000), reportBytes.subarray(reportBytes.length - 600)]),
    );
    expect((await failure(readSource(damaged))).message).toMatch(/the PDF is damaged: /);
    const fake = fixture("fake.pdf", "<html>404 Not Found</html>");
    expect((await failure(readSource(fake))).message).toMatch(
      /not a PDF \(the file does not start with %PDF-\)$/,
    );
    const locked = await failure(readSource(fixture("locked.pdf", encryptedPdf())));
    expect(locked.message).toMatch(/the PDF is encrypted with a password$/);
    expect(locked.hint).toContain("qpdf");
  });
});

describe("detectSections", () => {
  it("finds the five sections of the seed, in order, where its source.yaml puts them", () => {
    const { sections, furniture } = detectSections(seedText);
    expect(sections.map((s) => s.title)).toEqual([
      "卷首语",
      "上海张江人才政策及人才集聚经验研究",
      "北京中关村人才集聚经验研究",
      "深圳前海人才政策及人才集聚经验研究",
      "手机人才时讯信息汇编（2020 年 7 月）",
    ]);
    expect(sections.map((s) => s.id)).toEqual([
      "juanshouyu",
      "shanghaizhangjiang",
      "beijingzhongguancun",
      "shenzhenqianhai",
      "shoujirencaishixun",
    ]);
    const seed = load(SEED);
    expect(sections.map((s) => [s.start, s.end, s.line])).toEqual(
      seed.sections.map((s) => [s.start, s.end, s.line]),
    );
    expect(furniture).toContain(String.raw`^\s*\d{1,3}\s*$`);
  });

  it("prefers chapters listed in a table of contents and finds a repeated footer", () => {
    const text = [
      "关于加快人才发展的若干意见",
      "目  录",
      "第一章 总则 ........ 1",
      "第二章 人才引进 ........ 2",
      "第一章 总则",
      "为加快人才发展，制定本意见。本意见适用于全市各类人才。",
      "示范市人才工作领导小组办公室",
      "1",
      "第二章 人才引进",
      "一、引进高层次人才",
      "对引进的高层次人才给予安家补贴。",
      "示范市人才工作领导小组办公室",
      "2",
      "对急需紧缺人才给予生活补贴。",
      "示范市人才工作领导小组办公室",
      "3",
    ].join("\n");
    const { sections, furniture } = detectSections(text);
    expect(sections.map((s) => [s.id, s.title, s.line])).toEqual([
      ["zongze", "第一章 总则", 5],
      ["rencaiyinjin", "第二章 人才引进", 9],
    ]);
    expect(sections[0]!.start).toBe(0);
    expect(sections[1]!.start).toBe(text.indexOf("第二章 人才引进\n一、"));
    expect(furniture).toEqual([
      String.raw`^\s*\d{1,3}\s*$`,
      String.raw`^\s*示范市人才工作领导小组办公室\s*$`,
    ]);

    // The headings also occur in the contents: the source folder's headings must skip those.
    const root = mkdtempSync(path.join(dir, "root-"));
    const doc = load(
      writeSourceFolder(root, "opinions", { text, title: "若干意见", format: "txt", sections, furniture }),
    );
    expect(doc.sections.map((s) => [s.id, s.start, s.line])).toEqual(
      sections.map((s) => [s.id, s.start, s.line]),
    );
  });

  it("uses 一、二、 headings below a document title, and a single section when there are none", () => {
    const mini = readFileSync(path.join(MINI, "source.txt"), "utf8");
    const { sections } = detectSections(mini);
    expect(sections.map((s) => s.title)).toEqual(["园区概况", "人才服务"]);
    expect(sections.map((s) => s.start)).toEqual(load(MINI).sections.map((s) => s.start));
    const sentences = "这是一段没有标题的文字，只有一句话。\n第二句话。\n";
    expect(detectSections(sentences).sections).toEqual([
      { id: "s1", title: "这是一段没有标题的文字，只有一句话。", start: 0, end: sentences.length, line: 1 },
    ]);
  });
});

describe("writeSourceFolder", () => {
  it("writes source.txt exactly and a source.yaml that loadSource and the validator accept", () => {
    const { root } = miniRoot();
    try {
      const { sections, furniture } = detectSections(seedText);
      const input = {
        text: seedText,
        title: "人才政策研究动态 2020 年第 7 期",
        format: "pdf" as const,
        sections,
        furniture,
      };
      const folder = writeSourceFolder(root, "rczcyjdt-copy", input);
      expect(folder).toBe(path.join(root, "sources", "rczcyjdt-copy"));
      expect(readFileSync(path.join(folder, "source.txt"), "utf8")).toBe(seedText);
      const yaml = readFileSync(path.join(folder, "source.yaml"), "utf8");
      expect(yaml).toContain("id: rczcyjdt-copy\n");
      expect(yaml).toContain("language: zh\n");
      expect(yaml).toContain("text: source.txt\n");
      expect(yaml).toMatch(/publisher: unknown # fill in/);
      expect(yaml).toContain(
        "  - id: shoujirencaishixun\n    heading: 手机人才时讯信息汇编\n    title: 手机人才时讯信息汇编（2020 年 7 月）\n",
      );
      const doc = load(folder);
      expect(doc.id).toBe("rczcyjdt-copy");
      expect(doc.sections.map((s) => s.start)).toEqual(load(SEED).sections.map((s) => s.start));
      expect(loadKnowledgeBase(root).problems).toEqual([]);

      // The same text again leaves the folder (and any edits of source.yaml) alone …
      const edited = yaml.replace("publisher: unknown", "publisher: 浙江省人才发展研究院");
      writeFileSync(path.join(folder, "source.yaml"), edited);
      writeSourceFolder(root, "rczcyjdt-copy", input);
      expect(readFileSync(path.join(folder, "source.yaml"), "utf8")).toBe(edited);
      // … another text is refused unless forced.
      const other = { ...input, text: `${seedText}\n补充` };
      expect(() => writeSourceFolder(root, "rczcyjdt-copy", other)).toThrow(
        /already exists with a different text/,
      );
      writeSourceFolder(root, "rczcyjdt-copy", other, { force: true });
      expect(readFileSync(path.join(folder, "source.txt"), "utf8")).toBe(other.text);
      expect(() => writeSourceFolder(root, "Bad Id", input)).toThrow(/lower-case ASCII/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
