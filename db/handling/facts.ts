/**
 * Loads the workflow facts of one proposal (lib/workflow/facts.ts) from the database, in one statement: every
 * write runs it first under the write lock (db/handling/run.ts), and on PostgreSQL each statement of a transaction is
 * a round trip after which the server's other requests run before the next (read table by table, the facts held the
 * lock through fourteen of them; docs/decisions/011).
 */
import { and, type Column, eq, sql } from "drizzle-orm";
import type { AssignmentFacts, ProposalFacts } from "@/lib/workflow/facts";
import type { Db } from "../client";
import { jsonArray, jsonObject, jsonValue } from "../dialect";
import { param, preparedOnce } from "../prepared";
import { proposerIdsOfProposal } from "../queries/proposals";
import {
  assignments,
  coOpinions,
  contactRecords,
  extensionRequests,
  leaderReviews,
  proposalLinks,
  proposals,
  receipts,
  replies,
  replyDrafts,
  replyFiles,
  signOffs,
  units,
} from "../schema";

type Reader = Pick<Db, "select">;

/** Booleans inside JSON: 0 / 1 on SQLite, true / false on PostgreSQL. */
type JsonBool = boolean | 0 | 1;

type AssignmentRow = Omit<AssignmentFacts, "opinionWaived" | "pendingExtension" | "division"> & {
  opinionWaived: JsonBool;
  pendingExtension: JsonBool;
  leaderReview: JsonBool;
  sectionId: number | null;
  assigneeId: number | null;
  internalDue: string | null;
};

/** A table's rows of the proposal's current round. */
const inThisRound = (table: { proposalId: Column; round: Column }) =>
  and(eq(table.proposalId, proposals.id), eq(table.round, proposals.round));

const linkedId = sql`case when ${proposalLinks.proposalId} = ${proposals.id} then ${proposalLinks.relatedId} else ${proposalLinks.proposalId} end`;

/** The statement, built once per connection (db/prepared.ts). */
const factsQuery = preparedOnce((db: Reader) =>
  db
    .select({
      version: proposals.version,
      status: proposals.status,
      round: proposals.round,
      isUrgent: proposals.isUrgent,
      isKey: proposals.isKey,
      keyLeaderId: proposals.keyLeaderId,
      contactWaivedReason: proposals.contactWaivedReason,
      reviewStage: proposals.reviewStage,
      proposerIds: proposerIdsOfProposal(),
      assignments: jsonArray<AssignmentRow>(
        jsonObject({
          id: assignments.id,
          unitId: assignments.unitId,
          role: assignments.role,
          status: assignments.status,
          handlerId: assignments.handlerId,
          assignedOn: assignments.assignedOn,
          acceptDue: assignments.acceptDue,
          due: assignments.due,
          extendedDue: assignments.extendedDue,
          opinion: coOpinions.status,
          opinionWaived: sql`${assignments.opinionWaivedReason} is not null`,
          pendingExtension: sql`exists (select 1 from ${extensionRequests}
            where ${extensionRequests.assignmentId} = ${assignments.id} and ${extensionRequests.status} = 'pending')`,
          leaderReview: units.leaderReview,
          sectionId: assignments.sectionId,
          assigneeId: assignments.assigneeId,
          internalDue: assignments.internalDue,
        }),
        sql`from ${assignments}
            inner join ${units} on ${units.id} = ${assignments.unitId}
            left join ${coOpinions} on ${coOpinions.assignmentId} = ${assignments.id}
            where ${assignments.proposalId} = ${proposals.id}`,
        sql`${assignments.id}`,
      ),
      contactsThisRound: sql<number>`(select count(*) from ${contactRecords} where ${inThisRound(contactRecords)})`.mapWith(Number),
      draftsThisRound: sql<number>`(select count(*) from ${replyDrafts} where ${inThisRound(replyDrafts)})`.mapWith(Number),
      replyFilesThisRound: sql<number>`(select count(*) from ${replyFiles}
        where ${inThisRound(replyFiles)} and ${replyFiles.kind} = 'attachment')`.mapWith(Number),
      // The round's latest draft: signed off (by a director who returned it, when no reply followed), or sent back by
      // the 分管领导.
      latestDraft: jsonValue<{ signedOff: number | null; leaderDecision: string | null }>(
        sql`select ${jsonObject({ signedOff: signOffs.id, leaderDecision: leaderReviews.decision })}
            from ${replyDrafts}
            left join ${signOffs} on ${signOffs.draftId} = ${replyDrafts.id}
            left join ${leaderReviews} on ${leaderReviews.draftId} = ${replyDrafts.id}
            where ${inThisRound(replyDrafts)}
            order by ${replyDrafts.version} desc limit 1`,
      ),
      reply: jsonValue<{ round: number; writtenOn: string; receiptDue: string }>(
        sql`select ${jsonObject({ round: replies.round, writtenOn: replies.writtenOn, receiptDue: replies.receiptDue })}
            from ${replies} where ${inThisRound(replies)}`,
      ),
      receiptsThisRound: jsonArray<ProposalFacts["receiptsThisRound"][number]>(
        jsonObject({ memberId: receipts.memberId, result: receipts.result }),
        sql`from ${receipts} inner join ${replies} on ${replies.id} = ${receipts.replyId} where ${inThisRound(replies)}`,
        sql`${receipts.id}`,
      ),
      linkedIds: jsonArray<number>(
        linkedId,
        sql`from ${proposalLinks} where ${proposalLinks.proposalId} = ${proposals.id} or ${proposalLinks.relatedId} = ${proposals.id}`,
        linkedId,
      ),
      // Each earlier round's reply, with a null member when no receipt has come back on it.
      earlierReceipts: jsonArray<{ round: number; memberId: number | null }>(
        jsonObject({ round: replies.round, memberId: receipts.memberId }),
        sql`from ${replies} left join ${receipts} on ${receipts.replyId} = ${replies.id}
            where ${replies.proposalId} = ${proposals.id} and ${replies.round} < ${proposals.round}`,
        sql`${replies.round}, ${receipts.id}`,
      ),
      sealedRounds: jsonArray<number>(
        replyFiles.round,
        sql`from ${replyFiles}
            where ${replyFiles.proposalId} = ${proposals.id} and ${replyFiles.kind} = 'sealed' and ${replyFiles.replacedAt} is null`,
        sql`${replyFiles.round}`,
      ),
    })
    .from(proposals)
    .where(eq(proposals.id, param("proposalId")))
    .prepare(),
);

