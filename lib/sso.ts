/**
 * 统一身份认证 (single sign-on over OpenID Connect, docs/decisions/018): how it is configured, which
 * account a signed-in identity is, who may still use a password, and what a refusal says.
 * Pure: the environment and the account are passed in.
 */
import { ROLES, type Role } from "./domain";
import { originConfig } from "./site-origin";

/** next-auth's id of the provider: its sign-in and callback paths are /api/auth/{signin,callback}/gov. */
export const SSO_PROVIDER_ID = "gov";
export const SSO_BUTTON_LABEL = "统一身份认证登录";

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim whose value is this system's username (e.g. preferred_username, or a 工号 claim). */
  linkClaim: string;
  /** The scopes asked for; the link claim must be among what they release. */
  scope: string;
  /** 退出 also ends the session at the platform (RP-initiated logout), where it offers that. */
  logout: boolean;
};

/** Roles that may sign in with a password: all, or the listed ones (the administrator always). */
export type PasswordRoles = "all" | ReadonlySet<Role>;

export type SignInConfig = { sso: SsoConfig | null; passwordRoles: PasswordRoles };

export class SignInConfigError extends Error {}

const blank = (value: string | undefined) => !value?.trim();

/**
 * The sign-in configuration from the environment (README, 配置). Refuses, rather than guesses, a half
 * configuration: part of the OIDC_ variables, SSO without a configured public origin (the callback
 * address the identity platform has registered must never come from a request), or a password switch
 * that would leave staff with no way in.
 */
export function signInConfigFromEnv(env: Record<string, string | undefined>): SignInConfig {
  const names = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const given = names.filter((name) => !blank(env[name]));
  let sso: SsoConfig | null = null;
  if (given.length > 0) {
    const missing = names.filter((name) => blank(env[name]));
    if (missing.length) throw new SignInConfigError(`统一身份认证配置不完整：缺少 ${missing.join("、")}`);
    const issuer = env.OIDC_ISSUER!.trim().replace(/\/+$/, "");
    if (!/^https?:\/\/[^/]/.test(issuer)) throw new SignInConfigError(`OIDC_ISSUER 不是 http(s) 地址：${issuer}`);
    const origin = originConfig(env).publicOrigin;
    if (!origin) throw new SignInConfigError("启用统一身份认证须设置 AUTH_URL（或 PUBLIC_ORIGIN）为本系统的公开地址，回调地址由它生成");
    // The sign-in step asks the platform to send the user back to AUTH_URL as written (next-auth builds it from
    // AUTH_URL), the callback step to where its request says it came from: a NextRequest's url, in which Next
    // renames a 127.x or [::1] host to localhost (NextURL). The two redirect_uri differ and the platform refuses
    // the code. A host name, localhost included, is kept as written (tests/unit/next-internals.test.ts).
    if (/^https?:\/\/(?:127\.[\d.]+|\[::1\])(?::\d+)?$/.test(origin))
      throw new SignInConfigError(`在本机试用统一身份认证请以 localhost 为地址（AUTH_URL=${origin.replace(/\/\/[^:/]+/, "//localhost")}）`);
    const linkClaim = env.OIDC_LINK_CLAIM?.trim() || "preferred_username";
    if (!/^[\w.:-]{1,64}$/.test(linkClaim)) throw new SignInConfigError(`OIDC_LINK_CLAIM 不是有效的声明名：${linkClaim}`);
    sso = {
      issuer,
      clientId: env.OIDC_CLIENT_ID!.trim(),
      clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
      linkClaim,
      scope: env.OIDC_SCOPE?.trim() || "openid profile",
      logout: ["1", "true", "yes"].includes(env.OIDC_LOGOUT?.trim().toLowerCase() ?? ""),
    };
  }
  const passwordRoles = parsePasswordRoles(env.PASSWORD_SIGN_IN);
  if (passwordRoles !== "all" && !sso)
    throw new SignInConfigError("PASSWORD_SIGN_IN 限制了密码登录，但未配置统一身份认证（OIDC_ISSUER 等）：其他用户将无法登录");
  return { sso, passwordRoles };
}

function parsePasswordRoles(value: string | undefined): PasswordRoles {
  if (blank(value) || value!.trim() === "all") return "all";
  const listed = value!.split(",").map((part) => part.trim());
  const unknown = listed.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length)
    throw new SignInConfigError(`PASSWORD_SIGN_IN 应为 all 或角色列表（${ROLES.join(",")}），不认识：${unknown.join("、")}`);
  return new Set<Role>(["admin", ...(listed as Role[])]);
}

/**
 * Where 退出 sends the browser to end the platform's session too (OpenID Connect RP-Initiated Logout):
 * its end_session_endpoint, told which session (the ID token) and where to send the user back (the
 * sign-in page, registered at the platform as a post-logout redirect address).
 */
export function endSessionUrl(endpoint: string, session: { idToken: string; clientId: string; origin: string }): string {
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", session.idToken);
  url.searchParams.set("client_id", session.clientId);
  url.searchParams.set("post_logout_redirect_uri", `${session.origin}/login`);
  return url.toString();
}

/** Whether a user of this role may sign in with a password (the administrator always may). */
export function passwordSignInAllowed(roles: PasswordRoles, role: Role): boolean {
  return roles === "all" || role === "admin" || roles.has(role);
}

/** The value of the link claim in the identity platform's claims: a non-empty string (or number) of at most 64 characters. */
export function linkValue(claims: Record<string, unknown>, claim: string): string | null {
  const raw = claims[claim];
  const value = typeof raw === "string" ? raw.trim() : typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : "";
  return value && value.length <= 64 ? value : null;
}

export type SsoRefusal = "missing_claim" | "unknown" | "disabled";

/**
 * Whether the identity may sign in as the account its link claim names (null: no such account).
 * Only this system decides the role and unit; the identity platform only says who the person is.
 */
export function ssoDecision(value: string | null, account: { disabled: boolean } | null): { ok: true } | { ok: false; reason: SsoRefusal } {
  if (value === null) return { ok: false, reason: "missing_claim" };
  if (!account) return { ok: false, reason: "unknown" };
  if (account.disabled) return { ok: false, reason: "disabled" };
  return { ok: true };
}

/** What the sign-in page says after a refused or failed single sign-on (`?sso=` its reason; `failed` for any other error). */
export function ssoRefusalMessage(reason: string, linkClaim = "preferred_username"): string {
  switch (reason) {
    case "unknown":
      return "统一身份认证账号未在本系统登记，不能登录。请联系系统管理员开通账号。";
    case "disabled":
      return "该账号已在本系统停用，不能登录。请联系系统管理员。";
    case "missing_claim":
      return `统一身份认证未提供用于关联本系统账号的信息（${linkClaim}），不能登录。请联系系统管理员。`;
    default:
      return "统一身份认证登录未完成，请重试；如仍不能登录，请联系系统管理员。";
  }
}

/** What the password form says to a user whose role must sign in through 统一身份认证. */
export const PASSWORD_DISABLED_MESSAGE = `您的账号须通过统一身份认证登录，不能使用密码登录。请点击「${SSO_BUTTON_LABEL}」。`;
