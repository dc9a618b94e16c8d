/**
 * 回执: a proposer's or co-signer's feedback on the current reply, submitted online or recorded from
 * paper by the coordinating office, and 催告 when it is late. lib/workflow decides what is allowed
 * (who, once per round, 不满意 reopens the proposal, all answered closes it).
 */
import { and, eq } from "drizzle-orm";
import type { ProposalState } from "@/lib/domain";
import type { ReceiptAnswers } from "@/lib/validation/receipt";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { receipts, replies, users } from "../schema";
import { type Database, runCommand, type RunResult } from "./run";
import { todayInChina } from "../clock";

/** `status` is the proposal's after the receipt; `moved` says whether this receipt changed it (reopened or closed). */
export type ReceiptOutcome = { receiptId: number; status: ProposalState; moved: boolean };

export const RECEIPT_ALREADY_SUBMITTED = "这份答复的回执已提交，不能重复提交";

/**
 * Records a receipt on the reply the member read, whichever round it is: each reply waits for its own
 * receipts, whatever the others answered (lib/workflow decides).
 */
async function recordReceipt(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  memberId: number,
  onPaper: boolean,
  answers: ReceiptAnswers,
): Promise<RunResult<ReceiptOutcome>> {
  const opinion = answers.opinion?.trim() || null;
  const reply = await db
    .select({ round: replies.round })
    .from(replies)
    .where(and(eq(replies.id, answers.replyId), eq(replies.proposalId, proposalId)))
    .get();
  if (!reply) return { ok: false, reason: "答复函不存在" };
  return runCommand(db, {
    proposalId,
    actor,
    command: {
      type: "receipt",
      memberId,
      contactReport: answers.contactReport,
      attitude: answers.attitude,
      result: answers.result,
      opinion,
      onPaper,
      round: reply.round,
    },
    // Submitted twice (a double click, the letter's link and the member page): the first one stands.
    alreadyDone: async (tx) =>
      (await tx
        .select({ id: receipts.id })
        .from(receipts)
        .where(and(eq(receipts.replyId, answers.replyId), eq(receipts.memberId, memberId)))
        .get())
        ? RECEIPT_ALREADY_SUBMITTED
        : null,
    write: async (tx, applied) => {
      const row = await tx
        .insert(receipts)
        .values({
          replyId: answers.replyId,
          memberId,
          contactReport: answers.contactReport,
          attitude: answers.attitude,
          result: answers.result,
          opinion,
          onPaper,
          recordedBy: actor.id,
        })
        .returning({ id: receipts.id })
        .get();
      return { receiptId: row.id, status: applied.after.status, moved: applied.after.status !== applied.before.status };
    },
  });
}

/** 提交回执 by the member themself, for the reply they read. */
export async function submitReceipt(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  answers: ReceiptAnswers,
): Promise<RunResult<ReceiptOutcome>> {
  return recordReceipt(db, actor, proposalId, actor.id, false, answers);
}

/** A paper receipt recorded by the coordinating office on the proposer's behalf (纸质回执，由…代录). */
export async function recordPaperReceipt(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  memberId: number,
  answers: ReceiptAnswers,
): Promise<RunResult<ReceiptOutcome>> {
  return recordReceipt(db, actor, proposalId, memberId, true, answers);
}

/**
 * 催告: the coordinating office reminds a proposer of a receipt still owed on a reply (any round's).
 * lib/workflow decides who may and whether one is owed; logged as "remind_receipt", the member notified.
 */
export async function remindReceipt(
  db: Database,
  actor: WorkflowActor,
  proposalId: number,
  memberId: number,
  replyId: number,
  today = todayInChina(),
): Promise<RunResult<{ receiptDue: string }>> {
  const reply = await db
    .select({ round: replies.round, receiptDue: replies.receiptDue })
    .from(replies)
    .where(and(eq(replies.id, replyId), eq(replies.proposalId, proposalId)))
    .get();
  const member = await db.select({ name: users.displayName }).from(users).where(eq(users.id, memberId)).get();
  if (!reply || !member) return { ok: false, reason: "该提案人没有待提交的回执" };
  return runCommand(db, {
    proposalId,
    actor,
    today,
    command: { type: "remind_receipt", memberId, memberName: member.name, round: reply.round, receiptDue: reply.receiptDue },
    write: async () => ({ receiptDue: reply.receiptDue }),
  });
}
