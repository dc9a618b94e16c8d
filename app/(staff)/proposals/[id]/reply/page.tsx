import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DeadlineNote } from "@/components/deadline-note";
import { DueBadge } from "@/components/due-badge";
import { StateBadge } from "@/components/state-badge";
import type { DraftInput } from "@/db/handling/drafting";
import { loadFacts } from "@/db/handling/facts";
import { workflowContext } from "@/db/handling/run";
import { canSeeDrafts } from "@/lib/authz";
import { isoDateInChina, proposalLabel, sentence, sessionTitle } from "@/lib/format";
import { refusalOf } from "@/lib/workflow/decide";
import { effectiveDue } from "@/lib/workflow/facts";
import { CoOpinionsSection } from "../co-opinions-section";
import { DraftHistory } from "../draft-history";
import { draftingOf } from "../drafting";
import { LetterPreview } from "../letter-preview";
import { draftLetterFrame } from "@/db/queries/letter";
import { filesOfRound, replyFilesOf } from "@/db/queries/reply-files";
import { MAX_ATTACHMENTS } from "@/lib/import/attachments";
import { ReplyAttachmentsPanel } from "../panels/reply-file-panels";
import { DraftEditor } from "../panels/draft-editor";
import { SubmitPanel } from "../panels/handler-panels";
import { proposalForPage } from "../proposal-for-page";
import { BackToProposal } from "../back-to-proposal";

export const metadata: Metadata = { title: "起草答复函" };

/** A first draft's form before anything is typed (the contact person is the handler). */
const EMPTY_DRAFT: DraftInput = {
  body: "",
  resultClass: "B",
  contactPerson: "",
  contactPhone: "",
  disclosure: "full",
  disclosureSummary: null,
  disclosureReason: null,
};

/**
 * 起草答复函: the editor, the letter as it will read, its attachments, and the versions so far — and
 * nothing else, so that each 保存草稿 re-renders only this. The lead unit and the coordinating office may read it; only the lead
 * unit's handler, while the workflow allows a draft, gets the editor.
 */
export default async function ReplyDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, id, db, detail, lead, leadUnitId } = await proposalForPage(params);
  if (!canSeeDrafts(user, leadUnitId)) forbidden();
  const facts = await loadFacts(db, id);
  if (!facts) notFound();
  const { proposal, session } = detail;
  const today = isoDateInChina(new Date());
  const ctx = await workflowContext(db, today);
  const { rules, calendar } = ctx;
  const refusal = refusalOf(facts, user, { type: "save_draft" }, ctx);
  const drafting = await draftingOf(db, id, facts);
  const latest = drafting.latest?.draft;
  const { start } = drafting;
  return (
    <>
      <BackToProposal proposalId={id} />
      <header className="mb-4 rounded border border-slate-200 bg-white p-4">
        <p className="text-sm text-slate-600">
          {sessionTitle(session)} · {proposalLabel(proposal.number, session.kind)}
        </p>
        <h1 className="mt-1 text-xl font-bold text-slate-900">起草答复函：{proposal.title}</h1>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-slate-500">状态</dt>
            <dd>
              <StateBadge state={proposal.status} />
              {proposal.round > 1 && <span className="ml-1 text-xs text-orange-800">第{proposal.round}轮办理</span>}
            </dd>
          </div>
          {lead && (
            <div className="flex gap-2">
              <dt className="text-slate-500">办复期限</dt>
              <dd>
                {lead.status === "accepted" ? <DueBadge due={effectiveDue(lead)} today={today} calendar={calendar} /> : effectiveDue(lead)}
                <DeadlineNote
                  label="办复期限"
                  start={lead.assignedOn}
                  rule={proposal.isUrgent ? rules.urgentReply : rules.reply}
                  due={effectiveDue(lead)}
                  calendar={calendar}
                />
              </dd>
            </div>
          )}
        </dl>
      </header>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          {refusal ? (
            <p role="status" className="rounded border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800">
              {sentence(refusal)}
            </p>
          ) : (
            <>
              <DraftEditor
                proposalId={id}
                start={{ ...start, fields: start.fields ?? { ...EMPTY_DRAFT, contactPerson: user.displayName } }}
                returnComment={drafting.returnComment}
                frame={await draftLetterFrame(db, id, today)}
                documents={latest ? { label: `第 ${latest.version} 稿`, href: `/letters/drafts/${latest.id}` } : null}
              />
              <ReplyAttachmentsPanel
                proposalId={id}
                files={filesOfRound(await replyFilesOf(db, id), facts.round).attachments}
                room={MAX_ATTACHMENTS - facts.replyFilesThisRound}
              />
              <SubmitPanel proposalId={id} proposalVersion={facts.version} blockers={drafting.blockers} review={drafting.review} />
            </>
          )}
          {refusal && <LetterPreview db={db} proposalId={id} round={proposal.round} />}
          <DraftHistory proposalId={id} drafts={drafting.drafts} />
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="body-h" className="rounded border border-slate-200 bg-white p-4">
            <h2 id="body-h" className="mb-2 font-semibold">
              提案内容
            </h2>
            <div className="whitespace-pre-line font-serif text-sm leading-7 text-slate-800">{proposal.body}</div>
          </section>
          <CoOpinionsSection db={db} user={user} proposalId={id} leadUnitId={leadUnitId} />
        </aside>
      </div>
    </>
  );
}
