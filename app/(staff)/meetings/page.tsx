import type { Metadata } from "next";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { meetingsOf } from "@/db/queries/meetings";
import { can } from "@/lib/authz";
import { MEETING_KIND_LABELS } from "@/lib/domain";
import { requireUser } from "../../_server/guard";

export const metadata: Metadata = { title: "面商座谈" };

/** The unit's 面商/座谈会 (every unit's, for the coordinating office), latest first. */
export default async function MeetingsPage() {
  const user = await requireUser("viewMeetings");
  const rows = await meetingsOf(getDb(), user.role === "coordinator" ? null : user.unitId);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold text-slate-900">面商座谈</h1>
        {can(user, "recordMeetings") && (
          <Link href="/meetings/new" className="btn btn-primary">
            记录面商/座谈会
          </Link>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-500">尚无面商或座谈会记录。</p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label="面商座谈记录" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">形式</th>
                <th scope="col">地点</th>
                {user.role === "coordinator" && <th scope="col">单位</th>}
                <th scope="col">涵盖提案</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label="日期" className="whitespace-nowrap">
                    <Link href={`/meetings/${r.id}`} className="text-brand-700 hover:underline">
                      {r.heldOn}
                    </Link>
                  </td>
                  <td data-label="形式">{MEETING_KIND_LABELS[r.kind]}</td>
                  <td data-label="地点">{r.place}</td>
                  {user.role === "coordinator" && <td data-label="单位">{r.unit}</td>}
                  <td data-label="涵盖提案">{r.proposals} 件</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
