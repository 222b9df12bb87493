/**
 * The review tool on a hand-written draft of the mini source: what it writes (knowledge-file fields
 * only, existing entities not redefined, relations to unaccepted entities dropped, nothing written
 * twice), that the result validates, and that the importer ignores drafts.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import { reviewFromArgv } from "../../cli/review.ts";
import { miniRoot } from "../setup/fixtures.ts";

const DRAFT = path.join(PROJECT_ROOT, "tests", "fixtures", "extract", "draft-mini.yaml");
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function fresh(): { root: string; knowledge: string } {
  const { root } = miniRoot();
  roots.push(root);
  return { root, knowledge: path.join(root, "sources", "mini", "knowledge.yaml") };
}

async function run(args: string[], answers?: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const code = await reviewFromArgv(args, {
    print: (t) => out.push(t),
    error: (t) => err.push(t),
    cwd: PROJECT_ROOT,
    ...(answers
      ? {
          ask: (question: string) => {
            asked.push(question);
            return Promise.resolve(answers.shift() ?? "q");
          },
        }
      : {}),
  });
  return { code, out: out.join("\n"), err: err.join("\n"), asked };
}

interface Written {
  source: string;
  section: string;
  entities: Array<Record<string, unknown> & { id: string }>;
  relations: Array<{ type: string; from: string; to: string; evidence: unknown[] }>;
}

const read = (file: string) => parse(readFileSync(file, "utf8")) as Written;
const ids = (w: Written) => w.entities.map((e) => e.id);
const edges = (w: Written) => w.relations.map((r) => `${r.from} ${r.type} ${r.to}`);

describe("review --accept all", () => {
  it("writes the accepted candidates as knowledge, drops what cannot stand, and validates", async () => {
    const { root, knowledge } = fresh();
    const result = await run([DRAFT, "--root", root, "--accept", "all", "--yes"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/ADD {5}new entities: 3; relations: 7/);
    expect(result.out).toMatch(/CHANGE {2}existing entities referenced: 1 .*near-duplicates to decide: 1/);
    expect(result.out).toContain("dropped relation r6: org:shifan-daxue not accepted");
    expect(result.out).toContain("valid — run npm run import");

    const written = read(knowledge);
    expect(written.source).toBe("mini");
    expect(written.section).toBe("services");
    // The existing hub is not redefined and the near-duplicate is left out (default --near skip).
    expect(ids(written)).toEqual([
      "measure:test-park/green-channel",
      "carrier:test-park/training-base",
      "talent:high-level",
    ]);
    expect(edges(written)).toEqual([
      "hub:test-park ADOPTS measure:test-park/green-channel",
      "measure:test-park/green-channel BELONGS_TO theme:medical",
      "measure:test-park/green-channel HAS_INSTRUMENT instrument:supply/public-services",
      "measure:test-park/green-channel AT_STAGE stage:retain",
      "hub:test-park HAS_CARRIER carrier:test-park/training-base",
      "measure:test-park/talent-apartments TARGETS talent:high-level",
    ]);
    const text = readFileSync(knowledge, "utf8");
    for (const field of [
      "confidence",
      "status",
      "why",
      "similar",
      "existing",
      "start",
      "end",
      "draft",
      "generated",
      "extractor",
    ]) {
      expect(text).not.toMatch(new RegExp(`\\b${field}:`));
    }
    expect(written.entities[0]).toEqual({
      id: "measure:test-park/green-channel",
      label: "Measure",
      name: "人才就诊绿色通道",
      nameEn: "Medical green channel for talent",
      props: { description: "开通人才就诊绿色通道" },
      evidence: ["园区开通人才就诊绿色通道"],
    });
    // Evidence from another section than the file's keeps its section.
    expect(written.entities[2]!.evidence).toEqual([
      { quote: "为高层次人才提供住房保障", section: "overview" },
    ]);

    const { kb, problems } = loadKnowledgeBase(root);
    expect(problems).toEqual([]);
    expect(kb.nodes.filter((n) => n.id === "hub:test-park")).toHaveLength(1);
    expect(kb.nodes.find((n) => n.id === "talent:high-level")?.file).toMatch(/knowledge\.yaml$/);
  });

  it("writes nothing twice when run again", async () => {
    const { root, knowledge } = fresh();
    await run([DRAFT, "--root", root, "--accept", "all", "--yes"]);
    const first = readFileSync(knowledge, "utf8");
    const again = await run([DRAFT, "--root", root, "--accept", "all", "--yes"]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("wrote 0 entities and 0 relations");
    expect(readFileSync(knowledge, "utf8")).toBe(first);
    // A later run with other choices appends to the same file, still without duplicates.
    const merged = await run([DRAFT, "--root", root, "--accept", "all", "--near", "merge", "--yes"]);
    expect(merged.code).toBe(0);
    const written = read(knowledge);
    expect(new Set(ids(written)).size).toBe(ids(written).length);
    expect(new Set(edges(written)).size).toBe(edges(written).length);
    expect(edges(written)).toContain("org:demo-university OPERATES carrier:test-park/training-base");
    expect(ids(written)).not.toContain("org:shifan-daxue");
    expect(loadKnowledgeBase(root).problems).toEqual([]);
  });
});

describe("review choices", () => {
  it("--min-confidence leaves out the unsure candidates and their relations", async () => {
    const { root, knowledge } = fresh();
    const result = await run([DRAFT, "--root", root, "--min-confidence", "0.8", "--yes"]);
    expect(result.code).toBe(0);
    const written = read(knowledge);
    expect(ids(written)).toEqual(["measure:test-park/green-channel", "carrier:test-park/training-base"]);
    expect(edges(written)).not.toContain("measure:test-park/talent-apartments TARGETS talent:high-level");
    expect(edges(written)).toHaveLength(5);
  });

  it("--accept with ids takes those entities and the relations between accepted or existing ones", async () => {
    const { root, knowledge } = fresh();
    const result = await run([
      DRAFT,
      "--root",
      root,
      "--accept",
      "e2,carrier:test-park/training-base",
      "--yes",
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("dropped relation r7: talent:high-level not accepted");
    const written = read(knowledge);
    expect(ids(written)).toEqual(["measure:test-park/green-channel", "carrier:test-park/training-base"]);
    expect(edges(written)).toHaveLength(5);
  });

  it("keeping a near-duplicate as new is reported by the validator (exit 1)", async () => {
    const { root } = fresh();
    const result = await run([DRAFT, "--root", root, "--accept", "all", "--near", "keep", "--yes"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /likely duplicate: Organization org:demo-university "示范大学" and Organization org:shifan-daxue "示范大学" \(.*knowledge\.yaml:\d+\) share the name "示范大学"/,
    );
    expect(result.err).toContain("hint: merge them (keep one id");
  });

  it("without --yes and without a terminal it is a dry run", async () => {
    const { root, knowledge } = fresh();
    const result = await run([DRAFT, "--root", root, "--accept", "all"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("dry run: nothing written; add --yes to write 3 entities and 6 relations");
    expect(existsSync(knowledge)).toBe(false);
  });

  it("asks item by item on a terminal", async () => {
    const { root, knowledge } = fresh();
    // e2 yes, e3 no, e4 yes, e5 (near-duplicate) merge, r1 yes, r2 all remaining, then confirm.
    const result = await run([DRAFT, "--root", root], ["y", "n", "y", "m", "y", "a", "y"]);
    expect(result.code).toBe(0);
    expect(result.asked.filter((q) => q.includes("[m]erge into org:demo-university"))).toHaveLength(1);
    expect(result.asked.at(-1)).toMatch(/^write 2 entities and 5 relations to .*knowledge\.yaml\? \[y\/N\]/);
    const written = read(knowledge);
    expect(ids(written)).toEqual(["measure:test-park/green-channel", "talent:high-level"]);
    // r5 and r6 end at the carrier that was turned down: they are not even asked about.
    expect(edges(written)).not.toContain("hub:test-park HAS_CARRIER carrier:test-park/training-base");
    expect(edges(written)).toContain("measure:test-park/talent-apartments TARGETS talent:high-level");
    expect(loadKnowledgeBase(root).problems).toEqual([]);
  });

  it("reports usage errors with exit code 1", async () => {
    const { root } = fresh();
    const none = await run([]);
    expect(none.code).toBe(1);
    expect(none.err).toContain("missing required argument 'draft'");
    const confidence = await run([DRAFT, "--min-confidence", "high"]);
    expect(confidence.code).toBe(1);
    expect(confidence.err).toContain(
      "--min-confidence <n>' argument 'high' is invalid. a number from 0 to 1",
    );
    expect((await run([DRAFT, "--near", "fuse"])).err).toContain("Allowed choices are skip, merge, keep");
    expect((await run([DRAFT, "--root", root])).err).toContain("stdin is not a terminal");
    const missing = await run(["nope.yaml", "--root", root, "--accept", "all"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("nope.yaml: no such draft file");
  });

  it("runs as tpg review (npm run review) does", async () => {
    const { root } = fresh();
    const tpg = path.join(PROJECT_ROOT, "cli", "tpg.ts");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", tpg, "review", DRAFT, "--root", root, "--min-confidence", "0.8", "--yes"],
      { cwd: PROJECT_ROOT },
    );
    expect(stdout).toContain("valid — run npm run import");
    const failed = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", tpg, "review", DRAFT, "--root", root],
      {
        cwd: PROJECT_ROOT,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("stdin is not a terminal") as unknown,
    });
  });
});

describe("the importer", () => {
  it("skips draft.yaml and *.draft.yaml beside the knowledge files", () => {
    const { root } = fresh();
    const dir = path.join(root, "sources", "mini");
    copyFileSync(DRAFT, path.join(dir, "draft.yaml"));
    copyFileSync(DRAFT, path.join(dir, "services.draft.yaml"));
    const { kb, problems } = loadKnowledgeBase(root);
    expect(problems).toEqual([]);
    expect(kb.nodes.map((n) => n.id)).not.toContain("measure:test-park/green-channel");
  });
});
