/** The sign-in configuration (next-auth credentials, JWT sessions), apart from NextAuth() so that tests can run it. */
import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { attemptSignIn, revokeSession } from "@/db/queries/credentials";
import { logEvent } from "@/db/queries/events";
import { clientAddress, trustedProxyCount } from "@/lib/client-address";
import { ROLES, type Role } from "@/lib/domain";
import { addressLimitFromEnv } from "@/lib/sign-in-limits";

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

/**
 * Session cookies are left to next-auth's defaults on purpose: HttpOnly, SameSite=Lax, Path=/, and —
 * whenever the request reached the app over https, directly, per AUTH_URL=https://…, or per the
 * X-Forwarded-Proto: https of a TLS-terminating proxy — Secure and named __Secure-authjs.session-token.
 * Over plain http (the local demo, the e2e server) the cookie is authjs.session-token without Secure,
 * which browsers would otherwise drop. tests/integration/session-cookies.test.ts holds this down.
 */
export const authConfig = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
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
        const check = await attemptSignIn(getDb(), { ...parsed.data, address }, new Date(), addressLimitFromEnv(process.env));
        if (!check.ok) {
          if (check.reason === "throttled") throw new AddressThrottled(check.retryMinutes);
          if (check.reason === "locked") throw new AccountLocked();
          return null;
        }
        const { user } = check;
        return {
          id: String(user.id),
          name: user.displayName,
          role: user.role,
          unitId: user.unitId,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
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
    jwt({ token, user }) {
      if (user) {
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
