/**
 * Creates a PostgreSQL database unless it exists: UTF8 with the C collation, so that text sorts by code
 * point as on SQLite (scripts/db-copy.ts advises the same). The end-to-end server's database on PostgreSQL
 * (playwright.config.ts), before `--fresh` empties and migrates it.
 *
 *   npx tsx scripts/create-database.ts <server URL> <name>
 */
import pg from "pg";

const [server, name] = process.argv.slice(2);
if (!server || !name || !/^[a-z_][a-z0-9_]*$/.test(name)) {
  console.error("usage: create-database.ts <postgresql:// URL of the server> <database name: lower case, digits, _>");
  process.exit(2);
}

const client = new pg.Client({ connectionString: server });
await client.connect();
try {
  const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
  if (!rowCount) await client.query(`create database ${name} template template0 encoding 'UTF8' locale 'C'`);
} finally {
  await client.end();
}
