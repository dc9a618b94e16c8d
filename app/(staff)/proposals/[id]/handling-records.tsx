/** The proposal's handling so far: co-handling opinions, contacts with the proposer, draft versions. */

import { Link } from "@/components/link";
import type { Db } from "@/db/client";
import { contactsOf, draftsOf } from "@/db/queries/handling-view";
import { canSeeDrafts, canViewMeeting } from "@/lib/authz";
import { CONTACT_METHOD_LABELS } from "@/lib/domain";
import type { CurrentUser } from "../../../_server/guard";
import { CoOpinionsSection } from "./co-opinions-section";
import { DraftHistory } from "./draft-history";

export async function HandlingRecords({
  db,
  user,
  proposalId,
  leadUnitId,
}: {
  db: Db;
  user: CurrentUser;
  proposalId: number;
  leadUnitId: number | null;
}) {
  const contacts = await contactsOf(db, proposalId);
  const drafts = canSeeDrafts(user, leadUnitId) ? await draftsOf(db, proposalId) : [];
  return (
    <>
      <CoOpinionsSection db={db} user={user} proposalId={proposalId} leadUnitId={leadUnitId} />
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
                  <td data-label="方式" className="whitespace-nowrap">
                    {CONTACT_METHOD_LABELS[c.method]}
                    {c.meetingId !== null && canViewMeeting(user, c.unitId) && (
                      <Link href={`/meetings/${c.meetingId}`} className="ml-1 text-xs text-brand-700 hover:underline">
                        会议记录
                      </Link>
                    )}
                  </td>
                  <td data-label="参加人员">{c.participants}</td>
                  <td data-label="沟通情况" className="whitespace-pre-line">
                    {c.summary}
                  </td>
                  <td data-label="记录人" className="whitespace-nowrap">
                    {c.author}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <DraftHistory proposalId={proposalId} drafts={drafts} />
    </>
  );
}
