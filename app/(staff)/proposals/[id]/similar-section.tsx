/**
 * 相似提案 and 并案: what was asked and answered before, and the proposals handled together with this one.
 * The coordinator reads it beside the proposal's text before 交办, and links or unlinks from here; whether
 * that is allowed now is asked of the workflow (refusalOf), which decides again when the form is sent.
 */
import { ProposalLink } from "@/components/proposal-link";
import { StateBadge } from "@/components/state-badge";
import type { Db } from "@/db/client";
import { factsOnce, workflowContextOnce } from "./page-reads";
import { linkedProposals, SIMILAR_THRESHOLD, similarProposals } from "@/db/queries/similar";
import type { SessionKind } from "@/lib/domain";
import { isoDateInChina, proposalLabel } from "@/lib/format";
import { refusalOf } from "@/lib/workflow/decide";
import type { CurrentUser } from "../../../_server/guard";
import { LinkConfirm, UnlinkConfirm } from "./panels/link-controls";

type Self = { id: number; number: number; title: string; kind: SessionKind };

const named = (p: { number: number; title: string; kind: SessionKind }) => `${proposalLabel(p.number, p.kind)}《${p.title}》`;

export async function SimilarSection({ db, user, proposal }: { db: Db; user: CurrentUser; proposal: Self }) {
  const linked = await linkedProposals(db, proposal.id);
  const linkedIds = new Set(linked.map((l) => l.id));
  const similar = (await similarProposals(db, proposal.id)).filter((s) => !linkedIds.has(s.id));
  const coordinator = user.role === "coordinator";
  if (!coordinator && linked.length === 0 && similar.length === 0) return null;
  const facts = coordinator ? await factsOnce(db, proposal.id) : null;
  const ctx = await workflowContextOnce(db, isoDateInChina(new Date()));
  // Whether the workflow would carry the command out now; the unlink form asks for the reason itself.
  const may = (command: { type: "link" } | { type: "unlink"; reason: string }, relatedId: number) =>
    facts !== null && refusalOf(facts, user, { ...command, relatedId }, ctx) === null;
  const percent = Math.round(SIMILAR_THRESHOLD * 100);
  return (
    <section aria-labelledby="similar-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="similar-h" className="mb-1 font-semibold">
        相似提案与并案办理
      </h2>
      <p className="mb-3 text-xs text-slate-600">按标题和正文开头的用词比较全部提案，列出相似度 {percent}% 以上的最多 5 件。</p>
      {linked.length > 0 && (
        <>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">已并案办理</h3>
          <ul className="mb-4 space-y-2">
            {linked.map((l) => (
              <li key={l.id} className="rounded border border-emerald-200 bg-emerald-50 p-3">
                <p>
                  <ProposalLink id={l.id} number={l.number} title={l.title} kind={l.kind} />
                  <span className="ml-2">
                    <StateBadge state={l.status} />
                  </span>
                </p>
                {may({ type: "unlink", reason: "（理由在表单中填写）" }, l.id) && (
                  <div className="mt-2">
                    <UnlinkConfirm proposalId={proposal.id} relatedId={l.id} other={named(l)} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="mb-2 text-sm font-semibold text-slate-800">相似提案</h3>
      {similar.length === 0 ? (
        <p className="text-sm text-slate-600">没有相似度在 {percent}% 以上的其他提案。</p>
      ) : (
        <ul className="space-y-2">
          {similar.map((s) => (
            <li key={s.id} className="rounded border border-slate-200 p-3">
              <p>{coordinator ? <ProposalLink id={s.id} number={s.number} title={s.title} kind={s.kind} /> : s.title}</p>
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
                <span>{s.year}年</span>
                <StateBadge state={s.status} />
                <span>答复文号：{s.docNumber ?? "—"}</span>
                <span>相似度 {Math.round(s.score * 100)}%</span>
              </p>
              {may({ type: "link" }, s.id) && (
                <div className="mt-2">
                  <LinkConfirm proposalId={proposal.id} relatedId={s.id} self={named(proposal)} other={named(s)} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
