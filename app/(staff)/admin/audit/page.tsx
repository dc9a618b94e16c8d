import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { EmptyRow } from "@/components/ui/empty-row";
import { getDb } from "@/db/client";
import { type AuditRow, listAuditEvents } from "@/db/queries/audit";
import { ALARMING_KINDS, AUDIT_LABELS, auditDetail, auditFilterInput } from "@/lib/audit";
import { eventLabel } from "@/lib/event-labels";
import { SectionHeader } from "../_shared/section-header";
import { AuditFilters } from "./audit-filters";

export const metadata: Metadata = { title: "安全审计" };

const PAGE_SIZE = 50;

type Search = Record<string, string | string[] | undefined>;

/** 2026-03-02 09:15:07 in China Standard Time. */
function secondInChina(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

function person(username: string | null, name: string | null): string | null {
  if (!username) return null;
  return name ? `${name}（${username}）` : username;
}

/** Who acted: the signed-in user, or for sign-in events without an account the name that was typed. */
function who(row: AuditRow): string {
  return person(row.actorUsername, row.actorName) ?? (row.triedName ? `${row.triedName}（无此可用账户）` : "—");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser("administer");
  const params = await searchParams;
  const filter = auditFilterInput.parse(params);
  const page = Math.max(1, Math.min(10_000, Number(params.page) || 1));
  const { rows, total } = await listAuditEvents(getDb(), filter, { page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (p: number) =>
    `/admin/audit?${new URLSearchParams(Object.entries({ ...filter, page: String(p) }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))}`;

  return (
    <>
      <SectionHeader title="安全审计" />
      <p className="mb-3 text-sm text-slate-600">
        登录、账户管理、政府信息公开和系统设置的操作记录，取自只能追加、不能修改或删除的办理记录。不记录任何密码。
      </p>
      <AuditFilters filter={filter} total={total} />
      <table className="data-table">
        <caption className="sr-only">安全事件列表</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">事件</th>
            <th scope="col">操作人</th>
            <th scope="col">网络地址</th>
            <th scope="col">详情</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const detail = auditDetail(row.action, row.data, { target: person(row.targetUsername, row.targetName) });
            return (
              <tr key={row.id}>
                <td className="whitespace-nowrap font-mono text-xs">{secondInChina(row.createdAt)}</td>
                <td data-label="事件" className={`whitespace-nowrap ${ALARMING_KINDS.has(row.action) ? "font-semibold text-red-800" : ""}`}>
                  {AUDIT_LABELS[row.action as keyof typeof AUDIT_LABELS] ?? eventLabel(row.action)}
                </td>
                <td data-label="操作人">{who(row)}</td>
                <td data-label="网络地址" className="whitespace-nowrap font-mono text-xs">
                  {row.address ?? "—"}
                </td>
                <td data-label="详情">
                  {row.proposalId !== null && (
                    <Link href={`/proposals/${row.proposalId}`} className="mr-2 text-brand-700 underline">
                      查看提案
                    </Link>
                  )}
                  {[detail, row.comment].filter(Boolean).join("；") || (row.proposalId === null ? "—" : "")}
                </td>
              </tr>
            );
          })}
          {rows.length === 0 && <EmptyRow colSpan={5}>没有符合条件的记录。</EmptyRow>}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} href={pageHref} />
    </>
  );
}
