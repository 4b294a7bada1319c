// The one database client: embedded PGlite under the data folder, or PostgreSQL via postgres.js.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { isConnectionLost } from "@/lib/errors";

/** A database or a transaction: query functions take one of these, so they run on either driver. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseConfig = { url: string } | { pgliteDir: string };

/** Told every statement the client sends, with its parameters (for tests that look at the SQL). */
export type QueryListener = (query: string, parameters: unknown[]) => void;

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK = 727_001;

/**
 * The client with every statement prepared. drizzle asks postgres.js for unnamed statements, and
 * postgres.js sends those with parameters in two round trips (describe, then execute) and holds the
 * connection's later statements back until the second returns. A prepared statement is described
 * once per connection; afterwards it costs one round trip and pipelines with the statements around it.
 */
function preparing<C extends postgres.Sql | ReservedClient>(client: C): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "unsafe") return Reflect.get(target, property, receiver);
      return (query: string, parameters?: unknown[], options?: object) =>
        target.unsafe(query, parameters as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
    },
  });
}

function openPostgres(url: string, max: number, onQuery?: QueryListener): DatabaseHandle {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 5,
    idle_timeout: 30,
    ...(onQuery
      ? { debug: (_connection: number, query: string, parameters: unknown[]) => onQuery(query, parameters) }
      : {}),
  });
  return {
    db: drizzlePostgres(preparing(client)) as unknown as Database,
    kind: "postgres",
    async migrate() {
      // Replicas may start together: one migrates, the others wait on the lock and find nothing to do.
      const single = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(single), { migrationsFolder: MIGRATIONS });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await single.end();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock between processes: a second process on the same folder silently loses its
 * writes. A pid file makes that mistake an error instead.
 */
function lockDataFolder(dir: string): () => void {
  const lock = `${dir}.lock`;
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(fs.readFileSync(lock, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database at ${dir} is in use by process ${holder}. Stop it first, or set DATABASE_URL to use PostgreSQL.`,
      );
    }
    fs.writeFileSync(lock, String(process.pid));
  }
  const release = () => fs.rmSync(lock, { force: true });
  process.once("exit", release);
  return release;
}

function openPglite(dir: string, onQuery?: QueryListener): DatabaseHandle {
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) fs.mkdirSync(dir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataFolder(dir);
  const client = new PGlite(dir);
  const db = drizzlePglite(client, onQuery ? { logger: { logQuery: onQuery } } : {});
  return {
    db: db as unknown as Database,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS }),
    async close() {
      await client.close();
      unlock();
    },
  };
}

export function openDatabase(config: DatabaseConfig, poolSize = 10, onQuery?: QueryListener): DatabaseHandle {
  return "url" in config ? openPostgres(config.url, poolSize, onQuery) : openPglite(config.pgliteDir, onQuery);
}

/** Where this process's database lives, from the environment. */
export function configuredDatabase(): DatabaseConfig {
  const { databaseUrl, dataDir } = env();
  return databaseUrl ? { url: databaseUrl } : { pgliteDir: path.join(dataDir, "pglite") };
}

const globalForDb = globalThis as typeof globalThis & { __wigiDatabase?: DatabaseHandle };

/** This process's shared handle, created on first use and kept across hot reloads. */
export function databaseHandle(): DatabaseHandle {
  globalForDb.__wigiDatabase ??= openDatabase(configuredDatabase());
  return globalForDb.__wigiDatabase;
}

export function getDb(): Database {
  return databaseHandle().db;
}

/** Rows of a raw `db.execute` result, which postgres.js returns as an array and PGlite as `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** A transaction's work: its result, and its last writes, already sent, which COMMIT follows. */
export type PipelinedWork<T, P> = (
  tx: Database,
  before: Promise<P>,
) => Promise<{ result: T; writes: Promise<unknown> }>;

/**
 * Statements that go ahead of the transaction in a short one of their own, without waiting for the
 * disk (the transaction's COMMIT flushes them too), so the rows they lock are not held for the whole
 * transaction. For counters that must not serialise concurrent transactions.
 */
export type Prelude<P> = (tx: Database) => PromiseLike<P>;

type PostgresClient = postgres.Sql & { options: unknown };
type ReservedClient = postgres.ReservedSql & { options?: unknown };

const isPostgresClient = (client: unknown): client is PostgresClient =>
  typeof (client as { reserve?: unknown } | undefined)?.reserve === "function";

/**
 * A transaction that costs two round trips fewer than `db.transaction`: on PostgreSQL, BEGIN goes
 * out with the first statements and COMMIT right behind the last writes, on a reserved connection.
 * Anything failing rolls it all back (but not the prelude, which has committed). PGlite has no round
 * trips to save and runs the prelude, then the work, in plain transactions.
 */
export async function pipelinedTransaction<T, P = undefined>(
  db: Database,
  work: PipelinedWork<T, P>,
  prelude?: Prelude<P>,
): Promise<T> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!isPostgresClient(client)) {
    const before = prelude ? await db.transaction(async (tx) => prelude(tx)) : (undefined as P);
    return db.transaction(async (tx) => {
      const { result, writes } = await work(tx, Promise.resolve(before));
      await writes;
      return result;
    });
  }
  const reserved: ReservedClient = await client.reserve();
  // drizzle reads the pool's type parsers from the client it wraps; the reserved one shares them.
  reserved.options = client.options;
  const tx = drizzlePostgres(preparing(reserved) as unknown as postgres.Sql) as unknown as Database;
  const send = (statement: string) => tx.execute(sql.raw(statement)).then(() => undefined);
  // A connection that died is already back in the pool's closed list: releasing it would reopen a corpse.
  let lost = false;
  const rollBack = async (error: unknown) => {
    lost = isConnectionLost(error);
    if (lost) return;
    await afterDispatched();
    await send("rollback").catch(() => {});
  };
  try {
    const before = handled(prelude ? runPrelude(tx, send, prelude) : Promise.resolve(undefined as P));
    if (prelude) await afterDispatched();
    const begun = handled(send("begin"));
    let outcome: { result: T; writes: Promise<unknown> };
    try {
      outcome = await work(tx, before);
    } catch (error) {
      await Promise.allSettled([before, begun]);
      await rollBack(error);
      throw error;
    }
    // A query builder runs again each time it is awaited: resolve it once.
    const writes = handled(Promise.resolve(outcome.writes));
    await afterDispatched();
    const settled = await Promise.allSettled([before, begun, writes, send("commit")]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) {
      await rollBack(failed.reason);
      throw failed.reason;
    }
    return outcome.result;
  } finally {
    if (!lost) reserved.release();
  }
}

/**
 * Resolves once every statement started so far has reached the connection: drizzle hands a query
 * to postgres.js a few microtasks after it is started, and how many depends on the query builder,
 * so BEGIN and COMMIT wait for the next macrotask to be sure of their place.
 */
const afterDispatched = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Marks a promise as handled, so a rejection that arrives while waiting for a macrotask isn't "unhandled". */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** The prelude in its own transaction, sent at once; a failing statement turns its COMMIT into a rollback. */
function runPrelude<P>(tx: Database, send: (statement: string) => Promise<void>, prelude: Prelude<P>): Promise<P> {
  const begun = send("begin");
  const relaxed = send("set local synchronous_commit = off");
  // A query builder runs again each time it is awaited: resolve it once.
  const result = Promise.resolve(prelude(tx));
  const committed = afterDispatched().then(() => send("commit"));
  return Promise.all([begun, relaxed, result, committed]).then(() => result);
}
