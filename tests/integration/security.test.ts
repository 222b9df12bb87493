/**
 * What the read path (the web console and `npm run cypher`) lets a user's query do, what the embedded
 * Neo4j allows anyone holding its password, and what the dev server hands out.
 */
import { randomBytes } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAUNCHER_DIR, launcherSourceHash } from "../../graph/embedded.ts";
import {
  CONSOLE_PROCEDURES,
  errorCode,
  ErrorCodes,
  QUERY_REFUSED,
  type QueryOptions,
} from "../../graph/neo4jService.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import { launchBrowser } from "../setup/browser.ts";
import { testService } from "../setup/graph.ts";

const service = testService();
afterAll(() => service.close());

/** The error a query ends with (the test fails if it succeeds). */
async function failure(query: string, options: QueryOptions = {}): Promise<Error & { code?: string }> {
  const outcome = await service.read(query, {}, options).then(
    (result) => ({ rows: result.rows }),
    (error: unknown) => ({ error: error as Error & { code?: string } }),
  );
  if (!("error" in outcome)) throw new Error(`"${query}" ran: ${JSON.stringify(outcome.rows).slice(0, 200)}`);
  return outcome.error;
}

describe("LOAD CSV cannot read the server's files", () => {
  it("is refused on the read path with a plain message", async () => {
    const error = await failure("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line");
    expect(errorCode(error)).toBe(QUERY_REFUSED);
    expect(error.message).toMatch(/^LOAD CSV is not available in the console: it reads files and URLs/);
  });

  it("is refused by the embedded Neo4j itself, for file URLs and for addresses", async () => {
    // The app's own queries skip the plan check: what is left is the server's setting.
    const trusted = { trusted: true };
    for (const url of ["file:///etc/passwd", "file:///passwd", "file:///../../../../etc/passwd"]) {
      const error = await failure(`LOAD CSV FROM '${url}' AS line RETURN line`, trusted);
      expect(errorCode(error)).toBe("Neo.ClientError.Statement.ExternalResourceFailed");
      expect(error.message).toContain("dbms.security.allow_csv_import_from_file_urls' is false");
      expect(error.message).not.toContain("root:");
    }
    const http = await failure("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line", trusted);
    expect(http.message).toMatch(/access to \/127\.0\.0\.1 is blocked/);
  });

  it("runs with the settings that say so", async () => {
    const settings = await service.read(
      `SHOW SETTINGS YIELD name, value
       WHERE name IN ['dbms.security.allow_csv_import_from_file_urls', 'server.directories.import',
                      'dbms.security.procedures.allowlist']
       RETURN name, value`,
      {},
      { trusted: true },
    );
    const value = Object.fromEntries(settings.rows.map((r) => [r.name as string, r.value as string]));
    expect(value["dbms.security.allow_csv_import_from_file_urls"]).toBe("false");
    expect(value["server.directories.import"]).toMatch(/[/\\]import-none$/);
    expect(value["dbms.security.procedures.allowlist"]).toContain("db.labels");
    expect(value["dbms.security.procedures.allowlist"]).not.toContain("*");
  });

  it("is run by a launcher built from the current sources", () => {
    const builtFrom = readFileSync(path.join(LAUNCHER_DIR, "target", "built-from.sha256"), "utf8");
    expect(builtFrom.trim()).toBe(launcherSourceHash());
  });

  it("would be rebuilt after any change to the launcher's sources, whatever the file times say", () => {
    const copy = mkdtempSync(path.join(tmpdir(), "tpg-launcher-"));
    try {
      cpSync(path.join(LAUNCHER_DIR, "src"), path.join(copy, "src"), { recursive: true });
      cpSync(path.join(LAUNCHER_DIR, "pom.xml"), path.join(copy, "pom.xml"));
      const original = launcherSourceHash(copy);
      expect(original).toBe(launcherSourceHash());
      const java = path.join(copy, "src/main/java/org/talentpolicygraph/launcher/Launcher.java");
      const old = new Date("2001-01-01T00:00:00Z");
      // An edit that leaves the file older than any build: a time-based check would miss it.
      writeFileSync(
        java,
        readFileSync(java, "utf8").replace("allow_file_urls, csvFiles", "allow_file_urls, true"),
      );
      utimesSync(java, old, old);
      expect(launcherSourceHash(copy)).not.toBe(original);
      // Times alone change nothing.
      writeFileSync(
        java,
        readFileSync(path.join(LAUNCHER_DIR, "src/main/java/org/talentpolicygraph/launcher/Launcher.java")),
      );
      expect(launcherSourceHash(copy)).toBe(original);
      writeFileSync(
        path.join(copy, "src/main/java/org/talentpolicygraph/launcher/Extra.java"),
        "class Extra {}\n",
      );
      expect(launcherSourceHash(copy)).not.toBe(original);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe("procedures and commands on the read path", () => {
  it.each([
    "CALL dbms.listConfig() YIELD name RETURN name",
    "CALL dbms.listConfig",
    "CALL `dbms`.`listConfig`()",
    "CALL dbms . listConfig ( )",
    "MATCH (n) RETURN n.name AS name UNION CALL dbms.listConfig() YIELD name RETURN name",
    "CALL () { CALL dbms.listConfig() YIELD name RETURN name } RETURN name",
    "CYPHER runtime=slotted CALL dbms.listConfig()",
    "EXPLAIN CALL dbms.listConfig()",
    "/* a comment */ CALL dbms.listConfig()",
    "CALL dbms.showCurrentUser()",
    "CALL db.info()",
  ])("refuses %s and names the allow-list", async (query) => {
    const error = await failure(query);
    expect(errorCode(error)).toBe(QUERY_REFUSED);
    expect(error.message).toMatch(/^The console may call only these procedures: /);
    for (const name of CONSOLE_PROCEDURES) expect(error.message).toContain(name);
    expect(error.message).toMatch(
      /"(dbms\.listConfig|dbms\.showCurrentUser|db\.info)" is not one of them\.$/,
    );
  });

  it("refuses PROFILE, which would run the query before its plan is seen", async () => {
    const error = await failure("PROFILE CALL dbms.listConfig()");
    expect(errorCode(error)).toBe(QUERY_REFUSED);
    expect(error.message).toMatch(/PROFILE is not available here.*Use EXPLAIN/);
  });

  it.each([
    ["SHOW SETTINGS", /^SHOW SETTINGS is not available in the console/],
    ["SHOW SETTINGS YIELD name, value RETURN name, value", /^SHOW SETTINGS is not available/],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", /^TERMINATE TRANSACTIONS is not available/],
    ["SHOW USERS", /^Administration commands .* are not available in the console/],
    ["SHOW DATABASES", /^Administration commands/],
  ])("refuses %s", async (query, message) => {
    const error = await failure(query);
    expect(errorCode(error)).toBe(QUERY_REFUSED);
    expect(error.message).toMatch(message);
  });

  it("allows the listed procedures, the harmless commands and text that merely names a procedure", async () => {
    const labels = await service.read("CALL db.labels() YIELD label RETURN collect(label) AS labels");
    expect(Array.isArray(labels.rows[0]!.labels)).toBe(true);
    const components = await service.read("CALL dbms.components() YIELD edition RETURN edition");
    expect(components.rows[0]!.edition).toBe("community");
    for (const query of [
      "SHOW PROCEDURES YIELD name RETURN count(*) AS n",
      "SHOW FUNCTIONS YIELD name RETURN count(*) AS n",
      "SHOW INDEXES YIELD name RETURN count(*) AS n",
      "SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n",
      "RETURN 'CALL dbms.listConfig()' AS text // CALL dbms.listConfig()",
      "EXPLAIN MATCH (n) RETURN n",
    ]) {
      await expect(service.read(query), query).resolves.toBeDefined();
    }
  });

  it("reports a syntax error at the user's own position, not the plan check's", async () => {
    const first = await failure("MATCH (n) RETRN n");
    expect(errorCode(first)).toBe(ErrorCodes.syntax);
    expect(first.message).toContain("(line 1, column 11 (offset: 10))");
    expect(first.message).toContain('"MATCH (n) RETRN n"\n           ^');
    expect(first.message).not.toContain("EXPLAIN");
    const second = await failure("MATCH (n)\nRETRN n");
    expect(second.message).toContain("(line 2, column 1 (offset: 10))");
  });

  it("still refuses writes in READ mode", async () => {
    const error = await failure("CREATE (:Intruder)");
    expect(errorCode(error)).toBe(ErrorCodes.writeInReadMode);
  });
});

describe("the dev server (npm run dev)", () => {
  let server: ViteDevServer;
  let base: string;
  const secretDir = path.join(PROJECT_ROOT, ".data", `tpg-test-${randomBytes(4).toString("hex")}`);
  const marker = `secret-${randomBytes(12).toString("hex")}`;

  beforeAll(async () => {
    mkdirSync(secretDir, { recursive: true });
    writeFileSync(path.join(secretDir, "password"), `${marker}\n`, { mode: 0o600 });
    writeFileSync(path.join(secretDir, ".env"), `TPG_SECRET=${marker}\n`);
    server = await createServer({
      configFile: path.join(PROJECT_ROOT, "vite.config.ts"),
      server: { port: 0, strictPort: false },
      logLevel: "silent",
    });
    await server.listen();
    base = server.resolvedUrls!.local[0]!.replace(/\/$/, "");
  });

  afterAll(async () => {
    await server?.close();
    rmSync(secretDir, { recursive: true, force: true });
  });

  const root = PROJECT_ROOT.split(path.sep).join("/");
  const realPassword = path.join(PROJECT_ROOT, ".data", "neo4j", "password");

  it.each([
    "/@fs/etc/passwd",
    `/@fs${root}/.data/%s/password`,
    "/.data/%s/password",
    "/%2Edata/%s/password",
    `/@fs${root}/web/../.data/%s/password`,
    `/@fs${root}/%2Edata/%s/password`,
    `/@fs${root}/.data/%s/.env`,
    `/@fs${root}/package.json`,
    `/@fs${root}/importer/sources/rczcyjdt-2020-07/source.yaml`,
  ])("refuses %s", async (pattern) => {
    const url = base + pattern.replace("%s", path.basename(secretDir));
    const response = await fetch(url);
    expect([403, 404]).toContain(response.status);
    const body = await response.text();
    expect(body.includes(marker)).toBe(false);
    expect(body).not.toContain("root:x:0:0");
  });

  it("refuses the embedded Neo4j's real password file (without printing it)", async () => {
    if (!existsSync(realPassword)) return;
    const secret = readFileSync(realPassword, "utf8").trim();
    for (const url of [`${base}/@fs${root}/.data/neo4j/password`, `${base}/.data/neo4j/password`]) {
      const response = await fetch(url);
      expect([403, 404]).toContain(response.status);
      expect((await response.text()).includes(secret)).toBe(false);
    }
  });

  it("still serves the app: it boots in Chromium with nothing refused", async () => {
    const { context, close } = await launchBrowser();
    try {
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("response", (r) => {
        if (r.status() === 403) refused.push(r.url());
      });
      await page.goto(`${base}/`);
      // The first load waits for Vite to pre-bundle the dependencies.
      await page.getByRole("tab", { name: /Cypher/ }).waitFor({ timeout: 90_000 });
      await page.evaluate(() => document.fonts.ready);
      expect(refused).toEqual([]);
      const font = await fetch(
        `${base}/@fs${root}/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2`,
      );
      expect(font.status).toBe(200);
    } finally {
      await close();
    }
  }, 120_000);
});
