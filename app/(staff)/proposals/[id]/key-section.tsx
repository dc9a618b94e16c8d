/**
 * 重点提案 on the staff proposal page: the leading 区领导, the 办理方案 and the 中期进展, read by the coordinating
 * office, the lead unit and the leader; the office marks or unmarks, the lead unit's handler reports.
 * Which forms show is asked of lib/workflow; every submission is decided there again.
 */
import type { Db } from "@/db/client";
import { factsOnce, workflowContextOnce } from "./page-reads";
import { keyLeaders, keyProposalOf } from "@/db/queries/key-proposals";
import { dateTimeInChina } from "@/lib/format";
import { refusalOf } from "@/lib/workflow/decide";
import type { CurrentUser } from "../../../_server/guard";
import { MarkKeyForm, ProgressForm, UnmarkKeyForm } from "./panels/key-panels";

type Props = { db: Db; user: CurrentUser; proposalId: number; leadUnitId: number | null; today: string };

export async function KeySection({ db, user, proposalId, leadUnitId, today }: Props) {
  const readsKey = user.role === "coordinator" || user.role === "district_leader" || (leadUnitId !== null && user.unitId === leadUnitId);
  const facts = await factsOnce(db, proposalId);
  if (!readsKey || !facts) return null;
  const key = await keyProposalOf(db, proposalId);
  const ctx = await workflowContextOnce(db, today);
  const mayMark = refusalOf(facts, user, { type: "mark_key", leaderId: 0, plan: "-" }, ctx) === null;
  const mayUnmark = refusalOf(facts, user, { type: "unmark_key", reason: "-" }, ctx) === null;
  const mayReport = user.unitId !== null && refusalOf(facts, user, { type: "report_progress", unitId: user.unitId }, ctx) === null;
  if (!key && !mayMark) return null;
  return (
    <section aria-labelledby="key-h" className={`rounded border p-4 ${key ? "border-red-200 bg-white" : "border-slate-200 bg-white"}`}>
      <h2 id="key-h" className="mb-3 font-semibold">
        重点提案
      </h2>
      {key ? (
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">领办领导</dt>
          <dd>{key.leader ? `${key.leader.name}${key.leader.title ? `（${key.leader.title}）` : ""}` : "—"}</dd>
          <dt className="text-slate-500">办理方案</dt>
          <dd className="whitespace-pre-line">{key.plan ?? "—"}</dd>
        </dl>
      ) : (
        <p className="text-sm text-slate-600">此提案尚未列为重点提案。列为重点后，由区领导领办，主办单位按办理方案报送中期进展。</p>
      )}
      {key && (
        <div className="mt-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-800">中期进展</h3>
          {key.reports.length === 0 ? (
            <p className="text-sm text-slate-500">主办单位尚未报送中期进展。</p>
          ) : (
            <ol className="space-y-3">
              {key.reports.map((r) => (
                <li key={r.id} className="border-l-2 border-red-200 pl-3 text-sm">
                  <p className="text-xs text-slate-600">
                    {dateTimeInChina(r.createdAt)} · {r.unitName} {r.author}
                    {r.round > 1 && ` · 第${r.round}轮办理`}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{r.body}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {mayReport && (
        <div className="mt-4 border-t border-slate-100 pt-3">
          <ProgressForm proposalId={proposalId} />
        </div>
      )}
      {mayMark && (
        <details className="mt-4 border-t border-slate-100 pt-3" open={!key}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{key ? "调整领办领导或办理方案" : "列为重点提案"}</summary>
          <div className="mt-3">
            <MarkKeyForm
              proposalId={proposalId}
              leaders={await keyLeaders(db)}
              current={key ? { leaderId: key.leader?.id ?? null, plan: key.plan } : null}
            />
          </div>
        </details>
      )}
      {mayUnmark && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-red-800">取消重点</summary>
          <div className="mt-3">
            <UnmarkKeyForm proposalId={proposalId} />
          </div>
        </details>
      )}
    </section>
  );
}
