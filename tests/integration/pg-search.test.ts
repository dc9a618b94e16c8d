/**
 * Search on PostgreSQL (db/migrations-pg/0004_search.sql, db/search/) finds what SQLite's FTS5 trigram
 * search finds: the demo database's rows are copied into a fresh PostgreSQL database, a few publications
 * with Latin, Greek and full-width text are added to both, and the same searches give the same ids in the
 * same order. At 5,000 more publications a search of two characters reads the GIN index, and the public filters'
 * values are found one index probe each (as on SQLite). Case folding is checked against SQLite's trigram tokenizer
 * for every code point. Needs PG_TEST_URL; never skipped.
 */
import Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicFilterQueries, searchPublished } from "@/db/queries/public";
import { pgPublicSearchIds } from "@/db/search/pg-public-search";
import { pgSimilarCandidates, pgTitleWordUse } from "@/db/search/pg-text-match";
import { sqliteSimilarCandidates, sqliteTitleWordUse } from "@/db/search/sqlite-text-match";
import { publicSearchIds, type SearchReader, textMatchIds } from "@/db/search/text-match";
import { searchPlan, searchTerms } from "@/lib/public-search";
import { bigrams } from "@/lib/similarity";
import { sqliteOf } from "./temp-db";
import { demoDatabase } from "./demo-db";
import { freshPgDatabase, type PgTestDatabase } from "./pg-database";

type Row = Record<string, unknown>;

let demo: Awaited<ReturnType<typeof demoDatabase>>;
let pg: PgTestDatabase;
let sqlite: Database.Database;

const pgRows = async <T = Row>(statement: string, values: unknown[] = []) => (await pg.pool.query(statement, values)).rows as T[];
const pgIds = async (fragment: SQL) => (await pg.db.execute(fragment)).rows.map((r) => Number(Object.values(r)[0])).sort((a, b) => a - b);
const sqliteIds = async (fragment: SQL) => (await demo.db.all<Row>(fragment)).map((r) => Number(Object.values(r)[0])).sort((a, b) => a - b);

/** Per PostgreSQL table, its boolean columns: SQLite stores them as 0/1 (the other kinds copy as they are). */
const booleanColumns = new Map<string, Set<string>>();

