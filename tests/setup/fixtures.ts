/** A small knowledge root (the real taxonomy plus a tiny source) that tests copy and break. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../importer/paths.ts";

export const MINI = path.join(PROJECT_ROOT, "tests", "fixtures", "mini");

/** A fresh copy of the mini knowledge root; returns its path and the path of its knowledge file. */
export function miniRoot(): { root: string; file: string } {
  const root = mkdtempSync(path.join(tmpdir(), "tpg-knowledge-"));
  cpSync(path.join(PROJECT_ROOT, "importer", "taxonomy"), path.join(root, "taxonomy"), { recursive: true });
  mkdirSync(path.join(root, "sources"));
  cpSync(MINI, path.join(root, "sources", "mini"), { recursive: true });
  return { root, file: path.join(root, "sources", "mini", "park.yaml") };
}

export function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(file, after);
}
