/**
 * Reads and writes behind the administration screens. Every write is logged in the event log with the
 * administrator as actor; duplicates are caught from the database's unique indexes and answered in Chinese.
 */
import { and, asc, count, eq, gt, sql, type SQL } from "drizzle-orm";
import { ROLES, type Role } from "@/lib/domain";
import { hashPassword } from "@/lib/password";
import {
  selfChangeError,
  type CreateCategoryInput,
  type CreateSessionInput,
  type CreateUnitInput,
  type CreateUserInput,
  type ResetPasswordInput,
  type UpdateCategoryInput,
  type UpdateSessionInput,
  type UpdateUnitInput,
  type UpdateUserInput,
  type UserFilter,
} from "@/lib/validation/admin";
import { passwordRepeatsUsername } from "@/lib/validation/password";
import type { Db } from "../client";
import { categories, sessions, units, users } from "../schema";
import { bumpSessionVersion } from "./credentials";
import { uniqueViolation } from "./errors";
import { logEvent } from "./events";
import { position } from "../dialect";

/** The outcome of a write: the row's id, or why it was refused (with the form field to blame). */
export type SaveResult = { ok: true; id: number } | { ok: false; error: string; field?: string };

type UniqueRule = { columns: string; field: string; error: string };

/** Turns a unique-index violation into a refusal; anything else is rethrown. */
export function refuseDuplicate(error: unknown, rules: UniqueRule[]): SaveResult {
  const violated = uniqueViolation(error);
  const rule = violated === null ? undefined : rules.find((r) => r.columns === violated);
  if (!rule) throw error;
  return { ok: false, error: rule.error, field: rule.field };
}

/** The names of the fields whose values differ, for the event log. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => after[key] !== before[key]);
}

export const NOT_FOUND: SaveResult = { ok: false, error: "该记录不存在或已被删除" };

// ---------------------------------------------------------------------------------------------
// Overview

/** Counts for the administration home and the accounts that need the administrator's attention. */
export async function adminOverview(db: Db, now = new Date()) {
  const tally = async (table: typeof units | typeof sessions | typeof categories) =>
    (await db
      // `active` is 0/1 on SQLite and a boolean on PostgreSQL: counted by FILTER, which both know.
      .select({ total: count(), active: sql<number>`count(*) filter (where ${table.active})` })
      .from(table)
      .get()) ?? { total: 0, active: 0 };
  const byRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const row of await db.select({ role: users.role, n: count() }).from(users).groupBy(users.role).all()) {
    byRole[row.role] = row.n;
  }
  const account = { id: users.id, username: users.username, displayName: users.displayName, lockedUntil: users.lockedUntil };
  return {
    units: await tally(units),
    sessions: await tally(sessions),
    categories: await tally(categories),
    usersByRole: byRole,
    disabledUsers: (await db.select({ n: count() }).from(users).where(eq(users.disabled, true)).get())?.n ?? 0,
    lockedUsers: await db
      .select(account)
      .from(users)
      .where(and(gt(users.lockedUntil, now), eq(users.disabled, false)))
      .orderBy(asc(users.lockedUntil))
      .all(),
    mustChangeUsers: await db
      .select(account)
      .from(users)
      .where(and(eq(users.mustChangePassword, true), eq(users.disabled, false)))
      .orderBy(asc(users.id))
      .all(),
  };
}

// ---------------------------------------------------------------------------------------------
// Units

const UNIT_UNIQUE: UniqueRule[] = [
  { columns: "units.name", field: "name", error: "单位名称已存在" },
  { columns: "units.short_name", field: "shortName", error: "单位简称已存在" },
];

export async function createUnit(db: Db, input: CreateUnitInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const { id } = await tx.insert(units).values(input).returning({ id: units.id }).get();
      await logEvent(tx, { action: "unit_create", actorId, data: { unitId: id, name: input.name } });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, UNIT_UNIQUE);
  }
}

export async function updateUnit(db: Db, { id, ...values }: UpdateUnitInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const before = await tx.select().from(units).where(eq(units.id, id)).get();
      if (!before) return NOT_FOUND;
      await tx.update(units).set(values).where(eq(units.id, id)).run();
      await logEvent(tx, { action: "unit_update", actorId, data: { unitId: id, fields: changedFields(before, values) } });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, UNIT_UNIQUE);
  }
}

