/**
 * The security audit: every sign-in, failure, lockout, address block, account change by the
 * administrator and publication decision is an event row, and the admin page's query finds them by
 * kind, user and date. Sessions end when the password changes or the account is disabled.
 */
import { eq, gt, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decideReplyPublication } from "@/db/handling/publication";
import { approveReply } from "@/db/handling/sign-off";
import { changeOwnPassword } from "@/db/queries/account";
import { resetPassword, setUserDisabled, unlockUser, updateUser } from "@/db/queries/admin";
import { listAuditEvents } from "@/db/queries/audit";
import { attemptSignIn, liveSessionUser } from "@/db/queries/credentials";
import { events, users } from "@/db/schema";
import { AUDIT_KINDS, AUDIT_LABELS, auditDetail, auditFilterInput } from "@/lib/audit";
import { isoDateInChina } from "@/lib/format";
import { hashPassword } from "@/lib/password";
import { changePasswordInput } from "@/lib/validation/account";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const PASSWORD = "Lan-hua-2026";

/** A session of the user at this session version, as its token names it. */
const sessionOf = (userId: number, sessionVersion: number) => ({ userId, sessionVersion, sessionId: "integration-session-1" });

async function setup(own = true) {
  const t = await demoDatabase();
  if (own) cleanup = t.cleanup;
  // A known password for 蒋明杰 (the demo's is on the common-password list).
  await t.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.username, "jiangmj"))
    .run();
  const mark = (await t.db.select({ id: events.id }).from(events).orderBy(events.id).all()).at(-1)?.id ?? 0;
  const since = async () => t.db.select().from(events).where(gt(events.id, mark)).orderBy(events.id).all();
  return { ...t, since };
}

const profileOf = (u: { displayName: string; role: "handler" | "director" | "coordinator"; unitId: number | null }) => ({
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  title: null,
  phone: null,
  email: null,
});

describe("sessions end", { timeout: 60_000 }, () => {
  it("when the user changes their password, when the administrator resets it, and when the account is disabled", async () => {
    const t = await setup();
    const jiang = await t.user("jiangmj");
    const admin = await t.user("admin");
    const version = async () => (await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, jiang.id)).get())!.v;
    let session = await version();
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, session))).toMatchObject({ id: jiang.id, role: "handler" });

    expect(await changeOwnPassword(t.db, jiang.id, { currentPassword: PASSWORD, password: "Qing-shan-77" })).toEqual({ ok: true });
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, session))).toBeNull();
    session = await version();
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, session))).not.toBeNull();

    expect(await resetPassword(t.db, { id: jiang.id, password: "Bai-yun-2026" }, admin.id)).toEqual({ ok: true, id: jiang.id });
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, session))).toBeNull();
    session = await version();

    expect(await setUserDisabled(t.db, jiang.id, true, admin.id)).toEqual({ ok: true, id: jiang.id });
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, session))).toBeNull();
    // Enabled again, the old session stays ended: the person signs in anew.
    expect((await setUserDisabled(t.db, jiang.id, false, admin.id)).ok).toBe(true);
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, session))).toBeNull();
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, await version()))).not.toBeNull();
  });

  it("not on a role change, which takes effect in the running session at once", async () => {
    const t = await setup();
    const jiang = await t.user("jiangmj");
    const session = (await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, jiang.id)).get())!.v;
    expect((await updateUser(t.db, { id: jiang.id, ...profileOf({ ...jiang, role: "director" }) }, (await t.user("admin")).id)).ok).toBe(
      true,
    );
    expect(await liveSessionUser(t.db, sessionOf(jiang.id, session))).toMatchObject({ role: "director" });
  });
});

describe("the password policy", { timeout: 60_000 }, () => {
  it("refuses a short, letter-only, common or unchanged password in the form, and the username in the database", async () => {
    const t = await setup();
    const errors = (password: string) =>
      changePasswordInput.safeParse({ currentPassword: PASSWORD, password, passwordConfirm: password }).error?.issues.map((i) => i.message);
    expect(errors("abc123")).toEqual(["密码至少 8 位"]);
    expect(errors("abcdefghij")).toEqual(["密码须同时包含字母和数字"]);
    expect(errors("Password1")).toEqual(["此密码过于常见，容易被猜中，请换一个"]);
    expect(errors("WOAINI1314")).toEqual(["此密码过于常见，容易被猜中，请换一个"]);
    expect(errors(PASSWORD)).toEqual(["新密码不能与当前密码相同"]);
    expect(errors("Qing-shan-77")).toBeUndefined();
    const jiang = await t.user("jiangmj");
    await t.db.update(users).set({ username: "jiang2026" }).where(eq(users.id, jiang.id)).run();
    expect(await changeOwnPassword(t.db, jiang.id, { currentPassword: PASSWORD, password: "JIANG2026" })).toEqual({
      ok: false,
      field: "password",
      error: "密码不能与用户名相同",
    });
    expect(await changeOwnPassword(t.db, jiang.id, { currentPassword: "wrong-1234", password: "Qing-shan-77" })).toEqual({
      ok: false,
      field: "currentPassword",
      error: "当前密码不正确",
    });
    expect((await t.since()).filter((e) => e.action === "password_change")).toEqual([]);
  });
});

