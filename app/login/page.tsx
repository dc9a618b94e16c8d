import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homePath } from "@/lib/authz";
import { currentUser } from "../_server/guard";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; changed?: string }>;
}) {
  const user = await currentUser();
  if (user) redirect(homePath(user.role));
  const { callbackUrl, changed } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-800 to-brand-600 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-lg">
        <h1 className="mb-1 text-xl font-bold text-brand-800">提案办理系统</h1>
        <p className="mb-6 text-sm text-slate-600">政协提案 · 人大建议 · 交办 · 答复 · 公开 · 回执</p>
        {changed === "1" && <p className="mb-4 rounded bg-green-50 px-3 py-2 text-sm text-green-800">密码已修改，请用新密码登录。</p>}
        <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      </div>
    </main>
  );
}
