/**
 * Writes a new source folder, `<root>/sources/<id>/` with `source.txt` (the text exactly as read)
 * and a `source.yaml` in the seed's format that importer/sourceText.ts `loadSource` accepts. Fields
 * the text cannot tell (English titles, publisher, date) get placeholders marked for the user.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Document, isMap, isSeq, Scalar } from "yaml";
import type { DetectedSection } from "./sections.ts";

export interface SourceFolderInput {
  text: string;
  title: string;
  format: "txt" | "pdf";
  sections: DetectedSection[];
  furniture: string[];
}

const ID = /^[a-z0-9][a-z0-9.-]*$/;
const SECTION_ID = /^[a-z0-9-]+$/;
export const UNKNOWN = "unknown";

/**
 * Returns the folder. A folder that already holds the same text is left as it is (its source.yaml
 * may have been edited since); one with a different text is only replaced with `force`.
 */
export function writeSourceFolder(
  root: string,
  id: string,
  input: SourceFolderInput,
  options: { force?: boolean } = {},
): string {
  if (!ID.test(id)) {
    throw new Error(
      `source id "${id}" must be lower-case ASCII letters, digits, "." and "-" (e.g. rczcyjdt-2020-08)`,
    );
  }
  if (input.text.trim() === "") throw new Error(`source ${id}: the text is empty`);
  if (input.sections.length === 0) throw new Error(`source ${id}: at least one section is needed`);
  const dir = path.join(root, "sources", id);
  const textFile = path.join(dir, "source.txt");
  const metaFile = path.join(dir, "source.yaml");
  const yaml = sourceYaml(id, input);
  if (existsSync(dir) && !options.force) {
    const same = existsSync(textFile) && readFileSync(textFile, "utf8") === input.text;
    if (!same) {
      throw new Error(
        `${dir} already exists with a different text; choose another id or pass force to replace it (its knowledge files' quotes may then no longer match)`,
      );
    }
    if (!existsSync(metaFile)) writeAtomically(metaFile, yaml);
    return dir;
  }
  mkdirSync(dir, { recursive: true });
  writeAtomically(textFile, input.text);
  writeAtomically(metaFile, yaml);
  return dir;
}

function writeAtomically(file: string, content: string) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * loadSource finds each section at the first occurrence of its `heading` after the previous one and
 * starts it at that line. The heading line's own text usually does; when an earlier copy (a table
 * of contents, a running header) would be found first, the heading is extended to the end of its
 * line, then to the whole line with its line breaks. Returns the heading and where the search for
 * the next one continues.
 */
function headingFor(text: string, section: DetectedSection, from: number): { heading: string; next: number } {
  const lines = text.split("\n");
  const raw = lines[section.line - 1];
  const lineStart =
    raw === undefined ? -1 : lines.slice(0, section.line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const candidates = raw === undefined ? [section.title] : [raw.trim(), `${raw.trimStart()}\n`, `\n${raw}\n`];
  for (const heading of candidates) {
    if (heading.trim() === "") continue;
    const at = text.indexOf(heading, from);
    if (at >= 0 && (lineStart < 0 || text.lastIndexOf("\n", at) + 1 === lineStart)) {
      return { heading, next: at + heading.length };
    }
  }
  throw new Error(
    `section "${section.id}": its heading (line ${section.line}) cannot be found after the previous section's`,
  );
}

function sourceYaml(id: string, input: SourceFolderInput): string {
  const doc = new Document({
    id,
    title: input.title,
    titleEn: input.title,
    publisher: UNKNOWN,
    date: UNKNOWN,
    language: "zh",
    text: "source.txt",
    furniture: input.furniture,
    sections: [] as unknown[],
  });
  const sections = doc.get("sections");
  const used = new Set<string>();
  let from = 0;
  input.sections.forEach((s, i) => {
    const { heading, next } = headingFor(input.text, s, from);
    from = next;
    let sectionId = SECTION_ID.test(s.id) ? s.id : `s${i + 1}`;
    if (used.has(sectionId)) sectionId = `${sectionId}-${i + 1}`;
    used.add(sectionId);
    const item = doc.createNode({ id: sectionId, heading, title: s.title, titleEn: s.title });
    const headingNode = item.get("heading", true);
    if (heading.includes("\n") && headingNode instanceof Scalar) headingNode.type = Scalar.QUOTE_DOUBLE;
    const titleEnNode = item.get("titleEn", true);
    if (titleEnNode instanceof Scalar) titleEnNode.comment = " English title: to translate";
    if (isSeq(sections)) sections.add(item);
  });
  const at = (key: string) => (isMap(doc.contents) ? doc.contents.get(key, true) : undefined);
  const mark = (key: string, comment: string) => {
    const node = at(key);
    if (node instanceof Scalar) node.comment = comment;
  };
  mark("titleEn", " English title: to translate");
  mark("publisher", " fill in: who published the document");
  mark("date", " fill in: YYYY-MM or YYYY-MM-DD");
  const furniture = at("furniture");
  if (isSeq(furniture)) {
    furniture.commentBefore =
      " Lines the extraction left inline (page headers, footers, page numbers); regular expressions.";
    for (const item of furniture.items) if (item instanceof Scalar) item.type = Scalar.QUOTE_SINGLE;
  }
  if (isSeq(sections)) {
    sections.commentBefore =
      " Sections in order; each starts at the first line (at or after the previous section) containing `heading`.";
  }
  const what = input.format === "pdf" ? "its PDF" : "its text file";
  doc.commentBefore = ` ${input.title}, as extracted from ${what}. Check the sections and fill in the marked fields.`;
  return doc.toString({ lineWidth: 0 });
}
