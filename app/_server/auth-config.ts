/** The sign-in configuration (next-auth credentials, JWT sessions), apart from NextAuth() so that tests can run it. */
import { CredentialsSignin, type NextAuthConfig, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { attemptSignIn, revokeSession, ssoSignIn, type SignedInUser } from "@/db/queries/credentials";
import { logEvent } from "@/db/queries/events";
import { clientAddress, trustedProxyCount } from "@/lib/client-address";
import { ROLES, type Role } from "@/lib/domain";
import { addressLimitFromEnv } from "@/lib/sign-in-limits";
import { linkValue, passwordSignInAllowed, SSO_PROVIDER_ID, signInConfigFromEnv, type SsoConfig } from "@/lib/sso";

class AccountLocked extends CredentialsSignin {
  code = "locked";
}

/** Too many failed sign-ins from the caller's network address; says nothing about the account. */
export class AddressThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryMinutes: number) {
    super();
  }
}

/** The password is right, but this role signs in through 统一身份认证 only (PASSWORD_SIGN_IN). */
class PasswordDisabled extends CredentialsSignin {
  code = "password_disabled";
}

const credentialsInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

declare module "next-auth" {
  interface User {
    role?: Role;
    unitId?: number | null;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; role: Role; unitId: number | null; sessionVersion: number };
  }
}

/** Checked at start too (scripts/serve.ts), where a wrong configuration stops the server with its message. */
export const signInConfig = signInConfigFromEnv(process.env);

/** What next-auth keeps of a signed-in user, from the account as this system has it. */
function sessionUser(user: SignedInUser): User {
  return { id: String(user.id), name: user.displayName, role: user.role, unitId: user.unitId, sessionVersion: user.sessionVersion };
}

/**
 * The identity platform, by discovery from its issuer. The profile is read from the userinfo endpoint
 * (idToken: false; the ID token's issuer, audience, expiry and nonce are still checked), where platforms
 * release claims such as a 工号; who the person is in this system is decided by the signIn callback,
 * never by the profile.
 */
function identityPlatform(sso: SsoConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER_ID,
    name: "统一身份认证",
    type: "oidc",
    issuer: sso.issuer,
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    idToken: false,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: sso.scope } },
    profile: (claims) => ({ id: String(claims.sub) }),
  };
}

/**
 * Session cookies are left to next-auth's defaults on purpose: HttpOnly, SameSite=Lax, Path=/, and —
 * whenever the request reached the app over https, directly, per AUTH_URL=https://…, or per the
 * X-Forwarded-Proto: https of a TLS-terminating proxy — Secure and named __Secure-authjs.session-token.
 * Over plain http (the local demo, the e2e server) the cookie is authjs.session-token without Secure,
 * which browsers would otherwise drop. tests/integration/session-cookies.test.ts holds this down.
 */
export const authConfig = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // Errors of the single sign-on (a cancelled or failed exchange) come back to the sign-in page as ?error=….
  pages: { signIn: "/login", error: "/login" },
  trustHost: true,
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      // `request` is rebuilt by next-auth from the incoming headers (no socket): the address comes from
      // X-Forwarded-For as the start script's preload or the trusted proxies leave it (lib/client-address.ts).
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const address = clientAddress(request.headers, trustedProxyCount(process.env.TRUST_PROXY));
        const mayUsePassword = (role: Role) => passwordSignInAllowed(signInConfig.passwordRoles, role);
        const check = await attemptSignIn(
          getDb(),
          { ...parsed.data, address, mayUsePassword },
          new Date(),
          addressLimitFromEnv(process.env),
        );
        if (!check.ok) {
          if (check.reason === "throttled") throw new AddressThrottled(check.retryMinutes);
          if (check.reason === "locked") throw new AccountLocked();
          if (check.reason === "password_disabled") throw new PasswordDisabled();
          return null;
        }
        return sessionUser(check.user);
      },
    }),
    ...(signInConfig.sso ? [identityPlatform(signInConfig.sso)] : []),
  ],
  events: {
    // 退出, a password change and POST /api/auth/signout all come here with the decoded token. The cookie
    // is cleared, but the token itself stays valid until it expires: revoke its session in the database.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const userId = Number(token?.uid);
      if (typeof token?.sid !== "string" || typeof token.exp !== "number") return;
      const db = getDb();
      if ((await revokeSession(db, token.sid, new Date(token.exp * 1000))) && Number.isSafeInteger(userId))
        await logEvent(db, { action: "sign_out", actorId: userId });
    },
  },
  callbacks: {
    /**
     * A single sign-on is let through only as an account of this system, named by the link claim; a
     * refusal goes back to the sign-in page with its reason. The account is written into `user`, the
     * object next-auth hands on to the jwt callback, so that both ways in make the same session.
     */
    async signIn({ user, account, profile }) {
      if (account?.provider !== SSO_PROVIDER_ID || !signInConfig.sso) return true;
      const value = linkValue(profile ?? {}, signInConfig.sso.linkClaim);
      // The callback is the browser's GET of /api/auth/callback/gov: its address, as for a password.
      const address = clientAddress(await headers(), trustedProxyCount(process.env.TRUST_PROXY));
      const check = await ssoSignIn(getDb(), { value, address });
      if (!check.ok) return `/login?sso=${check.reason}`;
      Object.assign(user, sessionUser(check.user));
      return true;
    },
    jwt({ token, user, account }) {
      if (user) {
        if (account?.provider === SSO_PROVIDER_ID) {
          token.sso = true;
          // Only to name the session when 退出 ends it at the platform too (it makes the cookie about 1 KB longer).
          if (signInConfig.sso?.logout && account.id_token) token.idt = account.id_token;
        }
        token.uid = user.id;
        token.role = user.role;
        token.unitId = user.unitId ?? null;
        token.sv = user.sessionVersion ?? 0;
        // The session's own id: signing out revokes it (events.signOut), the guard then refuses the token.
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      const role = ROLES.find((r) => r === token.role) ?? "member";
      session.user = {
        ...session.user,
        id: String(token.uid ?? ""),
        name: session.user?.name ?? "",
        role,
        unitId: typeof token.unitId === "number" ? token.unitId : null,
        sessionVersion: typeof token.sv === "number" ? token.sv : 0,
      };
      return session;
    },
  },
} satisfies NextAuthConfig;
