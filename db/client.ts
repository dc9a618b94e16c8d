import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "./database-path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

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

/**
 * Every transaction of the application writes. Deferred (drizzle's default) it would read first and fail
 * at its first write with SQLITE_BUSY, without waiting, whenever another connection — a script, a backup,
 * a test, another process — wrote in between; taking the write lock at BEGIN lets busy_timeout wait instead.
 */
function writeLockAtBegin(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as Db["transaction"];
}

/** Opens (creating if needed) the SQLite file in WAL mode with foreign keys on, and applies pending migrations. */
export function openDatabase(file: string = databasePath()): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  rememberStatements(sqlite);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  writeLockAtBegin(db);
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  // Gives the query planner statistics to choose the cheaper covering indexes, with bounded effort,
  // as SQLite recommends when a connection opens (it does little when nothing has changed).
  sqlite.pragma("analysis_limit = 400");
  sqlite.pragma("optimize = 0x10002");
  return db;
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

/** The process-wide connection, opened on first use (so `next build` never touches the file). */
export function getDb(): Db {
  globalForDb.__db ??= openDatabase();
  return globalForDb.__db;
}
