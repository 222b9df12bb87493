/**
 * What a query typed by a user (the web console, `npm run cypher`) may do beyond reading the graph,
 * decided on Neo4j's own plan of it.
 *
 * READ mode stops writes but not `CALL dbms.listConfig()`, `SHOW SETTINGS`, `SHOW USERS` or
 * `LOAD CSV FROM 'file:///…'`. A regular expression over the text cannot tell these apart from a
 * string or a comment that mentions them, and misses the spellings Cypher allows (`CALL dbms .
 * listConfig`, backquoted names, a procedure inside `CALL { … }` or after `UNION`). The plan of
 * `EXPLAIN <query>` can: the planner has resolved every procedure to its full name and every clause
 * to an operator, and nothing has run. So the service plans the query first, in the same
 * transaction, and refuses it if any operator is not allowed here.
 *
 * The server cannot do this for us: Community has no fine-grained privileges, and its procedure
 * allow-list (set for the embedded Neo4j) applies to plugins, not to the built-in procedures.
 */
import type { ManagedTransaction } from "neo4j-driver";

/** Procedures the console may call: schema lookups, full-text search, the server's version. */
export const CONSOLE_PROCEDURES: readonly string[] = [
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "dbms.components",
];

/**
 * Commands the console may run (as their plan operators): what functions, procedures, indexes and
 * constraints exist, and which transactions run (Neo4j Browser's `:queries`). Not SHOW SETTINGS
 * (the server's configuration), not TERMINATE TRANSACTIONS, no administration command.
 */
const CONSOLE_COMMANDS = new Set([
  "ShowFunctions",
  "ShowProcedures",
  "ShowIndexes",
  "ShowConstraints",
  "ShowTransactions",
]);

/** The part of a driver plan this module reads (neo4j-driver's `Plan`). */
export interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

export const QUERY_REFUSED = "TPG.ClientError.Console.Refused";

/** A user's query refused before it ran; `code` is QUERY_REFUSED. */
export class QueryRefusedError extends Error {
  readonly code = QUERY_REFUSED;
  constructor(message: string) {
    super(message);
    this.name = "QueryRefusedError";
  }
}

const COMMANDS_IN_WORDS =
  "SHOW FUNCTIONS, SHOW PROCEDURES, SHOW INDEXES, SHOW CONSTRAINTS, SHOW TRANSACTIONS";

/** "ShowSettings" → "SHOW SETTINGS". */
function commandWords(operator: string): string {
  return operator.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
}

function refusal(operator: string, database: string, details: string): string | null {
  if (operator === "ProcedureCall") {
    // Details read "db.labels() :: (label :: STRING)": the resolved name comes first.
    const name = details.slice(0, details.indexOf("(")).trim() || details;
    if (CONSOLE_PROCEDURES.includes(name)) return null;
    return (
      `The console may call only these procedures: ${CONSOLE_PROCEDURES.join(", ")}. ` +
      `"${name}" is not one of them.`
    );
  }
  if (operator === "LoadCSV") {
    return (
      "LOAD CSV is not available in the console: it reads files and URLs from the database server. " +
      "Knowledge enters the graph through npm run import."
    );
  }
  if (database === "system" || operator === "AdministrationCommand") {
    return "Administration commands (users, roles, databases, privileges) are not available in the console.";
  }
  if (/^(Show|Terminate)[A-Z]/.test(operator) && !CONSOLE_COMMANDS.has(operator)) {
    return `${commandWords(operator)} is not available in the console; it may run ${COMMANDS_IN_WORDS}.`;
  }
  return null;
}

/** The first thing in the plan the console may not do, in words; null when everything is allowed. */
export function planRefusal(plan: PlanNode): string | null {
  const [operator = "", database = ""] = plan.operatorType.split("@");
  const details = typeof plan.arguments.Details === "string" ? plan.arguments.Details : "";
  const own = refusal(operator, database, details);
  if (own) return own;
  for (const child of plan.children) {
    const found = planRefusal(child);
    if (found) return found;
  }
  return null;
}

function codeOf(error: unknown): string | undefined {
  return error && typeof error === "object" && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}

const EXPLAIN = "EXPLAIN ";

/**
 * A syntax error found while planning `EXPLAIN <query>` points 8 characters too far: moves the
 * position (and the quoted line with its caret, on line 1) back onto the user's own text, so the
 * console underlines the right word. A message in another shape is left as it is.
 */
function withoutExplainPrefix(message: string): string {
  let firstLine = false;
  const moved = message.replace(
    /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/,
    (_, line: string, column: string, offset: string) => {
      firstLine = line === "1";
      const col = firstLine ? Math.max(1, Number(column) - EXPLAIN.length) : Number(column);
      return `(line ${line}, column ${col} (offset: ${Math.max(0, Number(offset) - EXPLAIN.length)}))`;
    },
  );
  if (!firstLine) return moved;
  return moved.replace(`\n"${EXPLAIN}`, '\n"').replace(new RegExp(`\n {${EXPLAIN.length}}( *\\^)`), "\n$1");
}

/**
 * Plans the query in the transaction it is about to run in and throws a QueryRefusedError if the plan
 * holds anything a user's query may not do. When the query cannot be planned, nothing runs: its
 * error is thrown instead (a syntax error with its position moved onto the user's text).
 */
export async function checkPlan(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
): Promise<void> {
  let plan: PlanNode | false;
  try {
    plan = (await tx.run(`${EXPLAIN}${query}`, params).summary()).plan;
  } catch (error) {
    const code = codeOf(error);
    if (code === "Neo.ClientError.Statement.SyntaxError" && error instanceof Error) {
      error.message = withoutExplainPrefix(error.message);
    } else if (code === "Neo.ClientError.Statement.ArgumentError" && /\bPROFILE\b/i.test(query)) {
      // "EXPLAIN PROFILE …" conflicts; nothing ran either way, the text only picks the message.
      throw new QueryRefusedError(
        "PROFILE is not available here: it runs the query before its plan can be checked. Use EXPLAIN.",
      );
    }
    throw error;
  }
  if (!plan) throw new QueryRefusedError("Neo4j gave no plan for this query, so it cannot be checked.");
  const refused = planRefusal(plan);
  if (refused) throw new QueryRefusedError(refused);
}
