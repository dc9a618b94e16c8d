import type { Metadata } from "next";
import { Link } from "@/components/link";
import { homePath } from "@/lib/authz";
import { requireUser } from "../../_server/guard";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const user = await requireUser("ownAccount");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <div className="rounded-lg border border-slate-200 bg-white p-8">
        <h1 className="mb-1 text-xl font-bold">修改密码</h1>
        {user.mustChangePassword ? (
          <p className="mb-6 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
            您正在使用管理员设置的初始密码，请先设置自己的密码再继续使用。
          </p>
        ) : (
          <p className="mb-6 text-sm text-slate-600">修改后需用新密码重新登录。</p>
        )}
        <PasswordForm />
        {!user.mustChangePassword && (
          <Link href={homePath(user.role)} className="mt-4 inline-block text-sm text-brand-700 hover:underline">
            返回
          </Link>
        )}
      </div>
    </main>
  );
}