export async function loadFacts(db: Reader, proposalId: number): Promise<(ProposalFacts & { version: number }) | null> {
  const p = await factsQuery(db).get({ proposalId });
  if (!p) return null;
  const rows = p.assignments;
  const latestDraft = p.latestDraft;
  const reply = p.reply;
  const earlierReplies: ProposalFacts["earlierReplies"] = [];
  for (const r of p.earlierReceipts) {
    let entry = earlierReplies.find((e) => e.round === r.round);
    if (!entry) earlierReplies.push((entry = { round: r.round, answeredBy: [] }));
    if (r.memberId !== null) entry.answeredBy.push(r.memberId);
  }
  return {
    version: p.version,
    status: p.status,
    round: p.round,
    isUrgent: p.isUrgent,
    isKey: p.isKey,
    keyLeaderId: p.keyLeaderId,
    proposerIds: p.proposerIds,
    contactWaived: p.contactWaivedReason !== null,
    contactsThisRound: p.contactsThisRound,
    draftsThisRound: p.draftsThisRound,
    // Returned by the director (a sign-off without a reply) or by the 分管领导.
    draftReturned: (latestDraft?.signedOff != null && !reply) || latestDraft?.leaderDecision === "return",
    reviewStage: p.status === "in_review" ? (p.reviewStage ?? "director") : null,
    leaderReviewUnitIds: rows.filter((r) => Boolean(r.leaderReview)).map((r) => r.unitId),
    replyFilesThisRound: p.replyFilesThisRound,
    assignments: rows.map(({ opinionWaived, pendingExtension, leaderReview: _, sectionId, assigneeId, internalDue, ...a }) => ({
      ...a,
      opinion: a.opinion ?? null,
      opinionWaived: Boolean(opinionWaived),
      pendingExtension: Boolean(pendingExtension),
      division: sectionId !== null && assigneeId !== null && internalDue !== null ? { sectionId, assigneeId, due: internalDue } : null,
    })),
    reply,
    receiptsThisRound: p.receiptsThisRound,
    linkedIds: p.linkedIds,
    earlierReplies,
    sealedRounds: p.sealedRounds,
  };
}
