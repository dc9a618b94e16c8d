/**
 * The stored pages of published replies (docs/decisions/014) on a real database of each engine: the triggers that
 * queue a page and take a changed publication's page away in the same transaction, the queue taken by one instance
 * at a time, and a store that refuses a page whose publication changed while it was being rendered. The catalogue's
 * stored pages (019): kept per site version, gone for visitors with the commit of any change that moves it.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { databaseEngine } from "@/db/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  queueUnrendered,
  storedListPage,
  storeListPage,
  storedPage,
  storePage,
  takeQueued,
  unrenderedListPages,
} from "@/db/queries/public-pages";
import { PUBLIC_PAGE_SIZE } from "@/db/queries/public";
import { movePublicSiteVersion, readPublicSiteVersion } from "@/db/queries/public-site-version";
import { publicPageQueue, publicPages, publications, replies, replyFiles, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { demoDatabase } from "./demo-db";

const BUILD = "build-a";
const ORIGIN = "https://gk.example.gov.cn";
const page = (publicationId: number, html = `<p>第${publicationId}号</p>`) => ({
  publicationId,
  buildId: BUILD,
  origin: ORIGIN,
  htmlGzip: gzipSync(html),
  etag: `W/"${BUILD}.p${publicationId}"`,
});

let db: Db;
let cleanup = async () => {};
let published: number[];

beforeAll(async () => {
  const t = await demoDatabase();
  db = t.db;
  cleanup = t.cleanup;
  published = (await db.select({ id: publications.id }).from(publications).where(eq(publications.status, "published")).all())
    .map((r) => r.id)
    .sort((a, b) => b - a);
}, 120_000);
afterAll(() => cleanup());

const queued = async () =>
  (await db.select({ id: publicPageQueue.publicationId }).from(publicPageQueue).all()).map((r) => r.id).sort((a, b) => b - a);

/** Renders (here: makes up) and stores every queued page, as an instance's page store does. */
async function drain() {
  for (let ids = await takeQueued(db, 3); ids.length > 0; ids = await takeQueued(db, 3)) {
    for (const id of ids) await storePage(db, page(id));
  }
}

