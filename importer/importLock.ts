/**
 * One import at a time per database. Two imports at once would interleave their batches and their
 * deletions, so the second is refused, with who holds the lock and since when.
 *
 * The lock is a node in the database itself, `(:ImportLock {id: "import"})`, so it also holds
 * between machines sharing one Neo4j; a uniqueness constraint makes taking it race-free. The holder
 * writes a heartbeat every few seconds (server time, so clocks do not matter). A lock whose holder
 * was killed is taken over at once when the holder ran on this machine and its process is gone, and
 * by anyone once its heartbeat is older than the lease.
 */
import { randomUUID } from "node:crypto";
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";
import type { GraphService } from "../graph/neo4jService.ts";

export const IMPORT_LOCK_LABEL = "ImportLock";
const LOCK_ID = "import";
export const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_HEARTBEAT_MS = 5_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** Milliseconds since the holder took the lock, and since its last heartbeat. */
  ageMs: number;
  idleMs: number;
}

/** Another import holds the lock; `code` is "TPG.ImportLocked". */
export class ImportLockedError extends Error {
  readonly code = "TPG.ImportLocked";
  constructor(
    readonly holder: LockHolder,
    leaseMs: number,
  ) {
    const s = (ms: number) => `${Math.round(ms / 1000)} s`;
    super(
      `Another import is running on this database: process ${holder.pid} on ${holder.host}, ` +
        `started ${s(holder.ageMs)} ago, last heard from ${s(holder.idleMs)} ago.\n` +
        "  Wait for it to finish, then import again. If it was killed, its lock is taken over at once " +
        `from the same machine, or ${s(leaseMs)} after its last heartbeat from anywhere else.`,
    );
    this.name = "ImportLockedError";
  }
}

export interface ImportLock extends AsyncDisposable {
  /** Lets go of the lock (never throws: a lock left behind expires with its lease). */
  release(): Promise<void>;
}

/**
 * This machine as seen from the lock: the host name, and on Linux the pid namespace, so that two
 * containers with the same host name do not take each other's pids for their own.
 */
export function machineId(): string {
  try {
    return `${hostname()} ${readlinkSync("/proc/self/ns/pid")}`;
  } catch {
    return hostname();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface LockOptions {
  leaseMs?: number;
  heartbeatMs?: number;
}

/** Takes the import lock of the database, or throws ImportLockedError naming its holder. */
export async function acquireImportLock(
  service: GraphService,
  options: LockOptions = {},
): Promise<ImportLock> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const token = randomUUID();
  const me = { token, pid: process.pid, host: machineId() };
  await service.write(
    `CREATE CONSTRAINT import_lock_id IF NOT EXISTS FOR (l:${IMPORT_LOCK_LABEL}) REQUIRE l.id IS UNIQUE`,
  );
  const holder = await service.writeTransaction(async (tx) => {
    // The SET takes the node's write lock, so the decision below cannot race another importer's.
    const found = await tx.run(
      `MERGE (l:${IMPORT_LOCK_LABEL} {id: $id})
       ON CREATE SET l.token = $token, l.pid = $pid, l.host = $host, l.startedAt = timestamp(), l.heartbeatAt = timestamp()
       SET l.checkedAt = timestamp()
       RETURN l.token AS token, l.pid AS pid, l.host AS host,
              timestamp() - l.startedAt AS ageMs, timestamp() - l.heartbeatAt AS idleMs`,
      { id: LOCK_ID, ...me },
    );
    const row = found.records[0]!;
    const held: LockHolder & { token: string } = {
      token: String(row.get("token")),
      pid: Number(row.get("pid")),
      host: String(row.get("host")),
      ageMs: Number(row.get("ageMs")),
      idleMs: Number(row.get("idleMs")),
    };
    if (held.token === token) return null;
    const gone = held.idleMs > leaseMs || (held.host === me.host && !alive(held.pid));
    if (!gone) return held;
    await tx.run(
      `MATCH (l:${IMPORT_LOCK_LABEL} {id: $id, token: $old})
       SET l.token = $token, l.pid = $pid, l.host = $host, l.startedAt = timestamp(), l.heartbeatAt = timestamp()`,
      { id: LOCK_ID, old: held.token, ...me },
    );
    return null;
  });
  if (holder) throw new ImportLockedError(holder, leaseMs);

  const mine = { id: LOCK_ID, token };
  const heartbeat = setInterval(() => {
    service
      .write(`MATCH (l:${IMPORT_LOCK_LABEL} {id: $id, token: $token}) SET l.heartbeatAt = timestamp()`, mine)
      .catch(() => undefined); // a missed beat only shortens the lease; the import itself will fail loudly
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    await service
      .write(`MATCH (l:${IMPORT_LOCK_LABEL} {id: $id, token: $token}) DELETE l`, mine)
      .catch(() => undefined);
  };
  return { release, [Symbol.asyncDispose]: release };
}