describe("the audit log", () => {
  /** One of each security-relevant act, as they happen in the app. */
  async function everything(t: Awaited<ReturnType<typeof setup>>) {
    const admin = await t.user("admin");
    const jiang = await t.user("jiangmj");
    const signIn = async (username: string, password: string, address: string) =>
      attemptSignIn(t.db, { username, password, address }, new Date(), { maxFailures: 3, windowMinutes: 15 });
    expect((await signIn("jiangmj", PASSWORD, "198.51.100.1")).ok).toBe(true);
    for (let i = 0; i < 5; i++) await signIn("jiangmj", `wrong-${i}`, `198.51.100.${10 + i}`);
    await signIn("jiangmj", PASSWORD, "198.51.100.20");
    for (const name of ["ghost1", "ghost2", "ghost3"]) await signIn(name, "wrong", "203.0.113.66");
    expect((await unlockUser(t.db, jiang.id, admin.id)).ok).toBe(true);
    expect((await updateUser(t.db, { id: jiang.id, ...profileOf({ ...jiang, role: "director" }) }, admin.id)).ok).toBe(true);
    expect((await setUserDisabled(t.db, jiang.id, true, admin.id)).ok).toBe(true);
    expect((await setUserDisabled(t.db, jiang.id, false, admin.id)).ok).toBe(true);
    expect((await resetPassword(t.db, { id: jiang.id, password: "Bai-yun-2026" }, admin.id)).ok).toBe(true);
    expect((await changeOwnPassword(t.db, jiang.id, { currentPassword: "Bai-yun-2026", password: "Qing-shan-77" })).ok).toBe(true);
    const inReview = async (n: number) =>
      (await t.db.get<{ id: number }>(sql`select id from proposals where number = ${n} and status = 'in_review'`))!.id;
    const [p180, p12] = [await inReview(180), await inReview(12)];
    for (const p of [p180, p12]) expect((await approveReply(t.db, await t.user("dengmj"), p, null)).ok).toBe(true);
    const coordinator = await t.user("coordinator");
    expect((await decideReplyPublication(t.db, coordinator, p180, { type: "publish" })).ok).toBe(true);
    expect((await decideReplyPublication(t.db, coordinator, p180, { type: "withdraw", reason: "内容需更正" })).ok).toBe(true);
    expect((await decideReplyPublication(t.db, coordinator, p12, { type: "withhold", reason: "涉及个人隐私" })).ok).toBe(true);
    return { admin, jiang, coordinator, p180, p12 };
  }

  let t: Awaited<ReturnType<typeof setup>>;
  let acts: Awaited<ReturnType<typeof everything>>;
  beforeAll(async () => {
    t = await setup(false);
    acts = await everything(t);
  }, 120_000);
  afterAll(() => t.cleanup());

  it("has a row for each sign-in, failure, lockout, block, account change and publication decision, never a password", async () => {
    const { admin, jiang, coordinator, p180, p12 } = acts;
    const log = (await t.since()).filter((e) => AUDIT_KINDS.includes(e.action as never));
    const find = (action: string) => log.filter((e) => e.action === action);
    expect(find("sign_in")[0]).toMatchObject({ actorId: jiang.id, data: { username: "jiangmj", address: "198.51.100.1" } });
    expect(
      find("sign_in_failed")
        .slice(0, 5)
        .map((e) => e.data),
    ).toEqual([0, 1, 2, 3, 4].map((i) => ({ username: "jiangmj", address: `198.51.100.${10 + i}`, failures: i + 1 })));
    expect(find("account_locked")).toMatchObject([
      { actorId: jiang.id, data: { username: "jiangmj", address: "198.51.100.14", minutes: 15 } },
    ]);
    expect(find("sign_in_locked")).toMatchObject([{ actorId: jiang.id, data: { username: "jiangmj", address: "198.51.100.20" } }]);
    expect(
      find("sign_in_failed")
        .slice(5)
        .map((e) => [e.actorId, e.data?.username]),
    ).toEqual([
      [null, "ghost1"],
      [null, "ghost2"],
      [null, "ghost3"],
    ]);
    expect(find("sign_in_ip_blocked")).toMatchObject([{ actorId: null, data: { address: "203.0.113.66", failures: 3 } }]);
    expect(find("user_unlock")).toMatchObject([{ actorId: admin.id, data: { userId: jiang.id } }]);
    expect(find("user_role_change")).toMatchObject([{ actorId: admin.id, data: { userId: jiang.id, from: "handler", to: "director" } }]);
    expect(find("user_disable")).toMatchObject([{ actorId: admin.id, data: { userId: jiang.id } }]);
    expect(find("user_enable")).toMatchObject([{ actorId: admin.id, data: { userId: jiang.id } }]);
    expect(find("password_reset")).toMatchObject([{ actorId: admin.id, data: { userId: jiang.id } }]);
    expect(find("password_change")).toMatchObject([{ actorId: jiang.id }]);
    expect(find("publish")).toMatchObject([{ actorId: coordinator.id, proposalId: p180, data: { indexNumber: expect.any(String) } }]);
    expect(find("withdraw_publication")).toMatchObject([{ actorId: coordinator.id, proposalId: p180, comment: "内容需更正" }]);
    expect(find("withhold")).toMatchObject([{ actorId: coordinator.id, proposalId: p12, comment: "涉及个人隐私" }]);
    const stored = JSON.stringify(await t.db.all(sql`select * from events`));
    for (const secret of [PASSWORD, "wrong-0", "Bai-yun-2026", "Qing-shan-77"]) expect(stored).not.toContain(secret);
    // And none of it can be changed afterwards.
    await expect(
      (async () => t.db.update(events).set({ comment: "改" }).where(eq(events.action, "sign_in_failed")).run())(),
    ).rejects.toThrow(/append-only/);
    await expect((async () => t.db.delete(events).where(eq(events.action, "account_locked")).run())()).rejects.toThrow(/append-only/);
  });

  it("is listed for the administrator by kind, user and date, newest first, page by page, without the workflow's own steps", async () => {
    const { jiang } = acts;
    const page = { page: 1, pageSize: 100 };
    const all = await listAuditEvents(t.db, {}, page);
    expect(all.rows.map((r) => r.action)).not.toContain("approve");
    expect(all.rows.every((r) => AUDIT_KINDS.includes(r.action as never))).toBe(true);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));

    const failed = await listAuditEvents(t.db, { kind: "sign_in_failed" }, page);
    expect(failed.total).toBe(8);
    expect(failed.rows[0]).toMatchObject({ triedName: "ghost3", address: "203.0.113.66", actorUsername: null });

    // By user: as actor, as the one acted on (data.userId), or as the name typed at sign-in.
    const aboutJiang = await listAuditEvents(t.db, { user: "jiangmj" }, page);
    expect(new Set(aboutJiang.rows.map((r) => r.action))).toEqual(
      new Set([
        "sign_in",
        "sign_in_failed",
        "account_locked",
        "sign_in_locked",
        "user_unlock",
        "user_update",
        "user_role_change",
        "user_disable",
        "user_enable",
        "password_reset",
        "password_change",
      ]),
    );
    const role = aboutJiang.rows.find((r) => r.action === "user_role_change")!;
    expect(role).toMatchObject({ actorUsername: "admin", targetUsername: "jiangmj" });
    expect(auditDetail(role.action, role.data, { target: `${role.targetName}（jiangmj）` })).toBe(
      `用户：${jiang.displayName}（jiangmj）；承办人 → 单位负责人`,
    );
    expect((await listAuditEvents(t.db, { user: "蒋明杰" }, page)).total).toBe(aboutJiang.total);
    expect((await listAuditEvents(t.db, { user: "ghost2" }, page)).rows.map((r) => r.action)).toEqual(["sign_in_failed"]);

    const today = isoDateInChina(new Date());
    const tomorrow = isoDateInChina(new Date(Date.now() + 86_400_000));
    const yesterday = isoDateInChina(new Date(Date.now() - 86_400_000));
    expect((await listAuditEvents(t.db, { kind: "sign_in_failed", from: today, to: today }, page)).total).toBe(8);
    expect((await listAuditEvents(t.db, { kind: "sign_in_failed", from: tomorrow }, page)).total).toBe(0);
    expect((await listAuditEvents(t.db, { kind: "sign_in_failed", to: yesterday }, page)).total).toBe(0);

    const first = await listAuditEvents(t.db, { user: "jiangmj" }, { page: 1, pageSize: 5 });
    const second = await listAuditEvents(t.db, { user: "jiangmj" }, { page: 2, pageSize: 5 });
    expect(first.total).toBe(aboutJiang.total);
    expect(first.rows).toHaveLength(5);
    expect(second.rows[0]!.id).toBeLessThan(first.rows[4]!.id);
  });

  it("reads its filters from the query string, dropping anything malformed", () => {
    expect(auditFilterInput.parse({ kind: "sign_in_failed", user: "  jiangmj ", from: "2026-03-01", to: "2026-03-31" })).toEqual({
      kind: "sign_in_failed",
      user: "jiangmj",
      from: "2026-03-01",
      to: "2026-03-31",
    });
    expect(auditFilterInput.parse({ kind: "approve", user: ["a", "b"], from: "2026-02-30", to: "'; drop table events; --" })).toEqual({
      kind: undefined,
      user: undefined,
      from: undefined,
      to: undefined,
    });
    expect(Object.keys(AUDIT_LABELS)).toEqual(AUDIT_KINDS);
  });
});
