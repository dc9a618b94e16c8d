import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Mutex } from "async-mutex";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase, SQLiteTransaction } from "drizzle-orm/sqlite-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { databasePath } from "./database-path";
import { databaseEngine } from "./engine";
import { CLOSE_DATABASE as CLOSE, openPostgres } from "./postgres";
import * as schema from "./schema/sqlite";

type Schema = typeof schema;

/**
 * The data layer's one database type, for SQLite and PostgreSQL alike (docs/decisions/010): drizzle's
 * asynchronous query builders over the SQLite declarations. Every query is awaited; a transaction's
 * callback is async. What a statement returns when run for its effect (`.run()`) differs by engine,
 * so it is typed `unknown`: ask with `.returning()` instead.
 */
export type Db = BaseSQLiteDatabase<"async", unknown, Schema>;
export type Tx = SQLiteTransaction<"async", unknown, Schema, ExtractTablesWithRelations<Schema>>;

/** The database a `Db` or `Tx` works on (its connection or pool): the same object for both, to key caches by. */
export function databaseOf(db: Db | Tx): object {
  return (db as unknown as { $client: object }).$client;
}

/** A SQLite database opened by this process: its writer connection is `$client` (for scripts and tests). */
export type SqliteDb = Db & { $client: Database.Database };

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

export { databasePath };

/**
 * Drizzle prepares every query anew: 40–60 statements per staff page, 2–3 ms of SQLite compiling the same
 * SQL again. The connection keeps the STATEMENTS most recently used and hands them out again — back in
 * plain row-object mode (drizzle switches to raw rows per query, a caller may pluck), and never one still
 * busy (a running iterate()).
 */
const STATEMENTS = 500;

function rememberStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      kept.delete(source);
      kept.set(source, statement);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      statement.safeIntegers(false);
      return statement;
    }
    const fresh = prepare(source);
    if (!statement) {
      kept.set(source, fresh);
      if (kept.size > STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  }) as typeof sqlite.prepare;
}

function connect(file: string): Database.Database {
  const sqlite = new Database(file);
  rememberStatements(sqlite);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

/** Builder methods that run the statement; every other method only adds to it. */
const RUNS = new Set<PropertyKey>(["run", "all", "get", "values", "execute", "then"]);

/**
 * A statement built on the writer connection outside any transaction: it runs when no transaction of
 * this process holds the connection, so that it never lands inside another request's transaction.
 */
function serialised<T extends object>(builder: T, lock: Mutex): T {
  return new Proxy(builder, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop === "then") {
        return async (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) =>
          lock.runExclusive(() => (target as unknown as PromiseLike<unknown>).then((v) => v)).then(resolve, reject);
      }
      // `values` runs a statement, but on an insert builder (no SQL yet) it only adds the rows.
      if (RUNS.has(prop) && "getSQL" in target) return async (...args: unknown[]) => lock.runExclusive(() => value.apply(target, args));
      return (...args: unknown[]) => {
        const next = value.apply(target, args);
        return next && typeof next === "object" && "getSQL" in next ? serialised(next, lock) : next;
      };
    },
  });
}

/**
 * Opens (creating if needed) the SQLite file in WAL mode with foreign keys on, and applies pending migrations.
 *
 * better-sqlite3 runs each statement synchronously, but the data layer awaits between statements, so
 * requests interleave. Two connections keep them apart: transactions (and any write) run on the writer,
 * one at a time (a mutex, held from BEGIN IMMEDIATE to COMMIT), and reads outside a transaction on a
 * reader (`query_only`), which sees committed data only. Inside a transaction, `db` itself is the
 * transaction (AsyncLocalStorage), so code that reaches for the database rather than the `tx` it was
 * given still reads its own writes; `db.transaction` there is a savepoint, as in drizzle.
 */
export function openDatabase(file: string = databasePath(), options: { alone?: boolean } = {}): SqliteDb {
  fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const writer = connect(file);
  const writerDb = drizzle(writer, { schema });
  migrate(writerDb, { migrationsFolder: MIGRATIONS_DIR });
  // Gives the query planner statistics to choose the cheaper covering indexes, with bounded effort,
  // as SQLite recommends when a connection opens (it does little when nothing has changed).
  writer.pragma("analysis_limit = 400");
  writer.pragma("optimize = 0x10002");
  // A script that has the file to itself (the bench generator changes its journal mode) reads on the writer.
  const reader = options.alone ? writer : connect(file);
  if (!options.alone) {
    reader.pragma("query_only = ON");
    reader.pragma("analysis_limit = 400");
  }
  const readerDb = options.alone ? writerDb : drizzle(reader, { schema });
  return withTransactions(readerDb, reader, writerDb, writer) as unknown as SqliteDb;
}