// ---------------------------------------------------------------------------------------------
// Users

const USER_UNIQUE: UniqueRule[] = [{ columns: "users.username", field: "username", error: "用户名已存在" }];

/** The columns the administration screens show; never the password hash. */
const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitName: units.shortName,
  sectionId: users.sectionId,
  canDivide: users.canDivide,
  title: users.title,
  phone: users.phone,
  email: users.email,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export async function listUsers(db: Db, filter: UserFilter, page: { page: number; pageSize: number }, now = new Date()) {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.unit) conditions.push(eq(users.unitId, filter.unit));
  if (filter.q) {
    conditions.push(
      sql`(${position(sql`lower(${users.username})`, sql`lower(${filter.q})`)} > 0 or ${position(users.displayName, filter.q)} > 0)`,
    );
  }
  if (filter.status === "active") conditions.push(eq(users.disabled, false));
  if (filter.status === "disabled") conditions.push(eq(users.disabled, true));
  if (filter.status === "locked") conditions.push(gt(users.lockedUntil, now));
  if (filter.status === "mustChange") conditions.push(eq(users.mustChangePassword, true), eq(users.disabled, false));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select(userColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(users.role), asc(users.unitId), asc(users.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .all();
  const total = (await db.select({ n: count() }).from(users).where(where).get())?.n ?? 0;
  return { rows, total };
}

export async function getAdminUser(db: Db, id: number) {
  return (await db.select(userColumns).from(users).leftJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id)).get()) ?? null;
}

export type AdminUser = NonNullable<Awaited<ReturnType<typeof getAdminUser>>>;

/** Why a user cannot be placed in a unit (unknown, or retired and not already theirs), or null when they can. */
async function unitRefusal(db: Pick<Db, "select">, unitId: number | null, currentUnitId: number | null = null): Promise<SaveResult | null> {
  if (unitId === null || unitId === currentUnitId) return null;
  const unit = await db.select({ active: units.active }).from(units).where(eq(units.id, unitId)).get();
  if (!unit) return { ok: false, error: "所选单位不存在", field: "unitId" };
  return unit.active ? null : { ok: false, error: "所选单位已停用", field: "unitId" };
}

/** A new account; the initial password is one the person must change when they first sign in. */
export async function createUser(db: Db, input: CreateUserInput, actorId: number): Promise<SaveResult> {
  const { password, ...profile } = input;
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const refusal = await unitRefusal(tx, profile.unitId);
      if (refusal) return refusal;
      const { id } = await tx
        .insert(users)
        .values({ ...profile, passwordHash, mustChangePassword: true })
        .returning({ id: users.id })
        .get();
      await logEvent(tx, {
        action: "user_create",
        actorId,
        data: { userId: id, username: profile.username, role: profile.role, unitId: profile.unitId },
      });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, USER_UNIQUE);
  }
}

/** Profile, role and unit. A role change is logged on its own, since it changes what the person may do. */
export async function updateUser(db: Db, { id, ...values }: UpdateUserInput, actorId: number): Promise<SaveResult> {
  const refusal = selfChangeError(actorId, id, { role: values.role });
  if (refusal) return { ok: false, error: refusal, field: "role" };
  return db.transaction(async (tx) => {
    const before = await tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) return NOT_FOUND;
    const unitRefused = await unitRefusal(tx, values.unitId, before.unitId);
    if (unitRefused) return unitRefused;
    // A 科室 and 可分办 are a handler's within their unit: another role or unit leaves both.
    const leavesSection = values.role !== "handler" || values.unitId !== before.unitId;
    await tx
      .update(users)
      .set({ ...values, ...(leavesSection ? { sectionId: null, canDivide: false } : {}) })
      .where(eq(users.id, id))
      .run();
    await logEvent(tx, { action: "user_update", actorId, data: { userId: id, fields: changedFields(before, values) } });
    if (before.role !== values.role) {
      await logEvent(tx, { action: "user_role_change", actorId, data: { userId: id, from: before.role, to: values.role } });
    }
    return { ok: true, id };
  });
}

