/**
 * PostgreSQL databases for the test servers and the bench, created and dropped on a server (a URL of its
 * maintenance database): created UTF8 with the C collation, so that text sorts by code point as on SQLite
 * (scripts/db-copy.ts advises the same), or as a copy of a template. For scripts/create-database.ts,
 * e2e/multi-instance and scripts/bench/postgres.ts.
 */
import os from "node:os";
import pg from "pg";

/**
 * The server PG_TEST_URL names, else the local socket as this OS user, as psql would connect (node-postgres
 * needs the name spelled out where USER is unset).
 */
export const defaultPgServer = (): string =>
  process.env.PG_TEST_URL ?? `postgresql:///postgres?host=/var/run/postgresql&user=${encodeURIComponent(os.userInfo().username)}`;

/** The server's URL with another database name. */
export function onServer(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.href;
}

/** One statement on the server's maintenance database, on a connection of its own; its rows. */
export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  server: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function checkName(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be lower case, digits, _: ${name}`);
}

/** Creates database `name` unless it exists: empty, or a copy of `template` (no one may be connected to it). */
export async function createDatabase(server: string, name: string, options: { template?: string } = {}): Promise<void> {
  checkName(name);
  if (options.template) checkName(options.template);
  const [exists] = await adminQuery(server, "select 1 from pg_database where datname = $1", [name]);
  if (exists) return;
  await adminQuery(
    server,
    options.template
      ? `create database ${name} template ${options.template}`
      : `create database ${name} template template0 encoding 'UTF8' locale 'C'`,
  );
}

/** Drops database `name` if it exists, whoever is still connected. */
export async function dropDatabase(server: string, name: string): Promise<void> {
  checkName(name);
  await adminQuery(server, `drop database if exists ${name} with (force)`);
}
