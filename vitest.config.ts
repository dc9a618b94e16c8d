import { defineConfig } from "vitest/config";
import path from "node:path";

const INTEGRATION = "tests/integration/**/*.test.ts";

/**
 * Integration tests about SQLite itself, or that open both engines themselves: not run again on
 * PostgreSQL.
 */
const SQLITE_ONLY = [
  "backup", // SQLite's online backup of the file (backup-pg covers PostgreSQL)
  "migrations", // SQLite's migrations and their data steps (pg-migrations covers PostgreSQL)
  "query-plans", // SQLite's EXPLAIN QUERY PLAN and index choice
  "write-plans", // the same for the triggers and the write use cases
  "statements", // the SQLite connection's statement cache
  "prepared", // statements prepared once per SQLite connection, held by the test (prepared-once covers both engines)
  "write-lock", // SQLite's write lock taken at BEGIN, against a second connection to the file
  "trigram-search", // SQLite's FTS5 trigram tables (pg-search compares both engines)
  "db-copy", // copies SQLite into its own PostgreSQL database
  "backup-pg", // pg_dump and restore on its own PostgreSQL databases
  "pg-search", // compares both engines on its own PostgreSQL database
  "pg-migrations", // migrates its own PostgreSQL database
  "pg-leftovers", // makes and drops test databases on the PostgreSQL server itself
  "demo-engines", // seeds the demo on both engines
  "dev-server", // `npm run dev` on a SQLite file (its background worker is the production server's)
].map((name) => `tests/integration/${name}.test.ts`);

/** Integration tests of what only PostgreSQL does (its plans, its connections' settings): not run on SQLite. */
const POSTGRESQL_ONLY = [
  "pg-staff-search", // the staff search's plan and the connections without JIT
  "pg-named-statements", // the queries built once are prepared once per connection
  "pg-round-trips", // the statements of a write transaction (each a round trip under the write lock) and of every page's reads
].map((name) => `tests/integration/${name}.test.ts`);

/** The PostgreSQL project's engine: DATABASE_URL picks the tables and SQL; each test file creates its databases on PG_TEST_URL's server. */
const PG_URL = process.env.PG_TEST_URL ?? "postgresql:///postgres?host=/var/run/postgresql";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    // Drops the PostgreSQL test databases that killed runs left behind.
    globalSetup: ["tests/global-setup.ts"],
    pool: "forks",
    // Vitest's default is one worker less than the cores: one on a 2-core machine, where the integration tests,
    // which mostly wait on their databases, then ran one file at a time.
    maxWorkers: 2,
    testTimeout: 20_000,
    // Most integration files seed the demo in a hook: 2–4 s, past the default 10 s on a loaded machine.
    hookTimeout: 30_000,
    // Sign-off issues the receipt links' tokens, signed with AUTH_SECRET (the start scripts always set one).
    env: { AUTH_SECRET: "vitest-only-secret-not-for-production-0123456789" },
    // next-auth imports "next/server" without an extension (next has no exports map): let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "sqlite", include: [INTEGRATION], exclude: POSTGRESQL_ONLY } },
      {
        extends: true,
        test: {
          name: "postgresql",
          include: [INTEGRATION],
          exclude: SQLITE_ONLY,
          // Without PG_TEST_URL the project still runs, and every test fails with pg-database.ts's instruction.
          env: { DATABASE_URL: PG_URL },
          // Seeding the demo takes longer on PostgreSQL.
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
