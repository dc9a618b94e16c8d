/**
 * `npm run db:copy` (db/copy): the demo database copied from SQLite into PostgreSQL databases of their own
 * (tests/integration/pg-database.ts; PG_TEST_URL, never skipped), compared with the source through both
 * schemas' drizzle objects, independently of the copy's own checksums.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { eq, getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CopyReport, CopyVerificationError, copySqliteToPostgres, TargetNotEmptyError } from "@/db/copy";
import * as sqliteSchema from "@/db/schema";
import * as pgSchema from "@/db/schema-pg";
import { sqliteOf } from "./temp-db";
import { demoDatabase } from "./demo-db";
import { PG_MIGRATIONS_DIR } from "@/db/engine";
import { freshPgDatabase, type PgTestDatabase } from "./pg-database";

type Target = PgTestDatabase & { url: string };
type Demo = Awaited<ReturnType<typeof demoDatabase>>;

const opened: Target[] = [];
const demos: Demo[] = [];

/** A database of its own; `wiped`: without the migrations either, as a freshly created one. */
async function target({ wiped }: { wiped: boolean }): Promise<Target> {
  const pg = await freshPgDatabase();
  const t = { ...pg, url: pg.pool.options.connectionString! };
  opened.push(t);
  if (wiped) await pg.pool.query("drop schema public cascade; create schema public; drop schema drizzle cascade");
  return t;
}

async function demo(): Promise<Demo> {
  const d = await demoDatabase();
  demos.push(d);
  return d;
}

/** Each table of both schemas by export name (the same names in db/schema and db/schema-pg). */
const tables = Object.entries(pgSchema)
  .filter(([, value]) => is(value, PgTable))
  .map(([name, pgTable]) => ({ name, pg: pgTable as PgTable, sqlite: (sqliteSchema as Record<string, unknown>)[name] as SQLiteTable }));

const count = async (t: Target, table: string) => (await t.pool.query(`select count(*)::integer as n from "${table}"`)).rows[0].n as number;

async function publicTableRows(t: Target): Promise<Record<string, number>> {
  const { rows } = await t.pool.query(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) counts[table_name] = await count(t, table_name);
  return counts;
}

/** Rows in one order on both sides: by their scalar fields (the key among them); jsonb's own key order is left to toEqual. */
const sorted = (rows: Record<string, unknown>[]) => {
  const scalars = (row: Record<string, unknown>) =>
    JSON.stringify(Object.entries(row).filter(([, v]) => v === null || typeof v !== "object" || v instanceof Date));
  return rows
    .map((row) => ({ row, by: scalars(row) }))
    .sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0))
    .map((r) => r.row);
};

let source: Demo;
let copied: Target;
let report: CopyReport;

/** A stored public page (its HTML gzip-compressed, a blob) in the source, which the demo does not store. */
const STORED_PAGE = gzipSync("<html>已存的答复页面</html>");

beforeAll(async () => {
  source = await demo();
  const raw = sqliteOf(source.db);
  const published = raw.prepare("select id from publications where status = 'published' order by id limit 1").get() as { id: number };
  raw
    .prepare(
      "insert into public_pages (publication_id, build_id, origin, html_gzip, etag, rendered_at) values (?, 'b', 'https://o', ?, 'e', 0)",
    )
    .run(published.id, STORED_PAGE);
  copied = await target({ wiped: true });
  report = await copySqliteToPostgres({ from: source.location, to: copied.url });
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((t) => t.drop()));
  for (const d of demos) d.cleanup();
}, 60_000);

