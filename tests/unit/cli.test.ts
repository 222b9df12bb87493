/**
 * The `tpg` command line without a database: help and examples, rejected options with suggestions
 * and exit codes (in child processes, as a user runs it), typed parameters, saved-query lookup,
 * table output, progress, start's output without passwords, reading nothing, and a light --help.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { isInt } from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_ROW_CAP } from "../../cli/query.ts";
import { bindRaw, bindSaved, parseParam } from "../../cli/queryParams.ts";
import { closest } from "../../cli/closest.ts";
import { redactUri } from "../../cli/common.ts";
import { progress, progressBar } from "../../cli/progress.ts";
import { formatList, listSaved, resolveTarget } from "../../cli/savedQueries.ts";
import { runTpg } from "../../cli/tpg.ts";
import { format } from "../../graph/cypherCli.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import { readyMessage } from "../../scripts/start.ts";
import { miniRoot } from "../setup/fixtures.ts";

const exec = promisify(execFile);
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** `npx tsx cli/tpg.ts …` as a child process (node --import tsx is the same loader without npx). */
async function tpg(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--import", "tsx", "cli/tpg.ts", ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: "", NEO4J_PASSWORD: "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** runTpg in this process with its output captured (help, usage errors: nothing connects). */
async function inProcess(args: string[]) {
  let out = "";
  let err = "";
  const code = await runTpg(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const SUBCOMMANDS = [
  "start",
  "import",
  "validate",
  "snapshot",
  "coverage",
  "query",
  "shell",
  "extract",
  "eval",
  "corpus",
  "review",
  "neo4j",
];

describe("help", () => {
  it("tpg --help lists every subcommand with examples, exit 0", async () => {
    const { code, stdout } = await tpg(["--help"]);
    expect(code).toBe(0);
    for (const name of SUBCOMMANDS) expect(stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    expect(stdout).toContain("Examples:");
    expect(stdout).toContain("$ tpg query hub-profile --param hub=前海");
  });

  it.each(SUBCOMMANDS)("tpg %s --help has a usage line and examples", async (name) => {
    const { code, out } = await inProcess([name, "--help"]);
    expect(code).toBe(0);
    expect(out).toContain(`Usage: tpg ${name}`);
    expect(out).toMatch(/Examples:\n {2}# .+\n {2}\$ tpg /);
  });

  it("each neo4j action has its own help", async () => {
    for (const action of ["start", "stop", "status"]) {
      const { code, out } = await inProcess(["neo4j", action, "--help"]);
      expect(code).toBe(0);
      expect(out).toContain(`Usage: tpg neo4j ${action}`);
    }
  });

  it("loads neither the driver nor Vite nor the importer for --help", async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), "tpg-modules-")), "modules.txt");
    temporary.push(path.dirname(log));
    const hook =
      'data:text/javascript,import{register}from"node:module";register("data:text/javascript,' +
      'import{appendFileSync}from\\"node:fs\\";export async function resolve(s,c,n){const r=await n(s,c);' +
      'appendFileSync(process.env.TPG_MODULE_LOG,r.url+\\"\\\\n\\");return r}")';
    await exec(process.execPath, ["--import", "tsx", "--import", hook, "cli/tpg.ts", "--help"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TPG_MODULE_LOG: log },
    });
    const loaded = readFileSync(log, "utf8");
    expect(loaded).toContain("cli/tpg.ts"); // the hook saw the program itself
    expect(loaded).toContain("node_modules/commander");
    for (const heavy of [
      "neo4j-driver",
      "node_modules/vite",
      "graphology",
      "pdfjs-dist",
      "@node-rs/jieba",
      "zod",
    ]) {
      expect(loaded, heavy).not.toContain(heavy);
    }
    expect(loaded).not.toContain("importer/knowledgeBase.ts");
  });
});

