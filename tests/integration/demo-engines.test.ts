/**
 * The demo seeded on SQLite and on PostgreSQL holds the same rows, ids included: every table of the
 * PostgreSQL schema compared row by row (db/copy's canonical values). PostgreSQL is seeded in a worker
 * whose DATABASE_URL names it (seed-worker.ts). Needs PG_TEST_URL; never skipped.
 */
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres } from "@/db/postgres";
import { DEMO_TODAY } from "./demo-db";
import { createPgDatabase, dropPgDatabase } from "./pg-database";
import { tableRows } from "./table-rows";
import { type TempDatabase, tempDatabase } from "./temp-db";

let sqlite: TempDatabase;
let pg: { name: string; url: string } | undefined;

/** Seeds the demo of DEMO_TODAY at `location` in a worker run with `env`. */
function seedInWorker(location: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = new URL("./seed-worker.ts", import.meta.url).href;
    const worker = new Worker(new URL("./ts-worker.mjs", import.meta.url), {
      workerData: { entry, location, today: DEMO_TODAY },
      env: { ...process.env, ...env },
    });
    worker.once("message", (m: { ok: boolean; error?: string }) => (m.ok ? resolve() : reject(new Error(m.error))));
    worker.once("error", reject);
  });
}

beforeAll(async () => {
  sqlite = await tempDatabase();
  pg = await createPgDatabase();
  await migratePostgres(pg.url);
  await Promise.all([seedInWorker(sqlite.location, {}), seedInWorker(pg.url, { DATABASE_URL: pg.url })]);
}, 120_000);

afterAll(async () => {
  await sqlite?.cleanup();
  if (pg) await dropPgDatabase(pg.name);
});

describe("the demo on both engines", () => {
  it("holds the same rows in every table", async () => {
    // A session's statistics version only has to change with its statistics (a cache key): SQLite's
    // triggers rebuild a row twice on an update (for the old and the new proposal), PostgreSQL's once.
    const leaveOut = ["statistics_versions.version", "statistics_unit_versions.version"];
    const [onSqlite, onPg] = [await tableRows(sqlite.location, leaveOut), await tableRows(pg!.url, leaveOut)];
    // The units' versions are such keys too, and SQLite also moves those of a unit a proposal only passed through inside
    // a transaction (an imported proposal before its lead unit is set, unit 0), where PostgreSQL writes the row once, at
    // the commit: every unit PostgreSQL has a version for, SQLite has one for too.
    const unitVersions = "statistics_unit_versions";
    expect(onPg.get(unitVersions)!.filter((row) => !onSqlite.get(unitVersions)!.includes(row))).toEqual([]);
    expect(onPg.get(unitVersions)!.length).toBeGreaterThan(0);
    for (const rows of [onSqlite, onPg]) rows.delete(unitVersions);
    expect([...onPg.keys()]).toEqual([...onSqlite.keys()]);
    const differing = [...onSqlite]
      .filter(([table, rows]) => JSON.stringify(onPg.get(table)) !== JSON.stringify(rows))
      .map(([table]) => table);
    for (const table of differing) expect.soft(onPg.get(table), table).toEqual(onSqlite.get(table));
    expect(differing).toEqual([]);
  });
});
