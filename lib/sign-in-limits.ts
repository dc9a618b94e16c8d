/**
 * The limits on signing in, as pure rules (db/queries/credentials.ts keeps the counts in SQLite):
 *
 * - per account: after MAX_FAILURES wrong passwords in a row the account is locked for LOCK_MINUTES.
 *   Names with no usable account (unknown, disabled) are counted the same way, so that a lockout
 *   says nothing about whether the account exists.
 * - per network address: after `maxFailures` failed attempts within `windowMinutes` further
 *   attempts from that address are refused, without checking the password, until the oldest of
 *   them is older than the window. A successful sign-in does not reset the count: a person with one
 *   valid account could otherwise keep guessing the passwords of others.
 */

export const ACCOUNT_LIMIT = { maxFailures: 5, lockMinutes: 15 } as const;

export type AddressLimit = { maxFailures: number; windowMinutes: number };

export const DEFAULT_ADDRESS_LIMIT: AddressLimit = { maxFailures: 20, windowMinutes: 15 };

/** A counter of consecutive failures with its lock, as kept on an account (or an unknown name). */
export type LockState = { failedLogins: number; lockedUntil: Date | null };

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/**
 * The state after one more wrong password. Reaching the limit locks the account and starts the count
 * again, so that after the lock the next wrong passwords are counted afresh.
 */
export function afterWrongPassword(state: LockState, now: Date): { state: LockState; lockedNow: boolean; failures: number } {
  const failures = state.failedLogins + 1;
  if (failures >= ACCOUNT_LIMIT.maxFailures) {
    return {
      state: { failedLogins: 0, lockedUntil: new Date(now.getTime() + ACCOUNT_LIMIT.lockMinutes * 60_000) },
      lockedNow: true,
      failures,
    };
  }
  return { state: { failedLogins: failures, lockedUntil: state.lockedUntil }, lockedNow: false, failures };
}

/** The start of the window in which an address's failures are counted. */
export function addressWindowStart(now: Date, limit: AddressLimit): Date {
  return new Date(now.getTime() - limit.windowMinutes * 60_000);
}

export type AddressDecision = { allowed: true } | { allowed: false; retryAt: Date };

/**
 * Whether an address may try to sign in now, given the times of its failures within the window
 * (any order). Refused once it has `maxFailures` of them, until enough have aged out of the window.
 */
export function addressDecision(failureTimes: readonly Date[], now: Date, limit: AddressLimit): AddressDecision {
  const start = addressWindowStart(now, limit).getTime();
  const recent = failureTimes
    .map((t) => t.getTime())
    .filter((t) => t > start)
    .sort((a, b) => b - a);
  if (recent.length < limit.maxFailures) return { allowed: true };
  // Allowed again when only maxFailures - 1 remain inside the window.
  const blocking = recent[limit.maxFailures - 1]!;
  return { allowed: false, retryAt: new Date(blocking + limit.windowMinutes * 60_000) };
}

/** Whole minutes until `retryAt`, at least 1, for the message shown. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}

/**
 * The address limit from the environment: SIGN_IN_ADDRESS_MAX_FAILURES (failures, default 20) and
 * SIGN_IN_ADDRESS_WINDOW_MINUTES (default 15). Values that are not positive whole numbers are ignored.
 */
export function addressLimitFromEnv(env: Record<string, string | undefined>): AddressLimit {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && value.trim() !== "" && Number.isSafeInteger(n) && n > 0 ? n : fallback;
  };
  return {
    maxFailures: positive(env.SIGN_IN_ADDRESS_MAX_FAILURES, DEFAULT_ADDRESS_LIMIT.maxFailures),
    windowMinutes: positive(env.SIGN_IN_ADDRESS_WINDOW_MINUTES, DEFAULT_ADDRESS_LIMIT.windowMinutes),
  };
}

/** What the sign-in form says when an address is refused; it names no account. */
export function addressRefusalMessage(minutes: number): string {
  return `此网络地址登录失败次数过多，已暂停登录，请 ${minutes} 分钟后再试。`;
}

export function lockedMessage(): string {
  return `密码错误次数过多，账户已锁定 ${ACCOUNT_LIMIT.lockMinutes} 分钟，请稍后再试或联系系统管理员。`;
}
