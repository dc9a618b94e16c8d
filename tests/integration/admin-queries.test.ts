import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  adminOverview,
  createCategory,
  createSession,
  createUnit,
  createUser,
  getAdminUser,
  listUsers,
  resetPassword,
  setUserDisabled,
  unlockUser,
  updateCategory,
  updateSession,
  updateUnit,
  updateUser,
} from "@/db/queries/admin";
import { events, users } from "@/db/schema";
import { verifyPassword } from "@/lib/password";
import { type TempDatabase, tempDatabase } from "./temp-db";

let t: TempDatabase;
let db: Db;
let adminId: number;
let unitId: number;

const unit = {
  name: "重庆高新区科技创新局",
  shortName: "科技创新局",
  docPrefix: "渝高新科函",
  indexPrefix: "1150010700927688XM",
  kind: "department" as const,
};

const profile = { title: null, phone: null, email: null };

async function eventsOf(action: string) {
  return db.select().from(events).where(eq(events.action, action)).all();
}

function saved(result: { ok: boolean; id?: number }): number {
  if (!result.ok || result.id === undefined) throw new Error(`write refused: ${JSON.stringify(result)}`);
  return result.id;
}

beforeAll(async () => {
  t = await tempDatabase();
  db = t.db;
  adminId = (
    await db.insert(users).values({ username: "admin", displayName: "系统管理员", role: "admin" }).returning({ id: users.id }).get()
  ).id;
  unitId = saved(await createUnit(db, unit, adminId));
});

afterAll(() => t.cleanup());

describe("units", () => {
  it("creates a unit and logs it", async () => {
    expect(await eventsOf("unit_create")).toEqual([expect.objectContaining({ actorId: adminId, data: { unitId, name: unit.name } })]);
  });

  it("refuses a duplicate name or short name with the field to blame", async () => {
    expect(await createUnit(db, { ...unit, shortName: "另一个简称" }, adminId)).toEqual({
      ok: false,
      error: "单位名称已存在",
      field: "name",
    });
    expect(await createUnit(db, { ...unit, name: "另一个单位" }, adminId)).toEqual({
      ok: false,
      error: "单位简称已存在",
      field: "shortName",
    });
  });

  it("updates and deactivates a unit, logging the changed fields", async () => {
    const other = { ...unit, name: "重庆高新区党群工作部", shortName: "党群工作部", kind: "party" as const };
    const otherId = saved(await createUnit(db, other, adminId));
    expect(await updateUnit(db, { id: otherId, ...other, active: false }, adminId)).toEqual({ ok: true, id: otherId });
    expect((await eventsOf("unit_update")).at(-1)?.data).toEqual({ unitId: otherId, fields: ["active"] });
    expect(await updateUnit(db, { id: otherId, ...other, shortName: unit.shortName, active: false }, adminId)).toEqual({
      ok: false,
      error: "单位简称已存在",
      field: "shortName",
    });
    expect(await updateUnit(db, { id: 9999, ...unit, active: true }, adminId)).toEqual({ ok: false, error: "该记录不存在或已被删除" });
  });
});

