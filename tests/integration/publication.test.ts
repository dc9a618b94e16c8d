import { type SQL, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jsonField } from "@/db/dialect";
import { databaseEngine } from "@/db/engine";
import { decideReplyPublication } from "@/db/handling/publication";
import { approveReply } from "@/db/handling/sign-off";
import { loadPublicationSettings, savePublicationSettings } from "@/db/queries/settings";
import { latestPublished, listPublished, PUBLIC_PAGE_SIZE, publishedById, publishedLetter, searchPublished } from "@/db/queries/public";
import { isoDateInChina } from "@/lib/format";
import { searchPlan, searchTerms } from "@/lib/public-search";
import { demoDatabase, ok } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeEach(async () => {
  t = await demoDatabase();
});
afterEach(() => t.cleanup());

const today = isoDateInChina(new Date());
const year = Number(today.slice(0, 4));

const rows = <T>(query: SQL) => t.db.all<T>(query);
/** public_search's key: SQLite's FTS5 rowid, the id column on PostgreSQL (migration 0004). */
const searchKey = sql.raw(databaseEngine() === "sqlite" ? "rowid" : "id");

async function proposalId(number: number, status: string): Promise<number> {
  return (await t.db.get<{ id: number }>(sql`select id from proposals where number = ${number} and status = ${status}`))!.id;
}

async function search(query: string) {
  return (await searchPublished(t.db, searchPlan(searchTerms(query))!, {})).items.map((i) => i.id);
}

/** Approves the demo's proposals 180 and 12, both answered by 科技创新局. */
async function approveTwo() {
  const director = await t.user("dengmj");
  const p180 = await proposalId(180, "in_review");
  const p12 = await proposalId(12, "in_review");
  expect((await approveReply(t.db, director, p180, null)).ok).toBe(true);
  expect((await approveReply(t.db, director, p12, null)).ok).toBe(true);
  return { p180, p12 };
}

