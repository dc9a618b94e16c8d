import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import { categories, sessions, units } from "../schema";

const unitQuery = preparedOnce((db: Db) =>
  db
    .select()
    .from(units)
    .where(eq(units.id, param("unitId")))
    .prepare(),
);

export async function getUnit(db: Db, unitId: number) {
  return (await unitQuery(db).get({ unitId })) ?? null;
}

export async function listUnits(db: Db, { activeOnly = false } = {}) {
  const q = db.select().from(units);
  return (activeOnly ? q.where(eq(units.active, true)) : q).orderBy(asc(units.id)).all();
}

export async function listCategories(db: Db, { activeOnly = false } = {}) {
  const q = db.select().from(categories);
  return (activeOnly ? q.where(eq(categories.active, true)) : q).orderBy(asc(categories.sortOrder), asc(categories.id)).all();
}

export async function getSession(db: Db, sessionId: number) {
  return (await db.select().from(sessions).where(eq(sessions.id, sessionId)).get()) ?? null;
}
