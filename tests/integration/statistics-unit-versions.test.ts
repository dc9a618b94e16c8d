/**
 * The statistics' kept counts after writes (db/queries/statistics.ts sessionsUnder, migrations SQLite 0025 /
 * PostgreSQL 0014): of a session whose version moved, only the lead units whose proposals changed are counted again
 * (counting a whole session again took 25–45 ms at 100,000 proposals, at every contact record or sign-off), and the
 * totals are what a count from scratch gives. Both engines.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sessionsUnder, statisticsCounts, type StatisticsFilter } from "@/db/queries/statistics";
import { countsVector } from "@/lib/statistics";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(() => t?.cleanup());

type Row = { proposal_id: number; session_id: number; lead_unit_id: number | null; status: string };

/** Each session's totals of all its proposals as the statistics keep them (sessionsUnder). */
const sessionTotals = async (db: typeof t.db, filter: StatisticsFilter, today: string) =>
  (await sessionsUnder(db, filter, today)).map((s) => ({ sessionId: s.session.id, ...s.all }));

/** Each session's totals by unit as numbers, from sessionTotals (kept) or counted from scratch. */
async function fromScratch(sessionIds: number[]) {
  return Promise.all(
    sessionIds.map(async (sessionId) => {
      const counted = await statisticsCounts(t.db, { sessionId }, DEMO_TODAY);
      return [...counted].map(([unitId, { counts, states }]) => [unitId, Array.from(countsVector(counts)), states] as const);
    }),
  );
}
const asNumbers = (totals: Awaited<ReturnType<typeof sessionTotals>>) =>
  totals.map((s) => [...s.byUnit].map(([unitId, { counts, states }]) => [unitId, Array.from(counts), states] as const));
const byUnitId = <T extends readonly [number | null, ...unknown[]]>(rows: T[][]) =>
  rows.map((units) => [...units].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)));

it("counts again only the units whose proposals changed, and the totals are a count from scratch", async () => {
  const rows = (await t.db.all<Row>(sql`select proposal_id, session_id, lead_unit_id, status from proposal_statistics`)).map((r) => ({
    ...r,
    proposal_id: Number(r.proposal_id),
    session_id: Number(r.session_id),
    lead_unit_id: r.lead_unit_id === null ? null : Number(r.lead_unit_id),
  }));
  // The session with the most lead units: one proposal closed (unit X), one given to another lead unit (Y → Z).
  const unitsOf = (sessionId: number) =>
    new Set(rows.filter((r) => r.session_id === sessionId && r.lead_unit_id !== null).map((r) => r.lead_unit_id!));
  const session = [...new Set(rows.map((r) => r.session_id))].sort((a, b) => unitsOf(b).size - unitsOf(a).size)[0]!;
  expect(unitsOf(session).size).toBeGreaterThanOrEqual(5);
  const closed = rows.find((r) => r.session_id === session && r.lead_unit_id !== null && r.status !== "closed")!;
  const moved = rows.find((r) => r.session_id === session && r.lead_unit_id !== null && r.lead_unit_id !== closed.lead_unit_id)!;
  const assignedOnMoved = new Set(
    (await t.db.all<{ unit_id: number }>(sql`select unit_id from assignments where proposal_id = ${moved.proposal_id}`)).map((r) =>
      Number(r.unit_id),
    ),
  );
  const to = [...unitsOf(session)].find((u) => u !== closed.lead_unit_id && !assignedOnMoved.has(u))!;
  const changed = new Set([closed.lead_unit_id, moved.lead_unit_id, to]);

  const sessionIds = [...new Set(rows.map((r) => r.session_id))];
  const before = await sessionTotals(t.db, {}, DEMO_TODAY);
  expect(byUnitId(asNumbers(before))).toEqual(byUnitId(await fromScratch(before.map((s) => s.sessionId))));

  await t.db.run(sql`update proposals set status = 'closed' where id = ${closed.proposal_id}`);
  await t.db.run(
    sql`update assignments set unit_id = ${to} where proposal_id = ${moved.proposal_id} and role = 'lead' and status <> 'withdrawn'`,
  );
  const after = await sessionTotals(t.db, {}, DEMO_TODAY);
  expect(byUnitId(asNumbers(after))).toEqual(byUnitId(await fromScratch(after.map((s) => s.sessionId))));
  expect(after.map((s) => s.sessionId).sort()).toEqual(sessionIds.sort());

  for (const [i, totals] of after.entries()) {
    const kept = before[i]!;
    if (totals.sessionId !== session) {
      // Another session's version did not move: its counts are the ones kept.
      expect(totals.byUnit).toBe(kept.byUnit);
      continue;
    }
    expect(totals.byUnit).not.toBe(kept.byUnit);
    for (const [unitId, unitTotals] of totals.byUnit) {
      // The units of the two proposals were counted again; every other unit's counts are the very ones kept.
      if (changed.has(unitId)) expect(unitTotals, `unit ${unitId}`).not.toBe(kept.byUnit.get(unitId));
      else expect(unitTotals, `unit ${unitId}`).toBe(kept.byUnit.get(unitId));
    }
  }
});
