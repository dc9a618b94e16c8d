/**
 * The administration of 分办 (docs/domain.md "分办"): a unit's 科室 and its 分管领导 step, a handler's 科室
 * and 可分办. Logged in the event log like every administrative write.
 */
import { and, count, eq, max } from "drizzle-orm";
import type { CreateSectionInput, LeaderReviewInput, UpdateSectionInput, UserDivisionInput } from "@/lib/validation/admin";
import type { Db } from "../client";
import { sections, units, users } from "../schema";
import { changedFields, NOT_FOUND, refuseDuplicate, type SaveResult } from "./admin";
import { logEvent } from "./events";

const SECTION_UNIQUE = [{ columns: "sections.unit_id, sections.name", field: "name", error: "本单位已有同名科室" }];

export async function createSection(db: Db, input: CreateSectionInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)).get())) return NOT_FOUND;
      // A new 科室 comes after the unit's others.
      const last =
        (
          await tx
            .select({ n: max(sections.sortOrder) })
            .from(sections)
            .where(eq(sections.unitId, input.unitId))
            .get()
        )?.n ?? 0;
      const { id } = await tx
        .insert(sections)
        .values({ ...input, sortOrder: last + 1 })
        .returning({ id: sections.id })
        .get();
      await logEvent(tx, { action: "section_create", actorId, data: { unitId: input.unitId, sectionId: id, name: input.name } });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, SECTION_UNIQUE);
  }
}

/** Renames a 科室, or abolishes (撤销) or restores it: an abolished 科室 takes no new 分办; what was divided to it stays. */
export async function updateSection(db: Db, { id, ...values }: UpdateSectionInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const before = await tx.select().from(sections).where(eq(sections.id, id)).get();
      if (!before) return NOT_FOUND;
      await tx.update(sections).set(values).where(eq(sections.id, id)).run();
      await logEvent(tx, {
        action: "section_update",
        actorId,
        data: { unitId: before.unitId, sectionId: id, fields: changedFields(before, values) },
      });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, SECTION_UNIQUE);
  }
}

/** Turns the unit's 分管领导 step on or off; on only when the unit has a 分管领导 who can sign in. */
export async function setLeaderReview(db: Db, { id, leaderReview }: LeaderReviewInput, actorId: number): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const before = await tx.select({ leaderReview: units.leaderReview }).from(units).where(eq(units.id, id)).get();
    if (!before) return NOT_FOUND;
    if (leaderReview) {
      const leaders = (await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.unitId, id), eq(users.role, "leader"), eq(users.disabled, false)))
        .get())!.n;
      if (leaders === 0)
        return { ok: false, error: "本单位还没有在岗的分管领导账户：请先在用户管理中新建角色为“分管领导”的用户", field: "leaderReview" };
    }
    if (before.leaderReview === leaderReview) return { ok: true, id };
    await tx.update(units).set({ leaderReview }).where(eq(units.id, id)).run();
    await logEvent(tx, { action: "unit_update", actorId, data: { unitId: id, fields: ["leaderReview"] } });
    return { ok: true, id };
  });
}

/** A handler's 科室 (one of their unit's, in use, or the one they have) and 可分办. */
export async function setUserDivision(db: Db, { id, ...values }: UserDivisionInput, actorId: number): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const before = await tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) return NOT_FOUND;
    if (before.role !== "handler" || before.unitId === null) return { ok: false, error: "只有单位的承办人有科室和分办权限" };
    if (values.sectionId !== null && values.sectionId !== before.sectionId) {
      const section = await tx.select().from(sections).where(eq(sections.id, values.sectionId)).get();
      if (!section || section.unitId !== before.unitId) return { ok: false, error: "所选科室不属于该用户的单位", field: "sectionId" };
      if (!section.active) return { ok: false, error: "所选科室已撤销", field: "sectionId" };
    }
    await tx.update(users).set(values).where(eq(users.id, id)).run();
    await logEvent(tx, { action: "user_update", actorId, data: { userId: id, fields: changedFields(before, values) } });
    return { ok: true, id };
  });
}
