import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homePath } from "@/lib/authz";
import { ROLE_LABELS } from "@/lib/domain";
import { ssoRefusalMessage } from "@/lib/sso";
import { signInConfig } from "../_server/auth";
import { currentUser } from "../_server/guard";
import { LoginForm } from "./login-form";
import { SsoForm } from "./sso-form";

export const metadata: Metadata = { title: "登录" };

type Search = { callbackUrl?: string | string[]; changed?: string; sso?: string; error?: string };

/**
 * Sign-in: with 统一身份认证 configured its button comes first, and the password form follows — folded
 * away, for the administrator, when PASSWORD_SIGN_IN keeps passwords to some roles only. A refused single
 * sign-on comes back here with `?sso=<reason>`; any other failure of it with next-auth's `?error=…`.
 */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await currentUser();
  if (user) redirect(homePath(user.role));
  const { callbackUrl, changed, sso: refusal, error } = await searchParams;
  const back = typeof callbackUrl === "string" ? callbackUrl : undefined;
  const { sso, passwordRoles } = signInConfig;
  const problem =
    typeof refusal === "string" || typeof error === "string" ? ssoRefusalMessage(String(refusal ?? error), sso?.linkClaim) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-800 to-brand-600 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-lg">
        <h1 className="mb-1 text-xl font-bold text-brand-800">提案办理系统</h1>
        <p className="mb-6 text-sm text-slate-600">政协提案 · 人大建议 · 交办 · 答复 · 公开 · 回执</p>
        {changed === "1" && <p className="mb-4 rounded bg-green-50 px-3 py-2 text-sm text-green-800">密码已修改，请用新密码登录。</p>}
        {problem && (
          <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem}
          </p>
        )}
        {!sso ? (
          <LoginForm callbackUrl={back} />
        ) : (
          <>
            <SsoForm callbackUrl={back} />
            <p className="mt-2 text-xs text-slate-600">使用政务统一身份认证平台的账号登录。</p>
            {passwordRoles === "all" ? (
              <>
                <p className="my-5 flex items-center gap-3 text-xs text-slate-600 before:h-px before:flex-1 before:bg-slate-300 after:h-px after:flex-1 after:bg-slate-300">
                  或使用本系统账号和密码
                </p>
                <LoginForm callbackUrl={back} secondary />
              </>
            ) : (
              <details className="mt-6 border-t border-slate-200 pt-4">
                <summary className="cursor-pointer text-sm text-brand-700">
                  使用密码登录（限{[...passwordRoles].map((role) => ROLE_LABELS[role]).join("、")}）
                </summary>
                <div className="mt-4">
                  <LoginForm callbackUrl={back} secondary />
                </div>
              </details>
            )}
          </>
        )}
      </div>
    </main>
  );
}
