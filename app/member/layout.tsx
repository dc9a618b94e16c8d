import { Link } from "@/components/link";
import { NotificationLink } from "@/components/notification-link";
import { getDb } from "@/db/client";
import { signedInHeader } from "@/db/queries/notifications";
import { requireUser } from "../_server/guard";
import { signOutAction } from "../login/actions";

/** The member's own area: a plain header with who is signed in. */
export default async function MemberLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("memberHome");
  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <header className="bg-gov-red text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <p className="text-base font-bold">委员履职 · 提案办理</p>
          <div className="ml-auto flex items-center gap-3 whitespace-nowrap text-sm">
            <span>{user.displayName}</span>
            <NotificationLink unread={(await signedInHeader(getDb(), user)).unread} className="text-xs hover:underline" />
            <Link href="/account/password" className="text-xs hover:underline">
              修改密码
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/50 px-2 py-0.5 text-xs hover:bg-white/10">
                退出
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
