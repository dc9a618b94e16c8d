import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeadlineNote } from "@/components/deadline-note";
import { Link } from "@/components/link";
import { ProvisionalMark } from "@/components/provisional-mark";
import { ReplyFiles } from "@/components/reply-files";
import { ReplyLetter } from "@/components/reply-letter";
import { Timeline } from "@/components/timeline";
import { getDb } from "@/db/client";
import { loadFacts } from "@/db/handling/facts";
import { workflowContext } from "@/db/handling/run";
import { contactsOf, repliesOf } from "@/db/queries/handling-view";
import { letterForReply } from "@/db/queries/letter";
import { memberProposals } from "@/db/queries/member";
import { getProposalDetail, proposalTimeline } from "@/db/queries/proposals";
import { memberReceiptsOf } from "@/db/queries/receipts";
import { filesOfRound, replyFilesOf } from "@/db/queries/reply-files";
import { timelineFor } from "@/lib/authz";
import { ASSIGNMENT_ROLE_LABELS, CONTACT_METHOD_LABELS, PROPOSER_WORD } from "@/lib/domain";
import { isoDateInChina, proposalLabel, sessionTitle } from "@/lib/format";
import { MEMBER_STATE_LABELS, memberDue, memberState } from "@/lib/member-view";
import { roundsOwed } from "@/lib/receipts";
import { requireProposalAccess, requireUser } from "../../../_server/guard";
import { ReceiptSection } from "./receipt-section";

export const metadata: Metadata = { title: "提案详情" };

/** A member's own proposal: who handles it, what happened, the contacts with them and the replies. */
export default async function MemberProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("memberHome");
  const id = Number((await params).id);
  await requireProposalAccess(user, id);
  const db = getDb();
  const today = isoDateInChina(new Date());
  // The deadline rules and the calendar in one read, as a workflow step reads them.
  const { rules, calendar } = await workflowContext(db, today);
  const detail = await getProposalDetail(db, id);
  if (!detail) notFound();
  const { proposal, session, assignments } = detail;
  const replies = await repliesOf(db, id);
  const files = await replyFilesOf(db, id);
  const letters = (
    await Promise.all(
      replies.map(async (r) => {
        const letter = await letterForReply(db, r.id, user.id);
        return letter ? [{ reply: r, letter, files: filesOfRound(files, r.round) }] : [];
      }),
    )
  ).flat();
  const owed = (await memberProposals(db, user.id)).find((p) => p.id === id)?.receiptOwed === 1;
  const state = memberState(proposal.status, owed);
  const lead = assignments.find((a) => a.role === "lead" && a.status !== "withdrawn");
  const leadDue = memberDue({ status: proposal.status, due: lead ? (lead.extendedDue ?? lead.due) : null }, today);
  const myReceipts = await memberReceiptsOf(db, id, user.id);
  const facts = await loadFacts(db, id);
  const owedRounds = facts ? roundsOwed(facts, user.id) : [];
  const currentReply = replies.find((r) => r.round === proposal.round);
  const timeline = timelineFor(user, await proposalTimeline(db, id), null);
  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href="/member" className="text-brand-700 hover:underline">
          ← 我的提案
        </Link>
      </p>
      <header className="rounded border border-slate-200 bg-white p-4">
        <p className="text-sm text-slate-600">
          {sessionTitle(session)} · {proposalLabel(proposal.number, session.kind)}
        </p>
        <h1 className="mt-1 text-xl font-bold">{proposal.title}</h1>
        <p className="mt-2 text-sm">
          办理状态：<strong>{MEMBER_STATE_LABELS[state]}</strong>
          {proposal.round > 1 && <span className="ml-2 text-slate-600">（第{proposal.round}轮办理）</span>}
        </p>
        {state === "awaiting_receipt" && currentReply && (
          <p className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            答复函已送达，请阅读后于 {currentReply.receiptDue}
            <ProvisionalMark calendar={calendar} date={currentReply.receiptDue} /> 前提交回执。
            <a href="#receipt" className="ml-1 font-medium underline">
              去填写回执
            </a>
          </p>
        )}
        {state === "awaiting_receipt" && currentReply && (
          <DeadlineNote
            label="回执期限"
            start={currentReply.writtenOn}
            rule={rules.receipt}
            due={currentReply.receiptDue}
            calendar={calendar}
          />
        )}
        <ul className="mt-2 space-y-1 text-sm text-slate-700">
          {assignments
            .filter((a) => a.status !== "withdrawn")
            .map((a) => (
              <li key={a.id}>
                {ASSIGNMENT_ROLE_LABELS[a.role]}单位：{a.unitName}
                {a.role === "lead" && (
                  <>
                    ；办复期限：{a.extendedDue ?? a.due}
                    <ProvisionalMark calendar={calendar} date={a.extendedDue ?? a.due} />
                    {(leadDue?.overdueDays ?? 0) > 0 && <strong className="ml-1 text-red-800">已超期{leadDue!.overdueDays}天</strong>}
                    {a.extendedDue && <>（经批准延期，原期限 {a.due}）</>}
                    <DeadlineNote
                      label="办复期限"
                      start={a.assignedOn}
                      rule={proposal.isUrgent ? rules.urgentReply : rules.reply}
                      due={a.due}
                      calendar={calendar}
                    />
                  </>
                )}
              </li>
            ))}
        </ul>
      </header>
      {letters.map(({ reply, letter, files }) => (
        <section key={reply.id} aria-label={`第${reply.round}次答复`} className="rounded border border-slate-200 bg-white p-4">
          <p className="mb-2 text-sm text-slate-600">
            {reply.round > 1 ? `第${reply.round}次答复` : "答复函"} · 发文字号 {reply.docNumber}
          </p>
          <p className="mb-2 flex flex-wrap gap-x-4 text-sm">
            <a href={`/letters/${reply.id}/print`} target="_blank" rel="noopener" className="text-brand-700 hover:underline">
              打印版（公文格式）
            </a>
            <a href={`/letters/${reply.id}/letter.pdf`} className="text-brand-700 hover:underline">
              下载 PDF
            </a>
            <a href={`/letters/${reply.id}/letter.docx`} className="text-brand-700 hover:underline">
              下载 Word
            </a>
          </p>
          <ReplyFiles sealed={files.sealed} attachments={files.attachments} className="mb-3" />
          <div className="rounded border border-slate-100 bg-[#fffdf8] px-6 py-5">
            <ReplyLetter letter={letter} headingLevel={2} />
          </div>
          <ReceiptSection
            proposalId={id}
            replyId={reply.id}
            receiptDue={reply.receiptDue}
            receipt={myReceipts.find((r) => r.replyId === reply.id)}
            owed={owedRounds.includes(reply.round)}
            current={reply.round === proposal.round}
            anchor={reply.round === (owedRounds.includes(proposal.round) ? proposal.round : owedRounds[0])}
            respondent={`${user.displayName}${PROPOSER_WORD[session.kind]}`}
          />
        </section>
      ))}
      <section aria-labelledby="m-contacts" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="m-contacts" className="mb-2 font-semibold">
          承办单位与您的沟通
        </h2>
        <ul className="space-y-2 text-sm">
          {(await contactsOf(db, id)).map((c) => (
            <li key={c.id}>
              {c.contactedOn} {CONTACT_METHOD_LABELS[c.method]}：{c.summary}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="m-timeline" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="m-timeline" className="mb-3 font-semibold">
          办理进程
        </h2>
        <Timeline entries={timeline} />
      </section>
    </article>
  );
}
