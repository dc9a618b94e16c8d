/**
 * The PostgreSQL migrations (db/migrations-pg) on a fresh database: they create the mirror's tables, apply
 * once, keep the event log append-only and receipts immutable against plain SQL, and keep
 * proposal_statistics, statistics_versions and pending_publications as SQLite's triggers keep them, with
 * the same values. Needs PG_TEST_URL (tests/integration/pg-database.ts); never skipped.
 */
import fs from "node:fs";
import path from "node:path";
import { getTableName, is } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sqliteSchema from "@/db/schema/sqlite";
import * as pgSchema from "@/db/schema-pg";
import { PG_MIGRATIONS_DIR } from "@/db/engine";
import { freshPgDatabase, type PgTestDatabase } from "./pg-database";
import { ACCEPTED_AT, writeStatisticsScenario, type Writer } from "./statistics-scenario";
import { sqliteOf, tempDatabase } from "./temp-db";

let pg: PgTestDatabase;
let ids: Awaited<ReturnType<typeof writeStatisticsScenario>>;

// Each engine's table objects by export name (the same names in db/schema and db/schema-pg).
const pgTables = new Map(Object.entries(pgSchema));
const sqliteTables = new Map(Object.entries(sqliteSchema));

const rows = async (statement: string) => (await pg.pool.query(statement)).rows;

const pgWriter: Writer = {
  insert: async (table, values) => {
    const target = pgTables.get(table) as PgTable;
    const [row] = (await pg.db
      .insert(target)
      .values(values as never)
      .returning()) as { id: number }[];
    return row!.id;
  },
  exec: async (statement) => {
    await pg.pool.query(statement);
  },
};

beforeAll(async () => {
  pg = await freshPgDatabase();
  ids = await writeStatisticsScenario(pgWriter);
});
afterAll(async () => {
  await pg?.drop();
});

