/** 相似提案 and 并案: what was asked and answered before, and the proposals handled together with this one. */
import { ProposalLink } from "@/components/proposal-link";
import { StateBadge } from "@/components/state-badge";
import type { Db } from "@/db/client";
import { linkedProposals, similarProposals } from "@/db/queries/similar";
import type { CurrentUser } from "../../../_server/guard";
import { LinkButton } from "./panels/link-button";

export function SimilarSection({ db, user, proposalId }: { db: Db; user: CurrentUser; proposalId: number }) {
  const linked = linkedProposals(db, proposalId);
  const linkedIds = new Set(linked.map((l) => l.id));
  const similar = similarProposals(db, proposalId).filter((s) => !linkedIds.has(s.id));
  if (linked.length === 0 && similar.length === 0) return null;
  return (
    <section aria-labelledby="similar-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="similar-h" className="mb-2 font-semibold">
        相似提案与并案办理
      </h2>
      {linked.length > 0 && (
        <p className="mb-2 text-sm">
          并案办理：
          {linked.map((l) => (
            <span key={l.id} className="mr-3">
              <ProposalLink id={l.id} number={l.number} title={l.title} kind={l.kind} />
            </span>
          ))}
        </p>
      )}
      {similar.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">相似提案</th>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">答复文号</th>
              <th scope="col">相似度</th>
              {user.role === "coordinator" && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {similar.map((s) => (
              <tr key={s.id}>
                <td>{user.role === "coordinator" ? <ProposalLink id={s.id} number={s.number} title={s.title} kind={s.kind} /> : s.title}</td>
                <td>{s.year}</td>
                <td>
                  <StateBadge state={s.status} />
                </td>
                <td className="whitespace-nowrap">{s.docNumber ?? "—"}</td>
                <td>{Math.round(s.score * 100)}%</td>
                {user.role === "coordinator" && (
                  <td>
                    <LinkButton proposalId={proposalId} relatedId={s.id} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
