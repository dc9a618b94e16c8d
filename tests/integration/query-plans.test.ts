/**
 * The query plans of the hot paths. On a real temporary database (all migrations, the demo data and a
 * few thousand generated proposals, then ANALYZE), each hot query is run through the real query
 * functions on a connection that records every statement, and EXPLAIN QUERY PLAN of each statement
 * must not read a big table in full: no `SCAN <table>` of a table that grows with the proposals unless
 * through an index, no automatic index on one, and no full-text table read without MATCH or its vocabulary
 * without a term. Not timed: the plans are what keeps the pages fast at 100,000 proposals.
 * SHOW_PLANS=1 prints every statement with its plan.
 */
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { unreadCount, listNotifications } from "@/db/queries/notifications";
import { ledgerRows } from "@/db/queries/ledger";
import type { ProposalSelection } from "@/db/queries/proposal-selection";
import { getProposalDetail, listProposals, proposalTimeline } from "@/db/queries/proposals";
import { latestPublished, listPublished, publicFilterOptions, publishedById, searchPublished } from "@/db/queries/public";
import { linkedProposals, similarProposals } from "@/db/queries/similar";
import { statisticsFigures } from "@/db/queries/statistics";
import { statesBySession } from "@/db/queries/statistics-by-session";
import { supervisionItems } from "@/db/queries/supervision";
import { coordinatorQueue, directorQueue, divisionQueue, handlerQueue, leaderQueue, overdueReceipts } from "@/db/queries/work";
import * as schema from "@/db/schema/sqlite";
import { searchPlan, searchTerms } from "@/lib/public-search";
import { sqliteOf } from "./temp-db";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

/**
 * Tables that do not grow with the proposals, where reading one in full is fine: lookups, and
 * pending_publications, which holds only the replies still waiting for a decision (what the board lists).
 */
const LOOKUP_TABLES = new Set([
  "units",
  "sections",
  "categories",
  "sessions",
  "settings",
  "statistics_versions",
  "users",
  "pending_publications",
]);
/** Full-text tables: read only through MATCH or by rowid. Their vocabularies: only for given terms. */
const FULL_TEXT = new Set(["public_search", "proposal_titles", "proposal_bodies"]);
const VOCABULARIES = new Set(["public_search_terms", "proposal_titles_terms", "proposal_bodies_terms"]);

type Statement = { sql: string; params: unknown[] };

/** What each name after FROM or JOIN stands for: the table itself, or an alias of it. */
function tableNames(text: string): Map<string, string> {
  const names = new Map<string, string>();
  const keyword = /^(on|where|left|inner|cross|join|group|order|limit|using|natural|union|select|set|values|as)$/i;
  for (const m of text.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const table = m[1]!;
    names.set(table, table);
    if (m[2] && !keyword.test(m[2])) names.set(m[2], table);
  }
  return names;
}

/** The plan lines of a statement that read a big table in full, with the reason; empty when the plan is fine. */
function fullScans(sqlite: Database.Database, statement: Statement): string[] {
  const tables = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
  const names = tableNames(statement.sql);
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...(statement.params as unknown[])) as { detail: string }[];
  const problems: string[] = [];
  for (const { detail } of plan) {
    const m = /^(SCAN|SEARCH) (\S+)(.*)$/.exec(detail);
    if (!m) continue;
    const [, how, name, rest] = m as unknown as [string, string, string, string];
    const table = names.get(name) ?? name;
    if (!tables.has(table) || LOOKUP_TABLES.has(table)) continue;
    const virtual = /VIRTUAL TABLE INDEX (\d+):(\S*)/.exec(rest);
    if (FULL_TEXT.has(table)) {
      if (!virtual || !/[M=]/.test(virtual[2]!)) problems.push(`${detail}: full-text table read without MATCH`);
    } else if (VOCABULARIES.has(table)) {
      if (!virtual || virtual[1] === "0") problems.push(`${detail}: whole vocabulary read`);
    } else if (/AUTOMATIC/.test(rest)) {
      problems.push(`${detail}: automatic index on a big table`);
    } else if (how === "SCAN" && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(rest)) {
      problems.push(`${detail}: full scan of a big table`);
    }
  }
  return problems;
}

/** A connection to the same database that records each statement it runs. */
function recording(db: Db): { db: Db; statements: Statement[] } {
  const statements: Statement[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => statements.push({ sql, params }) };
  return { db: drizzle(sqliteOf(db), { schema, logger }) as unknown as Db, statements };
}

/**
 * Proposals enough for the planner to see which indexes pay: four more sessions and 30 units, each
 * proposal with its proposers, assignments, contact, drafts, reply, publication, receipts, events and
 * notices in the usual proportions (most replied and published, some still being handled).
 */
