import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { bootstrapAdmin } from "@/db/bootstrap";
import { LOCK_MINUTES, MAX_FAILED_LOGINS, verifyCredentials } from "@/db/queries/credentials";
import { events, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/password";
import { tempDatabase } from "./temp-db";

let cleanup = () => {};
afterEach(() => cleanup());

async function withUser() {
  const t = tempDatabase();
  cleanup = t.cleanup;
  const hash = await hashPassword("demo-2026");
  expect(hash).toMatch(/^\$argon2id\$/);
  const user = t.db.insert(users).values({ username: "jiangmj", passwordHash: hash, displayName: "蒋明杰", role: "handler" }).returning().get();
  return { ...t, user };
}

describe("sign-in checks", () => {
  it("accepts the right password and logs the sign-in", async () => {
    const { db, user } = await withUser();
    const result = await verifyCredentials(db, "jiangmj", "demo-2026");
    expect(result).toEqual({ ok: true, user: { id: user.id, role: "handler", unitId: null, displayName: "蒋明杰", sessionVersion: 0 } });
    expect(db.select().from(events).all().map((e) => e.action)).toEqual(["sign_in"]);
  });

  it("answers a wrong password, an unknown and a disabled account alike", async () => {
    const { db, user } = await withUser();
    expect(await verifyCredentials(db, "jiangmj", "nope")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db, "nobody", "demo-2026")).toEqual({ ok: false, reason: "invalid" });
    db.update(users).set({ disabled: true }).where(eq(users.id, user.id)).run();
    expect(await verifyCredentials(db, "jiangmj", "demo-2026")).toEqual({ ok: false, reason: "invalid" });
    expect(db.select().from(events).all().map((e) => e.action)).toEqual(["sign_in_failed", "sign_in_failed", "sign_in_failed"]);
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

describe("first start", () => {
  it("creates one admin with a generated one-time password, and nothing on a second start", async () => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    const first = await bootstrapAdmin(t.db, undefined);
    expect(first?.generated).toBe(true);
    expect(first?.password.length).toBeGreaterThanOrEqual(16);
    const admin = t.db.select().from(users).get()!;
    expect(admin).toMatchObject({ username: "admin", role: "admin", mustChangePassword: true });
    expect(await verifyPassword(admin.passwordHash!, first!.password)).toBe(true);
    expect(await verifyPassword(admin.passwordHash!, "demo-2026")).toBe(false);
    expect(await bootstrapAdmin(t.db, undefined)).toBeNull();
  });

  it("takes the password from ADMIN_PASSWORD when given", async () => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    const result = await bootstrapAdmin(t.db, "Strong-Passw0rd");
    expect(result).toMatchObject({ generated: false, password: "Strong-Passw0rd" });
  });
});
