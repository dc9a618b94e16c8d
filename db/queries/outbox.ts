/**
 * Mail through the outbox: notices are queued in the same database as the notifications and sent by
 * the worker (server/mail-sender.ts) with retries, so a mail server that is down loses nothing.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { digestMail, nextAttemptAfter, noticeMail, SMTP_DISABLED, type SmtpSettings } from "@/lib/mail";
import type { Db } from "../client";
import { emailOutbox, notifications, settings, users } from "../schema";
import { now as clockNow } from "../clock";
import { logEvent } from "./events";

type Writer = Pick<Db, "select" | "insert" | "update">;

export async function smtpSettings(db: Pick<Db, "select">): Promise<SmtpSettings> {
  const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "smtp")).get();
  return { ...SMTP_DISABLED, ...((row?.value ?? {}) as Partial<SmtpSettings>) };
}

export async function saveSmtpSettings(db: Db, value: SmtpSettings, actorId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "smtp", value, updatedBy: actorId, updatedAt: clockNow() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: clockNow() } })
      .run();
    await logEvent(tx, { action: "settings_update", actorId, data: { smtp: { ...value, password: value.password ? "******" : null } } });
  });
}

/** Queues one mail per notice for users with an address who did not choose the daily digest. */
export async function queueNoticeMails(db: Writer, notices: { userId: number; message: string; link: string | null }[]): Promise<number> {
  const smtp = await smtpSettings(db);
  if (!smtp.enabled || notices.length === 0) return 0;
  const recipients = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          and(
            inArray(
              users.id,
              notices.map((n) => n.userId),
            ),
            isNotNull(users.email),
            eq(users.emailDigest, false),
            eq(users.disabled, false),
          ),
        )
        .all()
    ).map((u) => [u.id, u.email!]),
  );
  const mails = notices.flatMap((n) => {
    const to = recipients.get(n.userId);
    return to ? [{ toAddress: to, ...noticeMail(n.message, n.link, smtp.siteUrl) }] : [];
  });
  if (mails.length) await db.insert(emailOutbox).values(mails).run();
  return mails.length;
}

/** The China calendar day of an instant: a digest goes out at most once on each. */
const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Queues the daily digest for each user who chose it and has unread notices since the last one — once a
 * day however many mail workers run: each user's digest is decided in a transaction that reads the
 * user's last digest again (transactions that write follow one another on both engines).
 */
export async function queueDigests(db: Db, now = clockNow()): Promise<number> {
  const smtp = await smtpSettings(db);
  if (!smtp.enabled) return 0;
  let queued = 0;
  const readers = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.emailDigest, true), isNotNull(users.email), eq(users.disabled, false)))
    .all();
  for (const { id } of readers) {
    await db.transaction(async (tx) => {
      const u = await tx.select({ email: users.email, lastDigestAt: users.lastDigestAt }).from(users).where(eq(users.id, id)).get();
      if (!u?.email || (u.lastDigestAt && chinaDay(u.lastDigestAt) === chinaDay(now))) return;
      const unread = await tx
        .select({ message: notifications.message, link: notifications.link })
        .from(notifications)
        .where(and(eq(notifications.userId, id), isNull(notifications.readAt), gt(notifications.createdAt, u.lastDigestAt ?? new Date(0))))
        .orderBy(asc(notifications.id))
        .all();
      if (unread.length) {
        await tx
          .insert(emailOutbox)
          .values({ toAddress: u.email, ...digestMail(unread, smtp.siteUrl) })
          .run();
        queued++;
      }
      await tx.update(users).set({ lastDigestAt: now }).where(eq(users.id, id)).run();
    });
  }
  return queued;
}

export type Mail = { to: string; subject: string; text: string };

/**
 * How long a worker holds the mails it took before another worker may take them again: longer than any
 * send takes (nodemailer gives up on a connection after 2 minutes), so a mail is sent twice only when its
 * worker died after the SMTP server accepted it and before it was marked sent.
 */
export const CLAIM_MS = 5 * 60_000;

/** Takes up to `limit` due mails for this worker: they are not due for any other until CLAIM_MS has passed. */
async function claimDue(db: Db, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const ids = (
      await tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now)))
        .orderBy(asc(emailOutbox.id))
        .limit(limit)
        .all()
    ).map((m) => m.id);
    if (ids.length === 0) return [];
    const claimed = await tx
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
      .where(inArray(emailOutbox.id, ids))
      .returning()
      .all();
    return claimed.sort((a, b) => a.id - b.id);
  });
}

/**
 * Sends what is due, each mail by one worker however many run (claimDue). A failure keeps the mail with a
 * later next attempt; after the last retry it is marked failed. Returns how many were sent and how many
 * failed this time.
 */
export async function deliverOutbox(db: Db, send: (mail: Mail) => Promise<void>, now = clockNow(), limit = 50) {
  const due = await claimDue(db, now, limit);
  let sent = 0;
  let failed = 0;
  for (const mail of due) {
    try {
      await send({ to: mail.toAddress, subject: mail.subject, text: mail.body });
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: clockNow(), attempts: mail.attempts + 1, lastError: null })
        .where(eq(emailOutbox.id, mail.id))
        .run();
      sent++;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const next = nextAttemptAfter(attempts, now);
      await db
        .update(emailOutbox)
        .set({
          attempts,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          ...(next ? { nextAttemptAt: next } : { status: "failed" as const }),
        })
        .where(eq(emailOutbox.id, mail.id))
        .run();
      failed++;
    }
  }
  return { sent, failed };
}
