/**
 * 答复与回执 on the staff proposal page: each reply round with every proposer's receipt (or that it is
 * still owed), the earlier rounds' letters, and, in a second round, why it was reopened and by when the
 * new reply is due. For the coordinating office and the lead unit.
 */
import { DeadlineNote } from "@/components/deadline-note";
import { DueBadge } from "@/components/due-badge";
import { ReceiptView } from "@/components/receipt-view";
import { ReplyLetter } from "@/components/reply-letter";
import type { Db } from "@/db/client";
import { letterForReply } from "@/db/queries/letter";
import { receiptsOf } from "@/db/queries/receipts";
import { canSeeReceipts } from "@/lib/authz";
import { SIGNER_ROLE_LABELS } from "@/lib/domain";
import { dateTimeInChina, isoDateInChina } from "@/lib/format";
import type { CurrentUser } from "../../../_server/guard";
import { lastRemindersOnce, proposalDetailOnce, repliesOnce, workflowContextOnce } from "./page-reads";

export async function ReceiptsSection({
  db,
  user,
  proposalId,
  leadUnitId,
  today,
}: {
  db: Db;
  user: CurrentUser;
  proposalId: number;
  leadUnitId: number | null;
  today: string;
}) {
  if (!canSeeReceipts(user, leadUnitId)) return null;
  const detail = await proposalDetailOnce(db, proposalId);
  const replies = await repliesOnce(db, proposalId);
  if (!detail || replies.length === 0) return null;
  const { proposal, signers, assignments } = detail;
  const proposers = signers.filter((s) => s.role !== "seconder");
  const receipts = await receiptsOf(db, proposalId);
  const reminded = await lastRemindersOnce(db, proposalId);
  const lead = assignments.find((a) => a.role === "lead" && a.status !== "withdrawn");
  const secondRound = proposal.round > 1 && (proposal.status === "rehandling" || proposal.status === "in_review");
  const reopenedBy = receipts.filter((r) => r.round === proposal.round - 1 && (r.attitude === "unsatisfied" || r.result === "unsatisfied"));
  const reopenedOn = reopenedBy.length > 0 ? isoDateInChina(reopenedBy[reopenedBy.length - 1]!.submittedAt) : null;
  const { rules, calendar } = await workflowContextOnce(db, today);
  return (
    <section aria-labelledby="receipts-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="receipts-h" className="mb-3 font-semibold">
        答复与回执
      </h2>
      {secondRound && (
        <div className="mb-4 rounded border border-orange-300 bg-orange-50 p-3 text-sm text-orange-950">
          <p className="font-semibold">重新办理（第{proposal.round}轮）</p>
          <p className="mt-1">提案人对第{proposal.round - 1}轮答复不满意，须重新办理，经审签后再次答复。</p>
          {reopenedBy.map((r) => (
            <p key={r.id} className="mt-1 whitespace-pre-line">
              {r.memberName}的意见：{r.opinion}
            </p>
          ))}
          {lead && (
            <div className="mt-2">
              <p>
                新的办复期限：
                <DueBadge due={lead.extendedDue ?? lead.due} today={today} calendar={calendar} />
              </p>
              {reopenedOn && <DeadlineNote start={reopenedOn} rule={rules.secondRound} due={lead.due} calendar={calendar} />}
            </div>
          )}
        </div>
      )}
      <ol className="space-y-4">
        {
          await Promise.all(
            replies.map(async (reply) => {
              const current = reply.round === proposal.round && proposal.status === "replied";
              const letter = reply.round < proposal.round ? await letterForReply(db, reply.id) : null;
              return (
                <li key={reply.id} className="border-b border-slate-100 pb-4 last:border-0">
                  <h3 className="text-sm font-semibold">
                    第{reply.round}轮答复 · {reply.docNumber} · 成文日期 {reply.writtenOn}
                  </h3>
                  <p className="mt-1 text-sm text-slate-700">
                    回执期限：{current ? <DueBadge due={reply.receiptDue} today={today} calendar={calendar} /> : reply.receiptDue}
                  </p>
                  <DeadlineNote label="回执期限" start={reply.writtenOn} rule={rules.receipt} due={reply.receiptDue} calendar={calendar} />
                  <ul className="mt-2 space-y-3">
                    {proposers.map((p) => {
                      const receipt = receipts.find((r) => r.replyId === reply.id && r.memberId === p.userId);
                      const lastReminded = reminded(p.userId, reply.round);
                      return (
                        <li key={p.userId} className="rounded border border-slate-100 bg-slate-50 p-3">
                          <p className="mb-1 text-sm font-medium">
                            {p.name}（{SIGNER_ROLE_LABELS[p.role]}）
                            {/* Each reply keeps waiting for the receipts not yet given, whatever round the proposal is in now. */}
                            {!receipt && <span className="ml-2 font-normal text-slate-600">尚未提交回执</span>}
                            {!receipt && lastReminded && (
                              <span className="ml-2 font-normal text-slate-500">上次催告 {dateTimeInChina(lastReminded)}</span>
                            )}
                          </p>
                          {receipt && <ReceiptView receipt={receipt} />}
                        </li>
                      );
                    })}
                  </ul>
                  {letter && (
                    <details className="mt-3">
                      <summary className="cursor-pointer text-sm text-brand-700">查看第{reply.round}轮答复函</summary>
                      <div className="mt-2 rounded border border-slate-100 bg-[#fffdf8] px-6 py-5">
                        <ReplyLetter letter={letter} headingLevel={4} />
                      </div>
                    </details>
                  )}
                </li>
              );
            }),
          )
        }
      </ol>
    </section>
  );
}
