import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { bootstrapAdmin } from "@/db/bootstrap";
import { changeOwnPassword } from "@/db/queries/account";
import { LOCK_MINUTES, MAX_FAILED_LOGINS, verifyCredentials } from "@/db/queries/credentials";
import { events, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/password";
import { tempDatabase } from "./temp-db";

let cleanup = () => {};
afterEach(() => cleanup());

async function withUser() {
  const t = await tempDatabase();
  cleanup = t.cleanup;
  const hash = await hashPassword("demo-2026");
  expect(hash).toMatch(/^\$argon2id\$/);
  const user = await t.db
    .insert(users)
    .values({ username: "jiangmj", passwordHash: hash, displayName: "蒋明杰", role: "handler" })
    .returning()
    .get();
  return { ...t, user };
}

describe("sign-in checks", () => {
  it("accepts the right password and logs the sign-in", async () => {
    const { db, user } = await withUser();
    const result = await verifyCredentials(db, "jiangmj", "demo-2026");
    expect(result).toEqual({ ok: true, user: { id: user.id, role: "handler", unitId: null, displayName: "蒋明杰", sessionVersion: 0 } });
    expect((await db.select().from(events).all()).map((e) => e.action)).toEqual(["sign_in"]);
  });

  it("answers a wrong password, an unknown and a disabled account alike", async () => {
    const { db, user } = await withUser();
    expect(await verifyCredentials(db, "jiangmj", "nope")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db, "nobody", "demo-2026")).toEqual({ ok: false, reason: "invalid" });
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id)).run();
    expect(await verifyCredentials(db, "jiangmj", "demo-2026")).toEqual({ ok: false, reason: "invalid" });
    expect((await db.select().from(events).all()).map((e) => e.action)).toEqual(["sign_in_failed", "sign_in_failed", "sign_in_failed"]);
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords`, async () => {
    const { db } = await withUser();
    const now = new Date("2026-01-05T02:00:00Z");
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect((await verifyCredentials(db, "jiangmj", "bad", now)).ok).toBe(false);
    expect(await verifyCredentials(db, "jiangmj", "bad", now)).toEqual({ ok: false, reason: "locked" });
    // Even the right password is refused while locked…
    expect(await verifyCredentials(db, "jiangmj", "demo-2026", new Date(now.getTime() + 60_000))).toEqual({ ok: false, reason: "locked" });
    // …and accepted once the lock has passed.
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect((await verifyCredentials(db, "jiangmj", "demo-2026", later)).ok).toBe(true);
  });
});

describe("the current password on 修改密码", () => {
  const change = async (db: Parameters<typeof changeOwnPassword>[0], id: number, currentPassword: string, now: Date) =>
    changeOwnPassword(db, id, { currentPassword, password: "Qing-shan-77" }, now, { address: "192.0.2.7" });

  it(`is guessed no better than at sign-in: locked for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong ones, each try audited`, async () => {
    const { db, user } = await withUser();
    const now = new Date("2026-01-05T02:00:00Z");
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect(await change(db, user.id, `guess-${i}`, now)).toEqual({ ok: false, field: "currentPassword", error: "当前密码不正确" });
    }
    const locked = await change(db, user.id, "guess-5", now);
    expect(locked).toMatchObject({ ok: false, field: "currentPassword" });
    expect(!locked.ok && locked.error).toContain(`锁定 ${LOCK_MINUTES} 分钟`);
    // Locked: the right password is not even checked, nothing changes …
    const soon = new Date(now.getTime() + 60_000);
    expect((await change(db, user.id, "demo-2026", soon)).ok).toBe(false);
    expect(await verifyPassword((await db.select().from(users).where(eq(users.id, user.id)).get())!.passwordHash!, "demo-2026")).toBe(true);
    // … and signing in is locked alike: it is the same lock.
    expect(await verifyCredentials(db, "jiangmj", "demo-2026", soon)).toEqual({ ok: false, reason: "locked" });
    const logged = (await db.select().from(events).all()).map((e) => [
      e.action,
      e.actorId,
      (e.data as { address?: string } | null)?.address ?? null,
    ]);
    expect(logged).toEqual([
      ...Array.from({ length: MAX_FAILED_LOGINS }, () => ["password_change_failed", user.id, "192.0.2.7"]),
      ["account_locked", user.id, "192.0.2.7"],
      ["password_change_locked", user.id, "192.0.2.7"],
      ["sign_in_locked", user.id, null],
    ]);
    // Once the lock has passed, the right password changes it and the count starts again.
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(await change(db, user.id, "demo-2026", later)).toEqual({ ok: true });
    expect(await db.select().from(users).where(eq(users.id, user.id)).get()).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("shares its count with sign-in: wrong passwords at either add up", async () => {
    const { db, user } = await withUser();
    const now = new Date("2026-01-05T02:00:00Z");
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await verifyCredentials(db, "jiangmj", "bad", now);
    expect(await change(db, user.id, "guess", now)).toMatchObject({ ok: false, error: expect.stringContaining("锁定") });
  });
});

describe("first start", () => {
  it("creates one admin with a generated one-time password, and nothing on a second start", async () => {
    const t = await tempDatabase();
    cleanup = t.cleanup;
    const first = await bootstrapAdmin(t.db, undefined);
    expect(first?.generated).toBe(true);
    expect(first?.password.length).toBeGreaterThanOrEqual(16);
    const admin = (await t.db.select().from(users).get())!;
    expect(admin).toMatchObject({ username: "admin", role: "admin", mustChangePassword: true });
    expect(await verifyPassword(admin.passwordHash!, first!.password)).toBe(true);
    expect(await verifyPassword(admin.passwordHash!, "demo-2026")).toBe(false);
    expect(await bootstrapAdmin(t.db, undefined)).toBeNull();
  });

  it("takes the password from ADMIN_PASSWORD when given", async () => {
    const t = await tempDatabase();
    cleanup = t.cleanup;
    const result = await bootstrapAdmin(t.db, "Strong-Passw0rd");
    expect(result).toMatchObject({ generated: false, password: "Strong-Passw0rd" });
  });
});
