/** Loads the workflow facts of one proposal (lib/workflow/facts.ts) from the database. */
import { and, asc, count, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { ProposalFacts } from "@/lib/workflow/facts";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import {
  assignments,
  coOpinions,
  contactRecords,
  extensionRequests,
  leaderReviews,
  proposalLinks,
  proposalSigners,
  proposals,
  receipts,
  replies,
  replyDrafts,
  replyFiles,
  signOffs,
  units,
} from "../schema";

type Reader = Pick<Db, "select">;

/** loadFacts' queries, built once per connection (db/prepared.ts). */
const factsQueries = preparedOnce((db: Reader) => {
  const proposalId = param("proposalId");
  const round = param("round");
  const inRound = <T extends typeof contactRecords | typeof replyDrafts>(table: T) =>
    db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.proposalId, proposalId), eq(table.round, round)))
      .prepare();
  return {
    proposal: db.select().from(proposals).where(eq(proposals.id, proposalId)).prepare(),
    proposers: db
      .select({ id: proposalSigners.userId })
      .from(proposalSigners)
      .where(and(eq(proposalSigners.proposalId, proposalId), inArray(proposalSigners.role, ["lead", "cosigner"])))
      .prepare(),
    assignments: db
      .select({ a: assignments, opinion: coOpinions.status, leaderReview: units.leaderReview })
      .from(assignments)
      .innerJoin(units, eq(units.id, assignments.unitId))
      .leftJoin(coOpinions, eq(coOpinions.assignmentId, assignments.id))
      .where(eq(assignments.proposalId, proposalId))
      .prepare(),
    pendingExtensions: db
      .select({ id: extensionRequests.assignmentId })
      .from(extensionRequests)
      .innerJoin(assignments, eq(assignments.id, extensionRequests.assignmentId))
      .where(and(eq(assignments.proposalId, proposalId), eq(extensionRequests.status, "pending")))
      .prepare(),
    contactsInRound: inRound(contactRecords),
    replyFilesInRound: db
      .select({ n: count() })
      .from(replyFiles)
      .where(and(eq(replyFiles.proposalId, proposalId), eq(replyFiles.round, round), eq(replyFiles.kind, "attachment")))
      .prepare(),
    sealedRounds: db
      .select({ round: replyFiles.round })
      .from(replyFiles)
      .where(and(eq(replyFiles.proposalId, proposalId), eq(replyFiles.kind, "sealed"), isNull(replyFiles.replacedAt)))
      .orderBy(asc(replyFiles.round))
      .prepare(),
    draftsInRound: inRound(replyDrafts),
    latestDraft: db
      .select({ id: replyDrafts.id, signedOff: signOffs.id, leaderDecision: leaderReviews.decision })
      .from(replyDrafts)
      .leftJoin(signOffs, eq(signOffs.draftId, replyDrafts.id))
      .leftJoin(leaderReviews, eq(leaderReviews.draftId, replyDrafts.id))
      .where(and(eq(replyDrafts.proposalId, proposalId), eq(replyDrafts.round, round)))
      .orderBy(desc(replyDrafts.version))
      .limit(1)
      .prepare(),
    reply: db
      .select()
      .from(replies)
      .where(and(eq(replies.proposalId, proposalId), eq(replies.round, round)))
      .prepare(),
    links: db
      .select({ low: proposalLinks.proposalId, high: proposalLinks.relatedId })
      .from(proposalLinks)
      .where(or(eq(proposalLinks.proposalId, proposalId), eq(proposalLinks.relatedId, proposalId)))
      .prepare(),
    receipts: db
      .select({ memberId: receipts.memberId, result: receipts.result })
      .from(receipts)
      .where(eq(receipts.replyId, param("replyId")))
      .prepare(),
    earlierReceipts: db
      .select({ round: replies.round, memberId: receipts.memberId })
      .from(replies)
      .leftJoin(receipts, eq(receipts.replyId, replies.id))
      .where(and(eq(replies.proposalId, proposalId), lt(replies.round, round)))
      .orderBy(asc(replies.round), asc(receipts.id))
      .prepare(),
  };
});

export async function loadFacts(db: Reader, proposalId: number): Promise<(ProposalFacts & { version: number }) | null> {
  const q = factsQueries(db);
  const p = await q.proposal.get({ proposalId });
  if (!p) return null;
  const proposerIds = (await q.proposers.all({ proposalId })).map((r) => r.id);
  const rows = await q.assignments.all({ proposalId });
  const pendingExtensions = new Set((await q.pendingExtensions.all({ proposalId })).map((r) => r.id));
  const inThisRound = { proposalId, round: p.round };
  const latestDraft = await q.latestDraft.get(inThisRound);
  const reply = await q.reply.get(inThisRound);
  const receiptsThisRound = reply ? await q.receipts.all({ replyId: reply.id }) : [];
  const earlierReplies: ProposalFacts["earlierReplies"] = [];
  for (const r of await q.earlierReceipts.all(inThisRound)) {
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
    proposerIds,
    contactWaived: p.contactWaivedReason !== null,
    contactsThisRound: (await q.contactsInRound.get(inThisRound))?.n ?? 0,
    draftsThisRound: (await q.draftsInRound.get(inThisRound))?.n ?? 0,
    // Returned by the director (a sign-off without a reply) or by the 分管领导.
    draftReturned: (latestDraft?.signedOff != null && !reply) || latestDraft?.leaderDecision === "return",
    reviewStage: p.status === "in_review" ? (p.reviewStage ?? "director") : null,
    leaderReviewUnitIds: rows.filter((r) => r.leaderReview).map((r) => r.a.unitId),
    replyFilesThisRound: (await q.replyFilesInRound.get(inThisRound))?.n ?? 0,
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
      division:
        a.sectionId !== null && a.assigneeId !== null && a.internalDue !== null
          ? { sectionId: a.sectionId, assigneeId: a.assigneeId, due: a.internalDue }
          : null,
    })),
    reply: reply ? { round: reply.round, writtenOn: reply.writtenOn, receiptDue: reply.receiptDue } : null,
    receiptsThisRound,
    linkedIds: (await q.links.all({ proposalId })).map((l) => (l.low === proposalId ? l.high : l.low)),
    earlierReplies,
    sealedRounds: (await q.sealedRounds.all({ proposalId })).map((r) => r.round),
  };
}