async function pgInsert(table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  if (!booleanColumns.has(table)) {
    const columns = await pgRows<{ column_name: string }>(
      "select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and data_type = 'boolean'",
      [table],
    );
    booleanColumns.set(table, new Set(columns.map((c) => c.column_name)));
  }
  const booleans = booleanColumns.get(table)!;
  const columns = Object.keys(rows[0]!);
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = columns.map((column) => {
        const value = row[column];
        values.push(booleans.has(column) && value !== null ? value === 1 : value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await pg.pool.query(`insert into ${table} (${columns.map((c) => `"${c}"`).join(", ")}) values ${tuples.join(", ")}`, values);
  }
}

/** The tables with every table they reference before them, from PostgreSQL's foreign keys. */
async function parentsFirst(tables: string[]): Promise<string[]> {
  const keys = await pgRows<{ child: string; parent: string }>(
    "select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint where contype = 'f'",
  );
  const order: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (order.includes(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys in a cycle: ${[...path, table].join(" → ")}`);
    for (const key of keys) if (key.child === table && key.parent !== table) visit(key.parent, [...path, table]);
    order.push(table);
  };
  for (const table of tables) visit(table, []);
  return order;
}

/** Rows inserted into both databases alike (SQLite first, as the application writes). */
async function insertBoth(table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const insert = sqlite.prepare(
    `insert into ${table} (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`,
  );
  sqlite.transaction(() => {
    for (const row of rows) insert.run(columns.map((c) => row[c]));
  })();
  await pgInsert(table, rows);
}

async function execBoth(statement: string): Promise<void> {
  sqlite.exec(statement);
  await pg.pool.query(statement);
}

const nextId = (table: string) => (sqlite.prepare(`select coalesce(max(id), 0) + 1 from ${table}`).pluck().get() as number) + 1000;

type NewPublication = {
  title: string;
  body: string;
  status?: "published" | "withheld";
  mode?: "full" | "summary";
  summary?: string;
  publishedOn: string;
};

/**
 * Publications written into both databases: each a new proposal with its reply draft, sign-off and reply,
 * cloned from one of the demo's published replies with the given texts. Returns the publications' ids.
 */
async function addPublications(items: NewPublication[]): Promise<number[]> {
  const template = sqlite
    .prepare(
      "select pub.id as publication, r.id as reply, r.draft_id as draft, r.sign_off_id as sign_off, r.proposal_id as proposal from publications pub join replies r on r.id = pub.reply_id where pub.status = 'published' and pub.mode = 'full' order by pub.id limit 1",
    )
    .get() as { publication: number; reply: number; draft: number; sign_off: number; proposal: number };
  const one = (table: string, id: number) => sqlite.prepare(`select * from ${table} where id = ?`).get(id) as Row;
  const [proposal, draft, signOff, reply, publication] = [
    one("proposals", template.proposal),
    one("reply_drafts", template.draft),
    one("sign_offs", template.sign_off),
    one("replies", template.reply),
    one("publications", template.publication),
  ];
  const first = {
    proposals: nextId("proposals"),
    reply_drafts: nextId("reply_drafts"),
    sign_offs: nextId("sign_offs"),
    replies: nextId("replies"),
    publications: nextId("publications"),
    serial: (sqlite.prepare("select max(max(number), max(id)) from proposals").pluck().get() as number) + 100_000,
  };
  const rows = items.map((item, i) => {
    const ids = {
      proposal: first.proposals + i,
      draft: first.reply_drafts + i,
      signOff: first.sign_offs + i,
      reply: first.replies + i,
      publication: first.publications + i,
    };
    const withheld = item.status === "withheld";
    return {
      proposal: { ...proposal, id: ids.proposal, number: first.serial + i, title: item.title, body: `${item.title}\n${item.body}` },
      draft: { ...draft, id: ids.draft, proposal_id: ids.proposal, body: item.body },
      signOff: { ...signOff, id: ids.signOff, proposal_id: ids.proposal, draft_id: ids.draft },
      reply: {
        ...reply,
        id: ids.reply,
        proposal_id: ids.proposal,
        draft_id: ids.draft,
        sign_off_id: ids.signOff,
        doc_serial: first.serial + i,
      },
      publication: {
        ...publication,
        id: ids.publication,
        reply_id: ids.reply,
        status: item.status ?? "published",
        mode: withheld ? "none" : (item.mode ?? "full"),
        summary: item.mode === "summary" ? (item.summary ?? null) : null,
        withheld_reason: withheld ? "涉及不宜公开的内容" : null,
        index_serial: withheld ? null : first.serial + i,
        index_number: withheld ? null : `TEST-${first.serial + i}`,
        published_on: withheld ? null : item.publishedOn,
      },
    };
  });
  await insertBoth(
    "proposals",
    rows.map((r) => r.proposal),
  );
  await insertBoth(
    "reply_drafts",
    rows.map((r) => r.draft),
  );
  await insertBoth(
    "sign_offs",
    rows.map((r) => r.signOff),
  );
  await insertBoth(
    "replies",
    rows.map((r) => r.reply),
  );
  await insertBoth(
    "publications",
    rows.map((r) => r.publication),
  );
  return rows.map((r) => r.publication.id as number);
}

/** SQLite: every page of db/queries/public.ts searchPublished, newest first, and its total. */
async function sqliteSearch(plan: NonNullable<ReturnType<typeof searchPlan>>): Promise<{ ids: number[]; total: number }> {
  const ids: number[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const result = await searchPublished(demo.db, plan, {}, page);
    total = result.total;
    ids.push(...result.items.map((h) => h.id));
    if (result.items.length === 0 || ids.length >= total) break;
  }
  return { ids, total };
}

/** PostgreSQL: the published rows among the ids pgPublicSearchIds selects, in the public list's order (newest first), and their count. */
async function pgSearch(plan: NonNullable<ReturnType<typeof searchPlan>>): Promise<{ ids: number[]; total: number }> {
  const matches = await publicSearchIds({ engine: "postgresql" }, plan);
  if (matches === null) return { ids: [], total: 0 };
  const rows = await pg.db.execute(
    sql`select id from publications where status = 'published' and id in (${matches}) order by published_on desc, id desc`,
  );
  const count = await pg.db.execute(sql`select count(*)::integer as n from (${matches}) as m`);
  return { ids: rows.rows.map((r) => Number(r.id)), total: Number(count.rows[0]!.n) };
}

/** Searches that must agree, and words taken from the indexed texts: their ends (a word no trigram begins with but for the line feeds on SQLite) and inside. */
function queries(): string[] {
  const fixed = [
    "养老",
    "博士",
    "养老服务",
    "科学城",
    "人才",
    "科",
    "的",
    "城",
    "老旧小区",
    "不存在的词",
    "养老 服务",
    "科学城 人才 的",
    "博士 不存在",
    "建议，养老",
    "gdp",
    "GDP",
    "Gdp",
    "g",
    "G",
    "5G",
    "5g 基站",
    "iphone",
    "IPHONE",
    "straße",
    "STRASSE",
    "ss",
    "σας",
    "ΣΑΣ",
    "Σ",
    "ς",
    "ＡＢＣ",
    "abc",
    "ａ",
    "Ⅱ期",
    "ⅱ期",
    "末尾词",
    "尾词",
    "词",
    "不公开的词",
    "隐藏词",
    "5%",
    "a_b",
    "x",
  ];
  const texts = sqlite.prepare("select title || body as text from public_search order by rowid").pluck().all() as string[];
  const taken = texts.flatMap((raw) => {
    const text = raw.trimEnd();
    return [text.slice(-2), text.slice(-1), text.slice(10, 12), text.slice(20, 24), text.slice(30, 31)];
  });
  return [...new Set([...fixed, ...taken])];
}

beforeAll(async () => {
  demo = await demoDatabase();
  sqlite = sqliteOf(demo.db);
  pg = await freshPgDatabase();
  for (const table of await parentsFirst(["publications", "proposal_signers"])) {
    await pgInsert(table, sqlite.prepare(`select * from ${table}`).all() as Row[]);
  }
  await addPublications([
    {
      title: "关于发展银发经济和养老服务的建议",
      body: "我区GDP增长较快，建议在5G基站和iPhone应用中推广Straße式的ＡＢＣ全角标识，ΣΑΣ协会参与养老服务。Ⅱ期工程的末尾词",
      publishedOn: "2026-06-10",
    },
    {
      title: "关于博士后工作站建设的建议",
      body: "这段答复正文以摘要公开，不公开的词只在正文里。",
      mode: "summary",
      summary: "已支持博士后工作站建设，养老服务另案办理。",
      publishedOn: "2026-06-10",
    },
    { title: "关于隐藏词的建议", body: "隐藏词只在不予公开的答复里。", status: "withheld", publishedOn: "2026-06-11" },
    { title: "关于折扣率5%与a_b编号的建议", body: "编号a_b与比例5%均应写明。", publishedOn: "2026-06-01" },
  ]);
  await pg.pool.query("analyze");
}, 120_000);

afterAll(async () => {
  await pg?.drop();
  demo?.cleanup();
});

describe("PostgreSQL search", () => {
  it("folds case as SQLite's trigram tokenizer does, for every code point", async () => {
    // SQLite's folding, read off its tokenizer: one text of every code point, each trigram's first character.
    const probe = new Database(":memory:");
    probe.exec("create virtual table t using fts5(x, tokenize = 'trigram'); create virtual table v using fts5vocab(t, 'instance')");
    const codePoints: number[] = [];
    // Not NUL (PostgreSQL text has none) nor surrogates (no UTF-8 has them).
    for (let c = 1; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) codePoints.push(c);
    const chunks: number[][] = [];
    for (let i = 0; i < codePoints.length; i += 50_000) chunks.push(codePoints.slice(i, i + 50_000));
    const insert = probe.prepare("insert into t (rowid, x) values (?, ?)");
    for (const [i, chunk] of chunks.entries()) insert.run(i + 1, `${chunk.map((c) => String.fromCodePoint(c)).join("")}\n\n`);
    const folded = chunks.map((chunk) => new Array<string>(chunk.length));
    for (const { doc, offset, term } of probe.prepare("select doc, offset, term from v").iterate() as Iterable<{
      doc: number;
      offset: number;
      term: string;
    }>) {
      const chunk = folded[doc - 1]!;
      if (offset < chunk.length) chunk[offset] = String.fromCodePoint(term.codePointAt(0)!);
    }
    probe.close();
    let differing = 0;
    for (const [i, chunk] of chunks.entries()) {
      const expected = folded[i]!;
      expect(expected.filter((ch) => ch !== undefined)).toHaveLength(chunk.length);
      const [row] = await pgRows<{ folded: string }>("select search_fold($1) as folded", [
        chunk.map((c) => String.fromCodePoint(c)).join(""),
      ]);
      const actual = Array.from(row!.folded);
      const at = expected.findIndex((ch, k) => ch !== actual[k]);
      // The first code point folded otherwise, named.
      if (at !== -1 || actual.length !== chunk.length)
        expect(`U+${chunk[at]?.toString(16)} → ${actual[at]}`).toBe(`U+${chunk[at]?.toString(16)} → ${expected[at]}`);
      differing += chunk.filter((c, k) => String.fromCodePoint(c) !== expected[k]).length;
    }
    // ASCII, Latin, Greek, Cyrillic, full-width letters, Roman numerals…: SQLite 3.53 folds 1,057 code points.
    expect(differing).toBeGreaterThan(1000);
  }, 120_000);

  it("keeps public_search, proposal_titles and proposal_bodies as SQLite's triggers keep theirs", async () => {
    const compare = async () => {
      const sqliteSearchRows = (sqlite.prepare("select rowid as id, title, body from public_search order by rowid").all() as Row[]).map(
        (r) => ({
          id: r.id,
          title: String(r.title).replace(/\n\n$/, ""),
          body: String(r.body).replace(/\n\n$/, ""),
        }),
      );
      expect(await pgRows("select id, title, body from public_search order by id")).toEqual(sqliteSearchRows);
      for (const table of ["proposal_titles", "proposal_bodies"]) {
        expect(
          (await pgRows<{ id: number }>(`select id from ${table} order by id`)).map((r) => r.id),
          table,
        ).toEqual(sqlite.prepare(`select rowid from ${table} order by rowid`).pluck().all());
      }
      const [stale] = await pgRows<{ n: number }>(
        `select count(*)::integer as n from proposals p
         where not exists (select 1 from proposal_titles t where t.id = p.id and t.folded = search_fold(p.title))
            or not exists (select 1 from proposal_bodies b where b.id = p.id and b.folded = search_fold(p.body))`,
      );
      expect(stale!.n).toBe(0);
      return sqliteSearchRows;
    };
    const before = await compare();
    expect(before.length).toBeGreaterThan(20);
    expect(before.find((r) => r.title === "关于博士后工作站建设的建议")?.body).toBe("已支持博士后工作站建设，养老服务另案办理。");
    expect(before.some((r) => r.title === "关于隐藏词的建议")).toBe(false);

    const [published] = await addPublications([{ title: "关于触发器测试的建议", body: "触发器正文甲", publishedOn: "2026-06-12" }]);
    await execBoth(`update publications set mode = 'summary', summary = '触发器摘要乙' where id = ${published}`);
    await execBoth("update proposals set title = '关于触发器测试的新标题', body = '触发器新正文丙' where title = '关于触发器测试的建议'");
    const after = await compare();
    // As on SQLite, a later change of the proposal's title does not reach the published row.
    expect(after.find((r) => r.id === published)).toEqual({ id: published, title: "关于触发器测试的建议", body: "触发器摘要乙" });
    await execBoth(`update publications set status = 'withdrawn', withdrawn_reason = '测试' where id = ${published}`);
    expect((await compare()).some((r) => r.id === published)).toBe(false);
    await execBoth(`update publications set status = 'published', withdrawn_reason = null where id = ${published}`);
    expect((await compare()).some((r) => r.id === published)).toBe(true);
    await execBoth(`delete from publications where id = ${published}`);
    await execBoth("delete from proposals where title = '关于触发器测试的新标题'");
    expect(await compare()).toEqual(before);
  });

  it("finds on the public site the same publications in the same order as SQLite, and as many", async () => {
    let found = 0;
    for (const q of queries()) {
      const plan = searchPlan(searchTerms(q));
      if (plan === null) continue;
      const expected = await sqliteSearch(plan);
      expect(await pgSearch(plan), q).toEqual(expected);
      // The SQLite half of db/search finds what db/queries/public.ts finds.
      const matches = await publicSearchIds({ engine: "sqlite", db: demo.db }, plan);
      const published = new Set(sqlite.prepare("select id from publications where status = 'published'").pluck().all() as number[]);
      expect(matches === null ? [] : (await sqliteIds(matches)).filter((id) => published.has(id)), q).toEqual(
        [...expected.ids].sort((a, b) => a - b),
      );
      if (expected.total > 0) found++;
    }
    expect(found).toBeGreaterThan(20);
    // Searches that must find something, or the comparison proves little.
    for (const [q, least] of [
      ["养老", 3],
      ["博士", 1],
      ["GDP", 1],
      ["gdp", 1],
      ["σας", 1],
      ["IPhone", 1],
      ["末尾词", 1],
      ["5%", 1],
    ] as const) {
      expect((await pgSearch(searchPlan(searchTerms(q))!)).total, q).toBeGreaterThanOrEqual(least);
    }
    // Not public: the withheld reply, and the body of a reply published as a summary. The query is NFKC-normalised
    // (ＡＢＣ is ABC, Ⅱ is II) but the texts are not, and neither engine folds more than case (ß is no ss).
    for (const q of ["隐藏词", "不公开的词", "ＡＢＣ", "Ⅱ期", "STRASSE"])
      expect((await pgSearch(searchPlan(searchTerms(q))!)).total, q).toBe(0);
  });

  it("finds in proposal titles and bodies what SQLite finds (the staff list's search)", async () => {
    const sqliteReader: SearchReader = { engine: "sqlite", db: demo.db };
    let found = 0;
    for (const word of new Set(queries().flatMap(searchTerms))) {
      for (const target of ["proposal_titles", "proposal_bodies"] as const) {
        const [lite, post] = [await textMatchIds(sqliteReader, target, word), await textMatchIds({ engine: "postgresql" }, target, word)];
        const expected = lite === null ? [] : await sqliteIds(lite);
        expect(post === null ? [] : await pgIds(post), `${target} ${word}`).toEqual(expected);
        if (expected.length > 0) found++;
      }
    }
    expect(found).toBeGreaterThan(40);
  });

  it("gives similar proposals the titles that hold a title word, those holding the most first", async () => {
    const titles = sqlite.prepare("select id, title from proposals order by id").all() as { id: number; title: string }[];
    for (const { id, title } of titles) {
      const words = [...bigrams(title)];
      const sqliteTerms = (
        await Promise.all(words.map(async (w) => (await demo.db.all<{ term: string }>(sqliteTitleWordUse(w))).map((r) => r.term)))
      ).flat();
      const pgUse = (await Promise.all(words.map(async (w) => (await pg.db.execute(pgTitleWordUse(w))).rows))).flat() as {
        term: string;
        titles: number;
      }[];
      // The titles holding each word, counted here from the titles themselves.
      for (const use of pgUse) expect(use.titles, use.term).toBe(titles.filter((t) => t.title.toLowerCase().includes(use.term)).length);
      const terms = pgUse.map((u) => u.term);
      expect(terms.length > 0).toBe(sqliteTerms.length > 0);
      if (terms.length === 0) continue;
      const candidates = (await pg.db.execute(pgSimilarCandidates(terms, id, 1000))).rows.map((r) => Number(r.id));
      // The same titles as SQLite's MATCH of the trigrams (all of them, well under the limit).
      expect(
        [...candidates].sort((a, b) => a - b),
        title,
      ).toEqual(await sqliteIds(sqliteSimilarCandidates(sqliteTerms, id, 1000)));
      const shared = (candidate: number) =>
        terms.filter((t) =>
          titles
            .find((x) => x.id === candidate)!
            .title.toLowerCase()
            .includes(t),
        ).length;
      expect(candidates, title).toEqual([...candidates].sort((a, b) => shared(b) - shared(a) || a - b));
    }
  });
});

/** A generator of the same numbers on every run (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENERATED = 5_000;

describe(`PostgreSQL search at ${GENERATED.toLocaleString("en")} more publications`, () => {
  beforeAll(async () => {
    // Texts made of the demo's sentences, so that words are as common as in the demo's proposals and replies.
    const texts = sqlite
      .prepare("select title || '。' || body from proposals union all select body from reply_drafts")
      .pluck()
      .all() as string[];
    const sentences = [...new Set(texts.flatMap((t) => t.split(/[。！？\n]+/)).filter((s) => Array.from(s).length >= 6))];
    const titles = sqlite.prepare("select distinct title from proposals").pluck().all() as string[];
    const random = seeded(20);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    // A project code of three random Chinese characters in each text, so that its words begin thousands of
    // distinct trigrams, as in a real archive (SQLite then matches 代 and 号 with LIKE).
    const han = () => String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000));
    const items: NewPublication[] = Array.from({ length: GENERATED }, () => {
      const sentencesOf = Array.from({ length: 4 + Math.floor(random() * 12) }, () => pick(sentences));
      const body = [...sentencesOf, `项目代号${han()}${han()}${han()}`].join("。");
      const r = random();
      return {
        title: pick(titles),
        body,
        status: r < 0.03 ? "withheld" : "published",
        mode: r > 0.9 ? "summary" : "full",
        summary: r > 0.9 ? `${pick(sentences)}。${pick(sentences)}` : undefined,
        publishedOn: day(Math.floor(random() * 900)),
      };
    });
    await addPublications(items);
    await pg.pool.query("analyze");
  }, 300_000);

  it("finds the same publications in the same order as SQLite", async () => {
    const rare = sqlite
      .prepare("select substr(body, -3) from public_search where body like '%项目代号%' order by rowid limit 3")
      .pluck()
      .all() as string[];
    const words = [
      "养老",
      "博士",
      "养老服务",
      "老旧小区",
      "的",
      "科",
      "城",
      "代",
      "号",
      "代号",
      "服务 建设",
      "科学城 人才 的",
      "号 养老",
      "不存在的词",
      "GDP",
      "iphone",
    ];
    for (const q of [...words, ...rare, ...rare.map((w) => w.slice(0, 2))]) {
      const plan = searchPlan(searchTerms(q))!;
      // Every page of searchPublished would take minutes for the words most texts hold: its first and last
      // pages, and all its matches in the list's order from the same conditions (db/search's SQLite half).
      const matches = await publicSearchIds({ engine: "sqlite", db: demo.db }, plan);
      const ids =
        matches === null
          ? []
          : (
              await demo.db.all<{ id: number }>(
                sql`select id from publications where status = 'published' and +id in (${matches}) order by published_on desc, id desc`,
              )
            ).map((r) => r.id);
      const first = await searchPublished(demo.db, plan, {}, 1);
      expect({ ids: first.items.map((h) => h.id), total: first.total }, q).toEqual({ ids: ids.slice(0, 15), total: ids.length });
      const lastPage = Math.max(1, Math.ceil(ids.length / 15));
      expect(
        (await searchPublished(demo.db, plan, {}, lastPage)).items.map((h) => h.id),
        q,
      ).toEqual(ids.slice((lastPage - 1) * 15));
      expect(await pgSearch(plan), q).toEqual({ ids, total: ids.length });
    }
    // 代 and 号 begin more trigrams than SQLite expands (SHORT_TERM_EXPANSION_LIMIT): there they are matched with LIKE.
    for (const word of ["代", "号"]) {
      expect(
        sqlite.prepare("select count(*) from public_search_terms where term >= ? and term < ?").pluck().get(word, `${word}\u{10FFFF}`),
        word,
      ).toBeGreaterThan(1000);
    }
  }, 120_000);

  it("offers the public filters' years, publishers and categories by one index probe per value, on both engines alike", async () => {
    const published = (await pgRows<{ n: number }>("select count(*)::integer as n from publications where status = 'published'"))[0]!.n;
    expect(published).toBeGreaterThan(GENERATED * 0.9);
    const queries = publicFilterQueries();
    for (const [name, query] of Object.entries(queries)) {
      const rows = (await pg.db.execute(query)).rows;
      const values = rows.length;
      // The same values as SQLite's, and as a plain DISTINCT gives them.
      expect(rows, name).toEqual(await demo.db.all(query));
      const column = { years: "index_year", publishers: "publisher_unit_id", topics: "topic" }[name]!;
      const distinct = await pgRows(
        `select distinct ${column} as v from publications where status = 'published' and ${column} is not null`,
      );
      expect(rows.map((r) => r.value ?? r.id).sort(), name).toEqual(distinct.map((r) => r.v).sort());
      const explained = await pg.db.execute(sql`explain (analyze, costs off, timing off) ${query}`);
      const plan = explained.rows.map((r) => r["QUERY PLAN"]).join("\n");
      // Rows read from publications (or its indexes): a probe reads one, and finds the next value or none. A DISTINCT
      // over the index (PostgreSQL has no skip scan) read every published row: 80 ms of each search page at 60,000.
      const read = [...plan.matchAll(/Scan[^\n]* on (?:publications|newest)[^\n]*\(actual rows=(\d+) loops=(\d+)\)/g)].reduce(
        (sum, m) => sum + Number(m[1]) * Number(m[2]),
        0,
      );
      expect(read, `${name}: ${values} values\n${plan}`).toBeGreaterThan(0);
      expect(read, `${name}: ${values} values\n${plan}`).toBeLessThanOrEqual(2 * (values + 1));
    }
  });

  it("reads the GIN index for a word of two characters and for a longer word, never the whole search table", async () => {
    const rows = (await pgRows<{ n: number }>("select count(*)::integer as n from public_search"))[0]!.n;
    expect(rows).toBeGreaterThan(GENERATED * 0.9);
    for (const word of ["养老", "博士", "老旧小区"]) {
      const plan = searchPlan([word])!;
      const { total } = await pgSearch(plan);
      // A word that some rows hold and most do not, as a real search word.
      expect(total, word).toBeGreaterThan(0);
      expect(total, word).toBeLessThan(rows / 3);
      const matches = pgPublicSearchIds(plan)!;
      for (const [name, query] of [
        [
          "page",
          sql`select id from publications where status = 'published' and id in (${matches}) order by published_on desc, id desc limit 15`,
        ],
        ["total", sql`select count(*) from (${matches}) as m`],
      ] as const) {
        const explained = await pg.db.execute(sql`explain (analyze, costs off, timing off) ${query}`);
        const plan = explained.rows.map((r) => r["QUERY PLAN"]).join("\n");
        console.log(`EXPLAIN ${word} (${total} of ${rows} rows), ${name}:\n${plan}`);
        expect(plan, `${word} ${name}`).not.toMatch(/Seq Scan on (public_search|publications)\b/);
        // The total needs every match: the GIN index. A page may instead walk the publications newest first and
        // check each against its row of public_search, stopping at the fifteenth match (a common word).
        if (name === "total") expect(plan, `${word} ${name}`).toContain("Bitmap Index Scan on public_search_grams_idx");
        else
          expect(plan, `${word} ${name}`).toMatch(
            /Bitmap Index Scan on public_search_grams_idx|Index Only Scan Backward using publications_public_idx/,
          );
      }
    }
  }, 60_000);
});
