/**
 * The one place that talks to Neo4j, in Node (importer, CLI, tests) and in the browser alike.
 *
 * Sessions are always closed in `finally`; every query runs in a managed transaction
 * (`executeRead`/`executeWrite`) with a per-transaction timeout; values always travel as parameters;
 * records come back as plain objects in which nodes and relationships are keyed by `elementId`
 * (never the legacy integer id) and Neo4j integers become numbers when they fit, bigints otherwise.
 *
 * `read` is also where the queries users type (web console, `npm run cypher`) run: besides READ
 * mode, a timeout and a row cap, it checks each query's plan before running it (planCheck.ts). A
 * lost server comes back as a Neo4jUnreachableError that names the address.
 */
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Driver,
  type ManagedTransaction,
  type ServerInfo,
} from "neo4j-driver";
import { checkPlan } from "./planCheck.ts";

export { CONSOLE_PROCEDURES, QUERY_REFUSED, QueryRefusedError } from "./planCheck.ts";

export interface ConnectionConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface PlainNode {
  kind: "node";
  elementId: string;
  labels: string[];
  properties: Record<string, PlainValue>;
}

export interface PlainRelationship {
  kind: "relationship";
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, PlainValue>;
}

export interface PlainPath {
  kind: "path";
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

export type PlainValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PlainValue[]
  | PlainNode
  | PlainRelationship
  | PlainPath
  | { [key: string]: PlainValue };

export type Row = Record<string, PlainValue>;

export interface QueryOptions {
  /** Client-side transaction timeout in milliseconds (the server also enforces its own). */
  timeoutMs?: number;
  /** Stop reading after this many rows; the result says it was truncated. */
  maxRows?: number;
  /**
   * Cancels the query: the session is closed, which sends Bolt RESET, so the server stops the
   * query too; the promise rejects with a `Cancelled` error at once.
   */
  signal?: AbortSignal;
  /**
   * The query text is the app's own, not a user's: `read` skips the plan check (see planCheck.ts).
   * Never set it for text that a user typed or chose.
   */
  trusted?: boolean;
}

/** What the server said about a query besides its rows (Neo4j Browser's footer). */
export interface QuerySummary {
  /** Time to the first record and to the last, on the server, in milliseconds. */
  availableAfterMs: number | null;
  consumedAfterMs: number | null;
  /** r, w, rw or s (schema). */
  queryType: string;
  notifications: { code: string; title: string; description: string; severity: string; offset?: number }[];
}

export interface QueryResult {
  rows: Row[];
  keys: string[];
  truncated: boolean;
  /** Absent when the rows were cut at the cap (the rest of the stream is discarded). */
  summary?: QuerySummary;
}

const ErrorCodesCancelled = "Cancelled";

/** The error a cancelled query rejects with (code "Cancelled"). */
export class CancelledError extends Error {
  readonly code = ErrorCodesCancelled;
  constructor() {
    super("The query was cancelled.");
    this.name = "CancelledError";
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The driver's error when no server answers at the address, or the connection died mid-query. */
const UNREACHABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired"]);

/**
 * Neo4j is not there (not started, killed, restarting, wrong port): says where it was looked for.
 * `code` stays the driver's (ServiceUnavailable or SessionExpired), so checks on codes still work.
 */
export class Neo4jUnreachableError extends Error {
  readonly code: string;
  readonly address: string;
  constructor(address: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    super(
      `Cannot reach Neo4j at ${address}: ${reason}\n` +
        "  Check that Neo4j is running and listening there (embedded: npm run neo4j -- status); " +
        "the next query connects again.",
      { cause },
    );
    this.name = "Neo4jUnreachableError";
    this.code = errorCode(cause) ?? "ServiceUnavailable";
    this.address = address;
  }
}

export interface DriverOptions {
  /**
   * How long managed transactions are retried on transient errors (lost connection, deadlock).
   * Batch jobs want the driver's 30 s; an interactive page wants to tell the user sooner.
   */
  maxTransactionRetryTimeMs?: number;
}

/** Builds a driver for bolt://, neo4j:// (routing, clusters) and neo4j+s:// (Aura) alike. */
export function createDriver(config: ConnectionConfig, options: DriverOptions = {}): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: false,
    maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 30_000,
    connectionAcquisitionTimeout: 20_000,
    maxConnectionLifetime: 30 * 60 * 1000,
    userAgent: "talent-policy-graph",
  });
}

export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toBigInt();
  if (typeof value === "boolean" || typeof value === "number" || typeof value === "string") {
    return value;
  }
  if (typeof value === "bigint") return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value)) {
    return {
      kind: "node",
      elementId: value.elementId,
      labels: [...value.labels],
      properties: plainObject(value.properties),
    };
  }
  if (isRelationship(value)) {
    return {
      kind: "relationship",
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: plainObject(value.properties),
    };
  }
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)].map((n) => toPlain(n) as PlainNode);
    const relationships = value.segments.map((s) => toPlain(s.relationship) as PlainRelationship);
    return { kind: "path", nodes, relationships };
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value)) {
    return plainObject({ srid: value.srid, x: value.x, y: value.y, z: value.z });
  }
  if (value instanceof Uint8Array) return Array.from(value);
  if (typeof value === "object") return plainObject(value as Record<string, unknown>);
  return null; // functions and symbols never come from Neo4j
}

