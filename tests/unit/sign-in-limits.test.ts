import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, trustedProxyCount } from "@/lib/client-address";
import {
  ACCOUNT_LIMIT,
  addressDecision,
  addressLimitFromEnv,
  addressRefusalMessage,
  afterWrongPassword,
  DEFAULT_ADDRESS_LIMIT,
  isLocked,
  minutesUntil,
} from "@/lib/sign-in-limits";

const T0 = new Date("2026-03-02T01:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("the account limit", () => {
  it(`locks after ${ACCOUNT_LIMIT.maxFailures} wrong passwords in a row, for ${ACCOUNT_LIMIT.lockMinutes} minutes, and counts afresh after`, () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < ACCOUNT_LIMIT.maxFailures; i++) {
      const step = afterWrongPassword(state, T0);
      expect(step).toMatchObject({ lockedNow: false, failures: i });
      state = step.state;
    }
    const locking = afterWrongPassword(state, T0);
    expect(locking).toEqual({
      lockedNow: true,
      failures: ACCOUNT_LIMIT.maxFailures,
      state: { failedLogins: 0, lockedUntil: at(ACCOUNT_LIMIT.lockMinutes) },
    });
    expect(isLocked(locking.state, at(ACCOUNT_LIMIT.lockMinutes - 1))).toBe(true);
    expect(isLocked(locking.state, at(ACCOUNT_LIMIT.lockMinutes))).toBe(false);
    expect(isLocked({ failedLogins: 3, lockedUntil: null }, T0)).toBe(false);
  });
});

describe("the address limit", () => {
  const limit = { maxFailures: 3, windowMinutes: 15 };

  it("allows fewer failures than the limit within the window", () => {
    expect(addressDecision([], T0, limit)).toEqual({ allowed: true });
    expect(addressDecision([at(-1), at(-2)], T0, limit)).toEqual({ allowed: true });
  });

  it("refuses at the limit until enough failures are older than the window", () => {
    const failures = [at(-10), at(-2), at(-5)];
    // The oldest of the three (10 minutes ago) leaves the window in 5 minutes.
    expect(addressDecision(failures, T0, limit)).toEqual({ allowed: false, retryAt: at(5) });
    expect(addressDecision(failures, at(5), limit)).toEqual({ allowed: true });
    // With more failures than the limit, the refusal lasts until only limit - 1 remain.
    expect(addressDecision([...failures, at(-1)], T0, limit)).toEqual({ allowed: false, retryAt: at(10) });
  });

  it("ignores failures older than the window", () => {
    expect(addressDecision([at(-15), at(-16), at(-30), at(-1)], T0, limit)).toEqual({ allowed: true });
  });

  it("reads its figures from the environment, ignoring nonsense", () => {
    expect(addressLimitFromEnv({})).toEqual(DEFAULT_ADDRESS_LIMIT);
    expect(DEFAULT_ADDRESS_LIMIT).toEqual({ maxFailures: 20, windowMinutes: 15 });
    expect(addressLimitFromEnv({ SIGN_IN_ADDRESS_MAX_FAILURES: "100", SIGN_IN_ADDRESS_WINDOW_MINUTES: "30" })).toEqual({
      maxFailures: 100,
      windowMinutes: 30,
    });
    for (const bad of ["0", "-3", "1.5", "abc", " ", "1e400"]) {
      expect(addressLimitFromEnv({ SIGN_IN_ADDRESS_MAX_FAILURES: bad }).maxFailures).toBe(20);
    }
  });

  it("says how long to wait in whole minutes and names no account", () => {
    expect(minutesUntil(at(4.2), T0)).toBe(5);
    expect(minutesUntil(at(-1), T0)).toBe(1);
    expect(addressRefusalMessage(12)).toBe("此网络地址登录失败次数过多，已暂停登录，请 12 分钟后再试。");
  });
});

describe("the client address", () => {
  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

  it("is the socket's address (left in X-Forwarded-For by the preload) when no proxy is trusted", () => {
    expect(clientAddress(headers("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(headers("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers("::1"), 0)).toBe("::1");
    expect(clientAddress(headers(), 0)).toBeNull();
  });

  it("behind N trusted proxies is the N-th entry from the right; what the client wrote further left is ignored", () => {
    expect(clientAddress(headers("1.1.1.1, 198.51.100.20"), 1)).toBe("198.51.100.20");
    expect(clientAddress(headers("1.1.1.1, 198.51.100.20, 10.0.0.2"), 2)).toBe("198.51.100.20");
    expect(clientAddress(headers("198.51.100.20"), 2)).toBe("198.51.100.20");
  });

  it("is null for something that is no address", () => {
    expect(clientAddress(headers("<script>"), 0)).toBeNull();
    expect(clientAddress(headers("' or 1=1 --"), 1)).toBeNull();
    expect(clientAddress(headers(" , "), 0)).toBeNull();
  });

  it("normalises ports, brackets and case", () => {
    expect(normaliseAddress("[2001:DB8::1]:8443")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:51234")).toBe("192.0.2.1");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("unknown")).toBeNull();
  });

  it("trusts proxies only when TRUST_PROXY says so", () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount("")).toBe(0);
    expect(trustedProxyCount("false")).toBe(0);
    expect(trustedProxyCount("0")).toBe(0);
    expect(trustedProxyCount("true")).toBe(1);
    expect(trustedProxyCount("2")).toBe(2);
    expect(trustedProxyCount("-1")).toBe(0);
  });
});
