import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { EmptyRow } from "@/components/ui/empty-row";
import { getDb } from "@/db/client";
import { getAdminUser, listUsers } from "@/db/queries/admin";
import { listUnits } from "@/db/queries/org";
import { ROLE_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import { userFilterInput } from "@/lib/validation/admin";
import { CreatedNotice } from "../_shared/created-notice";
import { createdParam } from "../_shared/created-param";
import { SectionHeader } from "../_shared/section-header";
import { AccountBadges } from "./account-badges";
import { UserFilters } from "./user-filters";

export const metadata: Metadata = { title: "用户管理" };

const PAGE_SIZE = 50;

type Search = Record<string, string | string[] | undefined>;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser("administer");
  const params = await searchParams;
  const db = getDb();
  const filter = userFilterInput.parse(params);
  const page = Math.max(1, Math.min(10_000, Number(params.page) || 1));
  const now = new Date();
  const { rows, total } = await listUsers(db, filter, { page, pageSize: PAGE_SIZE }, now);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const createdId = await createdParam(searchParams);
  const created = createdId ? await getAdminUser(db, createdId) : null;
  const pageHref = (p: number) =>
    `/admin/users?${new URLSearchParams(Object.entries({ ...filter, page: String(p) }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))}`;

  return (
    <>
      <SectionHeader title="用户管理" action={{ href: "/admin/users/new", label: "新建用户" }} />
      {created && (
        <CreatedNotice>
          已创建用户“{created.displayName}”（{created.username}），首次登录时须修改初始密码。
        </CreatedNotice>
      )}
      <UserFilters filter={filter} units={await listUnits(db)} total={total} />
      <table className="data-table">
        <caption className="sr-only">用户列表</caption>
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">所属单位</th>
            <th scope="col">职务</th>
            <th scope="col">账户状态</th>
            <th scope="col">最近登录</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/admin/users/${u.id}`} className="font-mono text-brand-700 underline">
                  {u.username}
                </Link>
              </td>
              <td data-label="姓名">{u.displayName}</td>
              <td data-label="角色" className="whitespace-nowrap">
                {ROLE_LABELS[u.role]}
              </td>
              <td data-label="所属单位">{u.unitName ?? "—"}</td>
              <td data-label="职务">{u.title ?? "—"}</td>
              <td data-label="账户状态">
                <AccountBadges user={u} now={now} />
              </td>
              <td data-label="最近登录" className="whitespace-nowrap">
                {u.lastLoginAt ? dateTimeInChina(u.lastLoginAt) : "从未登录"}
              </td>
            </tr>
          ))}
          {rows.length === 0 && <EmptyRow colSpan={7}>没有符合条件的用户。</EmptyRow>}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} href={pageHref} />
    </>
  );
}
