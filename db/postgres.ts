/**
 * The data layer on PostgreSQL (docs/decisions/011): drizzle's node-postgres driver over a connection pool,
 * presented as the `Db` the queries are written against (db/client.ts), so that one set of queries and use
 * cases serves both engines. What differs is bridged here and nowhere else:
 * - SQLite's builders run with `.all()`, `.get()`, `.run()` and `.values()`; PostgreSQL's are awaited or
 *   `.execute()`d. Every builder handed out gets those four (and `db.all/get/run/values` for raw SQL).
 * - A write transaction takes one advisory lock first, so that transactions that write follow one another
 *   as SQLite's BEGIN IMMEDIATE makes them, across every pool and every app instance: 发文字号 and 索引号 are
 *   read and taken in one transaction and stay consecutive, as every other read-then-write rule does.
 * - Inside a transaction `db` itself is the transaction (AsyncLocalStorage), as on SQLite.
 * - bigint and numeric come back as numbers (counts, sums, epoch milliseconds), as SQLite returns them.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { DrizzleQueryError, entityKind, sql, type SQLWrapper } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema-pg";
import { PG_MIGRATIONS_DIR } from "./engine";

type PgDb = NodePgDatabase<typeof schema>;

/** The advisory lock every write transaction holds (an arbitrary constant: "tian" in ASCII). */
const WRITE_LOCK = 0x7469_616e;
/** Held while migrations run, so that instances started together migrate one after the other. */
const MIGRATION_LOCK = WRITE_LOCK + 1;

// int8 (counts, sums, epoch milliseconds) and numeric (averages) as numbers, as SQLite returns them.
// Process-wide: node-postgres reads its type parsers from the module, and drizzle asks the module too.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

const kindOf = (value: unknown): string | undefined =>
  value !== null && typeof value === "object" ? (value.constructor as { [entityKind]?: string } | undefined)?.[entityKind] : undefined;

/** Builders before their SQL is complete (select before `.from`, insert before `.values`, update before `.set`). */
const OPEN_BUILDERS = new Set(["PgSelectBuilder", "PgInsertBuilder", "PgUpdateBuilder", "PgQueryBuilder"]);

type Runnable = { execute: (placeholders?: Record<string, unknown>) => Promise<unknown> };

const isQuery = (value: object): value is Runnable & SQLWrapper =>
  typeof (value as Partial<Runnable>).execute === "function" && typeof (value as Partial<SQLWrapper>).getSQL === "function";
const isPrepared = (value: object): value is Runnable => kindOf(value) === "NodePgPreparedQuery";

/**
 * Runs the query; a failure names the database's own message ("events are append-only"), as SQLite's
 * errors do, not only drizzle's "Failed query: …" (the database's error stays its cause).
 */
async function execute(query: Runnable, placeholders?: Record<string, unknown>): Promise<unknown> {
  try {
    return await query.execute(placeholders);
  } catch (error) {
    if (error instanceof DrizzleQueryError && error.cause instanceof Error) error.message = `${error.cause.message}\n${error.message}`;
    throw error;
  }
}

async function rowsOf(query: Runnable, placeholders?: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const result = await execute(query, placeholders);
  // A query builder answers its rows; a raw statement answers node-postgres's result.
  return Array.isArray(result) ? result : ((result as pg.QueryResult).rows ?? []);
}

/** SQLite's ways of running a statement, on a PostgreSQL query or prepared query. */
function runners(query: Runnable): Record<"all" | "get" | "run" | "values", (placeholders?: Record<string, unknown>) => Promise<unknown>> {
  return {
    all: (p) => rowsOf(query, p),
    get: async (p) => (await rowsOf(query, p))[0],
    run: (p) => execute(query, p),
    values: async (p) => (await rowsOf(query, p)).map((row) => Object.values(row)),
  };
}

/**
 * A prepared statement's name from its SQL text (the same text on every instance and connection has the same name).
 * Named, node-postgres parses a statement once per connection and PostgreSQL keeps its plan; unnamed, it is parsed and
 * planned at every run (a proposal page's 62 queries spent 17 ms of the database's time in parse and bind, 2 ms
 * running). Only `.prepare()`d queries are named, and the app prepares only queries it builds once (db/prepared.ts):
 * the queries run as built (`.all()`, `.get()`…) stay unnamed, or the staff list's thousands of filter texts would pile
 * up in every connection.
 */