describe("stored public pages", () => {
  it("queues every reply as it is published, and an instance takes them newest first, each once", async () => {
    expect(published.length).toBeGreaterThan(3);
    expect(await queued()).toEqual(published);
    const first = await takeQueued(db, 2);
    expect(first).toEqual(published.slice(0, 2));
    expect(await queued()).toEqual(published.slice(2));
    for (const id of first) expect(await storePage(db, page(id))).toBe(true);
    await drain();
    expect(await queued()).toEqual([]);
    expect(await storedPage(db, published[0]!, BUILD, ORIGIN)).toEqual({
      htmlGzip: gzipSync(`<p>第${published[0]}号</p>`),
      etag: `W/"${BUILD}.p${published[0]}"`,
    });
  });

  it("serves a page only to the build and origin it was rendered for; a new build queues what it has not rendered", async () => {
    const id = published[0]!;
    expect(await storedPage(db, id, "build-b", ORIGIN)).toBeNull();
    expect(await storedPage(db, id, BUILD, "http://127.0.0.1:3000")).toBeNull();
    expect(await queueUnrendered(db, { buildId: BUILD, origin: ORIGIN })).toBe(0);
    expect(await queueUnrendered(db, { buildId: "build-b", origin: ORIGIN })).toBe(published.length);
    await takeQueued(db, published.length);
  });

  it("takes a withdrawn reply's page away in the withdrawal's own transaction, and stores no page rendered before it", async () => {
    const [gone, racing] = [published[1]!, published[2]!];
    // An instance has taken `racing` off the queue and is rendering it when both are withdrawn.
    await db.insert(publicPageQueue).values({ publicationId: racing }).run();
    expect(await takeQueued(db, 1)).toEqual([racing]);
    await db.delete(publicPages).where(eq(publicPages.publicationId, racing)).run();
    await db
      .update(publications)
      .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: "测试" })
      .where(and(eq(publications.status, "published"), eq(publications.id, gone)))
      .run();
    await db
      .update(publications)
      .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: "测试" })
      .where(eq(publications.id, racing))
      .run();
    expect(await storedPage(db, gone, BUILD, ORIGIN)).toBeNull();
    expect(await queued()).toEqual([]);
    expect(await storePage(db, page(racing))).toBe(false);
    expect(await storedPage(db, racing, BUILD, ORIGIN)).toBeNull();
  });

  it("queues a republished reply again, and refuses the page of the earlier publication rendered meanwhile", async () => {
    const id = published[1]!;
    await db
      .update(publications)
      .set({ status: "published", withdrawnAt: null, withdrawnReason: null })
      .where(eq(publications.id, id))
      .run();
    expect(await queued()).toEqual([id]);
    const taken = await takeQueued(db, 1);
    // Changed again (a corrected summary, say) while the page is rendered: queued again, the rendered page refused.
    await db.update(publications).set({ summary: "更正后的摘要" }).where(eq(publications.id, id)).run();
    expect(await storePage(db, page(taken[0]!, "<p>旧</p>"))).toBe(false);
    await drain();
    expect(gunzipSync((await storedPage(db, id, BUILD, ORIGIN))!.htmlGzip).toString()).toBe(`<p>第${id}号</p>`);
  });

  it("renders a reply's page again when its sealed scan arrives or is replaced, and not for a plain attachment", async () => {
    const id = published[3]!;
    const reply = (await db
      .select({ proposalId: replies.proposalId, round: replies.round })
      .from(publications)
      .innerJoin(replies, eq(replies.id, publications.replyId))
      .where(eq(publications.id, id))
      .get())!;
    const uploader = (await db.select({ id: users.id }).from(users).where(eq(users.username, "jiangmj")).get())!.id;
    const file = (kind: "sealed" | "attachment") => ({
      ...reply,
      kind,
      fileName: `${kind}.pdf`,
      mimeType: "application/pdf",
      size: 1,
      storagePath: `x/${kind}-${Math.random()}.pdf`,
      sha256: "0".repeat(64),
      uploadedBy: uploader,
    });
    await db
      .delete(replyFiles)
      .where(and(eq(replyFiles.proposalId, reply.proposalId), eq(replyFiles.round, reply.round)))
      .run();
    await drain();
    await db.insert(replyFiles).values(file("attachment")).run();
    expect(await queued()).toEqual([]);
    expect(await storedPage(db, id, BUILD, ORIGIN)).not.toBeNull();
    const [sealed] = await db.insert(replyFiles).values(file("sealed")).returning({ id: replyFiles.id });
    expect(await storedPage(db, id, BUILD, ORIGIN)).toBeNull();
    expect(await queued()).toEqual([id]);
    await drain();
    await db.update(replyFiles).set({ replacedAt: new Date() }).where(eq(replyFiles.id, sealed!.id)).run();
    expect(await storedPage(db, id, BUILD, ORIGIN)).toBeNull();
    expect(await queued()).toEqual([id]);
    await drain();
  });

  it("queues every published reply for a change that shows on all of them, keeping each page until it is replaced", async () => {
    const count = (await db.select({ id: publications.id }).from(publications).where(eq(publications.status, "published")).all()).length;
    expect(await queueUnrendered(db, "all")).toBe(count);
    expect(await storedPage(db, published[0]!, BUILD, ORIGIN)).not.toBeNull();
    await drain();
  });
});