async function generate(sqlite: Database.Database, proposals: number) {
  let seed = 10;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = Date.parse(`${DEMO_TODAY}T09:00:00+08:00`);
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const run = (text: string, ...values: unknown[]) => Number(sqlite.prepare(text).run(...values).lastInsertRowid);
  sqlite.transaction(() => {
    const coordinator = sqlite.prepare("select id from users where role = 'coordinator'").pluck().get() as number;
    const units = Array.from({ length: 30 }, (_, i) =>
      run(
        "insert into units (name, short_name, doc_prefix, index_prefix, kind, created_at) values (?, ?, ?, ?, 'department', ?)",
        `测试单位${i}局`,
        `测试${i}局`,
        `渝测${i}函`,
        `11500107TEST${i}X`,
        now,
      ),
    );
    const staff = new Map(
      units.map((u) => [
        u,
        {
          handler: run(
            "insert into users (username, display_name, role, unit_id, created_at) values (?, ?, 'handler', ?, ?)",
            `h-${u}`,
            `承办人${u}`,
            u,
            now,
          ),
          director: run(
            "insert into users (username, display_name, role, unit_id, title, created_at) values (?, ?, 'director', ?, '局长', ?)",
            `d-${u}`,
            `负责人${u}`,
            u,
            now,
          ),
        },
      ]),
    );
    const members = Array.from({ length: 200 }, (_, i) =>
      run("insert into users (username, display_name, role, created_at) values (?, ?, 'member', ?)", `m-${i}`, `委员${i}`, now),
    );
    const categories = sqlite.prepare("select id, name from categories").all() as { id: number; name: string }[];
    const sessions = [2022, 2023, 2024, 2025].flatMap((year) =>
      (["proposal", "suggestion"] as const).map((kind) => ({
        year,
        kind,
        id: run(
          "insert into sessions (body, term, meeting, year, kind, created_at) values (?, '第九届', ?, ?, ?, ?)",
          kind === "proposal" ? "政协测试委员会" : "测试人民代表大会",
          `第${year - 2021}次会议`,
          year,
          kind,
          now,
        ),
      })),
    );
    const words = ["停车", "人才", "科技创新", "养老服务", "生态环境", "营商环境", "教育", "交通", "医疗", "社区"];
    const serials = new Map<string, number>();
    const next = (key: string) => {
      serials.set(key, (serials.get(key) ?? 0) + 1);
      return serials.get(key)!;
    };
    for (let n = 1; n <= proposals; n++) {
      const session = pick(sessions);
      const category = pick(categories);
      const old = session.year < 2025;
      const status = old
        ? pick(["closed", "closed", "closed", "replied"] as const)
        : pick(["registered", "assigned", "handling", "handling", "in_review", "replied", "closed"] as const);
      const received = Date.parse(`${session.year}-01-20T09:00:00+08:00`) + Math.floor(random() * 30) * day;
      const title = `关于${pick(words)}和${pick(words)}工作的建议${n}`;
      const id = run(
        "insert into proposals (session_id, number, title, category_id, body, received_on, assigned_on, status, round, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        session.id,
        1000 + n,
        title,
        category.id,
        `${title}。建议加强${pick(words)}。`,
        iso(received),
        status === "registered" ? null : iso(received + 5 * day),
        status,
        received,
        received + 60 * day,
      );
      const proposer = pick(members);
      run("insert into proposal_signers (proposal_id, user_id, role, position) values (?, ?, 'lead', 0)", id, proposer);
      run(
        "insert into events (proposal_id, actor_id, action, to_state, created_at) values (?, ?, 'register', 'registered', ?)",
        id,
        coordinator,
        received,
      );
      if (status === "registered") continue;
      const lead = pick(units);
      const co = pick(units.filter((u) => u !== lead));
      const assigned = received + 5 * day;
      const replied = ["replied", "closed"].includes(status);
      const accepted = status !== "assigned";
      const assign = (role: "lead" | "co", unit: number, dueDays: number) =>
        run(
          "insert into assignments (proposal_id, unit_id, role, status, handler_id, assigned_on, accept_due, due, accepted_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id,
          unit,
          role,
          replied ? "done" : accepted ? "accepted" : "pending",
          accepted ? staff.get(unit)!.handler : null,
          iso(assigned),
          iso(assigned + 7 * day),
          iso(assigned + dueDays * day),
          accepted ? assigned + 3 * day : null,
          assigned,
        );
      assign("lead", lead, 90);
      const coId = assign("co", co, 30);
      run(
        "insert into events (proposal_id, actor_id, action, from_state, to_state, created_at) values (?, ?, 'assign', 'registered', 'assigned', ?)",
        id,
        coordinator,
        assigned,
      );
      if (!accepted) continue;
      const handler = staff.get(lead)!.handler;
      run(
        "insert into co_opinions (assignment_id, body, status, author_id, created_at, updated_at) values (?, '协办意见', ?, ?, ?, ?)",
        coId,
        replied ? "sent" : pick(["draft", "submitted"]),
        staff.get(co)!.handler,
        assigned + 10 * day,
        assigned + 10 * day,
      );
      run(
        "insert into contact_records (proposal_id, unit_id, round, contacted_on, method, participants, summary, created_by, created_at) values (?, ?, 1, ?, ?, '承办人与委员', '沟通', ?, ?)",
        id,
        lead,
        iso(assigned + 20 * day),
        pick(["face", "phone", "forum", "visit", "written"]),
        handler,
        assigned + 20 * day,
      );
      if (status === "handling") continue;
      const written = assigned + 60 * day;
      const draft = run(
        "insert into reply_drafts (proposal_id, unit_id, round, version, body, result_class, contact_person, contact_phone, disclosure, author_id, created_at) values (?, ?, 1, 1, ?, ?, '承办人', '023-00000000', 'full', ?, ?)",
        id,
        lead,
        `关于${pick(words)}的答复。${pick(words)}工作已推进。`,
        pick(["A", "B", "C", "D"]),
        handler,
        written - 5 * day,
      );
      if (status === "in_review") continue;
      const director = staff.get(lead)!.director;
      const signOff = run(
        "insert into sign_offs (proposal_id, draft_id, decision, signer_id, signer_name, created_at) values (?, ?, 'approve', ?, '负责人', ?)",
        id,
        draft,
        director,
        written,
      );
      const serial = next(`${lead}-${session.year}`);
      const reply = run(
        "insert into replies (proposal_id, round, draft_id, unit_id, doc_year, doc_serial, doc_number, written_on, sign_off_id, reply_due, receipt_due, publication_due, created_at) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        draft,
        lead,
        session.year,
        serial,
        `渝测${lead}函〔${session.year}〕${serial}号`,
        iso(written),
        signOff,
        iso(assigned + 90 * day),
        iso(written + 30 * day),
        iso(written + 20 * day),
        written,
      );
      run(
        "insert into events (proposal_id, actor_id, action, from_state, to_state, created_at) values (?, ?, 'approve', 'in_review', 'replied', ?)",
        id,
        director,
        written,
      );
      if (random() < 0.9) {
        const published = random() < 0.95;
        const indexSerial = published ? next(`pub-${lead}-${session.year}`) : null;
        run(
          "insert into publications (reply_id, status, mode, publisher_unit_id, index_year, index_serial, index_number, topic, genre, publisher_name, written_on, published_on, withheld_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          reply,
          published ? "published" : "withheld",
          published ? "full" : "none",
          lead,
          published ? session.year : null,
          indexSerial,
          published ? `11500107TEST${lead}X/${session.year}-${String(indexSerial).padStart(5, "0")}` : null,
          category.name,
          session.kind === "proposal" ? "政协提案办理" : "人大建议办理",
          `测试${lead}局`,
          iso(written),
          published ? iso(written + 3 * day) : null,
          published ? null : "涉及个人隐私",
          written + 3 * day,
        );
      }
      if (status === "closed") {
        run(
          "insert into receipts (reply_id, member_id, contact_report, attitude, result, recorded_by, created_at) values (?, ?, 'visited', ?, ?, ?, ?)",
          reply,
          proposer,
          pick(["satisfied", "basically"]),
          pick(["satisfied", "basically", "unsatisfied"]),
          proposer,
          written + 10 * day,
        );
      }
      run(
        "insert into notifications (user_id, proposal_id, kind, message, link, read_at, created_at) values (?, ?, 'replied', '已答复', '/', ?, ?)",
        proposer,
        id,
        random() < 0.8 ? written + day : null,
        written,
      );
    }
  })();
  sqlite.exec("ANALYZE");
}

