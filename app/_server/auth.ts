import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { verifyCredentials } from "@/db/queries/credentials";
import { ROLES, type Role } from "@/lib/domain";

class AccountLocked extends CredentialsSignin {
  code = "locked";
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

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  trustHost: true,
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const check = await verifyCredentials(getDb(), parsed.data.username, parsed.data.password);
        if (!check.ok) {
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
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.unitId = user.unitId ?? null;
        token.sv = user.sessionVersion ?? 0;
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
});
