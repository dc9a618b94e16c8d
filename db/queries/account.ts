import { eq, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/password";
import type { ChangePasswordInput } from "@/lib/validation/account";
import { passwordRepeatsUsername } from "@/lib/validation/password";
import type { Db } from "../client";
import { users } from "../schema";
import { logEvent } from "./events";

export type PasswordChange = { ok: true } | { ok: false; field: "currentPassword" | "password"; error: string };

/**
 * A user changes their own password. The session version is bumped, so every session of the account
 * (this one included) ends and the user signs in again with the new password.
 */
export async function changeOwnPassword(db: Db, userId: number, input: ChangePasswordInput): Promise<PasswordChange> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: "currentPassword", error: "当前密码不正确" };
  }
  if (passwordRepeatsUsername(input.password, user.username)) return { ok: false, field: "password", error: "密码不能与用户名相同" };
  const hash = await hashPassword(input.password);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash: hash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    logEvent(tx, { action: "password_change", actorId: userId });
  });
  return { ok: true };
}

/** One mail per notice, or one digest a day. */
export function setEmailDigest(db: Db, userId: number, digest: boolean): void {
  db.update(users).set({ emailDigest: digest }).where(eq(users.id, userId)).run();
}

export function emailPreference(db: Db, userId: number) {
  return db.select({ email: users.email, digest: users.emailDigest }).from(users).where(eq(users.id, userId)).get();
}
