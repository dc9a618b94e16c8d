/**
 * The query plans of the hot paths. On a real temporary database (all migrations, the demo data and a
 * few thousand generated proposals, then ANALYZE), each hot query is run through the real query
 * functions on a connection that records every statement, and EXPLAIN QUERY PLAN of each statement
 * must not read a big table in full: no `SCAN <table>` of a table that grows with the proposals unless
 * through an index, no automatic index on one, and no full-text table read without MATCH or its vocabulary
 * without a term. Not timed: the plans are what keeps the pages fast at 100,000 proposals.
 * SHOW_PLANS=1 prints every statement with its plan.
 */
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listNotifications, signedInHeader } from "@/db/queries/notifications";
import { ledgerRows } from "@/db/queries/ledger";
import type { ProposalSelection } from "@/db/queries/proposal-selection";
import { getProposalDetail, listProposals, proposalTimeline } from "@/db/queries/proposals";
import { latestPublished, listPublished, publicFilterOptions, publishedById, searchPublished } from "@/db/queries/public";
import { linkedProposals, similarProposals } from "@/db/queries/similar";
import { rankQueued } from "@/db/queries/similar-rankings";
import { statisticsOverview } from "@/db/queries/statistics";
import { supervisionItems } from "@/db/queries/supervision";
import { coordinatorQueue, directorQueue, divisionQueue, handlerQueue, leaderQueue, overdueReceipts } from "@/db/queries/work";
import * as schema from "@/db/schema/sqlite";
import { searchPlan, searchTerms } from "@/lib/public-search";
import { sqliteOf } from "./temp-db";
import { DEMO_TODAY, demoDatabase } from "./demo-db";
import { fullScans, generate, type Statement } from "./plan-checks";

/** A connection to the same database that records each statement it runs. */
function recording(db: Db): { db: Db; statements: Statement[] } {
  const statements: Statement[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => statements.push({ sql, params }) };
  return { db: drizzle(sqliteOf(db), { schema, logger }) as unknown as Db, statements };
}

let t: Awaited<ReturnType<typeof demoDatabase>>;

/** A proposal whose similar ranking is stored (docs/decisions/020), for the page's read of it. */
const RANKED = "关于加快老旧小区加装电梯的建议";

beforeAll(async () => {
  t = await demoDatabase();
  await generate(sqliteOf(t.db), 3000);
  const sqlite = sqliteOf(t.db);
  sqlite.prepare("delete from similar_ranking_queue").run();
  sqlite.prepare("insert into similar_ranking_queue select id from proposals where title = ?").run(RANKED);
  await rankQueued(t.db, 1);
}, 120_000);

afterAll(() => t?.cleanup());

type Case = [name: string, run: (db: Db) => Promise<unknown>];

