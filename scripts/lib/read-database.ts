/**
 * Read-only looks into a running server's database from outside the server (tests, benchmarks): the SQLite
 * file, or the PostgreSQL database a postgres:// URL names. Plain SQL with `?` placeholders on both engines,
 * answered asynchronously (node-postgres has no synchronous client).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../../db/engine";

export type DatabaseReader = {
  engine: "sqlite" | "postgresql";
  /** The rows as objects. */
  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** The rows as arrays of values, in column order. */
  arrays(sql: string, ...params: unknown[]): Promise<unknown[][]>;
  close(): Promise<void>;
};

// Counts (int8) and averages (numeric) as numbers, as SQLite returns them (db/postgres.ts does the same).
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the callers' SQL has no `?` inside literals). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function readPostgres(url: string): Promise<DatabaseReader> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  return {
    engine: "postgresql",
    rows: async <T>(sql: string, ...params: unknown[]) => (await client.query(numbered(sql), params)).rows as T[],
    arrays: async (sql, ...params) => (await client.query({ text: numbered(sql), values: params, rowMode: "array" })).rows as unknown[][],
    close: () => client.end(),
  };
}

function readSqlite(file: string): DatabaseReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    engine: "sqlite",
    rows: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
    arrays: async (sql, ...params) =>
      db
        .prepare(sql)
        .raw()
        .all(...params) as unknown[][],
    close: async () => void db.close(),
  };
}

/** Runs `fn` on a read-only connection to `database` (a SQLite file's path or a postgres:// URL), closed after. */
export async function readDatabase<T>(database: string, fn: (db: DatabaseReader) => Promise<T>): Promise<T> {
  const db = isPostgresUrl(database) ? await readPostgres(database) : readSqlite(database);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