function plainObject(object: Record<string, unknown>): { [key: string]: PlainValue } {
  const out: { [key: string]: PlainValue } = {};
  for (const [key, v] of Object.entries(object)) {
    if (v !== undefined) out[key] = toPlain(v);
  }
  return out;
}

async function collect(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  maxRows: number,
  check?: () => Promise<void>,
): Promise<QueryResult> {
  if (check) await check();
  const result = tx.run(query, params);
  const rows: Row[] = [];
  let truncated = false;
  for await (const record of result) {
    if (rows.length >= maxRows) {
      truncated = true;
      break;
    }
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    rows.push(row);
  }
  const keys = (await result.keys()).map(String);
  if (truncated) return { rows, keys, truncated };
  const summary = await result.summary();
  const ms = (value: { toNumber(): number } | number | undefined | null) =>
    value === undefined || value === null ? null : typeof value === "number" ? value : value.toNumber();
  return {
    rows,
    keys,
    truncated,
    summary: {
      availableAfterMs: ms(summary.resultAvailableAfter),
      consumedAfterMs: ms(summary.resultConsumedAfter),
      queryType: summary.queryType ?? "",
      notifications: summary.notifications.map((n) => ({
        code: n.code,
        title: n.title,
        description: n.description,
        severity: n.rawSeverityLevel,
        offset: n.position && "offset" in n.position ? n.position.offset : undefined,
      })),
    },
  };
}

/** How many query texts that passed the plan check a service remembers (the app's own repeat). */
const CHECKED_QUERIES = 500;

/** Read and write helpers on one driver and database. */
export class GraphService {
  readonly driver: Driver;
  readonly database: string | undefined;
  /** Where the driver connects, for error messages. */
  readonly address: string;
  /**
   * Texts whose plan passed the check: what a plan may call depends on the text alone, so the app's
   * own queries are planned once, not on every run.
   */
  private readonly checked = new Set<string>();

  constructor(driver: Driver, database?: string, address = "the configured address") {
    this.driver = driver;
    this.database = database;
    this.address = address;
  }

  static connect(config: ConnectionConfig, options: DriverOptions = {}): GraphService {
    return new GraphService(createDriver(config, options), config.database, config.uri);
  }

  async read(
    query: string,
    params: Record<string, unknown> = {},
    options: QueryOptions = {},
  ): Promise<QueryResult> {
    return this.run("READ", query, params, options);
  }

  async write(
    query: string,
    params: Record<string, unknown> = {},
    options: QueryOptions = {},
  ): Promise<QueryResult> {
    return this.run("WRITE", query, params, options);
  }

  /** Runs `work` in one write transaction (all or nothing), e.g. a whole import batch. */
  async writeTransaction<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, { timeout: timeoutMs });
    } catch (error) {
      throw this.unreachable(error);
    } finally {
      await session.close();
    }
  }

  /** The driver's "no server" errors as a Neo4jUnreachableError naming the address; others as they are. */
  private unreachable(error: unknown): unknown {
    const code = errorCode(error);
    if (code && UNREACHABLE_CODES.has(code) && !(error instanceof Neo4jUnreachableError)) {
      return new Neo4jUnreachableError(this.address, error);
    }
    return error;
  }

  private remember(query: string): void {
    if (this.checked.size >= CHECKED_QUERIES) this.checked.delete(this.checked.values().next().value!);
    this.checked.add(query);
  }

  async serverInfo(): Promise<ServerInfo> {
    return this.driver.getServerInfo({ database: this.database });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run(
    mode: "READ" | "WRITE",
    query: string,
    params: Record<string, unknown>,
    options: QueryOptions,
  ): Promise<QueryResult> {
    const { signal } = options;
    if (signal?.aborted) throw new CancelledError();
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
    const config = { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        session.close().catch(() => undefined); // the connection may die during the reset: nothing to do
        reject(new CancelledError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    // Only reads take users' queries; writes are the importer's own.
    const check =
      mode === "READ" && !options.trusted && !this.checked.has(query)
        ? (tx: ManagedTransaction) => async () => {
            await checkPlan(tx, query, params);
            this.remember(query);
          }
        : undefined;
    const work =
      mode === "READ"
        ? session.executeRead((tx) => collect(tx, query, params, maxRows, check?.(tx)), config)
        : session.executeWrite((tx) => collect(tx, query, params, maxRows), config);
    try {
      return await (signal ? Promise.race([work, aborted]) : work);
    } catch (error) {
      throw this.unreachable(error);
    } finally {
      if (onAbort) signal?.removeEventListener("abort", onAbort);
      // A cancelled query's work rejects later, when the server has stopped it: nobody waits for it.
      work.catch(() => undefined);
      await session.close();
    }
  }
}

/** Neo4j error codes we act on; compare codes, never message text. */
export const ErrorCodes = {
  writeInReadMode: "Neo.ClientError.Statement.AccessMode",
  unauthorized: "Neo.ClientError.Security.Unauthorized",
  syntax: "Neo.ClientError.Statement.SyntaxError",
  timedOut: [
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  ],
  serviceUnavailable: "ServiceUnavailable",
  cancelled: ErrorCodesCancelled,
} as const;

export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error) {
    const code = error.code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

export function isTimeout(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && (ErrorCodes.timedOut as readonly string[]).includes(code);
}
