import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { adminOverview } from "@/db/queries/admin";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { ROLE_LABELS, ROLES } from "@/lib/domain";
import { dateTimeInChina, isoDateInChina } from "@/lib/format";
import { AccountList, CountCard } from "./overview-parts";

export const metadata: Metadata = { title: "系统管理" };

/** The administration home: what there is, and which accounts need attention now. */
export default async function AdminHome() {
  await requireUser("administer");
  const db = getDb();
  const overview = await adminOverview(db);
  const calendar = await holidayCalendarOf(db);
  const nextYear = Number(isoDateInChina(new Date()).slice(0, 4)) + 1;
  const userTotal = ROLES.reduce((sum, role) => sum + overview.usersByRole[role], 0);
  return (
    <>
      <h1 className="text-xl font-bold text-slate-900">系统管理</h1>
      {calendar.lastKnownYear < nextYear && (
        <p role="note" className="rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950">
          {calendar.lastKnownYear + 1}年节假日安排尚未录入，落在该年的期限按周末推算，为暂定。
          <Link href="/admin/calendar" className="ml-1 font-medium text-brand-700 underline">
            录入节假日安排
          </Link>
        </p>
      )}
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="sr-only">
          基础数据
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <CountCard href="/admin/units" label="单位" total={overview.units.total} detail={`启用 ${overview.units.active} 个`} />
          <CountCard href="/admin/users" label="用户" total={userTotal} detail={`已停用 ${overview.disabledUsers} 个`}>
            <dl className="mt-2 grid grid-cols-[auto_auto] justify-start gap-x-3 text-xs text-slate-600">
              {ROLES.map((role) => (
                <div key={role} className="contents">
                  <dt>{ROLE_LABELS[role]}</dt>
                  <dd className="tabular-nums">{overview.usersByRole[role]}</dd>
                </div>
              ))}
            </dl>
          </CountCard>
          <CountCard
            href="/admin/sessions"
            label="届次会议"
            total={overview.sessions.total}
            detail={`启用 ${overview.sessions.active} 个`}
          />
          <CountCard
            href="/admin/categories"
            label="主题分类"
            total={overview.categories.total}
            detail={`启用 ${overview.categories.active} 个`}
          />
        </ul>
      </section>
      <section aria-labelledby="attention-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="attention-heading" className="mb-3 text-base font-semibold text-slate-800">
          需要关注的账户
        </h2>
        <div className="grid gap-6 md:grid-cols-3">
          <AccountList
            title="已锁定（密码错误次数过多）"
            empty="没有被锁定的账户。"
            href="/admin/users?status=locked"
            accounts={overview.lockedUsers.map((u) => ({ ...u, note: u.lockedUntil ? `锁定至 ${dateTimeInChina(u.lockedUntil)}` : "" }))}
          />
          <AccountList
            title="须修改密码"
            empty="没有待修改密码的账户。"
            href="/admin/users?status=mustChange"
            accounts={overview.mustChangeUsers.map((u) => ({ ...u, note: "" }))}
          />
          <div>
            <h3 className="text-sm font-semibold text-slate-700">已停用</h3>
            <p className="mt-1 text-sm text-slate-600">
              {overview.disabledUsers === 0 ? (
                "没有已停用的账户。"
              ) : (
                <Link href="/admin/users?status=disabled" className="text-brand-700 underline">
                  {overview.disabledUsers} 个账户已停用
                </Link>
              )}
            </p>
          </div>
        </div>
      </section>
    </>
  );
}
