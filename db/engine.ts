/**
 * Which database engine this process runs on (docs/decisions/011): PostgreSQL when DATABASE_URL names
 * one (postgres:// or postgresql://), else the embedded SQLite file. It is read once per process: the
 * tables (db/schema) and the SQL written by hand (db/dialect.ts) follow it.
 */
import path from "node:path";

export type Engine = "sqlite" | "postgresql";

/** PostgreSQL's migrations (drizzle-kit, drizzle.pg.config.ts), applied by the server, db:copy and the tests. */
export const PG_MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations-pg");

export const isPostgresUrl = (url: string | undefined): url is string => /^postgres(ql)?:\/\//i.test(url ?? "");

export function databaseEngine(): Engine {
  return isPostgresUrl(process.env.DATABASE_URL) ? "postgresql" : "sqlite";
}
