/** 台账: one row per proposal with everything the coordinating office tracks, for the Excel export. */
import { aliasedTable, and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, categories, proposalSigners, proposals, publications, replies, replyDrafts, sessions, units, users } from "../schema";
import { selectionCondition, type ProposalSelection } from "./proposal-selection";
import { stringAgg } from "../dialect";

const leadSigner = aliasedTable(proposalSigners, "lead_signer");
const leadProposer = aliasedTable(users, "lead_proposer");
const leadAssignment = aliasedTable(assignments, "lead_assignment");
const leadUnit = aliasedTable(units, "lead_unit");
const latestReply = aliasedTable(replies, "latest_reply");

/** The ledger of the proposals the staff list's filters select (db/queries/proposal-selection.ts), in the list's order; `today` decides what is overdue. */
export async function ledgerRows(db: Db, selection: ProposalSelection, today: string) {
  return db
    .select({
      id: proposals.id,
      sessionBody: sessions.body,
      sessionTerm: sessions.term,
      sessionMeeting: sessions.meeting,
      sessionKind: sessions.kind,
      number: proposals.number,
      title: proposals.title,
      proposer: leadProposer.displayName,
      coSigners: sql<
        string | null
      >`(select ${stringAgg(sql`u.display_name`, "、", sql`s.position, s.user_id`)} from ${proposalSigners} s join ${users} u on u.id = s.user_id where s.proposal_id = ${proposals.id} and s.role = 'cosigner')`,
      category: categories.name,
      isKey: proposals.isKey,
      leadUnit: leadUnit.name,
      coUnits: sql<
        string | null
      >`(select ${stringAgg(sql`u.name`, "、", sql`a.id`)} from ${assignments} a join ${units} u on u.id = a.unit_id where a.proposal_id = ${proposals.id} and a.role = 'co' and a.status <> 'withdrawn')`,
      receivedOn: proposals.receivedOn,
      assignedOn: proposals.assignedOn,
      acceptDue: leadAssignment.acceptDue,
      due: sql<string | null>`coalesce(${leadAssignment.extendedDue}, ${leadAssignment.due})`,
      status: proposals.status,
      round: proposals.round,
      docNumber: latestReply.docNumber,
      writtenOn: latestReply.writtenOn,
      resultClass: sql<
        string | null
      >`(select ${replyDrafts.resultClass} from ${replyDrafts} where ${replyDrafts.id} = ${latestReply.draftId})`,
      indexNumber: sql<
        string | null
      >`(select p.index_number from ${publications} p where p.reply_id = ${latestReply.id} and p.status = 'published')`,
      satisfaction: sql<
        string | null
      >`(select ${stringAgg(sql`case r.result when 'satisfied' then '满意' when 'basically' then '基本满意' else '不满意' end`, "、", sql`r.id`)} from receipts r where r.reply_id = ${latestReply.id})`,
    })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .leftJoin(categories, eq(categories.id, proposals.categoryId))
    .leftJoin(leadSigner, and(eq(leadSigner.proposalId, proposals.id), eq(leadSigner.role, "lead")))
    .leftJoin(leadProposer, eq(leadProposer.id, leadSigner.userId))
    .leftJoin(
      leadAssignment,
      and(eq(leadAssignment.proposalId, proposals.id), eq(leadAssignment.role, "lead"), ne(leadAssignment.status, "withdrawn")),
    )
    .leftJoin(leadUnit, eq(leadUnit.id, leadAssignment.unitId))
    .leftJoin(
      latestReply,
      and(
        eq(latestReply.proposalId, proposals.id),
        eq(latestReply.round, sql`(select max(r2.round) from ${replies} r2 where r2.proposal_id = ${proposals.id})`),
      ),
    )
    .where(await selectionCondition(db, selection, today))
    .orderBy(desc(sessions.year), desc(sessions.id), asc(proposals.number))
    .all();
}

export type LedgerRow = Awaited<ReturnType<typeof ledgerRows>>[number];
