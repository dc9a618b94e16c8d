import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "@/db/schema-pg";
import { PG_MIGRATIONS_DIR } from "@/db/engine";

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

function serverUrl(): string {
  const base = process.env.PG_TEST_URL;
  if (!base) throw new Error(NO_SERVER);
  return base;
}

/** The URL of database `name` on the PG_TEST_URL server. */
function urlOf(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.href;
}

/** The database a URL on the test server names (for a copy of it: createPgDatabase's template). */
export const pgDatabaseName = (url: string): string => new URL(url).pathname.slice(1);

/**
 * Test databases are named `tian_test_<machine>_<pid>_<random>`: the machine (a digest of its host name, for a server
 * that several machines share) and the process that made it, so that a run can drop what killed runs left behind
 * (dropLeftoverDatabases) without touching another live run's.
 */
const PREFIX = "tian_test_";
const machine = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 8);

/** Whether a process of this machine is alive (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Drops the test databases on the PG_TEST_URL server that this machine's processes made and that outlived them (a run
 * killed before its cleanup); returns their names. Run once before the tests (tests/global-setup.ts).
 */
export async function dropLeftoverDatabases(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  let names: string[];
  try {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [
      `${PREFIX}${machine}_`,
    ]);
    names = rows.map((r) => r.datname).filter((name) => !alive(Number(name.split("_")[3])));
  } finally {
    await admin.end();
  }
  for (const name of names) await dropPgDatabase(name);
  return names;
}

/**
 * A new, empty database on the server PG_TEST_URL names: UTF8 with the C collation (text sorts by code
 * point, as on SQLite) — or a copy of `template` (no one may be connected to it). Not migrated.
 */
export async function createPgDatabase(template?: string): Promise<{ name: string; url: string }> {
  const name = `${PREFIX}${machine}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await asAdmin(
    serverUrl(),
    template ? `create database ${name} template ${template}` : `create database ${name} template template0 encoding 'UTF8' locale 'C'`,
  );
  return { name, url: urlOf(name) };
}

/** Drops a database createPgDatabase made, whoever is still connected. */
export async function dropPgDatabase(name: string): Promise<void> {
  await asAdmin(serverUrl(), `drop database if exists ${name} with (force)`);
}

/** A database of its own for one test file (createPgDatabase), migrated; `drop` removes it. */
export async function freshPgDatabase(): Promise<PgTestDatabase> {
  const { name, url } = await createPgDatabase();
  const pool = new pg.Pool({ connectionString: url });
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_DIR });
  return {
    db,
    pool,
    url,
    drop: async () => {
      // pg-pool's end() resolves once it has asked its clients to end, not when they have: the drop below may terminate
      // a connection still closing, whose client then reports it to the pool. That is the drop doing its job.
      pool.on("error", (error) => {
        if ((error as { code?: string }).code !== "57P01") throw error;
      });
      // A test may have ended the pool itself (a restore refuses while anything else is connected).
      if (!pool.ending) await pool.end();
      await dropPgDatabase(name);
    },
  };
}