let t: Awaited<ReturnType<typeof demoDatabase>>;

beforeAll(async () => {
  t = await demoDatabase();
  await generate(sqliteOf(t.db), 3000);
}, 120_000);

afterAll(() => t?.cleanup());

type Case = [name: string, run: (db: Db) => Promise<unknown>];

async function cases(): Promise<Case[]> {
  const unit = await t.unit("重庆高新区科技创新局");
  const sessionId = await t.session("第二次会议");
  const proposal180 = sqliteOf(t.db).prepare("select id from proposals where number = 180").pluck().get() as number;
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
    ["statistics", async (db) => [await statisticsFigures(db, {}, fresh()), await statesBySession(db, {})]],
    [
      "statistics of a session",
      async (db) => [await statisticsFigures(db, { sessionId }, fresh()), await statesBySession(db, { sessionId })],
    ],
    [
      "statistics of a kind and unit",
      async (db) => [
        await statisticsFigures(db, { kind: "proposal", unitId: unit }, fresh()),
        await statesBySession(db, { kind: "proposal", unitId: unit }),
      ],
    ],
    ["督办 board", async (db) => supervisionItems(db, "2030-01-01")],
    [
      "notifications in the header",
      async (db) => [await unreadCount(db, (await t.user("jiangmj")).id), await listNotifications(db, (await t.user("liuxr")).id)],
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
