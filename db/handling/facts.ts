/** Loads the workflow facts of one proposal (lib/workflow/facts.ts) from the database. */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { ProposalFacts } from "@/lib/workflow/facts";
import type { Db } from "../client";
import {
  assignments,
  coOpinions,
  contactRecords,
  extensionRequests,
  proposalSigners,
  proposals,
  receipts,
  replies,
  replyDrafts,
  signOffs,
} from "../schema";

type Reader = Pick<Db, "select">;

export function loadFacts(db: Reader, proposalId: number): (ProposalFacts & { version: number }) | null {
  const p = db.select().from(proposals).where(eq(proposals.id, proposalId)).get();
  if (!p) return null;
  const proposerIds = db
    .select({ id: proposalSigners.userId })
    .from(proposalSigners)
    .where(and(eq(proposalSigners.proposalId, proposalId), inArray(proposalSigners.role, ["lead", "cosigner"])))
    .all()
    .map((r) => r.id);
  const rows = db
    .select({ a: assignments, opinion: coOpinions.status })
    .from(assignments)
    .leftJoin(coOpinions, eq(coOpinions.assignmentId, assignments.id))
    .where(eq(assignments.proposalId, proposalId))
    .all();
  const pendingExtensions = new Set(
    db
      .select({ id: extensionRequests.assignmentId })
      .from(extensionRequests)
      .innerJoin(assignments, eq(assignments.id, extensionRequests.assignmentId))
      .where(and(eq(assignments.proposalId, proposalId), eq(extensionRequests.status, "pending")))
      .all()
      .map((r) => r.id),
  );
  const inRound = <T extends typeof contactRecords | typeof replyDrafts>(table: T) =>
    db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.proposalId, proposalId), eq(table.round, p.round)))
      .get()?.n ?? 0;
  const latestDraft = db
    .select({ id: replyDrafts.id, signedOff: signOffs.id })
    .from(replyDrafts)
    .leftJoin(signOffs, eq(signOffs.draftId, replyDrafts.id))
    .where(and(eq(replyDrafts.proposalId, proposalId), eq(replyDrafts.round, p.round)))
    .orderBy(desc(replyDrafts.version))
    .limit(1)
    .get();
  const reply = db
    .select()
    .from(replies)
    .where(and(eq(replies.proposalId, proposalId), eq(replies.round, p.round)))
    .get();
  const receiptsThisRound = reply
    ? db.select({ memberId: receipts.memberId, result: receipts.result }).from(receipts).where(eq(receipts.replyId, reply.id)).all()
    : [];
  return {
    version: p.version,
    status: p.status,
    round: p.round,
    isUrgent: p.isUrgent,
    proposerIds,
    contactWaived: p.contactWaivedReason !== null,
    contactsThisRound: inRound(contactRecords),
    draftsThisRound: inRound(replyDrafts),
    draftReturned: latestDraft?.signedOff != null && !reply,
    assignments: rows.map(({ a, opinion }) => ({
      id: a.id,
      unitId: a.unitId,
      role: a.role,
      status: a.status,
      handlerId: a.handlerId,
      assignedOn: a.assignedOn,
      acceptDue: a.acceptDue,
      due: a.due,
      extendedDue: a.extendedDue,
      opinion: opinion ?? null,
      opinionWaived: a.opinionWaivedReason !== null,
      pendingExtension: pendingExtensions.has(a.id),
    })),
    reply: reply ? { round: reply.round, writtenOn: reply.writtenOn, receiptDue: reply.receiptDue } : null,
    receiptsThisRound,
  };
}
