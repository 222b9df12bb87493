import { execFile, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase, type KnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT, PROJECT_ROOT } from "../../importer/paths.ts";
import { importKnowledge } from "../../importer/runImport.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { edit, miniRoot } from "../setup/fixtures.ts";
import { fingerprint, testConfig, testService } from "../setup/graph.ts";

const run = promisify(execFile);
const service = testService();
const quiet = () => {};
afterAll(() => service.close());

function cliEnv() {
  const { uri, user, password } = testConfig();
  return { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "cli/tpg.ts", ...args], {
      cwd: PROJECT_ROOT,
      env: cliEnv(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function load(root: string): KnowledgeBase {
  const { kb, problems } = loadKnowledgeBase(root);
  expect(problems).toEqual([]);
  return kb;
}

function lineOf(file: string, needle: string, nth = 1): number {
  const lines = readFileSync(file, "utf8").split("\n");
  const index = lines.findIndex(
    (l, i) => l.includes(needle) && lines.slice(0, i + 1).filter((x) => x.includes(needle)).length === nth,
  );
  if (index < 0) throw new Error(`"${needle}" not in ${file}`);
  return index + 1;
}

describe("bad input", () => {
  let before: string;
  beforeAll(async () => {
    const { root } = miniRoot();
    await importKnowledge(service, load(root), quiet);
    before = await fingerprint(service);
    rmSync(root, { recursive: true, force: true });
  });

  const cases: Array<{
    name: string;
    change: (file: string) => void;
    line?: string;
    nth?: number;
    message: RegExp;
  }> = [
    {
      name: "malformed YAML",
      change: (f) => edit(f, (t) => t.replace("    name: 试验园区\n", "    name: [试验园区\n")),
      message: /YAML syntax/,
    },
    {
      name: "unknown label",
      change: (f) => edit(f, (t) => t.replace("label: Hub", "label: Hubb")),
      line: "label: Hubb",
      message: /unknown label "Hubb"/,
    },
    {
      name: "unknown relation type",
      change: (f) => edit(f, (t) => t.replace("type: LOCATED_IN", "type: LOCATED_AT")),
      line: "type: LOCATED_AT",
      message: /unknown relation type "LOCATED_AT"/,
    },
    {
      name: "duplicate id",
      change: (f) => edit(f, (t) => t.replace("id: region:demo-city", "id: hub:test-park")),
      line: "id: hub:test-park",
      nth: 2,
      message: /duplicate id "hub:test-park" \(first defined at .*park\.yaml:4\)/,
    },
    {
      name: "dangling reference",
      change: (f) => edit(f, (t) => t.replace("to: region:demo-city", "to: region:nowhere")),
      line: "to: region:nowhere",
      message: /"region:nowhere" does not resolve/,
    },
    {
      name: "quote not in the source",
      change: (f) =>
        edit(f, (t) => t.replace("evidence: [现有院士专家工作站3个]", "evidence: [现有院士专家工作站30个]")),
      line: "现有院士专家工作站30个",
      message: /quote not found in source "mini": 现有院士专家工作站30个/,
    },
    {
      name: "wrong property type",
      change: (f) => edit(f, (t) => t.replace("value: 3,", 'value: "三",')),
      line: 'value: "三"',
      message: /props\.value .*expected number/,
    },
    {
      name: "a file that is not UTF-8",
      // "试验" in GBK: valid Chinese to a GBK editor, invalid UTF-8.
      change: (f) => writeFileSync(f, Buffer.from([0xca, 0xd4, 0xd1, 0xe9, 0x0a])),
      message: /not valid UTF-8/,
    },
    {
      name: "an empty file",
      change: (f) => writeFileSync(f, ""),
      message: /the file is empty/,
    },
  ];

  it.each(cases)(
    "$name: a clear error at file:line, exit 1, database unchanged",
    async ({ change, line, nth, message }) => {
      const { root, file } = miniRoot();
      try {
        change(file);
        const result = await cli("import", "--root", root);
        expect(result.code).toBe(1);
        const where = line ? `park.yaml:${lineOf(file, line, nth)}:` : "park.yaml";
        const problem = result.stderr.split("\n").find((l) => message.test(l));
        expect(problem, result.stderr).toBeDefined();
        expect(problem).toContain(where);
        expect(result.stderr).toMatch(/hint: /);
        expect(result.stderr).toContain("nothing was written");
        expect(await fingerprint(service)).toBe(before);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );

  it("reports all problems of a run at once", async () => {
    const { root, file } = miniRoot();
    try {
      edit(file, (t) =>
        t.replace("label: Hub", "label: Hubb").replace("to: region:demo-city", "to: region:nowhere"),
      );
      const { code, stderr } = await cli("validate", "--root", root);
      expect(code).toBe(1);
      expect(stderr).toMatch(/unknown label "Hubb"/);
      expect(stderr).toMatch(/"region:nowhere" does not resolve/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("importing the seed", () => {
  const seed = load(KNOWLEDGE_ROOT);

  it("creates every node and relationship, then a second run changes nothing", async () => {
    const first = await importKnowledge(service, seed, quiet);
    expect(first.nodes.created + first.nodes.updated + first.nodes.unchanged).toBe(seed.nodes.length);
    const counts = await service.read(
      "MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS rels",
    );
    expect(counts.rows[0]).toEqual({ nodes: seed.nodes.length, rels: seed.relations.length });
    const before = await fingerprint(service);
    const second = await importKnowledge(service, seed, quiet);
    expect(second.nodes).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: seed.nodes.length });
    expect(second.relationships).toEqual({
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: seed.relations.length,
    });
    expect(await fingerprint(service)).toBe(before);
  });

  it("mirrors the files: a removed fact disappears, a changed one is updated", async () => {
    const node =
      seed.nodes.find((n) => n.id === "stat:zhangjiang/academician-expert-workstations") ??
      seed.nodes.find((n) => n.label === "Statistic")!;
    const attached = seed.relations.filter((r) => r.from === node.id || r.to === node.id);
    const renamed = { ...seed.nodes[0]!, nameEn: `${seed.nodes[0]!.nameEn} (renamed)` };
    const edited: KnowledgeBase = {
      ...seed,
      nodes: seed.nodes.filter((n) => n !== node).map((n) => (n.id === renamed.id ? renamed : n)),
      relations: seed.relations.filter((r) => !attached.includes(r)),
    };
    const summary = await importKnowledge(service, edited, quiet);
    expect(summary.nodes.deleted).toBe(1);
    expect(summary.nodes.updated).toBe(1);
    expect(summary.relationships.deleted).toBe(attached.length);
    const gone = await service.read("MATCH (n:Entity {id: $id}) RETURN n", { id: node.id });
    expect(gone.rows).toEqual([]);
    const changed = await service.read("MATCH (n:Entity {id: $id}) RETURN n.nameEn AS nameEn", {
      id: renamed.id,
    });
    expect(changed.rows[0]!.nameEn).toBe(renamed.nameEn);
    const restored = await importKnowledge(service, seed, quiet);
    expect(restored.nodes.created).toBe(1);
    expect(restored.relationships.created).toBe(attached.length);
  });

  /**
   * Neo4j keeps the evidence twice — as JSON and as parallel lists for Cypher (the snapshot has only
   * the array): checks that the lists say what the JSON says, then leaves them out of the comparison.
   */
  const withoutQuoteLists = (props: Record<string, unknown>) => {
    const { quotes, quoteSources, quoteSections, quoteStarts, quoteEnds, ...rest } = props;
    const evidence = JSON.parse(rest.evidence as string) as Record<string, unknown>[];
    expect({ quotes, quoteSources, quoteSections, quoteStarts, quoteEnds }).toEqual({
      quotes: evidence.map((e) => e.quote),
      quoteSources: evidence.map((e) => e.source),
      quoteSections: evidence.map((e) => e.section),
      quoteStarts: evidence.map((e) => e.start),
      quoteEnds: evidence.map((e) => e.end),
    });
    return rest;
  };

  it("stores the same graph as the snapshot", async () => {
    await importKnowledge(service, seed, quiet);
    const snapshot = buildSnapshot(seed);
    const nodes = await service.read(
      "MATCH (n:Entity) RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n {.*, hash: null} AS props",
    );
    const fromNeo4j = Object.fromEntries(
      nodes.rows.map((r) => {
        const { hash: _hash, evidence, ...props } = withoutQuoteLists(r.props as Record<string, unknown>);
        return [
          r.key as string,
          { label: r.label, ...props, evidence: JSON.parse(evidence as string) as unknown },
        ];
      }),
    );
    const fromSnapshot = Object.fromEntries(snapshot.nodes.map((n) => [n.key, n.attributes]));
    expect(fromNeo4j).toEqual(fromSnapshot);
    const rels = await service.read(
      "MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS key, a.id AS source, b.id AS target, type(r) AS type, r {.*, hash: null} AS props",
    );
    const relsFromNeo4j = Object.fromEntries(
      rels.rows.map((r) => {
        const { hash: _hash, evidence, ...props } = withoutQuoteLists(r.props as Record<string, unknown>);
        return [
          r.key as string,
          {
            source: r.source,
            target: r.target,
            attributes: { type: r.type, ...props, evidence: JSON.parse(evidence as string) as unknown },
          },
        ];
      }),
    );
    const relsFromSnapshot = Object.fromEntries(
      snapshot.edges.map((e) => [
        e.key as string,
        { source: e.source, target: e.target, attributes: e.attributes },
      ]),
    );
    expect(relsFromNeo4j).toEqual(relsFromSnapshot);
  });

  it("converges to the same graph after an import is killed midway", async () => {
    await importKnowledge(service, seed, quiet);
    const complete = await fingerprint(service);
    await service.write("MATCH (n:Entity) DETACH DELETE n");

    const child = spawn(
      process.execPath,
      ["--import", "tsx", "cli/tpg.ts", "import", "--batch-size", "50", "--single-transaction-limit", "0"],
      { cwd: PROJECT_ROOT, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] },
    );
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (/ relationships [A-Z_]+: \d+\//.test(out)) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.once("exit", () => reject(new Error(`import ended before it could be killed:\n${out}`)));
    });
    await new Promise((resolve) => child.once("exit", resolve));
    const partial = await service.read("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n");
    expect(partial.rows[0]!.n).toBeLessThan(seed.relations.length);

    const rerun = await cli("import");
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await fingerprint(service)).toBe(complete);
  });
});
