import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { listSessions } from "@/db/queries/proposals";
import { SESSION_KIND_LABELS } from "@/lib/domain";
import { sessionTitle } from "@/lib/format";
import { ActiveBadge } from "../_shared/active-badge";
import { CreatedNotice } from "../_shared/created-notice";
import { createdParam } from "../_shared/created-param";
import { SectionHeader } from "../_shared/section-header";

export const metadata: Metadata = { title: "届次会议" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<{ created?: string | string[] }> }) {
  await requireUser("administer");
  const sessions = await listSessions(getDb());
  const createdId = await createdParam(searchParams);
  const created = sessions.find((s) => s.id === createdId);
  return (
    <>
      <SectionHeader title="届次会议" action={{ href: "/admin/sessions/new", label: "新建届次会议" }} />
      {created && <CreatedNotice>已创建“{sessionTitle(created)}”。</CreatedNotice>}
      <table className="data-table">
        <caption className="sr-only">届次会议列表，共 {sessions.length} 个</caption>
        <thead>
          <tr>
            <th scope="col">全称</th>
            <th scope="col">召集机构</th>
            <th scope="col">届次</th>
            <th scope="col">会议</th>
            <th scope="col">年度</th>
            <th scope="col">办理类型</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                <Link href={`/admin/sessions/${s.id}`} className="text-brand-700 underline">
                  {sessionTitle(s)}
                </Link>
              </td>
              <td data-label="召集机构">{s.body}</td>
              <td data-label="届次" className="whitespace-nowrap">
                {s.term}
              </td>
              <td data-label="会议" className="whitespace-nowrap">
                {s.meeting}
              </td>
              <td data-label="年度" className="tabular-nums">
                {s.year}
              </td>
              <td data-label="办理类型" className="whitespace-nowrap">
                {SESSION_KIND_LABELS[s.kind]}
              </td>
              <td data-label="状态">
                <ActiveBadge active={s.active} />
              </td>
            </tr>
          ))}
          {sessions.length === 0 && (
            <tr>
              <td colSpan={7} className="py-6 text-center text-slate-500">
                还没有届次会议。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}