describe("usage errors", () => {
  it("an unknown option is refused with a suggestion, exit 1, no stack trace", async () => {
    const { code, stdout, stderr } = await tpg(["query", "hub-profile", "--parm", "hub=前海"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("error: unknown option '--parm'");
    expect(stderr).toContain("(Did you mean --param?)");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown subcommand suggests the nearest one", async () => {
    const { code, stderr } = await tpg(["qurey", "--list"]);
    expect(code).toBe(1);
    expect(stderr).toContain("unknown command 'qurey'");
    expect(stderr).toContain("(Did you mean query?)");
  });

  it("bad option values and conflicting options say what is allowed", async () => {
    const formatted = await inProcess(["query", "RETURN 1", "--format", "xml"]);
    expect(formatted.code).toBe(1);
    expect(formatted.err).toContain("Allowed choices are table, json, csv");
    const rows = await inProcess(["query", "RETURN 1", "--max-rows", "0"]);
    expect(rows.err).toContain("a whole number above 0");
    const both = await inProcess(["query", "RETURN 1", "--wrap", "10", "--truncate", "10"]);
    expect(both.code).toBe(1);
    expect(both.err).toContain("cannot be used with option '--truncate");
  });

  it("a mistyped saved query names the closest ones before connecting", async () => {
    const { code, stderr } = await tpg(["query", "hub-profil"], {
      NEO4J_URI: "bolt://127.0.0.1:1",
      NEO4J_PASSWORD: "x",
    });
    expect(code).toBe(1);
    expect(stderr).toContain('no saved query "hub-profil"; the closest: hub-profile');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("an undeclared parameter lists the declared ones", async () => {
    const { code, stderr } = await tpg(["query", "hub-profile", "--param", "hubb=前海"]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'hub-profile has no parameter "hubb"; it takes hub (string, default 张江). Did you mean hub?',
    );
  });

  it("--password without a URI is refused (it would set the embedded Neo4j's password)", async () => {
    const { code, stderr } = await tpg(["query", "RETURN 1", "--password", "secret"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--user and --password need --uri");
  });

  it("an unreachable Neo4j exits 2 with a message that holds no password", async () => {
    const { code, stderr } = await tpg(["query", "RETURN 1"], {
      NEO4J_URI: "bolt://127.0.0.1:1",
      NEO4J_PASSWORD: "sekret-password-1",
    });
    expect(code).toBe(2);
    expect(stderr).toContain("cannot reach Neo4j at bolt://127.0.0.1:1");
    expect(stderr).not.toContain("sekret-password-1");
  });
});

describe("typed parameters", () => {
  it("reads name[:type]=value with string, int, float, bool and json", () => {
    const values = bindRaw(
      ["s=a=b:c", "n:int=5", "x:float=2.5", "b:bool=true", 'j:json={"ids":[1,2],"w":0.5}'].map((p) =>
        parseParam(p),
      ),
    );
    expect(values.s).toBe("a=b:c");
    expect(isInt(values.n) && values.n.toNumber()).toBe(5);
    expect(values.x).toBe(2.5);
    expect(values.b).toBe(true);
    const j = values.j as { ids: unknown[]; w: number };
    expect(j.ids.every((v) => isInt(v))).toBe(true); // whole JSON numbers are integers, as in Cypher
    expect(j.w).toBe(0.5);
  });

  it("refuses values that are not of their type, an empty number included", () => {
    expect(() => bindRaw([parseParam("x:float=")])).toThrow('--param x:float=: "" is not a number');
    expect(() => bindRaw([parseParam("n:int=2.5")])).toThrow("is not an integer");
    expect(() => bindRaw([parseParam("b:bool=yes")])).toThrow("is not true or false");
    expect(() => bindRaw([parseParam("j:json={x}")])).toThrow("is not JSON");
    expect(() => parseParam("n:date=2020")).toThrow('unknown type "date"');
    expect(() => parseParam("hub")).toThrow("write name=value or name:type=value");
  });

  it("gives a saved query's parameters their declared type and default", () => {
    const target = resolveTarget("talent-categories-shared");
    if (target.kind !== "saved") throw new Error("not a saved query");
    const params = bindSaved(target.query, [parseParam("minHubs=3")]);
    expect(isInt(params.minHubs)).toBe(true);
    expect(String(params.minHubs)).toBe("3");
    expect(params.level).toBe("class");
    expect(() => bindSaved(target.query, [parseParam("minHubs=three")])).toThrow("is not an integer");
    expect(() => bindSaved(target.query, [parseParam("minHubs:float=3")])).toThrow(
      "talent-categories-shared declares $minHubs as integer",
    );
    const flag = resolveTarget("connection-between");
    if (flag.kind !== "saved") throw new Error("not a saved query");
    expect(bindSaved(flag.query, [parseParam("viaTaxonomy=true")]).viaTaxonomy).toBe(true);
  });
});

describe("saved queries", () => {
  it("are found by name, by path and told apart from Cypher text", () => {
    const byName = resolveTarget("hub-profile");
    const byPath = resolveTarget("cypher/hub-profile.cypher");
    expect(byName.kind === "saved" && byName.query.titleEn).toBe("Hub profile");
    expect(byPath.kind === "saved" && byPath.query.cypher).toBe(
      byName.kind === "saved" && byName.query.cypher,
    );
    expect(resolveTarget("MATCH (h:Hub) RETURN h")).toEqual({
      kind: "cypher",
      cypher: "MATCH (h:Hub) RETURN h",
    });
    expect(() => resolveTarget("schema")).toThrow('no saved query "schema"');
    expect(() => resolveTarget("nope/missing.cypher")).toThrow("no such file: nope/missing.cypher");
  });

  it("lists every .cypher file but the schema, with titles and parameters", () => {
    const entries = listSaved();
    const files = readdirCypher();
    expect(entries).toHaveLength(files.length);
    const list = formatList(entries);
    expect(list).toMatch(
      /^hub-profile +科创中心概况 · Hub profile\n +params: hub \(string, default 张江\)$/m,
    );
    expect(list).not.toContain("schema");
  });

  it("suggests the nearest names for a typo", () => {
    expect(closest("hub-profil", ["hub-profile", "hub-statistics", "founded-when"])).toEqual(["hub-profile"]);
    expect(closest("zzz", ["hub-profile"])).toEqual([]);
  });
});

function readdirCypher(): string[] {
  return readdirSync(path.join(PROJECT_ROOT, "cypher")).filter(
    (f) => f.endsWith(".cypher") && f !== "schema.cypher",
  );
}

describe("output", () => {
  const long = "前海深港现代服务业合作区支持创新创业载体发展专项资金实施细则（试行）";
  const rows = [{ name: long, n: 1 }];

  it("prints table cells in full by default, cut with --truncate or wrapped with --wrap", () => {
    expect(format(["name", "n"], rows, "table")).toContain(long);
    const cut = format(["name", "n"], rows, "table", { truncate: 12 });
    expect(cut).toContain("前海深港现… │ 1");
    const wrapped = format(["name", "n"], rows, "table", { wrap: 20 }).split("\n");
    expect(wrapped.length).toBeGreaterThan(4);
    expect(wrapped[2]).toBe("前海深港现代服务业合 │ 1");
    expect(
      wrapped
        .slice(2)
        .map((l) => l.split("│")[0]!.trim())
        .join(""),
    ).toBe(long);
  });

  it("writes CSV and JSON with every value", () => {
    expect(format(["a", "b"], [{ a: 'x,"y"', b: 2n }], "csv")).toBe('a,b\n"x,""y""",2');
    expect(JSON.parse(format(["a"], [{ a: 9007199254740993n }], "json"))).toEqual([
      { a: "9007199254740993" },
    ]);
  });

  it("shows nodes as cypher-shell does, and a map with a kind key as a map", () => {
    const node = { kind: "node" as const, elementId: "4:x:1", labels: ["Hub"], properties: { name: "张江" } };
    expect(format(["n"], [{ n: node }], "table")).toContain('(:Hub {"name":"张江"})');
    expect(format(["m"], [{ m: { kind: "node" } }], "table")).toContain('{"kind":"node"}');
  });

  it("caps rows where the web console does", () => {
    const console = readFileSync(path.join(PROJECT_ROOT, "web", "console", "Console.tsx"), "utf8");
    const cap = /export const DEFAULT_ROW_CAP = ([\d_]+);/.exec(console)?.[1];
    expect(Number(cap?.replace(/_/g, ""))).toBe(DEFAULT_ROW_CAP);
  });

  it("draws progress as lines off a terminal and as a bar on one", () => {
    let written = "";
    const stream = { isTTY: false, write: (t: string) => (written += t) } as unknown as NodeJS.WriteStream;
    progress(stream)("relationships ADOPTS", 50, 120);
    expect(written).toBe("  relationships ADOPTS: 50/120\n");
    expect(progressBar("nodes", 5, 10, 10)).toBe("  nodes █████░░░░░ 5/10");
  });
});

describe("start's output never holds a password someone gave", () => {
  const url = "http://127.0.0.1:5173/";
  const external = { uri: "neo4j+s://db.example.io", user: "analyst", password: "Very$ecret-42" };

  it("an external Neo4j: the plain URL and where to connect", () => {
    const text = readyMessage({ url, config: external, generatedPassword: false, seconds: 3 });
    expect(text).toContain(`  ${url}\n`);
    expect(text).toContain("connect to neo4j+s://db.example.io as analyst");
    expect(text).not.toContain("Very");
    expect(text).not.toContain(encodeURIComponent(external.password));
    expect(text).not.toContain("#");
  });

  it("the embedded Neo4j with NEO4J_PASSWORD set: no password either", () => {
    const config = { uri: "bolt://127.0.0.1:7687", user: "neo4j", password: "chosen-by-me-1" };
    const text = readyMessage({ url, config, generatedPassword: false, seconds: 3 });
    expect(text).not.toContain("chosen-by-me");
  });

  it("the embedded Neo4j's generated password goes in the fragment for the page", () => {
    const config = { uri: "bolt://127.0.0.1:7687", user: "neo4j", password: "generated-token" };
    const text = readyMessage({ url, config, generatedPassword: true, seconds: 3 });
    expect(text).toContain(`${url}#uri=bolt%3A%2F%2F127.0.0.1%3A7687&user=neo4j&password=generated-token`);
  });

  it("a URI never shows its user information", () => {
    expect(redactUri("neo4j+s://me:pw@db.example.io:7687")).toBe("neo4j+s://db.example.io:7687");
    expect(redactUri("bolt://127.0.0.1:7687")).toBe("bolt://127.0.0.1:7687");
  });
});

describe("reading nothing is an error that names the folder", () => {
  it("a folder without source documents: exit 1 before any connection", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "tpg-empty-"));
    temporary.push(root);
    mkdirSync(path.join(root, "sources"));
    for (const command of ["validate", "import", "snapshot"]) {
      const { code, stderr } = await tpg([command, "--root", root], {
        NEO4J_URI: "bolt://127.0.0.1:1",
        NEO4J_PASSWORD: "x",
      });
      expect(code, command).toBe(1);
      expect(stderr, command).toContain(`read nothing: ${path.join(root, "sources")} is empty`);
    }
    const missing = await tpg(["validate", "--root", path.join(root, "nowhere")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no such folder: ${path.join(root, "nowhere")}`);
  });

  it("documents without knowledge files (a draft only): exit 1", async () => {
    const { root, file } = miniRoot();
    temporary.push(root);
    rmSync(file);
    const { code, stderr } = await tpg(["validate", "--root", root]);
    expect(code).toBe(1);
    expect(stderr).toContain(`read nothing: no knowledge files`);
    expect(stderr).toContain(path.join(root, "sources", "mini"));
  });

  it("validate says what it read", async () => {
    const { root } = miniRoot();
    temporary.push(root);
    const { code, stdout } = await tpg(["validate", "--root", root]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^read: 2 knowledge files in 2 source folders \(1 document and the taxonomy\) → [\d,]+ nodes, [\d,]+ relationships$/m,
    );
  });
});
