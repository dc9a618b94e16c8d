/** 科室 of a unit and the handlers working in them: what 分办 and the administration screens read. */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { SectionRef, StaffRef } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { sections, users } from "../schema";

type Reader = Pick<Db, "select">;

/** The unit's 科室 in their order; abolished ones too unless `activeOnly`. */
export async function sectionsOf(db: Reader, unitId: number, { activeOnly = false } = {}) {
  return db
    .select()
    .from(sections)
    .where(activeOnly ? and(eq(sections.unitId, unitId), eq(sections.active, true)) : eq(sections.unitId, unitId))
    .orderBy(asc(sections.sortOrder), asc(sections.id))
    .all();
}

/** The unit's handlers who work in a 科室 and can sign in: whom a 分办 may name. */
export async function sectionStaffOf(db: Reader, unitId: number) {
  return (
    await db
      .select({ id: users.id, name: users.displayName, sectionId: users.sectionId })
      .from(users)
      .where(and(eq(users.unitId, unitId), eq(users.role, "handler"), eq(users.disabled, false), isNotNull(users.sectionId)))
      .orderBy(asc(users.id))
      .all()
  ).map((u) => ({ ...u, sectionId: u.sectionId! }));
}

/** A 科室 as the workflow judges it, or null when there is none with that id. */
export async function sectionRef(db: Reader, id: number): Promise<SectionRef | null> {
  return (
    (await db
      .select({ id: sections.id, unitId: sections.unitId, active: sections.active })
      .from(sections)
      .where(eq(sections.id, id))
      .get()) ?? null
  );
}

/** A person named as 承办人, as the workflow judges them, or null when there is none with that id. */
export async function staffRef(db: Reader, id: number): Promise<StaffRef | null> {
  const row = await db
    .select({ id: users.id, role: users.role, unitId: users.unitId, sectionId: users.sectionId, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .get();
  return row ? { id: row.id, role: row.role, unitId: row.unitId, sectionId: row.sectionId, active: !row.disabled } : null;
}

/** What the administrator sees of a unit's 分办: its 科室 with the handlers in each, and its 分管领导. */
export async function unitDivision(db: Reader, unitId: number) {
  const people = await db
    .select({ name: users.displayName, title: users.title, role: users.role, sectionId: users.sectionId })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.disabled, false)))
    .orderBy(asc(users.id))
    .all();
  return {
    sections: (await sectionsOf(db, unitId)).map((s) => ({
      id: s.id,
      name: s.name,
      active: s.active,
      staff: people.filter((p) => p.role === "handler" && p.sectionId === s.id).map((p) => p.name),
    })),
    leaders: people.filter((p) => p.role === "leader").map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)),
  };
}

/** The names of a division's 科室 and 承办人, for the page. */
export async function divisionNames(db: Reader, division: { sectionId: number; assigneeId: number }) {
  const section = await db.select({ name: sections.name }).from(sections).where(eq(sections.id, division.sectionId)).get();
  const assignee = await db.select({ name: users.displayName }).from(users).where(eq(users.id, division.assigneeId)).get();
  return { section: section?.name ?? "", assignee: assignee?.name ?? "" };
}
