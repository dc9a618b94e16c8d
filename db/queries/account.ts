import { eq, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/password";
import { isLocked, lockedMessage } from "@/lib/sign-in-limits";
import type { ChangePasswordInput } from "@/lib/validation/account";
import { passwordRepeatsUsername } from "@/lib/validation/password";
import type { Db } from "../client";
import { users } from "../schema";
import { recordWrongPassword, type AttemptOrigin } from "./credentials";
import { logEvent } from "./events";

export type PasswordChange = { ok: true } | { ok: false; field: "currentPassword" | "password"; error: string };

/**
 * A user changes their own password. The current password is checked like a sign-in's: a wrong one
 * counts towards the account's lock and is audited, and while the account is locked none is checked,
 * so that a session cannot be used to guess the password. On success the session version is bumped,
 * so every session of the account (this one included) ends and the user signs in again.
 */
export async function changeOwnPassword(
  db: Db,
  userId: number,
  input: ChangePasswordInput,
  now = new Date(),
  origin: AttemptOrigin = {},
): Promise<PasswordChange> {
  const address = origin.address ?? null;
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user?.passwordHash) return { ok: false, field: "currentPassword", error: WRONG_PASSWORD };
  if (isLocked(user, now)) {
    await logEvent(db, { action: "password_change_locked", actorId: userId, data: { address } });
    return { ok: false, field: "currentPassword", error: lockedMessage() };
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const next = await recordWrongPassword(db, userId, now, "password_change_failed", { address });
    return { ok: false, field: "currentPassword", error: next.lockedNow ? lockedMessage() : WRONG_PASSWORD };
  }
  if (passwordRepeatsUsername(input.password, user.username)) return { ok: false, field: "password", error: "密码不能与用户名相同" };
  const hash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        mustChangePassword: false,
        failedLogins: 0,
        lockedUntil: null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, userId))
      .run();
    await logEvent(tx, { action: "password_change", actorId: userId });
  });
  return { ok: true };
}

const WRONG_PASSWORD = "当前密码不正确";

/** One mail per notice, or one digest a day. */
export async function setEmailDigest(db: Db, userId: number, digest: boolean): Promise<void> {
  await db.update(users).set({ emailDigest: digest }).where(eq(users.id, userId)).run();
}

export async function emailPreference(db: Db, userId: number) {
  return db.select({ email: users.email, digest: users.emailDigest }).from(users).where(eq(users.id, userId)).get();
}
