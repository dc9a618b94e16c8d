/**
 * Once before vitest's tests: the PostgreSQL test databases that killed runs on this machine left behind are dropped
 * (tests/integration/pg-database.ts). Without a server nothing is done here; the PostgreSQL tests then fail with
 * their own instruction.
 */
import { dropLeftoverDatabases } from "./integration/pg-database";

export default async function setup() {
  if (!process.env.PG_TEST_URL) return;
  try {
    const dropped = await dropLeftoverDatabases();
    if (dropped.length > 0) console.log(`Dropped ${dropped.length} test databases that killed runs left: ${dropped.join(", ")}`);
  } catch (error) {
    console.warn(`Leftover test databases not checked: ${error instanceof Error ? error.message : error}`);
  }
}
