import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { listUnits } from "@/db/queries/org";
import { UNIT_KIND_LABELS } from "@/lib/domain";
import { ActiveBadge } from "../_shared/active-badge";
import { CreatedNotice } from "../_shared/created-notice";
import { createdParam } from "../_shared/created-param";
import { SectionHeader } from "../_shared/section-header";

export const metadata: Metadata = { title: "单位管理" };

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ created?: string | string[] }> }) {
  await requireUser("administer");
  const units = await listUnits(getDb());
  const createdId = await createdParam(searchParams);
  const created = units.find((u) => u.id === createdId);
  return (
    <>
      <SectionHeader title="单位管理" action={{ href: "/admin/units/new", label: "新建单位" }} />
      {created && <CreatedNotice>已创建单位“{created.name}”。</CreatedNotice>}
      <table className="data-table">
        <caption className="sr-only">单位列表，共 {units.length} 个</caption>
        <thead>
          <tr>
            <th scope="col">单位名称</th>
            <th scope="col">简称</th>
            <th scope="col">发文字号前缀</th>
            <th scope="col">索引号前缀</th>
            <th scope="col">类型</th>
            <th scope="col">状态</th>
            <th scope="col">用户</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/admin/units/${u.id}`} className="text-brand-700 underline">
                  {u.name}
                </Link>
              </td>
              <td data-label="简称">{u.shortName}</td>
              <td data-label="发文字号前缀">{u.docPrefix}</td>
              <td data-label="索引号前缀" className="font-mono text-xs">
                {u.indexPrefix}
              </td>
              <td data-label="类型" className="whitespace-nowrap">
                {UNIT_KIND_LABELS[u.kind]}
              </td>
              <td data-label="状态">
                <ActiveBadge active={u.active} />
              </td>
              <td data-label="用户">
                <Link href={`/admin/users?unit=${u.id}`} aria-label={`查看${u.shortName}的用户`} className="text-brand-700 underline">
                  查看
                </Link>
              </td>
            </tr>
          ))}
          {units.length === 0 && (
            <tr>
              <td colSpan={7} className="py-6 text-center text-slate-500">
                还没有单位。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}
