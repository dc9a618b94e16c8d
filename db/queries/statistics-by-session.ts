/** How many proposals are in each state, per session, under the statistics page's filters. */
import { sql } from "drizzle-orm";
import { PROPOSAL_STATES, type ProposalState } from "@/lib/domain";
import { sessionTitle } from "@/lib/format";
import type { Db } from "../client";
import type { StatisticsFilter } from "./statistics";

export type SessionStates = { sessionId: number; session: string; states: Record<ProposalState, number> };

type Row = { sessionId: number; body: string; term: string; meeting: string; status: ProposalState; n: number };

/** Sessions oldest first, each with a count for every state (zero included). */
export function statesBySession(db: Db, filter: StatisticsFilter = {}): SessionStates[] {
  const rows = db.all<Row>(sql`
    select s.id as sessionId, s.body as body, s.term as term, s.meeting as meeting, p.status as status, count(*) as n
    from proposals p
    join sessions s on s.id = p.session_id
    left join assignments lead on lead.proposal_id = p.id and lead.role = 'lead' and lead.status <> 'withdrawn'
    where (${filter.sessionId ?? null} is null or p.session_id = ${filter.sessionId ?? null})
      and (${filter.kind ?? null} is null or s.kind = ${filter.kind ?? null})
      and (${filter.unitId ?? null} is null or lead.unit_id = ${filter.unitId ?? null})
    group by s.id, p.status
    order by s.year, s.id
  `);
  const bySession = new Map<number, SessionStates>();
  for (const r of rows) {
    const entry = bySession.get(r.sessionId) ?? { sessionId: r.sessionId, session: sessionTitle(r), states: Object.fromEntries(PROPOSAL_STATES.map((s) => [s, 0])) as Record<ProposalState, number> };
    entry.states[r.status] += r.n;
    bySession.set(r.sessionId, entry);
  }
  return [...bySession.values()];
}
