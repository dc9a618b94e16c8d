import { aliasedTable, and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, proposalSigners, proposals, replies, receipts, sessions, units } from "../schema";
import { stringAgg } from "../dialect";

const leadAssignment = aliasedTable(assignments, "lead_assignment");
const leadUnit = aliasedTable(units, "lead_unit");
const latestReply = aliasedTable(replies, "latest_reply");

/** The proposals a member leads or co-signed, newest session first, with what they need to see on the list. */
export async function memberProposals(db: Db, memberId: number) {
  return db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      status: proposals.status,
      round: proposals.round,
      signerRole: proposalSigners.role,
      sessionId: sessions.id,
      sessionBody: sessions.body,
      sessionTerm: sessions.term,
      sessionMeeting: sessions.meeting,
      sessionKind: sessions.kind,
      leadUnit: leadUnit.name,
      coUnits: sql<
        string | null
      >`(select ${stringAgg(sql`u.short_name`, "、", sql`a.id`)} from ${assignments} a join ${units} u on u.id = a.unit_id where a.proposal_id = ${proposals.id} and a.role = 'co' and a.status <> 'withdrawn')`,
      due: sql<string | null>`coalesce(${leadAssignment.extendedDue}, ${leadAssignment.due})`,
      replyId: latestReply.id,
      receiptDue: latestReply.receiptDue,
      receiptOwed: sql<number>`case when ${latestReply.id} is not null and not exists (select 1 from ${receipts} r where r.reply_id = ${latestReply.id} and r.member_id = ${memberId}) then 1 else 0 end`,
    })
    .from(proposalSigners)
    .innerJoin(proposals, eq(proposals.id, proposalSigners.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .leftJoin(
      leadAssignment,
      and(eq(leadAssignment.proposalId, proposals.id), eq(leadAssignment.role, "lead"), ne(leadAssignment.status, "withdrawn")),
    )
    .leftJoin(leadUnit, eq(leadUnit.id, leadAssignment.unitId))
    .leftJoin(latestReply, and(eq(latestReply.proposalId, proposals.id), eq(latestReply.round, proposals.round)))
    .where(and(eq(proposalSigners.userId, memberId), inArray(proposalSigners.role, ["lead", "cosigner"])))
    .orderBy(desc(sessions.year), desc(sessions.id), proposals.number)
    .all();
}
