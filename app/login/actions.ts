"use server";
import { eq } from "drizzle-orm";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { safeCallbackPath, safeReturnPath } from "@/lib/authz";
import { addressRefusalMessage, lockedMessage } from "@/lib/sign-in-limits";
import { PASSWORD_DISABLED_MESSAGE, SSO_PROVIDER_ID } from "@/lib/sso";
import { AddressThrottled, signIn, signInConfig, signOut } from "../_server/auth";
import { platformLogoutUrl } from "../_server/platform-logout";
import { sessionClaims, sessionCookie } from "../_server/session-token";

const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  callbackUrl: z.string().max(512).optional(),
});

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = loginInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "请输入用户名和密码。" };
  const { username, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { username, password, redirect: false });
  } catch (error) {
    if (error instanceof AddressThrottled) return { ok: false, error: addressRefusalMessage(error.retryMinutes) };
    if (error instanceof CredentialsSignin && error.code === "locked") return { ok: false, error: lockedMessage() };
    if (error instanceof CredentialsSignin && error.code === "password_disabled") return { ok: false, error: PASSWORD_DISABLED_MESSAGE };
    if (error instanceof AuthError) return { ok: false, error: "用户名或密码错误。" };
    throw error;
  }
  const user = await getDb().select({ role: users.role }).from(users).where(eq(users.username, username)).get();
  redirect(safeCallbackPath(callbackUrl, user?.role ?? "member"));
}

const ssoInput = z.object({ callbackUrl: z.string().max(512).optional() });

/**
 * 统一身份认证登录: next-auth sends the browser to the identity platform (its state, nonce and PKCE
 * cookies set here); the platform sends it back to /api/auth/callback/gov, where auth-config's signIn
 * callback links the account. Without a given destination it lands on "/", which sends each user home.
 */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  if (!signInConfig.sso) redirect("/login");
  const parsed = ssoInput.safeParse(Object.fromEntries(formData));
  await signIn(SSO_PROVIDER_ID, { redirectTo: (parsed.success && safeReturnPath(parsed.data.callbackUrl)) || "/" });
}

/**
 * Revokes the session (auth-config's events.signOut, which also logs it) and clears the cookie; after a
 * single sign-on with OIDC_LOGOUT, then sends the browser to end the platform's session, which sends it
 * back to sign-in.
 */
export async function signOutAction(): Promise<void> {
  const cookieStore = await cookies();
  const claims = await sessionClaims(sessionCookie((name) => cookieStore.get(name)?.value));
  const platform = await platformLogoutUrl(claims?.idToken ?? null);
  await signOut({ redirectTo: "/login", redirect: !platform });
  if (platform) redirect(platform);
}
