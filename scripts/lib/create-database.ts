/**
 * Creates a PostgreSQL database unless it exists: UTF8 with the C collation, so that text sorts by code
 * point as on SQLite (scripts/db-copy.ts advises the same). For the test servers' databases
 * (scripts/create-database.ts, e2e/multi-instance).
 */
import pg from "pg";

export async function createDatabase(server: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be lower case, digits, _: ${name}`);
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database ${name} template template0 encoding 'UTF8' locale 'C'`);
  } finally {
    await client.end();
  }
}