describe("PostgreSQL migrations", () => {
  it("create every table of db/schema-pg, the search tables and the statistics view, and apply only once", async () => {
    // The search tables (0004, db/search) are kept by triggers and read by raw SQL, as SQLite's FTS5 tables; the
    // proposals whose statistics row a transaction writes at its commit (0011) are the triggers' alone.
    const search = ["proposal_bodies", "proposal_titles", "public_search", "proposal_statistics_stale"];
    const declared = [
      ...[...pgTables.values()].filter((value) => is(value, PgTable)).map((table) => getTableName(table as PgTable)),
      ...search,
    ].sort();
    const tables = await rows(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
    );
    expect(tables.map((r) => r.table_name).sort()).toEqual(declared);
    expect(await rows("select table_name from information_schema.views where table_schema = 'public' order by table_name")).toEqual([
      { table_name: "owed_receipts_source" },
      { table_name: "proposal_statistics_source" },
    ]);

    await migrate(pg.db, { migrationsFolder: PG_MIGRATIONS_DIR });
    const journal = JSON.parse(fs.readFileSync(path.join(PG_MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    expect(await rows("select count(*)::integer as applied from drizzle.__drizzle_migrations")).toEqual([
      { applied: journal.entries.length },
    ]);
  });

  it("refuse to change or remove an event, by UPDATE, DELETE or TRUNCATE", async () => {
    await pg.db.insert(pgSchema.events).values({ action: "sign_in", data: { address: "10.0.0.1" } });
    for (const statement of [
      "update events set action = 'tampered'",
      "delete from events",
      "truncate events",
      "truncate proposals cascade",
    ]) {
      await expect(pg.pool.query(statement), statement).rejects.toThrow("events are append-only");
    }
    expect(await rows("select action, data from events")).toEqual([{ action: "sign_in", data: { address: "10.0.0.1" } }]);
  });

  it("keep the statistics facts and pending publications as SQLite does, with the same values", async () => {
    const scenario = `proposal_id in (${ids.handled}, ${ids.unpublished}, ${ids.registered})`;
    const sqlite = await tempDatabase();
    try {
      const sqliteWriter: Writer = {
        insert: async (table, values) => {
          const target = sqliteTables.get(table) as typeof sqliteSchema.units;
          return (
            await sqlite.db
              .insert(target)
              .values(values as never)
              .returning()
              .get()
          ).id;
        },
        exec: async (statement) => {
          sqliteOf(sqlite.db).exec(statement);
        },
      };
      expect(await writeStatisticsScenario(sqliteWriter)).toEqual(ids);
      const sqliteRows = (statement: string) => sqliteOf(sqlite.db).prepare(statement).all();

      const statistics = await rows(`select * from proposal_statistics where ${scenario} order by proposal_id`);
      expect(statistics).toEqual(sqliteRows(`select * from proposal_statistics where ${scenario} order by proposal_id`));
      expect(await rows(`select * from proposal_statistics_source where ${scenario} order by proposal_id`)).toEqual(statistics);
      expect(await rows("select * from pending_publications order by reply_id")).toEqual(
        sqliteRows("select * from pending_publications order by reply_id"),
      );
      expect(await rows("select * from owed_receipts order by reply_id, member_id")).toEqual(
        sqliteRows("select * from owed_receipts order by reply_id, member_id"),
      );
      // Booleans in the facts are 0/1 on both engines, so raw SQL adds them up the same.
      const sums = `select sum(published) as published, sum(receipts_basically_unsatisfied) as basically_unsatisfied from proposal_statistics where ${scenario}`;
      const [pgSums] = await rows(sums);
      expect({ published: Number(pgSums.published), basically_unsatisfied: Number(pgSums.basically_unsatisfied) }).toEqual(
        sqliteRows(sums)[0],
      );
    } finally {
      sqlite.cleanup();
    }

    const byId = new Map((await rows("select * from proposal_statistics")).map((r) => [r.proposal_id, r]));
    expect(ACCEPTED_AT.toISOString()).toBe("2024-03-01T16:30:00.000Z");
    expect(byId.get(ids.handled)).toMatchObject({
      accepted_on: "2024-03-02",
      reply_due: "2024-06-20",
      first_reply_on: "2024-06-01",
      contact_methods: "phone,visit",
      result_class: "A",
      published: 1,
      receipts_satisfied_satisfied: 1,
      receipts_basically_unsatisfied: 1,
      receipts_unsatisfied_unsatisfied: 0,
    });
    expect(byId.get(ids.unpublished)).toMatchObject({
      accepted_on: "2024-02-21",
      reply_due: "2024-05-20",
      contact_methods: "",
      published: 0,
    });
    expect(byId.get(ids.registered)).toMatchObject({
      lead_unit_id: null,
      accepted_on: null,
      contact_methods: "",
      published: 0,
      receipts_satisfied_satisfied: 0,
    });
    const [version] = await rows(`select version from statistics_versions where session_id = ${ids.sessionId}`);
    expect(version.version).toBeGreaterThan(1);
    expect((await rows("select reply_id from pending_publications")).length).toBe(1);
  });

  it("refuse to change a submitted receipt", async () => {
    await expect(pg.pool.query("update receipts set result = 'satisfied'")).rejects.toThrow("receipts are immutable");
    expect(await rows("select count(*)::integer as receipts from receipts where result = 'unsatisfied'")).toEqual([{ receipts: 1 }]);
  });

  // SQLite has one writer at a time; here the second transaction's trigger waits for the first's lock on
  // the proposal and then reads its commit, instead of writing a row that misses it (or a duplicate key).
  it("keep one proposal's facts whole when two transactions change it at once", async () => {
    const [unit] = await rows("select id from units");
    const [user] = await rows("select id from users where username = 'handler'");
    const contact = (method: string) =>
      `insert into contact_records (proposal_id, unit_id, round, contacted_on, method, participants, summary, created_by, created_at)
       values (${ids.registered}, ${unit.id}, 1, '2024-03-06', '${method}', '蒋明杰', '座谈', ${user.id}, 0)`;
    const [first, second] = [await pg.pool.connect(), await pg.pool.connect()];
    try {
      await first.query("begin");
      await second.query("begin");
      await first.query(contact("forum"));
      const waiting = second.query(contact("written"));
      await first.query("commit");
      await waiting;
      await second.query("commit");
    } finally {
      first.release();
      second.release();
    }
    expect(await rows(`select contact_methods from proposal_statistics where proposal_id = ${ids.registered}`)).toEqual([
      { contact_methods: "forum,written" },
    ]);
  });
});
