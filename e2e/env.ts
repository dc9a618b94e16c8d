/**
 * Where the end-to-end server runs, shared by the Playwright config and the fixtures. E2E_ENGINE=postgresql
 * runs it on a PostgreSQL database of its own (e2e_<port>, on PG_TEST_URL's server or the local socket's)
 * instead of a SQLite file; its own default port lets both runs exist side by side.
 */
import { defaultPgServer, onServer } from "../scripts/lib/create-database";

const engine = process.env.E2E_ENGINE === "postgresql" ? "postgresql" : "sqlite";
const port = Number(process.env.E2E_PORT ?? (engine === "postgresql" ? 3101 : 3100));

// PG_TEST_URL (scripts/ensure-postgres.sh sets it), else the local socket.
const pgServer = defaultPgServer();
const databaseUrl = engine === "postgresql" ? onServer(pgServer, `e2e_${port}`) : undefined;
const attachmentsDir = `data/e2e-${port}-attachments`;

export const E2E = {
  engine,
  port,
  baseURL: `http://127.0.0.1:${port}`,
  /** The SQLite file; on PostgreSQL only where the server keeps its files (`--db`: published PDFs, the default attachments directory). */
  databasePath: `data/e2e-${port}.db`,
  /** PostgreSQL: the server's DATABASE_URL; undefined on SQLite. */
  databaseUrl,
  /** Where read-only looks from the tests go (scripts/lib/read-database.ts): the URL, else the file. */
  database: databaseUrl ?? `data/e2e-${port}.db`,
  /** The server maintenance database the e2e database is created from. */
  pgServer,
  attachmentsDir,
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A fixed secret for the throwaway test server only, so fixtures can mint session cookies.
  authSecret: "e2e-only-secret-not-for-production-0123456789",
} as const;

// Test code that opens the app's data layer (e2e/prepared-proposal.ts) must get the engine's tables, which
// db/schema picks once per process from DATABASE_URL: the config loads this file before any spec.
if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.ATTACHMENTS_DIR = attachmentsDir;
}
