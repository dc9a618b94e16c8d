/** The administration of 分办 on a real database: 科室, the 分管领导 step, a handler's 科室 and 可分办. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnit, getAdminUser, updateUser } from "@/db/queries/admin";
import { createSection, setLeaderReview, setUserDivision, updateSection } from "@/db/queries/admin-division";
import { unitDivision } from "@/db/queries/sections";
import { events, units, users } from "@/db/schema";
import { createSectionInput, leaderReviewInput, userDivisionInput } from "@/lib/validation/admin";
import { tempDatabase } from "./temp-db";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let adminId: number;
let unitId: number;
let otherUnitId: number;

const saved = (result: { ok: boolean; id?: number }) => {
  if (!result.ok || result.id === undefined) throw new Error(`write refused: ${JSON.stringify(result)}`);
  return result.id;
};
const person = async (username: string, role: "handler" | "director" | "leader", unit: number) =>
  (await t.db.insert(users).values({ username, displayName: username, role, unitId: unit }).returning({ id: users.id }).get()).id;

beforeAll(async () => {
  t = await tempDatabase();
  adminId = (
    await t.db.insert(users).values({ username: "admin", displayName: "系统管理员", role: "admin" }).returning({ id: users.id }).get()
  ).id;
  unitId = saved(
    await createUnit(
      t.db,
      {
        name: "重庆高新区科技创新局",
        shortName: "科技创新局",
        docPrefix: "渝高新科函",
        indexPrefix: "1150010700927688XM",
        kind: "department",
      },
      adminId,
    ),
  );
  otherUnitId = saved(
    await createUnit(
      t.db,
      { name: "重庆高新区建设局", shortName: "建设局", docPrefix: "渝高新建函", indexPrefix: "1150010700927633XG", kind: "department" },
      adminId,
    ),
  );
});
afterAll(() => t.cleanup());

describe("科室", () => {
  it("are added per unit with unique names, renamed and abolished, each write logged", async () => {
    const first = saved(await createSection(t.db, createSectionInput.parse({ unitId: String(unitId), name: " 科技综合科 " }), adminId));
    expect(await createSection(t.db, { unitId, name: "科技综合科" }, adminId)).toEqual({
      ok: false,
      error: "本单位已有同名科室",
      field: "name",
    });
    saved(await createSection(t.db, { unitId: otherUnitId, name: "科技综合科" }, adminId));
    expect(await createSection(t.db, { unitId: 2_000_000, name: "某科" }, adminId)).toMatchObject({ ok: false });
    expect(createSectionInput.safeParse({ unitId: String(unitId), name: "  " }).success).toBe(false);
    saved(await updateSection(t.db, { id: first, name: "综合科", active: false }, adminId));
    expect((await unitDivision(t.db, unitId)).sections).toEqual([{ id: first, name: "综合科", active: false, staff: [] }]);
    const second = saved(await createSection(t.db, { unitId, name: "规划科" }, adminId));
    expect((await unitDivision(t.db, unitId)).sections.map((s) => s.id)).toEqual([first, second]);
    const logged = await t.db.select().from(events).where(eq(events.action, "section_update")).all();
    expect(logged.map((e) => e.data)).toEqual([{ unitId, sectionId: first, fields: ["name", "active"] }]);
    expect(await t.db.select().from(events).where(eq(events.action, "section_create")).all()).toHaveLength(3);
  });
});

describe("the 分管领导 step", () => {
  it("is turned on only when the unit has a 分管领导 who can sign in, and off at any time", async () => {
    expect(await setLeaderReview(t.db, leaderReviewInput.parse({ id: String(unitId), leaderReview: "on" }), adminId)).toMatchObject({
      ok: false,
      field: "leaderReview",
    });
    const leader = await person("zhouwb", "leader", unitId);
    expect(await setLeaderReview(t.db, { id: unitId, leaderReview: true }, adminId)).toEqual({ ok: true, id: unitId });
    expect(await t.db.select({ on: units.leaderReview }).from(units).where(eq(units.id, unitId)).get()).toEqual({ on: true });
    expect((await unitDivision(t.db, unitId)).leaders).toEqual(["zhouwb"]);
    expect(await setLeaderReview(t.db, leaderReviewInput.parse({ id: String(unitId) }), adminId)).toEqual({ ok: true, id: unitId });
    expect(await t.db.select({ on: units.leaderReview }).from(units).where(eq(units.id, unitId)).get()).toEqual({ on: false });
    expect(
      (
        await t.db
          .select()
          .from(events)
          .where(and(eq(events.action, "unit_update"), eq(events.actorId, adminId)))
          .all()
      ).filter((e) => (e.data as { fields: string[] }).fields.includes("leaderReview")),
    ).toHaveLength(2);
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, leader)).run();
    expect(await setLeaderReview(t.db, { id: unitId, leaderReview: true }, adminId)).toMatchObject({ ok: false });
  });
});

describe("a handler's 科室 and 可分办", () => {
  it("takes a 科室 of their own unit that is in use, and 可分办; other roles have neither", async () => {
    const open = saved(await createSection(t.db, { unitId, name: "成果转化科" }, adminId));
    const elsewhere = saved(await createSection(t.db, { unitId: otherUnitId, name: "规划科" }, adminId));
    const abolished = saved(await createSection(t.db, { unitId, name: "旧科" }, adminId));
    saved(await updateSection(t.db, { id: abolished, name: "旧科", active: false }, adminId));
    const handler = await person("wangl", "handler", unitId);
    const director = await person("dengmj", "director", unitId);
    expect(
      await setUserDivision(t.db, userDivisionInput.parse({ id: String(handler), sectionId: String(open), canDivide: "on" }), adminId),
    ).toEqual({ ok: true, id: handler });
    expect(await getAdminUser(t.db, handler)).toMatchObject({ sectionId: open, canDivide: true });
    expect((await unitDivision(t.db, unitId)).sections.find((s) => s.id === open)?.staff).toEqual(["wangl"]);
    expect(await setUserDivision(t.db, { id: handler, sectionId: elsewhere, canDivide: false }, adminId)).toEqual({
      ok: false,
      error: "所选科室不属于该用户的单位",
      field: "sectionId",
    });
    expect(await setUserDivision(t.db, { id: handler, sectionId: abolished, canDivide: false }, adminId)).toEqual({
      ok: false,
      error: "所选科室已撤销",
      field: "sectionId",
    });
    expect(await setUserDivision(t.db, { id: director, sectionId: null, canDivide: true }, adminId)).toEqual({
      ok: false,
      error: "只有单位的承办人有科室和分办权限",
    });
    expect(await setUserDivision(t.db, userDivisionInput.parse({ id: String(handler), sectionId: "" }), adminId)).toEqual({
      ok: true,
      id: handler,
    });
    expect(await getAdminUser(t.db, handler)).toMatchObject({ sectionId: null, canDivide: false });
  });

  it("are left behind when the person moves to another unit or role", async () => {
    const section = saved(await createSection(t.db, { unitId, name: "科技服务科" }, adminId));
    const handler = await person("lim", "handler", unitId);
    saved(await setUserDivision(t.db, { id: handler, sectionId: section, canDivide: true }, adminId));
    saved(
      await updateUser(t.db, { id: handler, displayName: "lim", role: "handler", unitId, title: null, phone: null, email: null }, adminId),
    );
    expect(await getAdminUser(t.db, handler)).toMatchObject({ sectionId: section, canDivide: true });
    saved(
      await updateUser(
        t.db,
        { id: handler, displayName: "lim", role: "handler", unitId: otherUnitId, title: null, phone: null, email: null },
        adminId,
      ),
    );
    expect(await getAdminUser(t.db, handler)).toMatchObject({ unitId: otherUnitId, sectionId: null, canDivide: false });
  });
});
