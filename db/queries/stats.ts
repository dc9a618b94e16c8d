import { and, eq, ne, sql } from "drizzle-orm";
import type { ProposalState } from "@/lib/domain";
import type { Db } from "../client";
import { assignments, proposals, units } from "../schema";

/** Number of proposals in each state, optionally within one session. */
export function countByState(db: Db, sessionId: number | null): Record<ProposalState, number> {
  const rows = db
    .select({ status: proposals.status, n: sql<number>`count(*)` })
    .from(proposals)
    .where(sessionId ? eq(proposals.sessionId, sessionId) : undefined)
    .groupBy(proposals.status)
    .all();
  const out = { registered: 0, assigned: 0, handling: 0, in_review: 0, replied: 0, rehandling: 0, closed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** Per lead unit: proposals led, replied (or closed), and open past their deadline. */
export function leadUnitFigures(db: Db, sessionId: number | null, today: string) {
  return db
    .select({
      unitId: units.id,
      unit: units.name,
      led: sql<number>`count(*)`,
      replied: sql<number>`sum(case when ${proposals.status} in ('replied', 'closed') then 1 else 0 end)`,
      overdue: sql<number>`sum(case when ${proposals.status} in ('assigned', 'handling', 'rehandling', 'in_review') and coalesce(${assignments.extendedDue}, ${assignments.due}) < ${today} then 1 else 0 end)`,
    })
    .from(assignments)
    .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(and(eq(assignments.role, "lead"), ne(assignments.status, "withdrawn"), sessionId ? eq(proposals.sessionId, sessionId) : undefined))
    .groupBy(units.id)
    .orderBy(sql`count(*) desc`)
    .all();
}