function statementName(query: object): string | undefined {
  const text = (query as { toSQL?: () => { sql: string } }).toSQL?.().sql;
  return text === undefined ? undefined : `q_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
}

/** A builder that also runs as SQLite's do; what it builds next is wrapped in turn. */
function sqliteLike<T extends object>(builder: T): T {
  const runnable = isQuery(builder) || isPrepared(builder) ? runners(builder) : null;
  return new Proxy(builder, {
    get(target, prop) {
      if (runnable && typeof prop === "string" && prop in runnable) {
        // An insert builder's `values(rows)` adds rows; only a complete query runs by it.
        if (prop !== "values" || !OPEN_BUILDERS.has(kindOf(target) ?? "")) return runnable[prop as keyof typeof runnable];
      }
      // A prepared query is named (db/prepared.ts preparedRead's name, else one of its text: statementName), so that
      // node-postgres prepares it once per connection.
      if (prop === "prepare" && isQuery(target))
        return (name?: string) =>
          sqliteLike((target as unknown as { prepare: (name?: string) => object }).prepare(name ?? statementName(target)));
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => wrapped(value.apply(target, args));
    },
  });
}

function wrapped(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Promise) return value;
  return OPEN_BUILDERS.has(kindOf(value) ?? "") || isQuery(value) ? sqliteLike(value) : value;
}

/** Raw SQL run as SQLite's `db.all(sql)`, `db.get(sql)`, `db.run(sql)`, `db.values(sql)`. */
function rawRunners(db: { execute: (query: SQLWrapper) => Promise<unknown> }) {
  return (query: SQLWrapper) => runners({ execute: () => db.execute(query) });
}

const CLOSE = Symbol.for("tian.closeDatabase");
/** Whether a `Db` runs its queries in a transaction now (db/prepared.ts: a query built once runs on the pool). */
export const IN_TRANSACTION = Symbol.for("tian.inTransaction");

/** A drizzle database or transaction seen as the SQLite-shaped `Db`. */
function asSqliteShaped(db: PgDb, pool: pg.Pool, current: AsyncLocalStorage<object>, top: boolean, close?: () => Promise<void>): object {
  const raw = rawRunners(db as unknown as { execute: (query: SQLWrapper) => Promise<unknown> });
  const transaction = async <T>(run: (tx: object) => Promise<T>): Promise<T> => {
    const inside = top ? current.getStore() : undefined;
    if (inside) return (inside as { transaction: typeof transaction }).transaction(run);
    return db.transaction(async (tx) => {
      if (top) await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
      const shaped = asSqliteShaped(tx as unknown as PgDb, pool, current, false);
      return current.run(shaped, () => run(shaped));
    });
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === CLOSE) return close;
      // The pool, inside a transaction too: what caches are keyed by (databaseOf).
      if (prop === "$client") return pool;
      const inside = top ? current.getStore() : undefined;
      if (prop === IN_TRANSACTION) return !top || inside !== undefined;
      if (inside) return Reflect.get(inside, prop);
      if (prop === "transaction") return transaction;
      if (prop === "all" || prop === "get" || prop === "run" || prop === "values") return (query: SQLWrapper) => raw(query)[prop]();
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => wrapped(value.apply(target, args));
    },
  });
}

/** A pool on `url`, its queries shaped as the data layer expects (not migrated: see migratePostgres). */
export function openPostgres(url: string, options: { max?: number } = {}): object {
  // Without JIT: a search's plan costs its text functions high (search_grams, migration 0004), past jit_above_cost, and
  // compiling it took 100–190 ms of a query that runs in 20–100 (the staff list's search of 建设 at 100,000 proposals:
  // 370 → 225 ms with the same plan). The app's queries are short; none gains from compiling.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: "-c jit=off" });
  // An idle client's error (the server restarted) must not end the process; the next query reconnects.
  pool.on("error", (error) => console.error("PostgreSQL:", error.message));
  const db = drizzle(pool, { schema });
  // Closing twice is harmless, as SQLite's close is.
  return asSqliteShaped(db, pool, new AsyncLocalStorage<object>(), true, async () => (pool.ending ? undefined : pool.end()));
}

/** Applies the committed migrations (db/migrations-pg), one instance at a time. */
export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: PG_MIGRATIONS_DIR });
  } finally {
    await client.end();
  }
}

/** Drops every table, view and function of the database's schemas (`--fresh`: the tests' and the demo's throwaway databases). */
export async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("drop schema if exists drizzle cascade; drop schema public cascade; create schema public");
  } finally {
    await client.end();
  }
}

export { CLOSE as CLOSE_DATABASE };
