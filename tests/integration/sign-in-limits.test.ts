import { asc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, type Db } from "@/db/client";
import { openAt } from "./open-at";
import { attemptSignIn, verifyCredentials, type SignInAttempt } from "@/db/queries/credentials";
import { events, signInFailures, users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { ACCOUNT_LIMIT, DEFAULT_ADDRESS_LIMIT, type AddressLimit } from "@/lib/sign-in-limits";
import { tempDatabase } from "./temp-db";

let cleanup = () => {};
afterEach(() => cleanup());

const PASSWORD = "Lan-hua-2026";
const T0 = new Date("2026-03-02T01:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const SMALL: AddressLimit = { maxFailures: 3, windowMinutes: 15 };
const ATTACKER = "203.0.113.7";

async function setup() {
  const t = await tempDatabase();
  cleanup = t.cleanup;
  const passwordHash = await hashPassword(PASSWORD);
  const user = await t.db
    .insert(users)
    .values({ username: "jiangmj", passwordHash, displayName: "蒋明杰", role: "handler" })
    .returning()
    .get();
  return { ...t, user };
}

const attempt = async (db: Db, username: string, password: string, address: string | null, now = T0, limit = SMALL) =>
  attemptSignIn(db, { username, password, address }, now, limit);

const actions = async (db: Db) => db.select().from(events).orderBy(asc(events.id)).all();
const reasons = (results: SignInAttempt[]) => results.map((r) => (r.ok ? "ok" : r.reason));

// Every password check is a real argon2id hash (tens to hundreds of milliseconds each).
describe("the per-address limit", { timeout: 60_000 }, () => {
  it(`refuses an address after ${DEFAULT_ADDRESS_LIMIT.maxFailures} failures in ${DEFAULT_ADDRESS_LIMIT.windowMinutes} minutes, whatever the account`, async () => {
    const { db } = await setup();
    const results: SignInAttempt[] = [];
    // Spread over names, so that no account lock gets in the way.
    for (let i = 0; i < DEFAULT_ADDRESS_LIMIT.maxFailures; i++)
      results.push(await attempt(db, `guess${i}`, "nope", ATTACKER, at(i / 2), DEFAULT_ADDRESS_LIMIT));
    expect(reasons(results)).toEqual(Array(DEFAULT_ADDRESS_LIMIT.maxFailures).fill("invalid"));
    const logged = (await actions(db)).length;
    // Refused now, for an unknown name and for a real account with its right password alike, and the account is not consulted.
    const later = at(DEFAULT_ADDRESS_LIMIT.maxFailures / 2);
    expect(await attempt(db, "nobody", "x", ATTACKER, later, DEFAULT_ADDRESS_LIMIT)).toEqual({
      ok: false,
      reason: "throttled",
      retryMinutes: 5,
    });
    expect(await attempt(db, "jiangmj", PASSWORD, ATTACKER, later, DEFAULT_ADDRESS_LIMIT)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await actions(db)).toHaveLength(logged);
    // Another address is not affected.
    expect((await attempt(db, "jiangmj", PASSWORD, "198.51.100.9", later, DEFAULT_ADDRESS_LIMIT)).ok).toBe(true);
  });

  it("lets the address in again once its failures are older than the window", async () => {
    const { db } = await setup();
    for (const minute of [0, 1, 2]) await attempt(db, "jiangmj", "wrong", ATTACKER, at(minute));
    expect(await attempt(db, "jiangmj", PASSWORD, ATTACKER, at(3))).toEqual({ ok: false, reason: "throttled", retryMinutes: 12 });
    expect(await attempt(db, "jiangmj", PASSWORD, ATTACKER, at(14.9))).toMatchObject({ reason: "throttled" });
    expect((await attempt(db, "jiangmj", PASSWORD, ATTACKER, at(15))).ok).toBe(true);
  });

  it("does not count successful sign-ins, and a success does not wipe the failures", async () => {
    const { db } = await setup();
    await attempt(db, "jiangmj", "wrong", ATTACKER, at(0));
    for (let i = 0; i < 5; i++) expect((await attempt(db, "jiangmj", PASSWORD, ATTACKER, at(1))).ok).toBe(true);
    await attempt(db, "nobody", "wrong", ATTACKER, at(2));
    await attempt(db, "nobody2", "wrong", ATTACKER, at(2));
    expect(await attempt(db, "jiangmj", PASSWORD, ATTACKER, at(3))).toMatchObject({ reason: "throttled" });
  });

  it("keeps its count in the database: a restart does not reset it", async () => {
    const { db, location } = await setup();
    for (const name of ["a1", "a2", "a3"]) await attempt(db, name, "wrong", ATTACKER);
    void closeDatabase(db);
    const reopened = openAt(location);
    try {
      expect(await attempt(reopened, "jiangmj", PASSWORD, ATTACKER, at(1))).toMatchObject({ ok: false, reason: "throttled" });
    } finally {
      void closeDatabase(reopened);
    }
  });

  it("lets through no more attempts than the limit when they come all at once", async () => {
    const { db } = await setup();
    const results = await Promise.all(Array.from({ length: 12 }, async (_, i) => attempt(db, `x${i}`, "wrong", ATTACKER)));
    expect(reasons(results).filter((r) => r === "invalid")).toHaveLength(SMALL.maxFailures);
    expect(reasons(results).filter((r) => r === "throttled")).toHaveLength(12 - SMALL.maxFailures);
    expect((await actions(db)).filter((e) => e.action === "sign_in_failed")).toHaveLength(SMALL.maxFailures);
  });

  it("logs the block once, with the address and the name tried", async () => {
    const { db } = await setup();
    for (let i = 0; i < 6; i++) await attempt(db, `n${i}`, "wrong", ATTACKER);
    const blocked = (await actions(db)).filter((e) => e.action === "sign_in_ip_blocked");
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({
      actorId: null,
      proposalId: null,
      data: { address: ATTACKER, failures: 3, windowMinutes: 15, username: "n2" },
    });
  });

  it("forgets old failures as new ones come", async () => {
    const { db } = await setup();
    await attempt(db, "a", "wrong", ATTACKER, at(0));
    await attempt(db, "b", "wrong", "198.51.100.1", at(0));
    await attempt(db, "c", "wrong", ATTACKER, at(20));
    expect((await db.select().from(signInFailures).all()).map((r) => r.address)).toEqual([ATTACKER]);
  });

  it("does not limit when the address cannot be told (the account lock still holds)", async () => {
    const { db } = await setup();
    const results: SignInAttempt[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++) results.push(await attempt(db, "jiangmj", "wrong", null));
    expect(reasons(results)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    expect(await db.select().from(signInFailures).all()).toEqual([]);
  });
});

describe("account lockout without telling whether the account exists", { timeout: 60_000 }, () => {
  it("answers a real account and an unknown name with the same sequence, and locks both", async () => {
    const { db, user } = await setup();
    const sequence = async (name: string) => {
      const out: string[] = [];
      for (let i = 0; i < ACCOUNT_LIMIT.maxFailures + 2; i++) out.push(reasons([await verifyCredentials(db, name, "wrong", at(i))])[0]!);
      out.push(reasons([await verifyCredentials(db, name, "wrong", at(ACCOUNT_LIMIT.lockMinutes + 5))])[0]!);
      return out;
    };
    const expected = ["invalid", "invalid", "invalid", "invalid", "locked", "locked", "locked", "invalid"];
    expect(await sequence("jiangmj")).toEqual(expected);
    expect(await sequence("nobody")).toEqual(expected);
    // A disabled account too.
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id)).run();
    await db
      .insert(users)
      .values({ username: "disabled", passwordHash: await hashPassword(PASSWORD), displayName: "停用", role: "handler", disabled: true })
      .run();
    expect(await sequence("disabled")).toEqual(expected);
  });

  it("counts an account's failures right when they come at once", async () => {
    const { db, user } = await setup();
    const results = await Promise.all(Array.from({ length: 4 }, async () => verifyCredentials(db, "jiangmj", "wrong", T0)));
    expect(reasons(results)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect((await db.select({ n: users.failedLogins }).from(users).where(eq(users.id, user.id)).get())?.n).toBe(4);
  });
});

describe("sign-in events", { timeout: 60_000 }, () => {
  it("log each sign-in, failure, lockout and locked attempt with the name tried and the address, never the password", async () => {
    const { db, user } = await setup();
    expect((await attempt(db, "jiangmj", PASSWORD, ATTACKER, T0, DEFAULT_ADDRESS_LIMIT)).ok).toBe(true);
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++)
      await attempt(db, "jiangmj", `Secret-guess-${i}`, ATTACKER, T0, DEFAULT_ADDRESS_LIMIT);
    await attempt(db, "jiangmj", PASSWORD, "198.51.100.9", at(1), DEFAULT_ADDRESS_LIMIT);
    await attempt(db, "nobody", "Secret-guess-x", ATTACKER, at(2), DEFAULT_ADDRESS_LIMIT);
    const log = await actions(db);
    expect(log.map((e) => e.action)).toEqual([
      "sign_in",
      "sign_in_failed",
      "sign_in_failed",
      "sign_in_failed",
      "sign_in_failed",
      "sign_in_failed",
      "account_locked",
      "sign_in_locked",
      "sign_in_failed",
    ]);
    expect(log[0]).toMatchObject({ actorId: user.id, data: { username: "jiangmj", address: ATTACKER } });
    expect(log[1]).toMatchObject({ actorId: user.id, data: { username: "jiangmj", address: ATTACKER, failures: 1 } });
    expect(log[6]).toMatchObject({
      actorId: user.id,
      data: { username: "jiangmj", address: ATTACKER, minutes: ACCOUNT_LIMIT.lockMinutes },
    });
    expect(log[7]).toMatchObject({ actorId: user.id, data: { username: "jiangmj", address: "198.51.100.9" } });
    expect(log[8]).toMatchObject({ actorId: null, data: { username: "nobody", address: ATTACKER, failures: 1 } });
    const stored = JSON.stringify(await db.all(sql`select * from events`));
    expect(stored).not.toMatch(/Secret-guess|Lan-hua/);
  });
});
