import { randomBytes } from "node:crypto";
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "@/db/schema-pg";

export const PG_MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations-pg");

/** The PostgreSQL half of the tests never skips: without a server it fails with this line. */
const NO_SERVER =
  "PG_TEST_URL is not set: install and start PostgreSQL 15 (apt-get install postgresql) and set PG_TEST_URL, e.g. postgresql:///postgres?host=/var/run/postgresql&user=root";

export type PgTestDatabase = { db: NodePgDatabase<typeof schema>; pool: pg.Pool; url: string; drop: () => Promise<void> };

async function asAdmin(base: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A database of its own for one test file, on the server PG_TEST_URL names: UTF8 with the C collation
 * (text sorts by code point, as on SQLite), migrated; `drop` removes it.
 */
export async function freshPgDatabase(): Promise<PgTestDatabase> {
  const base = process.env.PG_TEST_URL;
  if (!base) throw new Error(NO_SERVER);
  const name = `tian_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await asAdmin(base, `create database ${name} template template0 encoding 'UTF8' locale 'C'`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href });
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_DIR });
  return {
    db,
    pool,
    url: url.href,
    drop: async () => {
      // A test may have ended the pool itself (a restore refuses while anything else is connected).
      if (!pool.ending) await pool.end();
      await asAdmin(base, `drop database ${name} with (force)`);
    },
  };
}
