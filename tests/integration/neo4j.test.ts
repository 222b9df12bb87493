import { afterAll, describe, expect, inject, it } from "vitest";
import { errorCode, ErrorCodes, GraphService, isTimeout, toPlain } from "../../graph/neo4jService.ts";
import { testConfig, testService } from "../setup/graph.ts";
import neo4j from "neo4j-driver";

const service = testService();
afterAll(() => service.close());

describe("the embedded Neo4j", () => {
  it("runs Neo4j 5.26 with authentication on", async () => {
    const info = await service.serverInfo();
    expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
    expect(inject("neo4j").uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    const auth = await service.read(
      "SHOW SETTINGS YIELD name, value WHERE name IN ['dbms.security.auth_enabled', 'server.bolt.listen_address', 'db.transaction.timeout'] RETURN name, value ORDER BY name",
      {},
      { trusted: true }, // the test's own query: a user's SHOW SETTINGS is refused (security.test.ts)
    );
    const settings = Object.fromEntries(auth.rows.map((r) => [r.name as string, r.value as string]));
    expect(settings["dbms.security.auth_enabled"]).toBe("true");
    expect(settings["server.bolt.listen_address"]).toMatch(/^127\.0\.0\.1:/);
    expect(settings["db.transaction.timeout"]).toBe(`${inject("neo4j").txTimeoutSeconds}s`);
  });

  it("round-trips a write and a read, with elementIds and safe integers", async () => {
    const marker = `rt-${Date.now()}`;
    const written = await service.write(
      "CREATE (a:RoundTrip {marker: $marker, big: $big, small: 42})-[r:LINKS {w: 1.5}]->(b:RoundTrip {marker: $marker}) RETURN a, r, b",
      { marker, big: neo4j.int("9007199254740993") },
    );
    const row = written.rows[0]!;
    const a = row.a as { kind: string; elementId: string; properties: Record<string, unknown> };
    expect(a.kind).toBe("node");
    expect(a.elementId).toMatch(/:/);
    expect(a.properties.small).toBe(42);
    expect(a.properties.big).toBe(9007199254740993n);
    const read = await service.read(
      "MATCH p = (:RoundTrip {marker: $marker})-[:LINKS]->(:RoundTrip) RETURN p, elementId(startNode(relationships(p)[0])) AS start",
      { marker },
    );
    const path = read.rows[0]!.p as {
      kind: string;
      nodes: { elementId: string }[];
      relationships: { properties: { w: number } }[];
    };
    expect(path.kind).toBe("path");
    expect(path.nodes[0]!.elementId).toBe(a.elementId);
    expect(read.rows[0]!.start).toBe(a.elementId);
    expect(path.relationships[0]!.properties.w).toBe(1.5);
    await service.write("MATCH (n:RoundTrip {marker: $marker}) DETACH DELETE n", { marker });
    const gone = await service.read("MATCH (n:RoundTrip {marker: $marker}) RETURN count(n) AS n", { marker });
    expect(gone.rows[0]!.n).toBe(0);
  });

  it("rejects a write inside a READ transaction with Neo4j's access-mode code", async () => {
    const error = await service.read("CREATE (:ShouldNotExist) RETURN 1").catch((e: unknown) => e);
    expect(errorCode(error)).toBe(ErrorCodes.writeInReadMode);
    const count = await service.read("MATCH (n:ShouldNotExist) RETURN count(n) AS n");
    expect(count.rows[0]!.n).toBe(0);
  });

  it("refuses a wrong password", async () => {
    const wrong = GraphService.connect({ ...testConfig(), password: "not-the-password" });
    try {
      expect(await wrong.driver.verifyAuthentication()).toBe(false);
      const error = await wrong.read("RETURN 1").catch((e: unknown) => e);
      expect(errorCode(error)).toBe(ErrorCodes.unauthorized);
    } finally {
      await wrong.close();
    }
  });

  it("stops a runaway query at the transaction timeout", async () => {
    const started = Date.now();
    const error = await service
      .read(
        "UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n",
        {},
        { timeoutMs: 1_000 },
      )
      .catch((e: unknown) => e);
    expect(isTimeout(error)).toBe(true);
    // The connection stays usable after the timeout.
    const after = await service.read("RETURN 1 AS one");
    expect(after.rows[0]!.one).toBe(1);
    expect(Date.now() - started).toBeLessThan(50_000);
  });

  it("caps the rows it reads and says so", async () => {
    const capped = await service.read("UNWIND range(1, 100) AS x RETURN x", {}, { maxRows: 10 });
    expect(capped.rows.map((r) => r.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(capped.truncated).toBe(true);
    const whole = await service.read("UNWIND range(1, 10) AS x RETURN x", {}, { maxRows: 10 });
    expect(whole.truncated).toBe(false);
  });

  it("maps temporal values and maps to plain values", () => {
    expect(toPlain(neo4j.int(7))).toBe(7);
    expect(toPlain({ a: [neo4j.int(1), null] })).toEqual({ a: [1, null] });
    expect(toPlain(new neo4j.types.Date(2020, 7, 6))).toBe("2020-07-06");
  });
});
