/** What the proposal page shows about the handling: opinions, contacts, draft versions, sign-offs, requests. */
import { aliasedTable, and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import {
  adjustmentRequests,
  assignments,
  coOpinions,
  contactRecords,
  extensionRequests,
  leaderReviews,
  replies,
  replyDrafts,
  signOffs,
  units,
  users,
} from "../schema";

const author = aliasedTable(users, "author");
const suggested = aliasedTable(units, "suggested");

const coOpinionsOfQuery = preparedOnce((db: Db) =>
  db
    .select({
      unitId: assignments.unitId,
      unit: units.name,
      status: coOpinions.status,
      body: coOpinions.body,
      directorComment: coOpinions.directorComment,
      sentAt: coOpinions.sentAt,
      updatedAt: coOpinions.updatedAt,
      author: author.displayName,
    })
    .from(coOpinions)
    .innerJoin(assignments, eq(assignments.id, coOpinions.assignmentId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .innerJoin(author, eq(author.id, coOpinions.authorId))
    .where(eq(assignments.proposalId, param("proposalId")))
    .orderBy(asc(assignments.id))
    .prepare(),
);

export async function coOpinionsOf(db: Db, proposalId: number) {
  return coOpinionsOfQuery(db).all({ proposalId });
}

const contactsOfQuery = preparedOnce((db: Db) =>
  db
    .select({
      id: contactRecords.id,
      round: contactRecords.round,
      contactedOn: contactRecords.contactedOn,
      method: contactRecords.method,
      participants: contactRecords.participants,
      summary: contactRecords.summary,
      unitId: contactRecords.unitId,
      meetingId: contactRecords.meetingId,
      author: author.displayName,
    })
    .from(contactRecords)
    .innerJoin(author, eq(author.id, contactRecords.createdBy))
    .where(eq(contactRecords.proposalId, param("proposalId")))
    .orderBy(asc(contactRecords.contactedOn), asc(contactRecords.id))
    .prepare(),
);

export async function contactsOf(db: Db, proposalId: number) {
  return contactsOfQuery(db).all({ proposalId });
}

/** Every draft version, newest first, with the 分管领导's and the director's decisions on it when there are some. */
const draftsOfQuery = preparedOnce((db: Db) =>
  db
    .select({
      draft: replyDrafts,
      author: author.displayName,
      decision: signOffs.decision,
      comment: signOffs.comment,
      signer: signOffs.signerName,
      signedAt: signOffs.createdAt,
      docNumber: replies.docNumber,
      leader: {
        decision: leaderReviews.decision,
        comment: leaderReviews.comment,
        name: leaderReviews.leaderName,
        at: leaderReviews.createdAt,
      },
    })
    .from(replyDrafts)
    .innerJoin(author, eq(author.id, replyDrafts.authorId))
    .leftJoin(signOffs, eq(signOffs.draftId, replyDrafts.id))
    .leftJoin(leaderReviews, eq(leaderReviews.draftId, replyDrafts.id))
    .leftJoin(replies, eq(replies.draftId, replyDrafts.id))
    .where(eq(replyDrafts.proposalId, param("proposalId")))
    .orderBy(desc(replyDrafts.round), desc(replyDrafts.version))
    .prepare(),
);

export async function draftsOf(db: Db, proposalId: number) {
  return draftsOfQuery(db).all({ proposalId });
}

export async function pendingRequestsOf(db: Db, proposalId: number) {
  const adjustments = await db
    .select({
      id: adjustmentRequests.id,
      unitId: assignments.unitId,
      unit: units.name,
      role: assignments.role,
      reason: adjustmentRequests.reason,
      suggestedUnit: suggested.name,
      suggestedUnitId: adjustmentRequests.suggestedUnitId,
      asksToLead: adjustmentRequests.asksToLead,
      decideBy: adjustmentRequests.decideBy,
      requestedAt: adjustmentRequests.createdAt,
    })
    .from(adjustmentRequests)
    .innerJoin(assignments, eq(assignments.id, adjustmentRequests.assignmentId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(suggested, eq(suggested.id, adjustmentRequests.suggestedUnitId))
    .where(and(eq(assignments.proposalId, proposalId), eq(adjustmentRequests.status, "pending")))
    .all();
  const extensions = await db
    .select({
      id: extensionRequests.id,
      unitId: assignments.unitId,
      unit: units.name,
      reason: extensionRequests.reason,
      requestedUntil: extensionRequests.requestedUntil,
      due: assignments.due,
    })
    .from(extensionRequests)
    .innerJoin(assignments, eq(assignments.id, extensionRequests.assignmentId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(and(eq(assignments.proposalId, proposalId), eq(extensionRequests.status, "pending")))
    .all();
  return { adjustments, extensions };
}

const repliesOfQuery = preparedOnce((db: Db) =>
  db
    .select()
    .from(replies)
    .where(eq(replies.proposalId, param("proposalId")))
    .orderBy(asc(replies.round))
    .prepare(),
);

export async function repliesOf(db: Db, proposalId: number) {
  return repliesOfQuery(db).all({ proposalId });
}
