import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { publicSiteVersion } from "../schema";

/**
 * The public site's version (issue 21): the triggers on publications move it (migrations 0018 / pg 0005), and so
 * does any other change that shows on public pages (a renamed unit, a sealed scan). Every instance's public pages carry
 * it in their ETag (server/public-pages.ts), so a copy kept by a browser or a shared cache is replaced once it moves,
 * whichever instance or script made the change.
 */
export async function readPublicSiteVersion(db: Pick<Db, "select">): Promise<number> {
  const row = await db.select({ version: publicSiteVersion.version }).from(publicSiteVersion).get();
  return row?.version ?? 0;
}

/** A change the triggers do not see moves the version by hand (an upsert: a migrated database has no row). */
export async function movePublicSiteVersion(db: Pick<Db, "insert">): Promise<void> {
  await db
    .insert(publicSiteVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: publicSiteVersion.id, set: { version: sql`${publicSiteVersion.version} + 1` } })
    .run();
}