/** Sets a new password the person must change at next sign-in, lifts any lockout, and ends their sessions. */
export async function resetPassword(db: Db, { id, password }: ResetPasswordInput, actorId: number): Promise<SaveResult> {
  const target = await db.select({ username: users.username }).from(users).where(eq(users.id, id)).get();
  if (!target) return NOT_FOUND;
  if (passwordRepeatsUsername(password, target.username)) {
    return { ok: false, error: "密码不能与用户名相同", field: "password" };
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, id))
      .run();
    await bumpSessionVersion(tx, id);
    await logEvent(tx, { action: "password_reset", actorId, data: { userId: id } });
  });
  return { ok: true, id };
}

/** Disabling ends the person's sessions at once; enabling lets them sign in again. */
export async function setUserDisabled(db: Db, id: number, disabled: boolean, actorId: number): Promise<SaveResult> {
  const refusal = selfChangeError(actorId, id, { disable: disabled });
  if (refusal) return { ok: false, error: refusal };
  return db.transaction(async (tx) => {
    const before = await tx.select({ disabled: users.disabled }).from(users).where(eq(users.id, id)).get();
    if (!before) return NOT_FOUND;
    if (before.disabled === disabled) return { ok: true, id };
    await tx.update(users).set({ disabled }).where(eq(users.id, id)).run();
    if (disabled) await bumpSessionVersion(tx, id);
    await logEvent(tx, { action: disabled ? "user_disable" : "user_enable", actorId, data: { userId: id } });
    return { ok: true, id };
  });
}

/** Lifts a lockout after too many wrong passwords. */
export async function unlockUser(db: Db, id: number, actorId: number): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const before = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).get();
    if (!before) return NOT_FOUND;
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id)).run();
    await logEvent(tx, { action: "user_unlock", actorId, data: { userId: id } });
    return { ok: true, id };
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions (届次会议)

const SESSION_UNIQUE: UniqueRule[] = [
  { columns: "sessions.body, sessions.term, sessions.meeting", field: "meeting", error: "该届次会议已存在" },
];

export async function createSession(db: Db, input: CreateSessionInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const { id } = await tx.insert(sessions).values(input).returning({ id: sessions.id }).get();
      await logEvent(tx, { action: "session_create", actorId, data: { sessionId: id } });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, SESSION_UNIQUE);
  }
}

export async function updateSession(db: Db, { id, ...values }: UpdateSessionInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const before = await tx.select().from(sessions).where(eq(sessions.id, id)).get();
      if (!before) return NOT_FOUND;
      await tx.update(sessions).set(values).where(eq(sessions.id, id)).run();
      await logEvent(tx, { action: "session_update", actorId, data: { sessionId: id, fields: changedFields(before, values) } });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, SESSION_UNIQUE);
  }
}

// ---------------------------------------------------------------------------------------------
// Categories (主题分类)

const CATEGORY_UNIQUE: UniqueRule[] = [{ columns: "categories.name", field: "name", error: "主题分类已存在" }];

export async function getCategory(db: Db, id: number) {
  return (await db.select().from(categories).where(eq(categories.id, id)).get()) ?? null;
}

export async function createCategory(db: Db, input: CreateCategoryInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const { id } = await tx.insert(categories).values(input).returning({ id: categories.id }).get();
      await logEvent(tx, { action: "category_create", actorId, data: { categoryId: id, name: input.name } });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, CATEGORY_UNIQUE);
  }
}

export async function updateCategory(db: Db, { id, ...values }: UpdateCategoryInput, actorId: number): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const before = await tx.select().from(categories).where(eq(categories.id, id)).get();
      if (!before) return NOT_FOUND;
      await tx.update(categories).set(values).where(eq(categories.id, id)).run();
      await logEvent(tx, { action: "category_update", actorId, data: { categoryId: id, fields: changedFields(before, values) } });
      return { ok: true, id };
    });
  } catch (error) {
    return refuseDuplicate(error, CATEGORY_UNIQUE);
  }
}
