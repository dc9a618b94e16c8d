import type { Metadata } from "next";
import { DueBadge } from "@/components/due-badge";
import { StateBadge } from "@/components/state-badge";
import { Timeline } from "@/components/timeline";
import { DeadlineNote } from "@/components/deadline-note";
import { ProvisionalMark } from "@/components/provisional-mark";
import { attachmentsOf } from "@/db/queries/attachments";
import { proposalTimeline } from "@/db/queries/proposals";
import { ASSIGNMENT_ROLE_LABELS, ASSIGNMENT_STATE_LABELS, REVIEW_STAGE_LABELS, SIGNER_ROLE_LABELS } from "@/lib/domain";
import { isoDateInChina, proposalLabel, sessionTitle } from "@/lib/format";
import { canSeeDivision, canSeeDrafts, timelineFor } from "@/lib/authz";
import { HandlingRecords } from "./handling-records";
import { KeySection } from "./key-section";
import { LetterPreview } from "./letter-preview";
import { workflowContextOnce } from "./page-reads";
import { proposalForPage } from "./proposal-for-page";
import { ProposalText } from "./proposal-text";
import { ReceiptsSection } from "./receipts-section";
import { RolePanels } from "./role-panels";
import { SimilarSection } from "./similar-section";

export const metadata: Metadata = { title: "提案详情" };

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, id, db, detail, leadUnitId } = await proposalForPage(params);
  const { proposal, session, category, signers, assignments } = detail;
  const today = isoDateInChina(new Date());
  // The page's own reads at once (on PostgreSQL each is a round trip); its sections read theirs as they render.
  const [{ rules, calendar }, files, timeline] = await Promise.all([
    workflowContextOnce(db, today),
    attachmentsOf(db, id),
    proposalTimeline(db, id),
  ]);
  const proposerName = signers.find((s) => s.role === "lead")?.name ?? "提案人";
  const decidesAssignment = user.role === "coordinator" && proposal.status === "registered";
  const panels = <RolePanels db={db} user={user} proposalId={id} today={today} proposerName={proposerName} />;
  const similar = (
    <SimilarSection db={db} user={user} proposal={{ id, number: proposal.number, title: proposal.title, kind: session.kind }} />
  );
  const text = <ProposalText proposalId={id} body={proposal.body} files={files} />;
  return (
    <article className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <header className="rounded border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">
            {sessionTitle(session)} · {proposalLabel(proposal.number, session.kind)}
          </p>
          <h1 className="mt-1 text-xl font-bold text-slate-900">{proposal.title}</h1>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
            <dt className="text-slate-500">状态</dt>
            <dd>
              <StateBadge state={proposal.status} />
              {proposal.status === "in_review" && proposal.reviewStage === "leader" && canSeeDrafts(user, leadUnitId) && (
                <span className="ml-1 text-xs text-slate-700">{REVIEW_STAGE_LABELS.leader}</span>
              )}
              {proposal.round > 1 && <span className="ml-1 text-xs text-orange-800">第{proposal.round}轮办理</span>}
            </dd>
            <dt className="text-slate-500">主题分类</dt>
            <dd>{category ?? "—"}</dd>
            <dt className="text-slate-500">收到日期</dt>
            <dd>{proposal.receivedOn}</dd>
            <dt className="text-slate-500">交办日期</dt>
            <dd>{proposal.assignedOn ?? "—"}</dd>
            <dt className="text-slate-500">提案人</dt>
            <dd className="sm:col-span-3">{signers.map((s) => `${s.name}（${SIGNER_ROLE_LABELS[s.role]}）`).join("、") || "—"}</dd>
          </dl>
          {(proposal.isKey || proposal.isUrgent || proposal.wantsMeeting) && (
            <p className="mt-2 flex gap-2 text-xs">
              {proposal.isKey && <span className="rounded bg-red-50 px-1.5 py-0.5 text-red-800">重点提案</span>}
              {proposal.isUrgent && <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900">紧急</span>}
              {proposal.wantsMeeting && <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-900">希望面商</span>}
            </p>
          )}
        </header>
        <ReceiptsSection db={db} user={user} proposalId={id} leadUnitId={leadUnitId} today={today} />
        <KeySection db={db} user={user} proposalId={id} leadUnitId={leadUnitId} today={today} />
        {/* Before 交办 the coordinator reads the text and the similar proposals first, then decides. */}
        {decidesAssignment ? (
          <>
            {text}
            {similar}
            {panels}
          </>
        ) : (
          <>
            {panels}
            {text}
            {similar}
          </>
        )}
        {canSeeDrafts(user, leadUnitId) && <LetterPreview db={db} proposalId={id} round={proposal.round} />}
        <HandlingRecords db={db} user={user} proposalId={id} leadUnitId={leadUnitId} />
      </div>
      <aside className="space-y-6">
        <section aria-labelledby="units-h" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="units-h" className="mb-2 font-semibold">
            承办单位
          </h2>
          {assignments.length === 0 ? (
            <p className="text-sm text-slate-500">尚未交办。</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {assignments.map((a) => (
                <li key={a.id} className="border-b border-slate-100 pb-2 last:border-0">
                  <p>
                    <strong>{a.unitName}</strong>（{ASSIGNMENT_ROLE_LABELS[a.role]}）
                    <span className="ml-1 text-slate-600">{ASSIGNMENT_STATE_LABELS[a.status]}</span>
                  </p>
                  {a.assignee && a.section && canSeeDivision(user, a.unitId) ? (
                    <>
                      <p className="text-slate-600">
                        分办：{a.section} · 承办人{a.assignee}
                      </p>
                      {a.internalDue && (a.status === "accepted" || a.status === "pending") && (
                        <p>
                          内部办理期限：
                          <DueBadge due={a.internalDue} today={today} calendar={calendar} />
                        </p>
                      )}
                    </>
                  ) : (
                    a.handler && <p className="text-slate-600">承办人：{a.handler}</p>
                  )}
                  <p>
                    {a.role === "lead" ? "办复期限" : "协办意见期限"}：
                    {a.status === "pending" || a.status === "accepted" ? (
                      <DueBadge due={a.extendedDue ?? a.due} today={today} calendar={calendar} />
                    ) : (
                      <>
                        {a.extendedDue ?? a.due}
                        <ProvisionalMark calendar={calendar} date={a.extendedDue ?? a.due} />
                      </>
                    )}
                  </p>
                  {a.extendedDue && <p className="text-xs text-slate-500">已延期（原期限 {a.due}）</p>}
                  <DeadlineNote
                    label={a.role === "lead" ? "办复期限" : "协办意见期限"}
                    start={a.assignedOn}
                    rule={a.role === "co" ? rules.coOpinion : proposal.isUrgent ? rules.urgentReply : rules.reply}
                    due={a.due}
                    calendar={calendar}
                  />
                  {a.status === "pending" && (
                    <>
                      <p>
                        签收期限：
                        <DueBadge due={a.acceptDue} today={today} calendar={calendar} />
                      </p>
                      <DeadlineNote label="签收期限" start={a.assignedOn} rule={rules.accept} due={a.acceptDue} calendar={calendar} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="timeline-h" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="timeline-h" className="mb-3 font-semibold">
            办理记录
          </h2>
          <Timeline entries={timelineFor(user, timeline, leadUnitId)} />
        </section>
      </aside>
    </article>
  );
}