/** Closes every connection of a database this process opened (scripts and tests; the server keeps its own open). */
export async function closeDatabase(db: Db): Promise<void> {
  await (db as unknown as { [CLOSE]: () => void | Promise<void> })[CLOSE]();
}

function withTransactions(
  readerDb: BetterSQLite3Database<Schema>,
  readerConnection: Database.Database,
  writerDb: BetterSQLite3Database<Schema>,
  writer: Database.Database,
) {
  const reader = readerConnection;
  const lock = new Mutex();
  const current = new AsyncLocalStorage<object>();
  let savepoints = 0;

  async function savepoint<T>(run: (tx: object) => Promise<T>, tx: object): Promise<T> {
    const name = `sp${++savepoints}`;
    writer.exec(`savepoint ${name}`);
    try {
      const result = await run(tx);
      writer.exec(`release ${name}`);
      return result;
    } catch (error) {
      writer.exec(`rollback to ${name}`);
      writer.exec(`release ${name}`);
      throw error;
    }
  }

  const tx: object = Object.create(writerDb, {
    transaction: { value: async <T>(run: (tx: object) => Promise<T>) => savepoint(run, tx) },
  });

  async function transaction<T>(
    run: (tx: object) => Promise<T>,
    config?: { behavior?: "deferred" | "immediate" | "exclusive" },
  ): Promise<T> {
    if (current.getStore()) return savepoint(run, tx);
    return lock.runExclusive(async () => {
      // Every transaction of the application writes: taking the write lock at BEGIN lets busy_timeout wait
      // for another process's writer instead of failing with SQLITE_BUSY at the first write.
      writer.exec(`begin ${config?.behavior ?? "immediate"}`);
      savepoints = 0;
      try {
        const result = await current.run(tx, async () => run(tx));
        writer.exec("commit");
        return result;
      } catch (error) {
        if (writer.inTransaction) writer.exec("rollback");
        throw error;
      }
    });
  }

  // Statements that write: built on the writer, run under the lock (`run` runs raw SQL at once).
  const WRITES = new Set<PropertyKey>(["insert", "update", "delete", "run"]);
  return new Proxy(readerDb, {
    get(target, prop) {
      if (prop === "transaction") return transaction;
      if (prop === "$client") return writer;
      if (prop === CLOSE)
        return () => {
          if (reader.open) reader.close();
          if (writer.open) writer.close();
        };
      const inTransaction = current.getStore();
      const source = inTransaction ?? (WRITES.has(prop) ? writerDb : target);
      const value = Reflect.get(source, prop, source);
      if (typeof value !== "function") return value;
      if (inTransaction || !WRITES.has(prop)) return value.bind(source);
      if (prop === "run") return async (...args: unknown[]) => lock.runExclusive(() => value.apply(writerDb, args));
      return (...args: unknown[]) => serialised(value.apply(writerDb, args), lock);
    },
  });
}

/** Where a database's attachments are kept: beside the file, never under public/ (ATTACHMENTS_DIR overrides). */
export function attachmentsDirFor(file: string): string {
  return (
    process.env.ATTACHMENTS_DIR ??
    path.join(/*turbopackIgnore: true*/ path.dirname(file), `${path.basename(file, path.extname(file))}-attachments`)
  );
}

/**
 * Where the upload route streams files until a form uses them (db/handling/uploads.ts): the attachments
 * folder's sibling, so that taking a file is a rename on the same disk.
 */
export function incomingDirFor(file: string): string {
  return `${path.resolve(/*turbopackIgnore: true*/ attachmentsDirFor(file))}-incoming`;
}

/** Where the public letters' PDFs are kept once printed (app/letters/_server/published-pdf.ts): beside the file, never under public/. */
export function publishedPdfDirFor(file: string = databasePath()): string {
  return path.join(/*turbopackIgnore: true*/ path.dirname(file), `${path.basename(file, path.extname(file))}-published-pdf`);
}

const globalForDb = globalThis as unknown as { __db?: Db };

/**
 * The process-wide database, opened on first use (so `next build` never touches it): the PostgreSQL pool
 * when DATABASE_URL names one (db/engine.ts; migrated by the start scripts), else the SQLite file.
 */
export function getDb(): Db {
  globalForDb.__db ??= openConfiguredDatabase();
  return globalForDb.__db;
}

/** The database this process is configured for: the PostgreSQL pool of DATABASE_URL, else the SQLite `file`. */
export function openConfiguredDatabase(file: string = databasePath()): Db {
  return databaseEngine() === "postgresql" ? (openPostgres(process.env.DATABASE_URL!) as Db) : openDatabase(file);
}