describe("npm run db:copy", () => {
  it("migrates an empty database and copies every table of db/schema-pg, each row equal to the source's", async () => {
    expect(report.ok).toBe(true);
    expect(report.tables.map((t) => t.table).sort()).toEqual(tables.map((t) => getTableName(t.pg)).sort());
    const journal = JSON.parse(fs.readFileSync(path.join(PG_MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    expect((await copied.pool.query("select count(*)::integer as n from drizzle.__drizzle_migrations")).rows[0].n).toBe(
      journal.entries.length,
    );

    // Through drizzle on both sides: the values the application reads (Dates, booleans, parsed JSON).
    expect(tables.length).toBeGreaterThan(30);
    for (const table of tables) {
      const fromSqlite = await source.db.select().from(table.sqlite).all();
      const fromPg = await copied.db.select().from(table.pg);
      expect(sorted(fromPg), table.name).toEqual(sorted(fromSqlite));
    }
    expect((await copied.pool.query("select count(*)::integer as n from events")).rows[0].n).toBeGreaterThan(100);

    // The FTS5 search tables stay behind; PostgreSQL's own search tables (migration 0004) are filled by their triggers.
    expect(report.skipped.sort()).toEqual(["proposal_bodies", "proposal_titles", "public_search"]);
    const rows = await publicTableRows(copied);
    expect(rows.public_search).toBe(
      ((await sqliteOf(source.db).prepare("select count(*) as n from public_search").get()) as { n: number }).n,
    );
    expect(rows.proposal_titles).toBe(
      ((await sqliteOf(source.db).prepare("select count(*) as n from proposals").get()) as { n: number }).n,
    );
  });

  it("reports each table's row count and checksum, the same on both sides and the tables' real counts", async () => {
    for (const t of report.tables) {
      const rows = (sqliteOf(source.db).prepare(`select count(*) as n from "${t.table}"`).get() as { n: number }).n;
      expect({ table: t.table, sourceRows: t.sourceRows, targetRows: t.targetRows, ok: t.ok }).toEqual({
        table: t.table,
        sourceRows: rows,
        targetRows: await count(copied, t.table),
        ok: true,
      });
      expect(t.targetChecksum).toBe(t.sourceChecksum);
      expect(t.sourceChecksum).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(report.tables.filter((t) => t.sourceRows > 0).map((t) => t.sourceChecksum)).size).toBe(
      report.tables.filter((t) => t.sourceRows > 0).length,
    );
    expect(report.derived.map((d) => [d.table, d.ok])).toEqual([
      ["proposal_statistics", true],
      ["pending_publications", true],
      ["owed_receipts", true],
    ]);
  });

  it("leaves the planner its statistics and visibility maps: every copied table vacuumed and analyzed, so the first queries do not run on guesses nor read rows an index holds", async () => {
    const { rows } = await copied.pool.query<{ relname: string }>(
      "select relname from pg_stat_user_tables where schemaname = 'public' and ((last_analyze is null and last_autoanalyze is null) or last_vacuum is null)",
    );
    const copiedTables = new Set(report.tables.map((t) => t.table));
    expect(rows.map((r) => r.relname).filter((name) => copiedTables.has(name))).toEqual([]);
    const { rows: pages } = await copied.pool.query<{ relpages: number; relallvisible: number }>(
      "select relpages, relallvisible from pg_class where relname = 'proposals'",
    );
    expect(pages[0]!.relpages).toBeGreaterThan(0);
    expect(pages[0]!.relallvisible).toBe(pages[0]!.relpages);
  });

  it("sets every identity sequence past the highest id SQLite gave: an insert without an id gets the next one", async () => {
    const given = new Map(
      (sqliteOf(source.db).prepare("select name, seq from sqlite_sequence").all() as { name: string; seq: number }[]).map((r) => [
        r.name,
        r.seq,
      ]),
    );
    const next = (table: string) => {
      const { highest } = sqliteOf(source.db).prepare(`select coalesce(max(id), 0) as highest from "${table}"`).get() as {
        highest: number;
      };
      return Math.max(highest, given.get(table) ?? 0) + 1;
    };
    const [event] = await copied.db.insert(pgSchema.events).values({ action: "copy_test" }).returning();
    expect(event!.id).toBe(next("events"));
    const [session] = await copied.db
      .insert(pgSchema.sessions)
      .values({ body: "政协", term: "第九届", meeting: "copy_test", year: 2031, kind: "proposal" })
      .returning();
    expect(session!.id).toBe(next("sessions"));

    const identities = tables.map((t) => getTableConfig(t.pg)).filter((c) => c.columns.some((col) => col.generatedIdentity));
    expect(identities.length).toBeGreaterThan(20);
    for (const { name } of identities) {
      if (name === "events" || name === "sessions") continue;
      const { rows } = await copied.pool.query(`select nextval(pg_get_serial_sequence('"${name}"', 'id'))::integer as id`);
      expect({ name, id: rows[0].id }).toEqual({ name, id: next(name) });
      expect(report.tables.find((t) => t.table === name)!.nextId).toBe(next(name));
    }
  });

  it("converts by the PostgreSQL column type: instants stay epoch ms, 0/1 become booleans, JSON text becomes jsonb, blobs bytea", async () => {
    const raw = sqliteOf(source.db);
    const key = raw.prepare("select id, created_at, is_key from proposals where is_key = 1 order by id limit 1").get() as {
      id: number;
      created_at: number;
      is_key: number;
    };
    const plain = raw.prepare("select id from proposals where is_key = 0 order by id limit 1").get() as { id: number };
    const { rows: proposals } = await copied.pool.query(
      "select id, created_at, pg_typeof(created_at)::text as instant_type, is_key, pg_typeof(is_key)::text as flag_type from proposals where id in ($1, $2) order by id",
      [key.id, plain.id],
    );
    const [pgKey, pgPlain] = key.id < plain.id ? proposals : [proposals[1], proposals[0]];
    // int8 comes back as digits, or as a number once db/postgres.ts (its type parser, process-wide) is loaded.
    expect({ ...pgKey, created_at: Number(pgKey.created_at) }).toEqual({
      id: key.id,
      created_at: key.created_at,
      instant_type: "bigint",
      is_key: true,
      flag_type: "boolean",
    });
    expect(pgPlain.is_key).toBe(false);
    const [pgProposal] = await copied.db.select().from(pgSchema.proposals).where(eq(pgSchema.proposals.id, key.id));
    expect(pgProposal!.createdAt).toEqual(new Date(key.created_at));
    expect(pgProposal!.createdAt.getTime()).toBe(key.created_at);

    const event = raw.prepare("select id, data from events where data like '{\"%' order by id limit 1").get() as {
      id: number;
      data: string;
    };
    const { rows: events } = await copied.pool.query("select data, jsonb_typeof(data) as kind from events where id = $1", [event.id]);
    expect(events).toEqual([{ data: JSON.parse(event.data), kind: "object" }]);

    // A blob becomes bytea, the same bytes (a stored page, gzip-compressed).
    const { rows: pages } = await copied.pool.query("select html_gzip, pg_typeof(html_gzip)::text as type from public_pages");
    expect(pages).toEqual([{ html_gzip: STORED_PAGE, type: "bytea" }]);

    // proposal_statistics.published stays an integer 0/1 that raw SQL adds up.
    const { rows: published } = await copied.pool.query(
      "select pg_typeof(published)::text as type, sum(published)::integer as total from proposal_statistics group by 1",
    );
    expect(published).toEqual([
      { type: "integer", total: (raw.prepare("select sum(published) as n from proposal_statistics").get() as { n: number }).n },
    ]);
  });

  it("keeps tables it does not know, filled by their own triggers as the rows arrive (say a search index)", async () => {
    const t = await target({ wiped: false });
    await t.pool.query(`
      create table search_probe (proposal_id integer primary key references proposals(id), title text not null);
      create function search_probe_fill() returns trigger language plpgsql as $$
      begin insert into search_probe values (new.id, new.title); return null; end; $$;
      create trigger search_probe_insert after insert on proposals for each row execute function search_probe_fill();`);
    const result = await copySqliteToPostgres({ from: source.location, to: t.url });
    expect(result.ok).toBe(true);
    expect(result.tables.map((r) => r.table)).not.toContain("search_probe");
    const { rows } = await t.pool.query(
      "select count(*)::integer as n, count(p.id)::integer as matched from search_probe s left join proposals p on p.id = s.proposal_id and p.title = s.title",
    );
    expect(rows[0]).toEqual({ n: await count(t, "proposals"), matched: await count(t, "proposals") });
    expect(
      (await t.pool.query("select count(*)::integer as n from pg_constraint where conname = 'search_probe_proposal_id_fkey'")).rows[0].n,
    ).toBe(1);
  });

  it("refuses a database that holds rows, with exit code 2 and a Chinese message, and changes nothing", async () => {
    const before = await publicTableRows(copied);
    const cli = spawnSync("npx", ["tsx", "scripts/db-copy.ts", "--from", source.location, "--to", copied.url], { encoding: "utf8" });
    expect(cli.stderr).toContain("目标数据库不为空");
    expect(cli.status).toBe(2);
    expect(await publicTableRows(copied)).toEqual(before);

    // Nor is a database of something else migrated: it is refused before anything is created in it.
    const other = await target({ wiped: true });
    await other.pool.query("create table ledger (id integer primary key); insert into ledger values (1)");
    const refusal = copySqliteToPostgres({ from: source.location, to: other.url });
    await expect(refusal).rejects.toBeInstanceOf(TargetNotEmptyError);
    await expect(refusal).rejects.toThrow("ledger（1 行）");
    expect(Object.keys(await publicTableRows(other))).toEqual(["ledger"]);
  }, 60_000);

  it("rolls everything back when a row cannot be written: a bad row in the middle leaves the target empty", async () => {
    const bad = await demo();
    sqliteOf(bad.db).prepare("insert into events (action, data, created_at) values ('bad_row', 'not json', 0)").run();
    const t = await target({ wiped: true });
    await expect(copySqliteToPostgres({ from: bad.location, to: t.url })).rejects.toThrow(/复制表 events 时失败.*json/);
    const counts = await publicTableRows(t);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(tables.length);
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
    // The triggers paused and the indexes and foreign keys dropped for the load are back as migrated.
    const { rows } = await t.pool.query(`
      select (select count(*)::integer from pg_trigger where tgname like 'proposal_statistics_%' and tgenabled = 'O') as triggers,
             (select count(*)::integer from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace) as foreign_keys,
             (select count(*)::integer from pg_indexes where indexname = 'events_action_idx') as indexes`);
    // The statistics triggers: the eight that mark a proposal (0002, 0010) and the one that writes its row at the commit (0011).
    expect(rows[0]).toEqual({ triggers: 9, foreign_keys: expect.any(Number), indexes: 1 });
    const fresh = await target({ wiped: false });
    const { rows: freshKeys } = await fresh.pool.query(
      "select count(*)::integer as n from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace",
    );
    expect(rows[0].foreign_keys).toBe(freshKeys[0].n);
  }, 60_000);

  it("still checks every foreign key (made again after the load): a row pointing nowhere rolls it all back", async () => {
    const orphan = await demo();
    sqliteOf(orphan.db).pragma("foreign_keys = OFF");
    sqliteOf(orphan.db)
      .prepare("insert into notifications (user_id, kind, message, created_at) values (999999, 'orphan', '无主通知', 0)")
      .run();
    const t = await target({ wiped: true });
    await expect(copySqliteToPostgres({ from: orphan.location, to: t.url })).rejects.toThrow(
      /外键 notifications_user_id_users_id_fk.*已回滚/,
    );
    expect(Object.entries(await publicTableRows(t)).filter(([, n]) => n > 0)).toEqual([]);
  }, 60_000);

  it("rolls back when the copy does not read back equal to the source, naming the table", async () => {
    const t = await target({ wiped: true });
    const copy = copySqliteToPostgres({
      from: source.location,
      to: t.url,
      beforeVerify: async (client) => {
        await client.query("update proposals set title = title || '（改）' where id = (select min(id) from proposals)");
      },
    });
    const error = await copy.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyVerificationError);
    const failed = (error as CopyVerificationError).report.tables.filter((r) => !r.ok);
    expect(failed.map((r) => [r.table, r.sourceRows === r.targetRows, r.sourceChecksum === r.targetChecksum])).toEqual([
      ["proposals", true, false],
    ]);
    expect((error as Error).message).toContain("proposals");
    expect(Object.entries(await publicTableRows(t)).filter(([, n]) => n > 0)).toEqual([]);
  }, 60_000);
});
