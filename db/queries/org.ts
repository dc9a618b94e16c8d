import { asc, eq, sql } from "drizzle-orm";
import { sessionTitle } from "@/lib/format";
import type { Db } from "../client";
import { jsonArray, jsonObject } from "../dialect";
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

type Named = { id: number; name: string };
const pair = ({ id, name }: Named): [number, string] => [id, name];

/** One row to select the lists from. */
const ONE_ROW = sql`(select 1 as one) as one_row`;

const filterChoicesQuery = preparedOnce((db: Db) =>
  db
    .select({
      sessions: jsonArray<{ id: number; body: string; term: string; meeting: string }>(
        jsonObject({ id: sessions.id, body: sessions.body, term: sessions.term, meeting: sessions.meeting }),
        sql`from ${sessions}`,
        sql`${sessions.year} desc, ${sessions.id} desc`,
      ),
      units: jsonArray<Named>(jsonObject({ id: units.id, name: units.shortName }), sql`from ${units}`, sql`${units.id}`),
      categories: jsonArray<Named>(
        jsonObject({ id: categories.id, name: categories.name }),
        sql`from ${categories}`,
        sql`${categories.sortOrder}, ${categories.id}`,
      ),
    })
    .from(ONE_ROW)
    .prepare(),
);

/**
 * What a list's filters offer, as [id, label] pairs: every session (newest first, by title), unit (by short name) and
 * category, in the order of listSessions, listUnits and listCategories. One statement (a round trip on PostgreSQL).
 */
export async function filterChoices(
  db: Db,
): Promise<{ sessions: [number, string][]; units: [number, string][]; categories: [number, string][] }> {
  const lists = (await filterChoicesQuery(db).get())!;
  return {
    sessions: lists.sessions.map((s) => [s.id, sessionTitle(s)]),
    units: lists.units.map(pair),
    categories: lists.categories.map(pair),
  };
}
