/**
 * A run killed before its cleanup leaves its PostgreSQL test databases on the server (32 were found by hand on this
 * machine): the next run drops those whose process is gone (tests/global-setup.ts), and never another live run's.
 */
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createPgDatabase, dropLeftoverDatabases, dropPgDatabase } from "./pg-database";

const mine: string[] = [];
afterAll(async () => {
  for (const name of mine) await dropPgDatabase(name);
});

async function exists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.PG_TEST_URL });
  await client.connect();
  try {
    return (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

it("drops the test databases of processes that are gone, and keeps a live process's", async () => {
  // A process that makes a database and ends without dropping it, as a killed run does.
  const left = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      "const m = await import('./tests/integration/pg-database.ts'); console.log((await m.createPgDatabase()).name);",
    ],
    { encoding: "utf8", env: { ...process.env } },
  ).trim();
  mine.push(left);
  const live = (await createPgDatabase()).name;
  mine.push(live);
  expect(await exists(left)).toBe(true);

  const dropped = await dropLeftoverDatabases();
  expect(dropped).toContain(left);
  expect(dropped).not.toContain(live);
  expect(await exists(left)).toBe(false);
  expect(await exists(live)).toBe(true);
});