describe("发布", () => {
  it("gives consecutive 索引号 per publisher and year, never reusing a withdrawn one", async () => {
    const { p180, p12 } = await approveTwo();
    const coordinator = await t.user("coordinator");
    const unit = await t.unit("重庆高新区科技创新局");
    const last =
      (await t.db.get<{ n: number | null }>(
        sql`select max(index_serial) as n from publications where publisher_unit_id = ${unit} and index_year = ${year}`,
      ))!.n ?? 0;
    const serial = (n: number) => `1150010700927688XM/${year}-${String(n).padStart(5, "0")}`;

    const first = await decideReplyPublication(t.db, coordinator, p180, { type: "publish" });
    expect(first).toMatchObject({ ok: true, data: { indexNumber: serial(last + 1) } });
    const withdrawn = await decideReplyPublication(t.db, coordinator, p180, { type: "withdraw", reason: "内容需更正" });
    expect(withdrawn.ok).toBe(true);
    const second = await decideReplyPublication(t.db, coordinator, p12, { type: "publish" });
    expect(second).toMatchObject({ ok: true, data: { indexNumber: serial(last + 2) } });

    const item = (await publishedById(t.db, second.ok ? second.data.publicationId : 0))!;
    expect(item).toMatchObject({
      topic: expect.any(String),
      genre: "政协提案办理",
      publisherName: "高新区科技创新局",
      validity: "",
      writtenOn: today,
      publishedOn: today,
      docNumber: expect.stringMatching(new RegExp(`^渝高新科函〔${year}〕\\d+号$`)),
    });
    const events = await rows(
      sql`select action, comment from events where proposal_id = ${p180} and action in ('publish', 'withdraw_publication') order by id`,
    );
    expect(events).toEqual([
      { action: "publish", comment: null },
      { action: "withdraw_publication", comment: "内容需更正" },
    ]);
  });

  it("refuses a unit's handler by default, a second publication, and a reply not yet approved", async () => {
    const p180 = await proposalId(180, "in_review");
    expect(await decideReplyPublication(t.db, await t.user("coordinator"), p180, { type: "publish" })).toEqual({
      ok: false,
      reason: "答复函尚未审签，不能发布",
    });
    await approveReply(t.db, await t.user("dengmj"), p180, null);
    expect(await decideReplyPublication(t.db, await t.user("jiangmj"), p180, { type: "publish" })).toEqual({
      ok: false,
      reason: "您没有权限决定此答复函的公开",
    });
    expect((await decideReplyPublication(t.db, await t.user("coordinator"), p180, { type: "publish" })).ok).toBe(true);
    expect(await decideReplyPublication(t.db, await t.user("coordinator"), p180, { type: "publish" })).toEqual({
      ok: false,
      reason: "此答复函已发布",
    });
  });

  it("lets the lead unit publish where the settings say units publish", async () => {
    const p180 = await proposalId(180, "in_review");
    await approveReply(t.db, await t.user("dengmj"), p180, null);
    await savePublicationSettings(t.db, { publisher: "unit" }, (await t.user("admin")).id);
    expect(await loadPublicationSettings(t.db)).toEqual({ publisher: "unit" });
    expect((await decideReplyPublication(t.db, await t.user("cxfwzx"), p180, { type: "publish" })).ok).toBe(false);
    expect((await decideReplyPublication(t.db, await t.user("jiangmj"), p180, { type: "publish" })).ok).toBe(true);
    await savePublicationSettings(t.db, { publisher: "coordinator" }, (await t.user("admin")).id);
    expect(await decideReplyPublication(t.db, await t.user("jiangmj"), p180, { type: "withdraw", reason: "更正" })).toEqual({
      ok: false,
      reason: "您没有权限决定此答复函的公开",
    });
  });

  it("tells the proposer and the unit's handlers of a publication, and the office of a withdrawal, after the commit", async () => {
    const p180 = await proposalId(180, "in_review");
    await approveReply(t.db, await t.user("dengmj"), p180, null);
    const notices = (userId: number) =>
      rows<{ message: string; link: string }>(
        sql`select message, link from notifications where user_id = ${userId} and proposal_id = ${p180} order by id`,
      );
    const before = (await notices((await t.user("liuxr")).id)).length;
    const published = await decideReplyPublication(t.db, await t.user("coordinator"), p180, { type: "publish" });
    expect(published.ok).toBe(true);
    const member = (await notices((await t.user("liuxr")).id)).slice(before);
    expect(member).toEqual([
      {
        message: expect.stringMatching(/^第180号提案《.+》：答复函已在政府信息公开网站发布（索引号 .+\/\d{4}-\d{5}）$/),
        link: `/member/proposals/${p180}`,
      },
    ]);
    expect((await notices((await t.user("jiangmj")).id)).at(-1)?.message).toMatch(/答复函已在政府信息公开网站发布/);
    expect((await notices((await t.user("dengmj")).id)).some((n) => n.message.includes("已在政府信息公开网站发布"))).toBe(false);

    await decideReplyPublication(t.db, await t.user("coordinator"), p180, { type: "withdraw", reason: "内容需更正" });
    expect((await notices((await t.user("jiangmj")).id)).at(-1)?.message).toMatch(/答复函已撤回公开$/);
    expect((await notices((await t.user("coordinator")).id)).at(-1)?.message).toMatch(/答复函已撤回公开$/);
    expect((await notices((await t.user("liuxr")).id)).length).toBe(before + 1);
  });

  it("notifies nobody when the decision is refused", async () => {
    const p180 = await proposalId(180, "in_review");
    const count = async () => (await t.db.get<{ n: number }>(sql`select count(*) as n from notifications where proposal_id = ${p180}`))!.n;
    const before = await count();
    expect((await decideReplyPublication(t.db, await t.user("coordinator"), p180, { type: "publish" })).ok).toBe(false);
    expect(await count()).toBe(before);
  });
});

