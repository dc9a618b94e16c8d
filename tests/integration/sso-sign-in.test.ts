import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { attemptSignIn, ssoSignIn, verifyCredentials } from "@/db/queries/credentials";
import { events, users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { tempDatabase } from "./temp-db";

let cleanup = async () => {};
afterEach(() => cleanup());

async function withUsers() {
  const t = await tempDatabase();
  cleanup = t.cleanup;
  const passwordHash = await hashPassword("demo-2026");
  const [handler, admin] = await t.db
    .insert(users)
    .values([
      { username: "jiangmj", passwordHash, displayName: "蒋明杰", role: "handler", sessionVersion: 3 },
      { username: "admin", passwordHash, displayName: "系统管理员", role: "admin" },
      { username: "cxfwzx", passwordHash, displayName: "创新服务中心承办人", role: "handler", disabled: true },
    ])
    .returning()
    .all();
  const log = async () => (await t.db.select().from(events).all()).map((e) => ({ action: e.action, actorId: e.actorId, data: e.data }));
  return { ...t, handler: handler!, admin: admin!, log };
}

describe("single sign-on (统一身份认证)", () => {
  it("signs the linked account in as a password would (same user, same session version) and logs it as such", async () => {
    const { db, handler, log } = await withUsers();
    const now = new Date("2026-12-06T02:00:00Z");
    expect(await ssoSignIn(db, { value: "jiangmj", address: "10.1.2.3" }, now)).toEqual({
      ok: true,
      user: { id: handler.id, role: "handler", unitId: null, displayName: "蒋明杰", sessionVersion: 3 },
    });
    expect((await db.select().from(users).where(eq(users.id, handler.id)).get())?.lastLoginAt).toEqual(now);
    expect(await log()).toEqual([
      { action: "sign_in", actorId: handler.id, data: { username: "jiangmj", address: "10.1.2.3", via: "sso" } },
    ]);
  });

  it("refuses an unknown name, a disabled account and a missing claim, and logs each refusal", async () => {
    const { db, log } = await withUsers();
    expect(await ssoSignIn(db, { value: "zhangsan", address: null })).toEqual({ ok: false, reason: "unknown" });
    expect(await ssoSignIn(db, { value: "cxfwzx", address: null })).toEqual({ ok: false, reason: "disabled" });
    expect(await ssoSignIn(db, { value: null, address: null })).toEqual({ ok: false, reason: "missing_claim" });
    const disabledId = (await db.select().from(users).where(eq(users.username, "cxfwzx")).get())!.id;
    expect(await log()).toEqual([
      { action: "sign_in_refused", actorId: null, data: { username: "zhangsan", address: null, via: "sso", reason: "unknown" } },
      { action: "sign_in_refused", actorId: disabledId, data: { username: "cxfwzx", address: null, via: "sso", reason: "disabled" } },
      { action: "sign_in_refused", actorId: null, data: { username: null, address: null, via: "sso", reason: "missing_claim" } },
    ]);
  });

  it("is not stopped by the password's lock, which guards only against guessed passwords", async () => {
    const { db, handler } = await withUsers();
    await db
      .update(users)
      .set({ failedLogins: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) })
      .where(eq(users.id, handler.id))
      .run();
    expect((await ssoSignIn(db, { value: "jiangmj", address: null })).ok).toBe(true);
  });
});

describe("password sign-in kept to some roles (PASSWORD_SIGN_IN)", () => {
  const adminOnly = (role: string) => role === "admin";

  it("refuses a handler's right password with its own reason, logged, and still lets the administrator in", async () => {
    const { db, handler, admin, log } = await withUsers();
    expect(await verifyCredentials(db, "jiangmj", "demo-2026", new Date(), { mayUsePassword: adminOnly })).toEqual({
      ok: false,
      reason: "password_disabled",
    });
    expect((await verifyCredentials(db, "admin", "demo-2026", new Date(), { mayUsePassword: adminOnly })).ok).toBe(true);
    expect((await log()).map((e) => [e.action, e.actorId])).toEqual([
      ["sign_in_refused", handler.id],
      ["sign_in", admin.id],
    ]);
  });

  it("says nothing about the rule to a wrong password: that is a wrong password as always", async () => {
    const { db } = await withUsers();
    expect(await verifyCredentials(db, "jiangmj", "guess", new Date(), { mayUsePassword: adminOnly })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("does not count a refused right password against the address", async () => {
    const { db } = await withUsers();
    const limit = { maxFailures: 2, windowMinutes: 15 };
    const attempt = () =>
      attemptSignIn(db, { username: "jiangmj", password: "demo-2026", address: "10.9.9.9", mayUsePassword: adminOnly }, new Date(), limit);
    for (let i = 0; i < 3; i++) expect(await attempt()).toEqual({ ok: false, reason: "password_disabled" });
    expect((await attemptSignIn(db, { username: "admin", password: "demo-2026", address: "10.9.9.9" }, new Date(), limit)).ok).toBe(true);
  });
});
