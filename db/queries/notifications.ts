import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { NoticeSubject } from "@/lib/notices";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import { notifications, proposals, sessions, units } from "../schema";
import { now } from "../clock";

/** What a notice about the proposal names it by (lib/notices.ts noticeMessage). */
export async function noticeSubject(db: Pick<Db, "select">, proposalId: number): Promise<NoticeSubject | null> {
  return (
    (await db
      .select({ number: proposals.number, title: proposals.title, kind: sessions.kind })
      .from(proposals)
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .where(eq(proposals.id, proposalId))
      .get()) ?? null
  );
}

/**
 * What the header of every signed-in page shows besides the user: the unread notices and, for unit staff, the unit's
 * short name. One statement (a round trip on PostgreSQL, on every page).
 */
const headerQuery = preparedOnce((db: Db) =>
  db
    .select({
      unread: count(),
      unitShortName: sql<string | null>`(select ${units.shortName} from ${units} where ${units.id} = ${param("unitId")})`,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, param("userId")), isNull(notifications.readAt)))
    .prepare(),
);

export async function signedInHeader(
  db: Db,
  user: { id: number; unitId: number | null },
): Promise<{ unread: number; unitShortName: string | null }> {
  const row = await headerQuery(db).get({ userId: user.id, unitId: user.unitId });
  return { unread: row?.unread ?? 0, unitShortName: row?.unitShortName ?? null };
}

export async function listNotifications(db: Db, userId: number, limit = 100) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit).all();
}

/** Marks one of the user's own notifications read and returns where it points; null when it is not theirs. */
export async function openNotification(db: Db, userId: number, id: number): Promise<string | null> {
  const row = await db
    .update(notifications)
    .set({ readAt: now() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ link: notifications.link })
    .get();
  return row ? (row.link ?? "/") : null;
}

export async function markAllRead(db: Db, userId: number): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run();
}
