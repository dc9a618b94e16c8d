/**
 * The stored pages of published replies (db/schema/public-pages.ts, docs/decisions/014): read by the front server
 * for every visitor with the default display preferences, written by the instance that takes a publication from the
 * queue and renders it.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { now } from "../clock";
import { param, preparedOnce } from "../prepared";
import { publicPageQueue, publicPages, publications } from "../schema";

export type StoredPage = { html: string; etag: string };

const pageQuery = preparedOnce((db: Db) =>
  db
    .select({ html: publicPages.html, etag: publicPages.etag })
    .from(publicPages)
    .where(
      and(
        eq(publicPages.publicationId, param("publicationId")),
        eq(publicPages.buildId, param("buildId")),
        eq(publicPages.origin, param("origin")),
      ),
    )
    .prepare(),
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

/** Up to `limit` queued publications, newest first (the likeliest to be visited). */
async function queued(db: Pick<Db, "select">, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: publicPageQueue.publicationId })
    .from(publicPageQueue)
    .orderBy(sql`${publicPageQueue.publicationId} desc`)
    .limit(limit)
    .all();
  return rows.map((r) => r.id);
}

/**
 * Takes up to `limit` publications off the queue, newest first. Each is taken by one instance: the delete is the
 * claim. An empty queue is seen without a write transaction (instances look every second, and write transactions
 * follow one another). One that dies before storing leaves its pages unrendered until an instance starts again;
 * they are served by rendering meanwhile.
 */
export async function takeQueued(db: Db, limit: number): Promise<number[]> {
  if ((await queued(db, 1)).length === 0) return [];
  return db.transaction(async (tx) => {
    const ids = await queued(tx, limit);
    if (ids.length > 0) await tx.delete(publicPageQueue).where(inArray(publicPageQueue.publicationId, ids)).run();
    return ids;
  });
}

/**
 * Stores a rendered page, unless its publication changed since it was taken off the queue (it is queued again, or no
 * longer published): that page may show what is gone. Write transactions follow one another on both engines, so
 * a withdrawal commits wholly before or after this check and store. Returns whether it was stored.
 */
export async function storePage(
  db: Db,
  page: { publicationId: number; buildId: string; origin: string; html: string; etag: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const publication = await tx
      .select({ status: publications.status })
      .from(publications)
      .where(eq(publications.id, page.publicationId))
      .get();
    if (publication?.status !== "published") return false;
    const requeued = await tx
      .select({ id: publicPageQueue.publicationId })
      .from(publicPageQueue)
      .where(eq(publicPageQueue.publicationId, page.publicationId))
      .get();
    if (requeued) return false;
    const values = { ...page, renderedAt: now() };
    await tx.insert(publicPages).values(values).onConflictDoUpdate({ target: publicPages.publicationId, set: values }).run();
    return true;
  });
}
