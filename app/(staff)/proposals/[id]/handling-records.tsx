/** The proposal's handling so far: co-handling opinions, contacts with the proposer, draft versions. */
import Link from "next/link";
import type { Db } from "@/db/client";
import { coOpinionsOf, contactsOf, draftsOf } from "@/db/queries/handling-view";
import { canSeeCoOpinion, canSeeDrafts } from "@/lib/authz";
import { CONTACT_METHOD_LABELS, CO_OPINION_STATE_LABELS, DISCLOSURE_LABELS, SIGN_OFF_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import type { CurrentUser } from "../../../_server/guard";

export function HandlingRecords({ db, user, proposalId, leadUnitId }: { db: Db; user: CurrentUser; proposalId: number; leadUnitId: number | null }) {
  const opinions = coOpinionsOf(db, proposalId).filter((o) => canSeeCoOpinion(user, leadUnitId, o.unitId) && (o.status === "sent" || user.unitId === o.unitId || user.role === "coordinator"));
  const contacts = contactsOf(db, proposalId);
  const drafts = canSeeDrafts(user, leadUnitId) ? draftsOf(db, proposalId) : [];
  return (
    <>
      {opinions.length > 0 && (
        <section aria-labelledby="opinions-h" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="opinions-h" className="mb-3 font-semibold">
            协办意见
          </h2>
          <ul className="space-y-3">
            {opinions.map((o) => (
              <li key={o.unitId} className="border-b border-slate-100 pb-3 last:border-0">
                <p className="text-sm">
                  <strong>{o.unit}</strong>
                  <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{CO_OPINION_STATE_LABELS[o.status]}</span>
                  <span className="ml-2 text-slate-500">{o.author}</span>
                  {o.sentAt && <span className="ml-2 text-slate-500">{dateTimeInChina(o.sentAt)} 送达</span>}
                </p>
                <div className="mt-1 whitespace-pre-line font-serif text-sm leading-7">{o.body}</div>
                {o.directorComment && <p className="mt-1 text-sm text-red-900">负责人意见：{o.directorComment}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="contacts-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="contacts-h" className="mb-3 font-semibold">
          沟通记录
        </h2>
        {contacts.length === 0 ? (
          <p className="text-sm text-slate-500">尚无沟通记录。</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">方式</th>
                <th scope="col">参加人员</th>
                <th scope="col">沟通情况</th>
                <th scope="col">记录人</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <td className="whitespace-nowrap">
                    {c.contactedOn}
                    {c.round > 1 && <span className="ml-1 text-xs text-orange-800">第{c.round}轮</span>}
                  </td>
                  <td>{CONTACT_METHOD_LABELS[c.method]}</td>
                  <td>{c.participants}</td>
                  <td className="whitespace-pre-line">{c.summary}</td>
                  <td className="whitespace-nowrap">{c.author}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {drafts.length > 0 && (
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
              {drafts.map(({ draft, author, decision, comment, signer, signedAt, docNumber }) => (
                <tr key={draft.id}>
                  <td className="whitespace-nowrap">
                    {draft.round > 1 && `第${draft.round}轮 `}第 {draft.version} 稿
                  </td>
                  <td>{author}</td>
                  <td className="whitespace-nowrap">{dateTimeInChina(draft.createdAt)}</td>
                  <td>{draft.resultClass}</td>
                  <td>{DISCLOSURE_LABELS[draft.disclosure]}</td>
                  <td>
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
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
