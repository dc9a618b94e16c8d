import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/authz";
import { verifyPassword } from "@/lib/password";
import type { Db } from "../client";
import { users } from "../schema";
import { logEvent } from "./events";

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type SignedInUser = Actor & { displayName: string; sessionVersion: number };
export type CredentialCheck = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a username and password. Every outcome is logged; wrong passwords count towards a lockout.
 * Unknown and disabled accounts answer exactly like a wrong password, so names cannot be probed.
 */
export async function verifyCredentials(db: Db, username: string, password: string, now = new Date()): Promise<CredentialCheck> {
  const user = db.select().from(users).where(eq(users.username, username)).get();
  if (!user || user.disabled || !user.passwordHash) {
    // Spend the same time as a real check so that response time does not reveal the account.
    await verifyPassword(DUMMY_HASH, password);
    logEvent(db, { action: "sign_in_failed", data: { username: username.slice(0, 64) } });
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    logEvent(db, { action: "sign_in_locked", actorId: user.id });
    return { ok: false, reason: "locked" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    db.update(users)
      .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock })
      .where(eq(users.id, user.id))
      .run();
    logEvent(db, { action: "sign_in_failed", actorId: user.id, data: { failures } });
    return { ok: false, reason: lock ? "locked" : "invalid" };
  }
  db.update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id))
    .run();
  logEvent(db, { action: "sign_in", actorId: user.id });
  return {
    ok: true,
    user: {
      id: user.id,
      role: user.role,
      unitId: user.unitId,
      displayName: user.displayName,
      sessionVersion: user.sessionVersion,
    },
  };
}

/** The live state of a signed-in user, re-read on every request so that disabling takes effect at once. */
export function loadSessionUser(db: Db, id: number) {
  return db
    .select({
      id: users.id,
      role: users.role,
      unitId: users.unitId,
      displayName: users.displayName,
      title: users.title,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, id))
    .get();
}

export function bumpSessionVersion(db: Pick<Db, "update">, userId: number) {
  db.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}

// argon2id hash of a random string, used only to equalise timing for unknown accounts.
const DUMMY_HASH =
  "$argon2id$v=19$m=65536,t=3,p=4$WbOIhr+2KkiFWYsAaOOp/Q$2M4JjH1IsHAkio4ohwPuDVj27oT5gEFKDORZZgvFmKk";