describe("users", () => {
  let userId: number;

  beforeAll(async () => {
    userId = saved(
      await createUser(
        db,
        { username: "jiangmj", displayName: "蒋明杰", role: "handler", unitId, password: "demo-2026", ...profile },
        adminId,
      ),
    );
  });

  it("creates a user with a hashed initial password they must change", async () => {
    const row = await db.select().from(users).where(eq(users.id, userId)).get();
    expect(row).toMatchObject({ username: "jiangmj", role: "handler", unitId, mustChangePassword: true, disabled: false });
    expect(row?.passwordHash).not.toBe("demo-2026");
    expect(await verifyPassword(row?.passwordHash ?? "", "demo-2026")).toBe(true);
    expect((await eventsOf("user_create")).at(-1)).toMatchObject({
      actorId: adminId,
      data: { userId, username: "jiangmj", role: "handler", unitId },
    });
  });

  it("refuses a duplicate username", async () => {
    const result = await createUser(
      db,
      { username: "jiangmj", displayName: "另一个人", role: "member", unitId: null, password: "other-2026", ...profile },
      adminId,
    );
    expect(result).toEqual({ ok: false, error: "用户名已存在", field: "username" });
  });

  it("refuses a unit that does not exist", async () => {
    const result = await createUser(
      db,
      { username: "ghost", displayName: "某人", role: "handler", unitId: 9999, password: "ghost-2026", ...profile },
      adminId,
    );
    expect(result).toEqual({ ok: false, error: "所选单位不存在", field: "unitId" });
  });

  it("logs a role change separately from the profile update", async () => {
    expect(
      await updateUser(
        db,
        { id: userId, displayName: "蒋明杰", role: "director", unitId, title: "局长", phone: null, email: null },
        adminId,
      ),
    ).toEqual({
      ok: true,
      id: userId,
    });
    expect((await eventsOf("user_role_change")).at(-1)).toMatchObject({
      actorId: adminId,
      data: { userId, from: "handler", to: "director" },
    });
    expect((await eventsOf("user_update")).at(-1)?.data).toEqual({ userId, fields: ["role", "title"] });
    const before = (await eventsOf("user_role_change")).length;
    await updateUser(
      db,
      { id: userId, displayName: "蒋明杰", role: "director", unitId, title: "副局长", phone: null, email: null },
      adminId,
    );
    expect(await eventsOf("user_role_change")).toHaveLength(before);
  });

  it("stops an administrator from removing their own admin role or disabling themself", async () => {
    expect(
      await updateUser(db, { id: adminId, displayName: "系统管理员", role: "coordinator", unitId: null, ...profile }, adminId),
    ).toEqual({
      ok: false,
      error: "不能取消自己的系统管理员角色",
      field: "role",
    });
    expect(await setUserDisabled(db, adminId, true, adminId)).toEqual({ ok: false, error: "不能停用自己的账户" });
    expect(await getAdminUser(db, adminId)).toMatchObject({ role: "admin", disabled: false });
  });

  it("disabling bumps the session version and is logged; enabling is logged too", async () => {
    const versionBefore = (await db.select().from(users).where(eq(users.id, userId)).get())!.sessionVersion;
    expect(await setUserDisabled(db, userId, true, adminId)).toEqual({ ok: true, id: userId });
    const row = (await db.select().from(users).where(eq(users.id, userId)).get())!;
    expect(row.disabled).toBe(true);
    expect(row.sessionVersion).toBe(versionBefore + 1);
    expect((await eventsOf("user_disable")).at(-1)).toMatchObject({ actorId: adminId, data: { userId } });
    expect(await setUserDisabled(db, userId, false, adminId)).toEqual({ ok: true, id: userId });
    expect((await getAdminUser(db, userId))?.disabled).toBe(false);
    expect((await eventsOf("user_enable")).at(-1)).toMatchObject({ data: { userId } });
  });

  it("a password reset hashes the new password, requires a change, lifts the lock and ends sessions", async () => {
    await db
      .update(users)
      .set({ mustChangePassword: false, failedLogins: 3, lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(users.id, userId))
      .run();
    const versionBefore = (await db.select().from(users).where(eq(users.id, userId)).get())!.sessionVersion;
    expect(await resetPassword(db, { id: userId, password: "fresh-pass-1" }, adminId)).toEqual({ ok: true, id: userId });
    const row = (await db.select().from(users).where(eq(users.id, userId)).get())!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, "fresh-pass-1")).toBe(true);
    expect(row).toMatchObject({ mustChangePassword: true, failedLogins: 0, lockedUntil: null, sessionVersion: versionBefore + 1 });
    expect((await eventsOf("password_reset")).at(-1)).toMatchObject({ actorId: adminId, data: { userId } });
  });

  it("refuses a reset to the username itself", async () => {
    expect(await resetPassword(db, { id: userId, password: "JIANGMJ" }, adminId)).toEqual({
      ok: false,
      error: "密码不能与用户名相同",
      field: "password",
    });
  });

  it("unlocks a locked account", async () => {
    await db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(users.id, userId))
      .run();
    expect((await adminOverview(db)).lockedUsers.map((u) => u.id)).toEqual([userId]);
    expect(await unlockUser(db, userId, adminId)).toEqual({ ok: true, id: userId });
    expect((await adminOverview(db)).lockedUsers).toEqual([]);
    expect(await eventsOf("user_unlock")).toHaveLength(1);
  });

  it("lists users by role, unit, text and status", async () => {
    const page = { page: 1, pageSize: 50 };
    expect((await listUsers(db, { role: "director" }, page)).rows.map((u) => u.username)).toEqual(["jiangmj"]);
    expect((await listUsers(db, { unit: unitId }, page)).rows[0]).toMatchObject({ username: "jiangmj", unitName: "科技创新局" });
    expect((await listUsers(db, { q: "明杰" }, page)).total).toBe(1);
    expect((await listUsers(db, { q: "JIANG" }, page)).total).toBe(1);
    expect((await listUsers(db, { status: "mustChange" }, page)).rows.map((u) => u.username)).toEqual(["jiangmj"]);
    expect((await listUsers(db, { status: "disabled" }, page)).total).toBe(0);
    expect((await listUsers(db, {}, { page: 2, pageSize: 1 })).rows).toHaveLength(1);
  });

  it("counts for the overview", async () => {
    const overview = await adminOverview(db);
    expect(overview.usersByRole).toMatchObject({ admin: 1, director: 1, handler: 0 });
    expect(overview.units).toEqual({ total: 2, active: 1 });
    expect(overview.disabledUsers).toBe(0);
    expect(overview.mustChangeUsers.map((u) => u.username)).toEqual(["jiangmj"]);
  });
});

