import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Actor } from "@/lib/authz";
import type { Role } from "@/lib/domain";
import { ssoDecision, type SsoRefusal } from "@/lib/sso";
import { verifyPassword } from "@/lib/password";
import {
  ACCOUNT_LIMIT,
  addressDecision,
  addressWindowStart,
  afterWrongPassword,
  DEFAULT_ADDRESS_LIMIT,
  isLocked,
  minutesUntil,
  type AddressLimit,
} from "@/lib/sign-in-limits";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import { revokedSessions, signInFailures, signInUnknownNames, users } from "../schema";
import { logEvent } from "./events";

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = ACCOUNT_LIMIT.maxFailures;
export const LOCK_MINUTES = ACCOUNT_LIMIT.lockMinutes;

export type SignedInUser = Actor & { displayName: string; sessionVersion: number };
export type CredentialCheck = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "locked" | "password_disabled" };

/**
 * Where an attempt comes from: the client's network address, or null when it cannot be told; and whether
 * the account's role may sign in with a password at all (PASSWORD_SIGN_IN, lib/sso.ts; default: every role).
 */
export type AttemptOrigin = { address?: string | null; mayUsePassword?: (role: Role) => boolean };

/**
 * Checks a username and password. Every outcome is logged (the name tried and the address, never the
 * password); wrong passwords count towards a lockout. Unknown and disabled accounts answer exactly like
 * a wrong password, and are locked alike after as many tries, so that names cannot be probed.
 */
export async function verifyCredentials(
  db: Db,
  username: string,
  password: string,
  now = new Date(),
  origin: AttemptOrigin = {},
): Promise<CredentialCheck> {
  const tried = username.slice(0, 64);
  const address = origin.address ?? null;
  const user = await db.select().from(users).where(eq(users.username, username)).get();
  if (!user || user.disabled || !user.passwordHash) {
    const known = await db.select().from(signInUnknownNames).where(eq(signInUnknownNames.username, tried)).get();
    const state = { failedLogins: known?.failedLogins ?? 0, lockedUntil: known?.lockedUntil ?? null };
    if (isLocked(state, now)) {
      // The same time as for a locked account, which answers without checking the password.
      await logEvent(db, { action: "sign_in_locked", actorId: user?.id ?? null, data: { username: tried, address } });
      return { ok: false, reason: "locked" };
    }
    // Spend the same time as a real check so that response time does not reveal the account.
    await verifyPassword(DUMMY_HASH, password);
    // Counted on the state as it is now: another attempt may have counted while this one waited.
    const next = await db.transaction(async (tx) => {
      const fresh = await tx.select().from(signInUnknownNames).where(eq(signInUnknownNames.username, tried)).get();
      const next = afterWrongPassword({ failedLogins: fresh?.failedLogins ?? 0, lockedUntil: fresh?.lockedUntil ?? null }, now);
      await tx
        .insert(signInUnknownNames)
        .values({ username: tried, ...next.state, updatedAt: now })
        .onConflictDoUpdate({ target: signInUnknownNames.username, set: { ...next.state, updatedAt: now } })
        .run();
      await logEvent(tx, {
        action: "sign_in_failed",
        actorId: user?.id ?? null,
        data: { username: tried, address, failures: next.failures },
      });
      if (next.lockedNow)
        await logEvent(tx, {
          action: "account_locked",
          actorId: user?.id ?? null,
          data: { username: tried, address, minutes: LOCK_MINUTES },
        });
      return next;
    });
    return { ok: false, reason: next.lockedNow ? "locked" : "invalid" };
  }
  if (isLocked(user, now)) {
    await logEvent(db, { action: "sign_in_locked", actorId: user.id, data: { username: tried, address } });
    return { ok: false, reason: "locked" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const next = await recordWrongPassword(db, user.id, now, "sign_in_failed", { username: tried, address });
    return { ok: false, reason: next.lockedNow ? "locked" : "invalid" };
  }
  // Told only to whoever knows the password, so that it reveals nothing about the account to others.
  if (origin.mayUsePassword && !origin.mayUsePassword(user.role)) {
    await logEvent(db, {
      action: "sign_in_refused",
      actorId: user.id,
      data: { username: tried, address, via: "password", reason: "password_disabled" },
    });
    return { ok: false, reason: "password_disabled" };
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id)).run();
    await logEvent(tx, { action: "sign_in", actorId: user.id, data: { username: tried, address } });
  });
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

/**
 * One more wrong password of an account, at sign-in or as the current password on 修改密码 (one count,
 * one lock): counted on the account's state as it is now (another attempt may have counted while this
 * one was checked), locking it when the count reaches the limit. Logged as `action`, and the lock as
 * "account_locked", each with `data` (the name tried, the address).
 */
export async function recordWrongPassword(
  db: Db,
  userId: number,
  now: Date,
  action: "sign_in_failed" | "password_change_failed",
  data: Record<string, unknown>,
) {
  return db.transaction(async (tx) => {
    const fresh = (await tx
      .select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, userId))
      .get())!;
    const next = afterWrongPassword(fresh, now);
    await tx.update(users).set(next.state).where(eq(users.id, userId)).run();
    await logEvent(tx, { action, actorId: userId, data: { ...data, failures: next.failures } });
    if (next.lockedNow) await logEvent(tx, { action: "account_locked", actorId: userId, data: { ...data, minutes: LOCK_MINUTES } });
    return next;
  });
}

export type SignInAttempt = CredentialCheck | { ok: false; reason: "throttled"; retryMinutes: number };

