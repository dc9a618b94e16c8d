/**
 * Drizzle builds a query's SQL text anew on every call: about 80 µs a query here, against 15 µs to run
 * it (measured on the bench's 100,000 proposals), which made up a quarter of a draft save. The queries
 * on the hot paths (the session user, a proposal's facts, its drafts and letter) are built once per
 * connection, with `param` placeholders for their values, and only run after that.
 */
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { databaseEngine } from "./engine";
import { IN_TRANSACTION } from "./postgres";

/** A named value supplied when the prepared query runs: `.get({ proposalId })`. */
export const param = <Name extends string>(name: Name) => sql.placeholder(name);

/**
 * `build` once per SQLite connection, however it is reached: a transaction shares its connection, so a
 * query prepared on one runs inside the transaction in progress on that connection, as any other would.
 */
export function preparedOnce<D, Q>(build: (db: D) => Q): (db: D) => Q {
  if (databaseEngine() === "postgresql") return builtOncePerPool(build);
  const byConnection = new WeakMap<Database.Database, Q>();
  return (db) => {
    const connection = connectionOf(db);
    let query = byConnection.get(connection);
    if (query === undefined) {
      query = build(db);
      byConnection.set(connection, query);
    }
    return query;
  };
}

/**
 * On PostgreSQL a transaction has a pool client of its own, and a query built once on the pool would run beside it,
 * not in it: inside a transaction the query is built per call (as drizzle builds every other query); outside, once
 * per pool; either way its statements are named after their text (db/postgres.ts statementName), so that each
 * connection parses and plans them once. Drizzle's building was a quarter of a proposal page's time there (34 of 137 ms, CPU profile at 100,000
 * proposals), where SQLite builds each of these once per connection.
 */
function builtOncePerPool<D, Q>(build: (db: D) => Q): (db: D) => Q {
  const byPool = new WeakMap<object, Q>();
  return (db) => {
    const shaped = db as { [IN_TRANSACTION]?: boolean; $client?: object };
    const pool = shaped.$client;
    if (shaped[IN_TRANSACTION] !== false || pool === undefined) return build(db);
    let query = byPool.get(pool);
    if (query === undefined) {
      query = build(db);
      byPool.set(pool, query);
    }
    return query;
  };
}

/**
 * A read on the hottest path of all, the front server's stored public pages: prepared once per database. On
 * PostgreSQL it is prepared under `name`, which node-postgres prepares once per pool connection (parse and plan
 * once, not per visit); inside a transaction it is built on the transaction, as preparedOnce's queries are.
 */
export function preparedRead<D, Q>(name: string, build: (db: D) => { prepare(): Q }): (db: D) => Q {
  if (databaseEngine() !== "postgresql") return preparedOnce((db: D) => build(db).prepare());
  return builtOncePerPool((db: D) => (build(db) as unknown as { prepare(name: string): Q }).prepare(name));
}

/** Drizzle's database and transaction objects both hold the session, which holds the connection. */
function connectionOf(db: unknown): Database.Database {
  const connection = (db as { session?: { client?: Database.Database } }).session?.client;
  if (!connection) throw new Error("preparedOnce: not a drizzle better-sqlite3 database or transaction");
  return connection;
}
