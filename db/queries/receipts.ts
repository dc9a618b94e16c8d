/** Feedback receipts as the pages show them: a member's own, and every receipt of a proposal for staff. */
import { aliasedTable, and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { events, receipts, replies, users } from "../schema";
import { jsonField } from "../dialect";

const member = aliasedTable(users, "receipt_member");
const recorder = aliasedTable(users, "receipt_recorder");

const receiptColumns = {
  id: receipts.id,
  replyId: receipts.replyId,
  round: replies.round,
  memberId: receipts.memberId,
  memberName: member.displayName,
  contactReport: receipts.contactReport,
  attitude: receipts.attitude,
  result: receipts.result,
  opinion: receipts.opinion,
  onPaper: receipts.onPaper,
  recordedBy: recorder.displayName,
  submittedAt: receipts.submittedAt,
};

function receiptQuery(db: Db) {
  return db
    .select(receiptColumns)
    .from(receipts)
    .innerJoin(replies, eq(replies.id, receipts.replyId))
    .innerJoin(member, eq(member.id, receipts.memberId))
    .innerJoin(recorder, eq(recorder.id, receipts.recordedBy));
}

export type ReceiptView = Awaited<ReturnType<ReturnType<typeof receiptQuery>["all"]>>[number];

/** One member's own receipts on a proposal, one per reply round at most. */
export async function memberReceiptsOf(db: Db, proposalId: number, memberId: number): Promise<ReceiptView[]> {
  return receiptQuery(db)
    .where(and(eq(replies.proposalId, proposalId), eq(receipts.memberId, memberId)))
    .orderBy(asc(replies.round))
    .all();
}

/** Every receipt of a proposal, by round, for the coordinating office and the lead unit. */
export async function receiptsOf(db: Db, proposalId: number): Promise<ReceiptView[]> {
  return receiptQuery(db).where(eq(replies.proposalId, proposalId)).orderBy(asc(replies.round), asc(receipts.id)).all();
}

/** When each proposer was last reminded (催告) of their receipt on one reply round of this proposal. */
export async function lastRemindersOf(db: Db, proposalId: number): Promise<(memberId: number, round: number) => Date | undefined> {
  const member = jsonField(events.data, "memberId", "integer");
  const round = jsonField(events.data, "round", "integer");
  const rows = await db
    .select({ memberId: member, round, at: sql<number>`max(${events.createdAt})` })
    .from(events)
    .where(and(eq(events.proposalId, proposalId), eq(events.action, "remind_receipt")))
    .groupBy(member, round)
    .all();
  const last = new Map(rows.map((r) => [`${r.memberId}/${r.round}`, new Date(r.at)]));
  return (memberId, round) => last.get(`${memberId}/${round}`);
}
