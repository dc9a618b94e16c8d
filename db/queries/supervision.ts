/** The 督办 board: what is due soon or overdue, by unit and by stage. */
import { sql } from "drizzle-orm";
import type { DeadlineKind } from "@/lib/deadline-rules";
import type { SessionKind } from "@/lib/domain";
import { AWAITING_REPLY_STATES } from "@/lib/overdue";
import type { SupervisionStage } from "@/lib/supervision-board";
import type { Db } from "../client";

export type SupervisionItem = {
  proposalId: number;
  number: number;
  title: string;
  kind: SessionKind;
  unitId: number;
  unit: string;
  stage: SupervisionStage;
  due: string;
};

/** An open step with what its deadline was counted from: the rule and start date, when the stored date follows from them alone. */
export type OpenStep = SupervisionItem & {
  start: string;
  /** Null for a deadline set otherwise: an extension granted, or a second round counted from the receipt. */
  rule: DeadlineKind | null;
};

/**
 * Every open step whose deadline lies in the range (of one unit, if given), earliest first. A reply is
 * awaited from 交办 on (lib/overdue.ts), so a lead unit that has not even accepted is shown its reply
 * deadline too. Each part starts from an index of what is still open (assignments by state and deadline,
 * proposals by state, pending_publications by due date), never from every reply or assignment.
 */
export async function openSteps(db: Db, range: { from?: string; until?: string; unitId?: number | null }): Promise<OpenStep[]> {
  const unitId = range.unitId ?? null;
  return db.all<OpenStep>(sql`
    select * from (
      select p.id as "proposalId", p.number, p.title, s.kind, u.id as "unitId", u.name as unit, 'accept' as stage, a.accept_due as due,
        a.assigned_on as start, 'accept' as rule
      from assignments a join proposals p on p.id = a.proposal_id join sessions s on s.id = p.session_id join units u on u.id = a.unit_id
      where a.status = 'pending' and p.status in ('assigned', 'handling', 'rehandling')
      union all
      select p.id, p.number, p.title, s.kind, u.id, u.name, 'opinion', coalesce(a.extended_due, a.due),
        a.assigned_on, case when a.extended_due is null then 'coOpinion' end
      from assignments a join proposals p on p.id = a.proposal_id join sessions s on s.id = p.session_id join units u on u.id = a.unit_id
      where a.role = 'co' and a.status = 'accepted' and a.opinion_waived_reason is null and p.status in ('assigned', 'handling', 'rehandling')
      union all
      select p.id, p.number, p.title, s.kind, u.id, u.name, 'reply', coalesce(a.extended_due, a.due),
        a.assigned_on, case when a.extended_due is null and p.round = 1 then (case when p.is_urgent then 'urgentReply' else 'reply' end) end
      from assignments a join proposals p on p.id = a.proposal_id join sessions s on s.id = p.session_id join units u on u.id = a.unit_id
      where a.role = 'lead' and a.status in ('pending', 'adjust_requested', 'accepted') and p.status in ${AWAITING_REPLY_STATES}
      union all
      select p.id, p.number, p.title, s.kind, u.id, u.name, 'receipt', r.receipt_due, r.written_on, 'receipt'
      from replies r join proposals p on p.id = r.proposal_id and r.round = p.round join sessions s on s.id = p.session_id join units u on u.id = r.unit_id
      where p.status = 'replied'
      union all
      select p.id, p.number, p.title, s.kind, u.id, u.name, 'publication', pending.publication_due, r.written_on, 'publication'
      from pending_publications pending join replies r on r.id = pending.reply_id join proposals p on p.id = r.proposal_id
      join sessions s on s.id = p.session_id join units u on u.id = r.unit_id
      where p.status in ('replied', 'rehandling', 'closed')
    ) as steps
    where due >= ${range.from ?? "0000-01-01"} and due <= ${range.until ?? "9999-12-31"} ${unitId === null ? sql`` : sql`and "unitId" = ${unitId}`}
    order by due, unit, number
  `);
}

/** Every open step whose deadline is on or before `until` (of one unit, if given), earliest first: the 督办 board. */
export async function supervisionItems(db: Db, until: string, unitId: number | null = null): Promise<SupervisionItem[]> {
  return openSteps(db, { until, unitId });
}
