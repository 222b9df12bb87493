/**
 * `tpg` against the test run's Neo4j: saved and typed queries, the row cap and timeout, the shell
 * fed through a pipe, the importer's account of what it read and changed, and `tpg start`'s output
 * with an external Neo4j's password (which must not appear).
 */
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { readSettings } from "../../graph/config.ts";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { startApp } from "../../scripts/start.ts";
import { miniRoot } from "../setup/fixtures.ts";
import { fingerprint, testConfig, testService } from "../setup/graph.ts";

const exec = promisify(execFile);
const service = testService();
const temporary: string[] = [];

afterAll(async () => {
  // Leave the database as the other files expect it: the seed.
  await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
  await service.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { uri, user, password } = testConfig();
  return { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, ...extra };
}

async function tpg(...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--import", "tsx", "cli/tpg.ts", ...args], {
      cwd: PROJECT_ROOT,
      env: env(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `tpg shell` with `input` piped to its stdin. */
function shell(input: string, extra: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/tpg.ts", "shell"], {
      cwd: PROJECT_ROOT,
      env: env(extra),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("tpg query", () => {
  it("runs a saved query by name with a parameter, as JSON", async () => {
    await importKnowledge(service, loadKnowledgeBase(KNOWLEDGE_ROOT).kb, () => {});
    const { code, stdout, stderr } = await tpg(
      "query",
      "hub-profile",
      "--param",
      "hub=前海",
      "--format",
      "json",
    );
    expect(code, stderr).toBe(0);
    const rows = JSON.parse(stdout) as { hub: string; hubEn: string; aliases: string[]; measures: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hub: "前海", hubEn: "Qianhai" });
    expect(rows[0]!.aliases).toContain("前海深港现代服务业合作区");
    expect(rows[0]!.measures).toBeGreaterThan(20);
  });

  it("coerces a declared integer and types raw parameters as asked", async () => {
    const three = JSON.parse(
      (await tpg("query", "talent-categories-shared", "-p", "minHubs=3", "-f", "json")).stdout,
    ) as {
      hubs: number;
    }[];
    const two = JSON.parse(
      (await tpg("query", "talent-categories-shared", "-p", "minHubs=2", "-f", "json")).stdout,
    ) as {
      hubs: number;
    }[];
    expect(three.length).toBeGreaterThan(0);
    expect(three.every((r) => r.hubs === 3)).toBe(true);
    expect(two.length).toBeGreaterThan(three.length);

    const typed = await tpg(
      "query",
      "-e",
      "RETURN $n + 1 AS m, valueType($n) AS nType, valueType($x) AS xType, $b AS b, $j.ids[1] AS second, valueType($j.ids[1]) AS idType",
      "-p",
      "n:int=41",
      "-p",
      "x:float=2",
      "-p",
      "b:bool=false",
      "-p",
      'j:json={"ids":[1,2]}',
      "-f",
      "json",
    );
    expect(typed.code, typed.stderr).toBe(0);
    expect(JSON.parse(typed.stdout)).toEqual([
      {
        m: 42,
        nType: "INTEGER NOT NULL",
        xType: "FLOAT NOT NULL",
        b: false,
        second: 2,
        idType: "INTEGER NOT NULL",
      },
    ]);
  });

  it("prints a table of a saved query file, cells cut with --truncate", async () => {
    const { code, stdout } = await tpg("query", "cypher/hub-profile.cypher", "--truncate", "8");
    expect(code).toBe(0);
    const [header, rule, row] = stdout.trimEnd().split("\n");
    expect(header).toMatch(/^hub +│ hubEn +│ aliases/);
    expect(rule).toMatch(/^─+┼─/);
    expect(row).toMatch(/^张江 +│ Zhangji… │/);
  });

  it("caps rows at the web console's 5,000 unless told otherwise", async () => {
    const capped = await tpg("query", "-e", "UNWIND range(1, 6000) AS i RETURN i", "-f", "csv");
    expect(capped.code).toBe(0);
    expect(capped.stdout.trim().split("\n")).toHaveLength(5001);
    expect(capped.stderr).toContain("only the first 5000 rows; raise --max-rows for more");
    const few = await tpg(
      "query",
      "-e",
      "UNWIND range(1, 6000) AS i RETURN i",
      "-f",
      "csv",
      "--max-rows",
      "3",
    );
    expect(few.stdout.trim().split("\n")).toEqual(["i", "1", "2", "3"]);
  });

  it("stops a query at --timeout and refuses writes, exit 1", async () => {
    const slow = await tpg(
      "query",
      "-e",
      "UNWIND range(1, 200000000) AS i WITH i WHERE i < 0 RETURN count(i)",
      "--timeout",
      "0.5",
    );
    expect(slow.code).toBe(1);
    expect(slow.stderr).toContain("stopped: the query ran longer than 0.5 s");
    const write = await tpg("query", "CREATE (:Nope) RETURN 1");
    expect(write.code).toBe(1);
    expect(write.stderr).toContain("READ mode");
    expect((await service.read("MATCH (n:Nope) RETURN count(n) AS n")).rows[0]!.n).toBe(0);
  });
});

describe("tpg shell", () => {
  it("takes commands, saved queries and multi-line Cypher from a pipe and keeps the history", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tpg-shell-"));
    temporary.push(dir);
    const history = path.join(dir, "history");
    const input = [
      ":list",
      ":format json",
      "hub-profile hub=前海",
      ":format csv",
      ":param n:int=2",
      "MATCH (h:Hub) RETURN h.name AS name",
      "ORDER BY name LIMIT $n;",
      "",
    ].join("\n");
    const { code, stdout, stderr } = await shell(input, { TPG_HISTORY: history });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^hub-profile +科创中心概况 · Hub profile$/m);
    expect(stdout).toContain('"hubEn": "Qianhai"');
    expect(stdout).toContain("name\n中关村\n前海\n");
    expect(readFileSync(history, "utf8").split("\n").filter(Boolean)).toEqual(
      input.split("\n").filter(Boolean),
    );
  });

  it("reports a mistyped name and an unfinished query, and exits 1 when fed a failing line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tpg-shell-"));
    temporary.push(dir);
    const { code, stderr } = await shell("hub-profle\nRETURN 1 AS one;\nMATCH (n)\n", {
      TPG_HISTORY: path.join(dir, "history"),
    });
    expect(code).toBe(1);
    expect(stderr).toContain('no saved query "hub-profle"; the closest: hub-profile (:list shows them all)');
    expect(stderr).toContain('the last query has no closing ";" and was not run');
  });
});