describe("sessions and categories", () => {
  const session = { body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第二次会议", year: 2023, kind: "proposal" as const };

  it("creates a session and refuses the same body, term and meeting twice", async () => {
    const id = saved(await createSession(db, session, adminId));
    expect(await createSession(db, { ...session, year: 2024 }, adminId)).toEqual({
      ok: false,
      error: "该届次会议已存在",
      field: "meeting",
    });
    expect(await updateSession(db, { id, ...session, meeting: "第三次会议", active: false }, adminId)).toEqual({ ok: true, id });
    expect((await eventsOf("session_update")).at(-1)?.data).toEqual({ sessionId: id, fields: ["meeting", "active"] });
  });

  it("creates a category and refuses a duplicate name", async () => {
    const id = saved(await createCategory(db, { name: "科技", sortOrder: 1 }, adminId));
    const otherId = saved(await createCategory(db, { name: "教育", sortOrder: 2 }, adminId));
    expect(await createCategory(db, { name: "科技", sortOrder: 3 }, adminId)).toEqual({
      ok: false,
      error: "主题分类已存在",
      field: "name",
    });
    expect(await updateCategory(db, { id: otherId, name: "科技", sortOrder: 2, active: true }, adminId)).toMatchObject({
      ok: false,
      error: "主题分类已存在",
    });
    expect(await updateCategory(db, { id, name: "科技创新", sortOrder: 1, active: true }, adminId)).toEqual({ ok: true, id });
  });
});

describe("units of users", () => {
  it("refuses a retired unit for a new user, but keeps it for one already there", async () => {
    const retiredId = saved(await createUnit(db, { ...unit, name: "已撤销的单位", shortName: "已撤销" }, adminId));
    await updateUnit(db, { id: retiredId, ...unit, name: "已撤销的单位", shortName: "已撤销", active: false }, adminId);
    const newcomer = {
      username: "newcomer",
      displayName: "新人",
      role: "handler" as const,
      unitId: retiredId,
      password: "new-2026x",
      ...profile,
    };
    expect(await createUser(db, newcomer, adminId)).toEqual({ ok: false, error: "所选单位已停用", field: "unitId" });
    const stayingId = saved(await createUser(db, { ...newcomer, unitId }, adminId));
    await db.update(users).set({ unitId: retiredId }).where(eq(users.id, stayingId)).run();
    expect(await updateUser(db, { id: stayingId, displayName: "新人", role: "handler", unitId: retiredId, ...profile }, adminId)).toEqual({
      ok: true,
      id: stayingId,
    });
  });
});