describe("the public queries", () => {
  it("find a published reply by a four- and a two-character word, with its letter", async () => {
    const { p180 } = await approveTwo();
    const published = await decideReplyPublication(t.db, await t.user("coordinator"), p180, { type: "publish" });
    const id = published.ok ? published.data.publicationId : 0;
    expect(await search("人才红利")).toContain(id);
    expect(await search("博士")).toContain(id);
    expect(await search("人才红利 博士")).toContain(id);
    expect(await search("博士 不存在的词语")).not.toContain(id);
    expect((await publishedLetter(t.db, id))?.salutation).toBe("刘新荣委员:");
    expect((await listPublished(t.db, {})).items[0]?.id).toBe(id);
    expect((await listPublished(t.db, { kind: "suggestion" })).items.map((i) => i.id)).not.toContain(id);
    expect((await searchPublished(t.db, searchPlan(["博士"])!, { kind: "suggestion" })).items.map((i) => i.id)).not.toContain(id);
  });

  it("never return withheld or withdrawn replies, by id, list, search, feed or sitemap", async () => {
    const { p180, p12 } = await approveTwo();
    const coordinator = await t.user("coordinator");
    const withheld = await decideReplyPublication(t.db, coordinator, p12, { type: "withhold", reason: "涉及个人隐私" });
    expect(withheld).toMatchObject({ ok: true, data: { indexNumber: null } });
    const published = await decideReplyPublication(t.db, coordinator, p180, { type: "publish" });
    const id = published.ok ? published.data.publicationId : 0;
    await decideReplyPublication(t.db, coordinator, p180, { type: "withdraw", reason: "内容需更正" });

    const demoWithheld = (await rows<{ id: number }>(sql`select id from publications where status = 'withheld'`)).map((p) => p.id);
    const hidden = [id, ...demoWithheld];
    expect(hidden).toHaveLength(3);
    for (const h of hidden) expect(await publishedById(t.db, h)).toBeNull();
    expect(await search("人才红利")).not.toContain(id);
    expect(await search("博士")).not.toContain(id);
    const everything = (await latestPublished(t.db, 10_000)).map((i) => i.id);
    const listed = (await listPublished(t.db, {})).items.map((i) => i.id);
    for (const h of hidden) {
      expect(everything).not.toContain(h);
      expect(listed).not.toContain(h);
    }
    const indexed = (await rows<{ id: number }>(sql`select ${searchKey} as id from public_search`)).map((p) => p.id);
    expect(indexed.sort()).toEqual(everything.sort());
  });

  it("page a search newest first, every match once, with the same total on every page and past the end", async () => {
    const plan = searchPlan(["的"])!;
    const listed = (await listPublished(t.db, {})).total;
    for (const filters of [{}, { kind: "proposal" as const }]) {
      const first = await searchPublished(t.db, plan, filters, 1);
      expect(first.total, JSON.stringify(filters)).toBeGreaterThan(PUBLIC_PAGE_SIZE);
      expect(first.total).toBeLessThanOrEqual(listed);
      const pages = Math.ceil(first.total / PUBLIC_PAGE_SIZE);
      const seen: { id: number; publishedOn: string }[] = [];
      for (let page = 1; page <= pages + 1; page++) {
        const result = await searchPublished(t.db, plan, filters, page);
        expect(result.total, `page ${page}`).toBe(first.total);
        seen.push(...result.items);
        if (page > pages) expect(result.items).toEqual([]);
      }
      expect(new Set(seen.map((i) => i.id)).size).toBe(first.total);
      const newestFirst = [...seen].sort((a, b) =>
        a.publishedOn === b.publishedOn ? b.id - a.id : a.publishedOn < b.publishedOn ? 1 : -1,
      );
      expect(seen).toEqual(newestFirst);
    }
  });

  it("index only the summary of a summary-only reply, never its body", async () => {
    const row = (await t.db.get<{ id: number; summary: string; body: string; title: string }>(
      sql`select pub.id, pub.summary, d.body, p.title from publications pub join replies r on r.id = pub.reply_id
         join reply_drafts d on d.id = r.draft_id join proposals p on p.id = r.proposal_id where pub.mode = 'summary' order by pub.id limit 1`,
    ))!;
    const bodyOnly = [...row.body.matchAll(/[\u4e00-\u9fff]{4}/g)]
      .map((m) => m[0])
      .find((w) => !row.summary.includes(w) && !row.title.includes(w))!;
    expect(bodyOnly).toBeDefined();
    expect(await search(bodyOnly)).not.toContain(row.id);
    expect(await search(row.summary.slice(0, 4))).toContain(row.id);
    expect((await publishedById(t.db, row.id))?.summary).toBe(row.summary);
    expect(await publishedLetter(t.db, row.id)).toBeNull();
  });
});