describe("tpg import says what it read, what it changed and what was there", () => {
  it("a first import changes, a second finds everything already there", async () => {
    const { root } = miniRoot();
    temporary.push(root);
    const first = await tpg("import", "--root", root);
    expect(first.code, first.stderr).toBe(0);
    const read =
      /^read: 2 knowledge files in 2 source folders \(1 document and the taxonomy\) → ([\d,]+) nodes, ([\d,]+) relationships$/m.exec(
        first.stdout,
      );
    expect(read, first.stdout).not.toBeNull();
    expect(first.stdout).toMatch(/^changed: [\d,]+ nodes created, \d+ updated, [\d,]+ deleted; /m);
    const second = await tpg("import", "--root", root);
    expect(second.stdout).toContain(
      "changed: nothing — the database already held exactly what the files say",
    );
    expect(second.stdout).toContain(
      `unchanged (already there): ${read![1]} nodes, ${read![2]} relationships`,
    );
  });

  it("an empty source folder is an error naming it, and the database is untouched", async () => {
    const before = await fingerprint(service);
    const root = mkdtempSync(path.join(tmpdir(), "tpg-empty-"));
    temporary.push(root);
    mkdirSync(path.join(root, "sources"));
    const { code, stdout, stderr } = await tpg("import", "--root", root);
    expect(code).toBe(1);
    expect(stderr).toContain(`read nothing: ${path.join(root, "sources")} is empty`);
    expect(stdout).not.toContain("changed");
    expect(await fingerprint(service)).toBe(before);
  });
});

describe("tpg start with an external Neo4j", () => {
  it("prints the URL and where to connect, never the password", async () => {
    const config = testConfig();
    const lines: string[] = [];
    const app = await startApp({
      settings: { ...readSettings({}), external: config },
      env: { NEO4J_URI: config.uri, NEO4J_PASSWORD: config.password },
      print: (line) => lines.push(line),
      build: () => Promise.resolve(),
      serve: () => Promise.resolve({ url: "http://127.0.0.1:5173/", close: () => Promise.resolve() }),
    });
    await app.stop();
    const output = lines.join("\n");
    expect(output).toContain("http://127.0.0.1:5173/\n");
    expect(output).toContain(`connect to ${config.uri} as ${config.user}`);
    expect(output).toMatch(/^changed: /m);
    expect(config.password.length).toBeGreaterThan(7);
    expect(output).not.toContain(config.password);
    expect(output).not.toContain(encodeURIComponent(config.password));
  });
});
