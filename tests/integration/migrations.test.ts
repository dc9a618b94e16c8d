import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "@/db/client";
import { events, proposals, proposalSigners, replies, sessions, units, users } from "@/db/schema";
import { tempSqliteDatabase } from "./temp-db";
import { inOrder } from "./in-order";

let cleanup = () => {};
afterEach(() => cleanup());

function setup() {
  const t = tempSqliteDatabase();
  cleanup = t.cleanup;
  return t;
}

async function seedSession(db: Awaited<ReturnType<typeof setup>>["db"]) {
  return db
    .insert(sessions)
    .values({ body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第二次会议", year: 2023, kind: "proposal" })
    .returning()
    .get();
}

describe("migrations", () => {
  it("apply to an empty database: every table exists, WAL and foreign keys are on", () => {
    const { db } = setup();
    const tables = db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      "adjustment_requests",
      "assignments",
      "attachments",
      "categories",
      "co_opinions",
      "contact_records",
      "email_outbox",
      "events",
      "extension_requests",
      "leader_reviews",
      "meeting_members",
      "meeting_photos",
      "meetings",
      "notifications",
      "owed_receipts",
      "pending_publications",
      "progress_reports",
      "proposal_bodies",
      "proposal_bodies_config",
      "proposal_bodies_data",
      "proposal_bodies_docsize",
      "proposal_bodies_idx",
      "proposal_bodies_terms",
      "proposal_links",
      "proposal_signers",
      "proposal_statistics",
      "proposal_titles",
      "proposal_titles_config",
      "proposal_titles_data",
      "proposal_titles_docsize",
      "proposal_titles_idx",
      "proposal_titles_terms",
      "proposals",
      "public_list_pages",
      "public_page_queue",
      "public_pages",
      "public_search",
      "public_search_config",
      "public_search_content",
      "public_search_data",
      "public_search_docsize",
      "public_search_idx",
      "public_search_terms",
      "public_site_version",
      "publications",
      "receipt_tokens",
      "receipts",
      "replies",
      "reply_drafts",
      "reply_files",
      "revoked_sessions",
      "sections",
      "sessions",
      "settings",
      "sign_in_failures",
      "sign_in_unknown_names",
      "sign_offs",
      "signed_letters",
      "similar_ranking_queue",
      "similar_rankings",
      "statistics_unit_versions",
      "statistics_versions",
      "unit_certificates",
      "units",
      "uploads",
      "users",
    ]);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("are idempotent on restart and keep the data", async () => {
    const { db, file } = setup();
    await seedSession(db);
    const applied = db.$client.prepare("select count(*) from __drizzle_migrations").pluck().get();
    void closeDatabase(db);
    const again = openDatabase(file);
    try {
      expect(again.$client.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(applied);
      expect(await again.select().from(sessions).all()).toHaveLength(1);
    } finally {
      void closeDatabase(again);
    }
  });
});

describe("constraints", () => {
  it("reject a duplicate proposal number in one session, allow it in another", async () => {
    const { db } = setup();
    const s1 = await seedSession(db);
    const s2 = await db
      .insert(sessions)
      .values({ body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第三次会议", year: 2024, kind: "proposal" })
      .returning()
      .get();
    const base = { title: "关于加强社区养老服务的建议", body: "正文", receivedOn: "2023-01-10" };
    await db
      .insert(proposals)
      .values({ ...base, sessionId: s1.id, number: 180 })
      .run();
    await expect(
      (async () =>
        db
          .insert(proposals)
          .values({ ...base, sessionId: s1.id, number: 180 })
          .run())(),
    ).rejects.toThrow(/UNIQUE constraint failed: proposals.session_id, proposals.number/);
    await db
      .insert(proposals)
      .values({ ...base, sessionId: s2.id, number: 180 })
      .run();
    expect((await db.select({ n: sql<number>`count(*)` }).from(proposals).get())?.n).toBe(2);
  });

  it("reject a second document number serial for one unit and year", async () => {
    const { db } = setup();
    const s = await seedSession(db);
    const unit = await db
      .insert(units)
      .values({
        name: "重庆高新区科技创新局",
        shortName: "高新区科技创新局",
        docPrefix: "渝高新科函",
        indexPrefix: "1150010700927688XM",
        kind: "department",
      })
      .returning()
      .get();
    const author = await db
      .insert(users)
      .values({ username: "h", displayName: "承办人", role: "handler", unitId: unit.id })
      .returning()
      .get();
    const director = await db
      .insert(users)
      .values({ username: "d", displayName: "局长", role: "director", unitId: unit.id })
      .returning()
      .get();
    const reply = async (number: number, serial: number) => {
      const p = await db
        .insert(proposals)
        .values({ sessionId: s.id, number, title: "标题", body: "正文", receivedOn: "2023-01-10" })
        .returning()
        .get();
      const draft = db.$client
        .prepare(
          "insert into reply_drafts (proposal_id, unit_id, round, version, body, result_class, contact_person, contact_phone, disclosure, author_id, created_at) values (?, ?, 1, 1, '正文', 'A', '蒋明杰', '023', 'full', ?, 0) returning id",
        )
        .pluck()
        .get(p.id, unit.id, author.id) as number;
      const signOff = db.$client
        .prepare(
          "insert into sign_offs (proposal_id, draft_id, decision, signer_id, signer_name, created_at) values (?, ?, 'approve', ?, '邓敏军', 0) returning id",
        )
        .pluck()
        .get(p.id, draft, director.id) as number;
      return db
        .insert(replies)
        .values({
          proposalId: p.id,
          round: 1,
          draftId: draft,
          unitId: unit.id,
          docYear: 2023,
          docSerial: serial,
          docNumber: `渝高新科函〔2023〕${serial}号`,
          writtenOn: "2023-05-16",
          signOffId: signOff,
          receiptDue: "2023-06-13",
          publicationDue: "2023-06-13",
        })
        .run();
    };
    await reply(1, 4);
    await expect((async () => reply(2, 4))()).rejects.toThrow(
      /UNIQUE constraint failed: replies.unit_id, replies.doc_year, replies.doc_serial/,
    );
    await reply(3, 5);
  });

  it("allow exactly one lead proposer per proposal", async () => {
    const { db } = setup();
    const s = await seedSession(db);
    const p = await db
      .insert(proposals)
      .values({ sessionId: s.id, number: 1, title: "标题", body: "正文", receivedOn: "2023-01-10" })
      .returning()
      .get();
    const [a, b] = await inOrder(["甲", "乙"], async (name, i) =>
      db
        .insert(users)
        .values({ username: `m${i}`, displayName: name, role: "member" })
        .returning()
        .get(),
    );
    await db.insert(proposalSigners).values({ proposalId: p.id, userId: a!.id, role: "lead" }).run();
    await expect(
      (async () => db.insert(proposalSigners).values({ proposalId: p.id, userId: b!.id, role: "lead" }).run())(),
    ).rejects.toThrow(/UNIQUE/);
    await db.insert(proposalSigners).values({ proposalId: p.id, userId: b!.id, role: "cosigner" }).run();
  });

  it("enforce foreign keys", async () => {
    const { db } = setup();
    await expect(
      (async () =>
        db.insert(proposals).values({ sessionId: 999, number: 1, title: "标题", body: "正文", receivedOn: "2023-01-10" }).run())(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("keep the event log append-only", async () => {
    const { db } = setup();
    await db.insert(events).values({ action: "sign_in" }).run();
    await expect((async () => db.update(events).set({ action: "tampered" }).run())()).rejects.toThrow(/append-only/);
    await expect((async () => db.delete(events).where(eq(events.action, "sign_in")).run())()).rejects.toThrow(/append-only/);
    expect((await db.select().from(events).all())[0]?.action).toBe("sign_in");
  });
});
