/**
 * 回执: a proposer's or co-signer's feedback on the current reply, submitted online or recorded from
 * paper by the coordinating office, and 催告 when it is late. lib/workflow decides what is allowed
 * (who, once per round, 不满意 reopens the proposal, all answered closes it).
 */
import { and, eq } from "drizzle-orm";
import { can } from "@/lib/authz";
import type { ProposalState } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import { noticeMessage, receiptReminder } from "@/lib/notices";
import { roundsOwed } from "@/lib/receipts";
import type { ReceiptAnswers } from "@/lib/validation/receipt";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { notifications, receipts, replies, users } from "../schema";
import { logEvent } from "../queries/events";
import { noticeSubject } from "../queries/notifications";
import { queueNoticeMails } from "../queries/outbox";
import { loadFacts } from "./facts";
import { runCommand, type RunResult } from "./run";

/** `status` is the proposal's after the receipt; `moved` says whether this receipt changed it (reopened or closed). */
export type ReceiptOutcome = { receiptId: number; status: ProposalState; moved: boolean };

export const RECEIPT_ALREADY_SUBMITTED = "这份答复的回执已提交，不能重复提交";

/**
 * Records a receipt on the reply the member read, whichever round it is: each reply waits for its own
 * receipts, whatever the others answered (lib/workflow decides).
 */
function recordReceipt(db: Db, actor: WorkflowActor, proposalId: number, memberId: number, onPaper: boolean, answers: ReceiptAnswers): RunResult<ReceiptOutcome> {
  const opinion = answers.opinion?.trim() || null;
  const reply = db
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
    alreadyDone: (tx) =>
      tx
        .select({ id: receipts.id })
        .from(receipts)
        .where(and(eq(receipts.replyId, answers.replyId), eq(receipts.memberId, memberId)))
        .get()
        ? RECEIPT_ALREADY_SUBMITTED
        : null,
    write: (tx, applied) => {
      const row = tx
        .insert(receipts)
        .values({ replyId: answers.replyId, memberId, contactReport: answers.contactReport, attitude: answers.attitude, result: answers.result, opinion, onPaper, recordedBy: actor.id })
        .returning({ id: receipts.id })
        .get();
      return { receiptId: row.id, status: applied.after.status, moved: applied.after.status !== applied.before.status };
    },
  });
}

/** 提交回执 by the member themself, for the reply they read. */
export function submitReceipt(db: Db, actor: WorkflowActor, proposalId: number, answers: ReceiptAnswers): RunResult<ReceiptOutcome> {
  return recordReceipt(db, actor, proposalId, actor.id, false, answers);
}

/** A paper receipt recorded by the coordinating office on the proposer's behalf (纸质回执，由…代录). */
export function recordPaperReceipt(db: Db, actor: WorkflowActor, proposalId: number, memberId: number, answers: ReceiptAnswers): RunResult<ReceiptOutcome> {
  return recordReceipt(db, actor, proposalId, memberId, true, answers);
}

/**
 * 催告: the coordinating office reminds a proposer of a receipt still owed on a reply (any round's). Logged
 * as "remind_receipt" and sent to the member as a notification, in one transaction.
 */
export function remindReceipt(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  memberId: number,
  replyId: number,
  today = isoDateInChina(new Date()),
): RunResult<{ receiptDue: string }> {
  if (!can(actor, "coordinate")) return { ok: false, reason: "只有交办单位可以催告回执" };
  return db.transaction(
    (tx): RunResult<{ receiptDue: string }> => {
      const facts = loadFacts(tx, proposalId);
      if (!facts) return { ok: false, reason: "提案不存在" };
      const reply = tx
        .select({ round: replies.round, receiptDue: replies.receiptDue })
        .from(replies)
        .where(and(eq(replies.id, replyId), eq(replies.proposalId, proposalId)))
        .get();
      if (!reply || !roundsOwed(facts, memberId).includes(reply.round)) return { ok: false, reason: "该提案人没有待提交的回执" };
      const member = tx.select({ name: users.displayName }).from(users).where(eq(users.id, memberId)).get();
      logEvent(tx, {
        proposalId,
        actorId: actor.id,
        action: "remind_receipt",
        fromState: facts.status,
        toState: facts.status,
        comment: `提案人：${member?.name ?? memberId}${reply.round < facts.round ? `（第${reply.round}轮答复）` : ""}`,
        data: { memberId, round: reply.round },
      });
      const subject = noticeSubject(tx, proposalId);
      const reminder = receiptReminder(reply.receiptDue, today);
      const notice = { userId: memberId, message: subject ? noticeMessage(subject, reminder) : reminder, link: `/member/proposals/${proposalId}` };
      tx.insert(notifications)
        .values({ ...notice, proposalId, kind: "workflow" })
        .run();
      queueNoticeMails(tx, [notice]);
      return { ok: true, data: { receiptDue: reply.receiptDue } };
    },
    { behavior: "immediate" },
  );
}