async function cases(): Promise<Case[]> {
  const unit = await t.unit("重庆高新区科技创新局");
  const sessionId = await t.session("第二次会议");
  const proposal180 = sqliteOf(t.db).prepare("select id from proposals where number = 180").pluck().get() as number;
  const ranked = sqliteOf(t.db).prepare("select proposal_id from similar_rankings").pluck().get() as number;
  const published = sqliteOf(t.db)
    .prepare("select id from publications where status = 'published' order by id desc limit 1")
    .pluck()
    .get() as number;
  const categoryId = sqliteOf(t.db).prepare("select id from categories order by id limit 1").pluck().get() as number;
  const list =
    (selection: ProposalSelection, page = 1) =>
    async (db: Db) =>
      listProposals(db, selection, { page, today: DEMO_TODAY });
  const search =
    (q: string, page = 1) =>
    async (db: Db) =>
      searchPublished(db, searchPlan(searchTerms(q))!, {}, page);
  let day = 0;
  /** A day not seen before, so that the figures are counted rather than read from memory. */
  const fresh = () => `2030-01-${String(++day).padStart(2, "0")}`;
  return [
    ["public list, page 1", async (db) => listPublished(db, {}, 1)],
    ["public list, deep page", async (db) => listPublished(db, {}, 100)],
    ["public list by year", async (db) => listPublished(db, { year: 2024 }, 3)],
    ["public list by publisher", async (db) => listPublished(db, { unitId: unit }, 1)],
    ["public list by topic", async (db) => listPublished(db, { topic: "科技、教育" }, 2)],
    ["public list by kind", async (db) => listPublished(db, { kind: "suggestion" }, 20)],
    ["public list by year and kind", async (db) => listPublished(db, { year: 2023, kind: "proposal" }, 2)],
    ["public detail", async (db) => publishedById(db, published)],
    ["public feed", async (db) => latestPublished(db, 50)],
    ["public filter choices", async (db) => publicFilterOptions(db)],
    ["search, two characters", search("停车")],
    ["search, four characters", search("科技创新")],
    ["search, both, page 3", search("人才 养老服务", 3)],
    ["search, one character", search("停")],
    ["handler's 待办", async (db) => handlerQueue(db, { id: (await t.user("jiangmj")).id, unitId: unit })],
    ["director's queue", async (db) => directorQueue(db, unit)],
    ["分管领导's queue", async (db) => leaderQueue(db, unit)],
    ["待分办", async (db) => divisionQueue(db, unit)],
    ["coordinator's 待办", async (db) => coordinatorQueue(db, DEMO_TODAY)],
    ["overdue receipts", async (db) => overdueReceipts(db, DEMO_TODAY)],
    ["all proposals, page 1", list({})],
    ["all proposals, deep page", list({}, 50)],
    ["a unit's proposals", list({ unitId: unit })],
    ["proposals by state", list({ status: "handling" }, 2)],
    ["proposals by session and state", list({ session: sessionId, status: "replied" })],
    ["proposals searched by title or proposer", list({ q: "养老服务" })],
    ["proposals searched by two characters", list({ q: "停车" })],
    ["proposals searched by one character", list({ q: "停" })],
    ["proposals searched by number", list({ q: "180" })],
    ["proposals searched by a co-signer's name", list({ q: "刘新荣" })],
    ["proposals searched by a unit's name", list({ q: "科技创新局" })],
    ["proposals searched by two words", list({ q: "刘新荣 人才" })],
    ["proposals by kind", list({ kind: "suggestion" }, 3)],
    ["proposals by lead unit", list({ lead: unit })],
    ["proposals by co-handling unit", list({ co: unit })],
    ["proposals by category", list({ category: categoryId }, 2)],
    ["key proposals", list({ key: true })],
    ["proposals overdue", list({ overdue: 1 })],
    ["proposals overdue by 30 days, of a kind", list({ overdue: 30, kind: "proposal" })],
    ["proposals received between", list({ from: "2024-01-25", to: "2024-02-05" })],
    ["a unit's proposals filtered", list({ unitId: unit, status: "handling", q: "人才" })],
    [
      "proposals by every filter",
      list({
        session: sessionId,
        kind: "proposal",
        status: "handling",
        lead: unit,
        co: unit,
        category: categoryId,
        key: true,
        overdue: 1,
        from: "2020-01-01",
        to: "2030-01-01",
        q: "人才",
      }),
    ],
    ["the ledger of a selection", async (db) => ledgerRows(db, { kind: "proposal", status: "closed", q: "停车", lead: unit }, DEMO_TODAY)],
    ["proposal page", async (db) => [await getProposalDetail(db, proposal180), await proposalTimeline(db, proposal180)]],
    ["similar and linked proposals", async (db) => [await similarProposals(db, proposal180), await linkedProposals(db, proposal180)]],
    ["similar proposals from a stored ranking", async (db) => similarProposals(db, ranked)],
    ["statistics", async (db) => statisticsOverview(db, {}, fresh())],
    ["statistics of a session", async (db) => statisticsOverview(db, { sessionId }, fresh())],
    ["statistics of a kind and unit", async (db) => statisticsOverview(db, { kind: "proposal", unitId: unit }, fresh())],
    ["督办 board", async (db) => supervisionItems(db, "2030-01-01")],
    [
      "notifications in the header",
      async (db) => [await signedInHeader(db, await t.user("jiangmj")), await listNotifications(db, (await t.user("liuxr")).id)],
    ],
  ];
}

describe("query plans of the hot paths", () => {
  it("read no big table in full", async () => {
    const failures: string[] = [];
    for (const [name, run] of await cases()) {
      const { db, statements } = recording(t.db);
      await run(db);
      expect(statements.length, name).toBeGreaterThan(0);
      for (const statement of statements) {
        if (process.env.SHOW_PLANS)
          console.log(
            `${name}\n  ${statement.sql.replace(/\s+/g, " ").slice(0, 160)}\n${(
              sqliteOf(t.db)
                .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
                .all(...(statement.params as unknown[])) as { detail: string }[]
            )
              .map((r) => `    ${r.detail}`)
              .join("\n")}`,
          );
        for (const problem of fullScans(sqliteOf(t.db), statement))
          failures.push(`${name}: ${problem}\n    ${statement.sql.replace(/\s+/g, " ").slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("the filtered staff list reads the proposals through covering indexes, but for the page's own rows", async () => {
    const problems: string[] = [];
    let selections = 0;
    for (const [name, run] of (await cases()).filter(
      ([name]) => /proposals|all proposals|unit's proposals/.test(name) && !/^proposal page/.test(name),
    )) {
      const { db, statements } = recording(t.db);
      await run(db);
      // The statements that find the page's ids and the count: each reads `proposals` through the index it names.
      for (const statement of statements.filter((s) => /from "proposals" indexed by/.test(s.sql))) {
        selections++;
        const plan = sqliteOf(t.db)
          .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
          .all(...(statement.params as unknown[])) as { detail: string }[];
        for (const { detail } of plan) {
          if (/^(SCAN|SEARCH) proposals\b/.test(detail) && !/USING COVERING INDEX/.test(detail)) problems.push(`${name}: ${detail}`);
        }
      }
    }
    expect(selections).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it("would notice a missing index", async () => {
    const { db, statements } = recording(t.db);
    await listPublished(db, {}, 100);
    const sqlite = sqliteOf(t.db);
    sqlite.exec("SAVEPOINT without_index");
    try {
      for (const name of [
        "publications_public_idx",
        "publications_public_year_idx",
        "publications_public_unit_idx",
        "publications_public_topic_idx",
        "publications_public_genre_idx",
      ]) {
        sqlite.exec(`DROP INDEX ${name}`);
      }
      expect(statements.flatMap((s) => fullScans(sqlite, s)).join("\n")).toMatch(/SCAN publications: full scan of a big table/);
    } finally {
      sqlite.exec("ROLLBACK TO without_index; RELEASE without_index");
    }
    expect(statements.flatMap((s) => fullScans(sqlite, s))).toEqual([]);
  });
});
