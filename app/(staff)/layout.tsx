import { forbidden } from "next/navigation";
import { Link } from "@/components/link";
import { NotificationLink } from "@/components/notification-link";
import { StaffMenu } from "@/components/staff-menu";
import { StaffNav } from "@/components/staff-nav";
import { getDb } from "@/db/client";
import { signedInHeader } from "@/db/queries/notifications";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/domain";
import { staffNavigation } from "@/lib/navigation";
import { requireUser } from "../_server/guard";
import { signOutAction } from "../login/actions";

/** The staff shell: header with the role's navigation, who is signed in, and sign-out. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  if (!STAFF_ROLES.includes(user.role)) forbidden();
  const { unread, unitShortName } = await signedInHeader(getDb(), user);
  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 lg:flex-nowrap">
          <p className="text-base font-bold tracking-wide">提案办理</p>
          <StaffMenu>
            <StaffNav items={staffNavigation(user)} />
            <div className="flex flex-wrap items-center gap-3 border-t border-white/20 pt-3 text-sm lg:ml-auto lg:flex-nowrap lg:border-0 lg:pt-0">
              <span>
                {user.displayName}
                {(unitShortName || user.displayName !== ROLE_LABELS[user.role]) && (
                  <span className="ml-2 text-brand-100">{unitShortName ?? ROLE_LABELS[user.role]}</span>
                )}
              </span>
              <NotificationLink unread={unread} className="text-xs text-brand-100 hover:text-white hover:underline" />
              <Link href="/account/password" className="text-xs text-brand-100 hover:text-white hover:underline">
                修改密码
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-white/40 px-2 py-0.5 text-xs hover:bg-white/10">
                  退出
                </button>
              </form>
            </div>
          </StaffMenu>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