describe("stored catalogue pages", () => {
  const listPage = (pageNo: number, siteVersion: number, html = `<p>目录第${pageNo}页</p>`) => ({
    page: pageNo,
    siteVersion,
    buildId: BUILD,
    origin: ORIGIN,
    htmlGzip: gzipSync(html),
    etag: `W/"${BUILD}.l${pageNo}.v${siteVersion}"`,
  });
  const publishedCount = async () =>
    (await db.select({ id: publications.id }).from(publications).where(eq(publications.status, "published")).all()).length;
  /** Renders (here: makes up) and stores every missing page of the catalogue, as an instance's page store does. */
  async function renderAll() {
    const { siteVersion, pages } = await unrenderedListPages(db, { buildId: BUILD, origin: ORIGIN });
    for (const p of pages) expect(await storeListPage(db, listPage(p, siteVersion))).toBe(true);
    return siteVersion;
  }

  it("lists every page of the catalogue at the site's version until each is stored, and serves each to its build and origin", async () => {
    const pages = Math.ceil((await publishedCount()) / PUBLIC_PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    const { siteVersion, pages: missing } = await unrenderedListPages(db, { buildId: BUILD, origin: ORIGIN });
    expect(siteVersion).toBe(await readPublicSiteVersion(db));
    expect(missing).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    await renderAll();
    expect((await unrenderedListPages(db, { buildId: BUILD, origin: ORIGIN })).pages).toEqual([]);
    const first = (await storedListPage(db, 1, BUILD, ORIGIN))!;
    expect({ html: gunzipSync(first.htmlGzip).toString(), etag: first.etag }).toEqual({
      html: "<p>目录第1页</p>",
      etag: `W/"${BUILD}.l1.v${siteVersion}"`,
    });
    expect(await storedListPage(db, 1, "build-b", ORIGIN)).toBeNull();
    expect(await storedListPage(db, 1, BUILD, "https://other.example.gov.cn")).toBeNull();
    expect(await storedListPage(db, pages + 1, BUILD, ORIGIN)).toBeNull();
    expect((await unrenderedListPages(db, { buildId: "build-b", origin: ORIGIN })).pages).toHaveLength(pages);
  });

  it("serves none of them from the commit of a withdrawal on, refuses a page rendered before it, and lists them all again", async () => {
    const before = await renderAll();
    const id = published[3]!;
    await db
      .update(publications)
      .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: "测试" })
      .where(eq(publications.id, id))
      .run();
    const after = await readPublicSiteVersion(db);
    expect(after).not.toBe(before);
    for (let p = 1; p <= 2; p++) expect(await storedListPage(db, p, BUILD, ORIGIN)).toBeNull();
    // An instance rendering page 1 while the withdrawal committed: its page may still list the withdrawn reply.
    expect(await storeListPage(db, listPage(1, before, "<p>旧目录</p>"))).toBe(false);
    const { siteVersion, pages } = await unrenderedListPages(db, { buildId: BUILD, origin: ORIGIN });
    expect(siteVersion).toBe(after);
    expect(pages).toEqual(Array.from({ length: Math.ceil((await publishedCount()) / PUBLIC_PAGE_SIZE) }, (_, i) => i + 1));
    await renderAll();
    expect((await storedListPage(db, 1, BUILD, ORIGIN))?.etag).toBe(`W/"${BUILD}.l1.v${after}"`);
    await db
      .update(publications)
      .set({ status: "published", withdrawnAt: null, withdrawnReason: null })
      .where(eq(publications.id, id))
      .run();
    expect(await storedListPage(db, 1, BUILD, ORIGIN)).toBeNull();
  });

  it.runIf(databaseEngine() === "postgresql")(
    "on PostgreSQL reads the stored pages through statements prepared once per connection, by name",
    async () => {
      await renderAll();
      for (let i = 0; i < 3; i++) {
        expect(await storedListPage(db, 1, BUILD, ORIGIN)).not.toBeNull();
        expect(await storedPage(db, published[0]!, BUILD, ORIGIN)).not.toBeNull();
      }
      // node-postgres's pool hands the connection just released to the next query: the one that ran the reads.
      const prepared = await db.all<{ name: string }>(sql`select name from pg_prepared_statements order by name`);
      expect(prepared.map((p) => p.name)).toEqual(expect.arrayContaining(["stored_list_page", "stored_reply_page"]));
    },
  );

  it("serves none of them once a change the triggers do not see moves the version by hand (a renamed unit)", async () => {
    await renderAll();
    expect(await storedListPage(db, 1, BUILD, ORIGIN)).not.toBeNull();
    await movePublicSiteVersion(db);
    expect(await storedListPage(db, 1, BUILD, ORIGIN)).toBeNull();
    await renderAll();
    expect(await storedListPage(db, 1, BUILD, ORIGIN)).not.toBeNull();
  });
});
