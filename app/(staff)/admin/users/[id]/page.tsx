import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { getAdminUser } from "@/db/queries/admin";
import { listUnits } from "@/db/queries/org";
import { sectionsOf } from "@/db/queries/sections";
import { ROLE_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import { routeId } from "../../_shared/route-id";
import { SectionHeader } from "../../_shared/section-header";
import { AccountBadges } from "../account-badges";
import { AccountStatusForm } from "../account-status-form";
import { disableUser, enableUser, unlockUser, updateUser } from "../actions";
import { DivisionForm } from "../division-form";
import { ResetPasswordForm } from "../reset-password-form";
import { unitOptions } from "../unit-options";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "编辑用户" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireUser("administer");
  const db = getDb();
  const user = await getAdminUser(db, await routeId(params));
  if (!user) notFound();
  const now = new Date();
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const self = user.id === me.id;
  // A handler of a unit with 科室 works in one of them, and may be allowed to divide (分办).
  const sections =
    user.role === "handler" && user.unitId !== null
      ? (await sectionsOf(db, user.unitId)).filter((s) => s.active || s.id === user.sectionId)
      : [];
  return (
    <>
      <SectionHeader title={`用户：${user.displayName}`} />
      <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-500">用户名</dt>
        <dd className="font-mono">{user.username}</dd>
        <dt className="text-slate-500">角色</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="text-slate-500">账户状态</dt>
        <dd>
          <AccountBadges user={user} now={now} />
        </dd>
        <dt className="text-slate-500">最近登录</dt>
        <dd>{user.lastLoginAt ? dateTimeInChina(user.lastLoginAt) : "从未登录"}</dd>
        <dt className="text-slate-500">创建时间</dt>
        <dd>{dateTimeInChina(user.createdAt)}</dd>
        {locked && user.lockedUntil && (
          <>
            <dt className="text-slate-500">锁定至</dt>
            <dd>{dateTimeInChina(user.lockedUntil)}</dd>
          </>
        )}
      </dl>
      <div className="grid max-w-5xl gap-5 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-2 text-base font-semibold text-slate-800">
            基本信息
          </h2>
          <UserForm action={updateUser} units={unitOptions(await listUnits(db), user.unitId)} user={user} />
        </section>
        <div className="space-y-5">
          {sections.length > 0 && (
            <section aria-labelledby="division-heading" className="rounded border border-slate-200 bg-white p-4">
              <h2 id="division-heading" className="mb-2 text-base font-semibold text-slate-800">
                科室与分办
              </h2>
              <DivisionForm
                userId={user.id}
                sectionId={user.sectionId}
                canDivide={user.canDivide}
                sections={sections.map((s) => ({ id: s.id, label: s.active ? s.name : `${s.name}（已撤销）` }))}
              />
            </section>
          )}
          <section aria-labelledby="password-heading" className="rounded border border-slate-200 bg-white p-4">
            <h2 id="password-heading" className="mb-2 text-base font-semibold text-slate-800">
              重置密码
            </h2>
            <ResetPasswordForm userId={user.id} />
          </section>
          <section aria-labelledby="status-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
            <h2 id="status-heading" className="text-base font-semibold text-slate-800">
              账户状态
            </h2>
            {locked && (
              <AccountStatusForm
                action={unlockUser}
                userId={user.id}
                label="解除锁定"
                explanation="密码错误次数过多被锁定；解除后可立即重新登录。"
              />
            )}
            {self ? (
              <p className="text-sm text-slate-600">这是您自己的账户，不能停用。</p>
            ) : user.disabled ? (
              <AccountStatusForm action={enableUser} userId={user.id} label="启用账户" explanation="启用后该用户可以重新登录。" />
            ) : (
              <AccountStatusForm
                action={disableUser}
                userId={user.id}
                label="停用账户"
                variant="danger"
                explanation="停用后该用户立即退出且不能登录；其办理记录保留。"
              />
            )}
          </section>
        </div>
      </div>
    </>
  );
}
