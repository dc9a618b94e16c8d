/** What the bulk pages offer: up to one page (BULK_MAX_ROWS) of the rows each bulk action can take. */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { BULK_MAX_ROWS } from "@/lib/validation/bulk";
import { assignments, proposals, publications, replies, sessions, units } from "../schema";

const proposalColumns = { proposalId: proposals.id, number: proposals.number, title: proposals.title, kind: sessions.kind };

/** 待交办: registered proposals, oldest first. */
export async function proposalsToAssign(db: Db) {
  return db
    .select({ ...proposalColumns, receivedOn: proposals.receivedOn })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(eq(proposals.status, "registered"))
    .orderBy(asc(proposals.receivedOn), asc(proposals.number))
    .limit(BULK_MAX_ROWS)
    .all();
}

/** 待签收 of one unit, earliest deadline first. */
export async function assignmentsToAccept(db: Db, unitId: number) {
  return db
    .select({ ...proposalColumns, role: assignments.role, acceptDue: assignments.acceptDue })
    .from(assignments)
    .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(and(eq(assignments.unitId, unitId), eq(assignments.status, "pending")))
    .orderBy(asc(assignments.acceptDue), asc(proposals.number))
    .limit(BULK_MAX_ROWS)
    .all();
}

/** Signed replies of the current round on which no publication decision was taken yet, oldest first. */
export async function repliesToPublish(db: Db) {
  return db
    .select({ ...proposalColumns, replyId: replies.id, docNumber: replies.docNumber, writtenOn: replies.writtenOn, unit: units.shortName })
    .from(replies)
    .innerJoin(proposals, and(eq(proposals.id, replies.proposalId), eq(proposals.round, replies.round)))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .innerJoin(units, eq(units.id, replies.unitId))
    .leftJoin(publications, eq(publications.replyId, replies.id))
    .where(isNull(publications.id))
    .orderBy(asc(replies.writtenOn), asc(replies.id))
    .limit(BULK_MAX_ROWS)
    .all();
}

/** Signed replies, latest first: what 批量下载答复函 picks from. */
export async function signedReplies(db: Db) {
  return db
    .select({ ...proposalColumns, replyId: replies.id, docNumber: replies.docNumber, writtenOn: replies.writtenOn, unit: units.shortName })
    .from(replies)
    .innerJoin(proposals, eq(proposals.id, replies.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .innerJoin(units, eq(units.id, replies.unitId))
    .orderBy(desc(replies.writtenOn), desc(replies.id))
    .limit(BULK_MAX_ROWS)
    .all();
}
