/** How many proposals are in each state, per session, under the statistics page's filters. */
import { inArray } from "drizzle-orm";
import type { ProposalState } from "@/lib/domain";
import { isoDateInChina, sessionTitle } from "@/lib/format";
import type { Db } from "../client";
import { sessions } from "../schema";
import { sessionTotals, type StatisticsFilter } from "./statistics";

export type SessionStates = { sessionId: number; session: string; states: Record<ProposalState, number> };

/** Sessions oldest first (those with proposals), each with a count for every state (zero included); counted with the figures (sessionTotals). */
export async function statesBySession(db: Db, filter: StatisticsFilter = {}, today = isoDateInChina(new Date())): Promise<SessionStates[]> {
  const totals = (await sessionTotals(db, filter, today)).filter((s) => s.byUnit.size > 0);
  const titles = new Map(
    (
      await db
        .select()
        .from(sessions)
        .where(
          inArray(
            sessions.id,
            totals.map((s) => s.sessionId),
          ),
        )
        .all()
    ).map((s) => [s.id, sessionTitle(s)]),
  );
  return totals.map(({ sessionId, sum }) => ({ sessionId, session: titles.get(sessionId) ?? "", states: { ...sum.states } }));
}
