/**
 * The stored pages of published replies (db/schema/public-pages.ts, docs/decisions/014) and of the public catalogue
 * (docs/decisions/019): read by the front server for every visitor with the default display preferences, written by
 * the instance that renders them.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { now } from "../clock";
import { param, preparedRead } from "../prepared";
import { publicListPages, publicPageQueue, publicPages, publications, publicSiteVersion } from "../schema";
import { PUBLIC_PAGE_SIZE, publishedTotal } from "./public";
import { readPublicSiteVersion } from "./public-site-version";
import { anyQueued as anyInQueue, isQueued, takeFromQueue } from "./work-queue";

/** A stored page: its HTML gzip-compressed (as it was stored) and its ETag. */
export type StoredPage = { htmlGzip: Buffer; etag: string };

const pageQuery = preparedRead("stored_reply_page", (db: Db) =>
  db
    .select({ htmlGzip: publicPages.htmlGzip, etag: publicPages.etag })
    .from(publicPages)
    .where(
      and(
        eq(publicPages.publicationId, param("publicationId")),
        eq(publicPages.buildId, param("buildId")),
        eq(publicPages.origin, param("origin")),
      ),
    ),
);

/** The page stored for a publication, when it was rendered by this build for this origin; else null. */
export async function storedPage(db: Db, publicationId: number, buildId: string, origin: string): Promise<StoredPage | null> {
  return (await pageQuery(db).get({ publicationId, buildId, origin })) ?? null;
}

/**
 * Queues every published reply whose page this build has not rendered for this origin (an instance of a new build,
 * or on a new origin, starts so), or every published reply (`all`: a change that shows on every page, as a renamed
 * unit). Returns how many were queued.
 */
export async function queueUnrendered(db: Db, target: { buildId: string; origin: string } | "all"): Promise<number> {
  const current =
    target === "all"
      ? sql`true`
      : sql`not exists (select 1 from ${publicPages} pp where pp.publication_id = ${publications.id}
          and pp.build_id = ${target.buildId} and pp.origin = ${target.origin})`;
  const queued = await db
    .insert(publicPageQueue)
    .select(
      db
        .select({ publicationId: publications.id })
        .from(publications)
        .where(and(eq(publications.status, "published"), current)),
    )
    .onConflictDoNothing()
    .returning({ id: publicPageQueue.publicationId });
  return queued.length;
}

const PAGE_QUEUE = { table: publicPageQueue, id: publicPageQueue.publicationId };

/** Whether any reply's page waits in the queue (no write transaction). */
export const anyQueued = (db: Pick<Db, "select">) => anyInQueue(db, PAGE_QUEUE);

/**
 * Takes up to `limit` publications off the queue, newest first (the likeliest to be visited), each by one instance. One
 * that dies before storing leaves its pages unrendered until an instance starts again; they are served by rendering
 * meanwhile.
 */
export const takeQueued = (db: Db, limit: number) => takeFromQueue(db, PAGE_QUEUE, limit);

/**
 * Stores a rendered page, unless its publication changed since it was taken off the queue (it is queued again, or no
 * longer published): that page may show what is gone. Write transactions follow one another on both engines, so
 * a withdrawal commits wholly before or after this check and store. Returns whether it was stored.
 */
export async function storePage(db: Db, page: { publicationId: number; buildId: string; origin: string } & StoredPage): Promise<boolean> {
  return db.transaction(async (tx) => {
    const publication = await tx
      .select({ status: publications.status })
      .from(publications)
      .where(eq(publications.id, page.publicationId))
      .get();
    if (publication?.status !== "published") return false;
    if (await isQueued(tx, PAGE_QUEUE, page.publicationId)) return false;
    const values = { ...page, renderedAt: now() };
    await tx.insert(publicPages).values(values).onConflictDoUpdate({ target: publicPages.publicationId, set: values }).run();
    return true;
  });
}

/** The site's version now, as a subquery (0 while no change has made its row). */
const siteVersionNow = sql`coalesce((select ${publicSiteVersion.version} from ${publicSiteVersion} where ${publicSiteVersion.id} = 1), 0)`;

const listPageQuery = preparedRead("stored_list_page", (db: Db) =>
  db
    .select({ htmlGzip: publicListPages.htmlGzip, etag: publicListPages.etag })
    .from(publicListPages)
    .where(
      and(
        eq(publicListPages.page, param("page")),
        eq(publicListPages.buildId, param("buildId")),
        eq(publicListPages.origin, param("origin")),
        eq(publicListPages.siteVersion, siteVersionNow),
      ),
    ),
);

/**
 * A page of the catalogue as stored, when it was rendered by this build for this origin at the site's version of now;
 * else null. A publication, a withdrawal or any other change a public page shows moves the version in its own
 * transaction, so a page rendered before it is never answered after its commit.
 */
export async function storedListPage(db: Db, page: number, buildId: string, origin: string): Promise<StoredPage | null> {
  return (await listPageQuery(db).get({ page, buildId, origin })) ?? null;
}

/** The site's version now and the catalogue's pages without a page stored for it by this build for this origin. */
export async function unrenderedListPages(
  db: Db,
  target: { buildId: string; origin: string },
): Promise<{ siteVersion: number; pages: number[] }> {
  const siteVersion = await readPublicSiteVersion(db);
  const count = Math.max(1, Math.ceil((await publishedTotal(db, {})) / PUBLIC_PAGE_SIZE));
  const stored = await db
    .select({ page: publicListPages.page })
    .from(publicListPages)
    .where(
      and(
        eq(publicListPages.siteVersion, siteVersion),
        eq(publicListPages.buildId, target.buildId),
        eq(publicListPages.origin, target.origin),
      ),
    )
    .all();
  const have = new Set(stored.map((r) => r.page));
  const pages: number[] = [];
  for (let page = 1; page <= count; page++) if (!have.has(page)) pages.push(page);
  return { siteVersion, pages };
}

/**
 * Stores a page of the catalogue rendered at `siteVersion`, unless the version has moved since (the page may list a
 * withdrawn reply or miss a new one). Write transactions follow one another on both engines, so a change that moves
 * the version commits wholly before or after this check and store. Returns whether it was stored.
 */
export async function storeListPage(
  db: Db,
  page: { page: number; siteVersion: number; buildId: string; origin: string } & StoredPage,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await readPublicSiteVersion(tx)) !== page.siteVersion) return false;
    const values = { ...page, renderedAt: now() };
    await tx.insert(publicListPages).values(values).onConflictDoUpdate({ target: publicListPages.page, set: values }).run();
    return true;
  });
}
