/** Every saved version of the reply letter, with the 分管领导's review and the director's decision on each. */
import { Link } from "@/components/link";
import type { draftsOf } from "@/db/queries/handling-view";
import { DISCLOSURE_LABELS, LEADER_REVIEW_LABELS, SIGN_OFF_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";

export function DraftHistory({ proposalId, drafts }: { proposalId: number; drafts: Awaited<ReturnType<typeof draftsOf>> }) {
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="drafts-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="drafts-h" className="mb-3 flex items-center gap-3 font-semibold">
        答复函稿与审签
        {drafts.length > 1 && (
          <Link href={`/proposals/${proposalId}/drafts`} className="text-sm font-normal text-brand-700 hover:underline">
            比较各稿
          </Link>
        )}
      </h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">稿次</th>
            <th scope="col">起草人</th>
            <th scope="col">保存时间</th>
            <th scope="col">结果类别</th>
            <th scope="col">公开方式</th>
            <th scope="col">审签</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map(({ draft, author, decision, comment, signer, signedAt, docNumber, leader }) => (
            <tr key={draft.id}>
              <td className="whitespace-nowrap">
                {draft.round > 1 && `第${draft.round}轮 `}第 {draft.version} 稿
              </td>
              <td data-label="起草人">{author}</td>
              <td data-label="保存时间" className="whitespace-nowrap">
                {dateTimeInChina(draft.createdAt)}
              </td>
              <td data-label="结果类别">{draft.resultClass}</td>
              <td data-label="公开方式">{DISCLOSURE_LABELS[draft.disclosure]}</td>
              <td data-label="审签">
                {leader?.decision && (
                  <div>
                    <span className={leader.decision === "return" ? "text-red-800" : "text-emerald-800"}>
                      {LEADER_REVIEW_LABELS[leader.decision]}
                    </span>
                    <span className="ml-1 text-slate-500">
                      {leader.name} {leader.at && dateTimeInChina(leader.at)}
                    </span>
                    {leader.comment && <p className="text-sm text-slate-800">意见：{leader.comment}</p>}
                  </div>
                )}
                {decision ? (
                  <>
                    <span className={decision === "return" ? "text-red-800" : "text-emerald-800"}>{SIGN_OFF_LABELS[decision]}</span>
                    <span className="ml-1 text-slate-500">
                      {signer} {signedAt && dateTimeInChina(signedAt)}
                    </span>
                    {docNumber && <span className="ml-1">{docNumber}</span>}
                    {comment && <p className="text-sm text-slate-800">意见：{comment}</p>}
                  </>
                ) : (
                  !leader?.decision && "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
