/**
 * HanLP (com.hankcs:hanlp:portable, Maven Central) as a signal for the rules: the span reader in
 * importer/hanlp/ is built with Maven on first use (as the Neo4j launcher is) and run once per
 * document, one JVM each, to segment a text with person, place and organisation recognition; and,
 * once per build, to list the words HanLP's own dictionaries tag as organisations (cached in the
 * module's target/, never committed).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  checkJava,
  ensureMavenModule,
  javaCommand,
  moduleClasspath,
  moduleSourceHash,
  SetupError,
  type Log,
  type MavenModule,
} from "../../graph/mavenModule.ts";
import { PROJECT_ROOT } from "../paths.ts";

export { SetupError };

export const HANLP_DIR = path.join(PROJECT_ROOT, "importer", "hanlp");
const MAIN_CLASS = "org.talentpolicygraph.hanlp.Spans";

const MODULE: MavenModule = {
  dir: HANLP_DIR,
  classFile: path.join(HANLP_DIR, "target/classes/org/talentpolicygraph/hanlp/Spans.class"),
  purpose: "to fetch HanLP's jar for --hanlp and the organisation lexicon",
  otherwise: ", or leave out --hanlp.",
  firstBuild:
    "Fetching HanLP (portable-1.8.6, ~8 MB) with Maven and building its span reader (first run only)…",
  rebuild: "The HanLP span reader's sources changed: rebuilding it with Maven…",
  built: "HanLP span reader built",
};

/** One word of HanLP's segmentation: offsets in UTF-16 code units of the text given, its nature. */
export interface HanlpSpan {
  start: number;
  end: number;
  word: string;
  nature: string;
}

/** A word HanLP's dictionaries tag with an organisation nature, with that nature's frequency. */
export interface HanlpLexiconEntry {
  word: string;
  nature: string;
  freq: number;
}

const toStderr: Log = (message) => console.error(message);

/** Checks Java and builds the span reader if needed; a SetupError saying what to install if not. */
export function ensureHanlp(
  log: Log = toStderr,
  needs = "for HanLP (--hanlp)",
  otherwise = "  or run without --hanlp.",
): void {
  checkJava(needs, otherwise);
  ensureMavenModule(MODULE, log);
}

function runJava(args: string[], input: string): string {
  const result = spawnSync(javaCommand(), ["-Xss4m", "-cp", moduleClasspath(MODULE), MAIN_CLASS, ...args], {
    input,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (result.error) throw new SetupError(`HanLP could not be started: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`HanLP's span reader failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  return result.stdout;
}

function jsonLines<T>(out: string): T[] {
  return out
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** HanLP's words for a text, with person, place and organisation recognition (one JVM per call). */
export function hanlpSpans(text: string, log: Log = toStderr): HanlpSpan[] {
  ensureHanlp(log);
  return jsonLines<HanlpSpan>(runJava([], text));
}

/** The organisation natures of HanLP's tag set: company (and its kinds), university, school, hospital, other. */
export const ORGANIZATION_NATURES = [
  "nt",
  "ntc",
  "ntcf",
  "ntcb",
  "ntch",
  "nto",
  "ntu",
  "nts",
  "nth",
] as const;

/**
 * The words HanLP's dictionaries (core and custom, inside the jar) tag with an organisation nature,
 * each with all its natures: derived once per build of the span reader into target/ and read from
 * there afterwards, without a JVM.
 */
export function hanlpLexicon(log: Log = toStderr): Map<string, Map<string, number>> {
  const cache = path.join(HANLP_DIR, "target", `lexicon-${moduleSourceHash(HANLP_DIR).slice(0, 16)}.jsonl`);
  if (!existsSync(cache)) {
    ensureHanlp(
      log,
      "once to derive the organisation lexicon from HanLP's jar",
      "  (extraction goes on without it).",
    );
    // every nature of those words, not only the organisation's (a word tagged ntc may be an ordinary word first)
    const out = runJava(["--lexicon", ...ORGANIZATION_NATURES], "");
    const tmp = `${cache}.${process.pid}`;
    writeFileSync(tmp, out);
    renameSync(tmp, cache);
  }
  const lexicon = new Map<string, Map<string, number>>();
  for (const e of jsonLines<HanlpLexiconEntry>(readFileSync(cache, "utf8"))) {
    const natures = lexicon.get(e.word) ?? new Map<string, number>();
    natures.set(e.nature, (natures.get(e.nature) ?? 0) + e.freq);
    lexicon.set(e.word, natures);
  }
  return lexicon;
}
