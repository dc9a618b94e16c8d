/**
 * Creates a PostgreSQL database unless it exists (scripts/lib/create-database.ts: UTF8, C collation). The
 * end-to-end server's database on PostgreSQL (playwright.config.ts), before `--fresh` empties and migrates it.
 *
 *   npx tsx scripts/create-database.ts <server URL> <name>
 */
import { createDatabase } from "./lib/create-database";

const [server, name] = process.argv.slice(2);
if (!server || !name || !/^[a-z_][a-z0-9_]*$/.test(name)) {
  console.error("usage: create-database.ts <postgresql:// URL of the server> <database name: lower case, digits, _>");
  process.exit(2);
}
await createDatabase(server, name);