/**
 * One sign-in attempt from the form: refused without looking at the account or the password while
 * its address has too many recent failures. Otherwise the attempt is counted against the address
 * before the (slow) password check, so that many attempts at once cannot all get through, and the
 * count is taken back when the password was right. The attempt that reaches the limit and fails is
 * logged once as "sign_in_ip_blocked"; the attempts refused after it are not logged one by one.
 */
export async function attemptSignIn(
  db: Db,
  input: { username: string; password: string; address: string | null; mayUsePassword?: (role: Role) => boolean },
  now = new Date(),
  limit: AddressLimit = DEFAULT_ADDRESS_LIMIT,
): Promise<SignInAttempt> {
  const { address } = input;
  let slot: { id: number; count: number } | null = null;
  if (address) {
    const reserved = await db.transaction(async (tx) => {
      const decision = addressDecision(await addressFailures(tx, address, now, limit), now, limit);
      if (!decision.allowed) return decision;
      await tx
        .delete(signInFailures)
        .where(lt(signInFailures.at, addressWindowStart(now, limit)))
        .run();
      const { id } = await tx.insert(signInFailures).values({ address, at: now }).returning({ id: signInFailures.id }).get();
      return { allowed: true as const, id, count: (await addressFailures(tx, address, now, limit)).length };
    });
    if (!reserved.allowed) return { ok: false, reason: "throttled", retryMinutes: minutesUntil(reserved.retryAt, now) };
    slot = reserved;
  }
  const check = await verifyCredentials(db, input.username, input.password, now, { address, mayUsePassword: input.mayUsePassword });
  if (!slot) return check;
  if (check.ok || check.reason === "password_disabled") {
    await db.delete(signInFailures).where(eq(signInFailures.id, slot.id)).run();
  } else if (slot.count === limit.maxFailures) {
    await logEvent(db, {
      action: "sign_in_ip_blocked",
      data: { address, failures: slot.count, windowMinutes: limit.windowMinutes, username: input.username.slice(0, 64) },
    });
  }
  return check;
}

export type SsoSignIn = { ok: true; user: SignedInUser } | { ok: false; reason: SsoRefusal };

/**
 * A sign-in through 统一身份认证: the identity platform has authenticated the person and named them by
 * the link claim's value (null: it sent none), which is this system's username. Refused for a value no
 * account has and for a disabled account; every outcome is logged as a password sign-in's is. The
 * password's lock does not apply: it guards against guessed passwords, and none was tried.
 */
export async function ssoSignIn(db: Db, input: { value: string | null; address: string | null }, now = new Date()): Promise<SsoSignIn> {
  const { value, address } = input;
  const user = value === null ? undefined : await db.select().from(users).where(eq(users.username, value)).get();
  const decision = ssoDecision(value, user ?? null);
  if (!decision.ok) {
    await logEvent(db, {
      action: "sign_in_refused",
      actorId: user?.id ?? null,
      data: { username: value, address, via: "sso", reason: decision.reason },
    });
    return decision;
  }
  const account = user!;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, account.id)).run();
    await logEvent(tx, { action: "sign_in", actorId: account.id, data: { username: value, address, via: "sso" } });
  });
  return {
    ok: true,
    user: {
      id: account.id,
      role: account.role,
      unitId: account.unitId,
      displayName: account.displayName,
      sessionVersion: account.sessionVersion,
    },
  };
}

/** The times of an address's failures within the window. */
async function addressFailures(db: Pick<Db, "select">, address: string, now: Date, limit: AddressLimit): Promise<Date[]> {
  return (
    await db
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(eq(signInFailures.address, address), gt(signInFailures.at, addressWindowStart(now, limit))))
      .all()
  ).map((r) => r.at);
}

/**
 * The live state of a signed-in user, re-read on every request so that disabling takes effect at once, and whether
 * the session was signed out: one statement (every signed-in request runs it; on PostgreSQL each is a round trip).
 */
const sessionUserQuery = preparedOnce((db: Db) =>
  db
    .select({
      id: users.id,
      role: users.role,
      unitId: users.unitId,
      canDivide: users.canDivide,
      displayName: users.displayName,
      title: users.title,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${param("sessionId")})`.mapWith(
        Boolean,
      ),
    })
    .from(users)
    .where(eq(users.id, param("id")))
    .prepare(),
);

/** The session as its token names it: the user, the account's session version, and the session's own id. */
export type SessionRef = { userId: number; sessionVersion: number; sessionId: string };

/**
 * The user a session belongs to, or null when the session no longer holds: the account is gone or
 * disabled, its password was changed or reset since the session began (the session version moved on),
 * or the session was signed out.
 */
export async function liveSessionUser(db: Db, session: SessionRef) {
  const found = await sessionUserQuery(db).get({ id: session.userId, sessionId: session.sessionId });
  if (!found || found.disabled || found.sessionVersion !== session.sessionVersion || found.revoked) return null;
  const { revoked: _, ...row } = found;
  return row;
}

/**
 * Ends one session before its token expires: the token stays refused until then. Rows of tokens that
 * have expired by now are deleted on the way. True when the session was live until now.
 */
export async function revokeSession(db: Db, sessionId: string, expiresAt: Date, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)).run();
    const inserted = await tx
      .insert(revokedSessions)
      .values({ sessionId, expiresAt })
      .onConflictDoNothing()
      .returning({ sessionId: revokedSessions.sessionId });
    return inserted.length === 1;
  });
}

export async function bumpSessionVersion(db: Pick<Db, "update">, userId: number) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}

// argon2id hash of a random string, used only to equalise timing for unknown accounts.
const DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$WbOIhr+2KkiFWYsAaOOp/Q$2M4JjH1IsHAkio4ohwPuDVj27oT5gEFKDORZZgvFmKk";