describe("the replies of a proposal's two rounds", () => {
  /** The demo's 第205号: answered twice, both replies published. */
  async function twoRounds() {
    const id = await proposalId(205, "closed");
    const pubs = await rows<{ id: number; replyId: number; round: number }>(
      sql`select pub.id, r.id as "replyId", r.round from publications pub join replies r on r.id = pub.reply_id where r.proposal_id = ${id} order by r.round`,
    );
    expect(pubs.map((p) => p.round)).toEqual([1, 2]);
    return { id, first: pubs[0]!, second: pubs[1]! };
  }
  const titleOf = (items: { id: number; title: string }[], id: number) => items.find((i) => i.id === id)?.title;

  it("are told apart on the public list, page, feed and search: the second is 第二轮答复", async () => {
    const { first, second } = await twoRounds();
    const listed = await latestPublished(t.db, 10_000);
    expect(titleOf(listed, second.id)).toBe(`${titleOf(listed, first.id)}（第二轮答复）`);
    expect((await publishedById(t.db, second.id))?.title).toMatch(/（第二轮答复）$/);
    expect((await publishedById(t.db, first.id))?.title).not.toMatch(/轮答复）$/);
    const titles = listed.map((i) => i.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("each can be withdrawn and republished with a reason, logged; a withdrawn one leaves page, list, search, feed and sitemap", async () => {
    const { id, first, second } = await twoRounds();
    const coordinator = await t.user("coordinator");
    const visible = async (pub: number) => ({
      page: (await publishedById(t.db, pub)) !== null,
      feed: (await latestPublished(t.db, 10_000)).some((i) => i.id === pub),
      search: (await t.db.get<{ n: number }>(sql`select count(*) as n from public_search where ${searchKey} = ${pub}`))!.n === 1,
    });
    const withdrawn = await decideReplyPublication(
      t.db,
      coordinator,
      id,
      { type: "withdraw", reason: "第一轮答复内容已过时" },
      { replyId: first.replyId },
    );
    expect(withdrawn).toMatchObject({ ok: true, data: { publicationId: first.id } });
    expect(await visible(first.id)).toMatchObject({ page: false, feed: false, search: false });
    expect(await visible(second.id)).toMatchObject({ page: true, feed: true, search: true });
    expect(await decideReplyPublication(t.db, coordinator, id, { type: "republish", reason: " " }, { replyId: first.replyId })).toEqual({
      ok: false,
      reason: "请填写重新发布的理由",
    });
    const republished = await decideReplyPublication(
      t.db,
      coordinator,
      id,
      { type: "republish", reason: "已核实，恢复公开" },
      { replyId: first.replyId },
    );
    expect(republished).toMatchObject({ ok: true, data: { publicationId: first.id } });
    expect(await visible(first.id)).toMatchObject({ page: true, feed: true, search: true });
    // The 索引号 is the one the reply was first published with.
    expect((await publishedById(t.db, first.id))?.indexNumber).toBe("1150010700927633XG/2025-00001");

    // The second round's reply is withdrawn on its own.
    ok(await decideReplyPublication(t.db, coordinator, id, { type: "withdraw", reason: "更正" }, { replyId: second.replyId }));
    expect(await visible(second.id)).toMatchObject({ page: false, feed: false, search: false });
    expect((await visible(first.id)).page).toBe(true);
    const log = await rows(
      sql`select action, comment, ${jsonField(sql`data`, "round", "integer")} as round from events where proposal_id = ${id} and action in ('withdraw_publication', 'republish') order by id`,
    );
    expect(log).toEqual([
      { action: "withdraw_publication", comment: "第一轮答复内容已过时", round: 1 },
      { action: "republish", comment: "已核实，恢复公开", round: 1 },
      { action: "withdraw_publication", comment: "更正", round: 2 },
    ]);
  });
});
