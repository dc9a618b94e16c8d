/**
 * Test fixtures. `loginAs` signs a demo user in without the UI, by minting the same session cookie
 * next-auth would set (the e2e server runs with a known secret); the sign-in form has its own tests.
 */
import { test as base, expect } from "@playwright/test";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { E2E } from "./env";

const COOKIE = "authjs.session-token";

type UserRow = { id: number; display_name: string; role: string; unit_id: number | null; session_version: number };

function findUser(username: string): UserRow {
  const db = new Database(E2E.databasePath, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare("select id, display_name, role, unit_id, session_version from users where username = ?")
      .get(username) as UserRow | undefined;
    if (!row) throw new Error(`no such demo user: ${username}`);
    return row;
  } finally {
    db.close();
  }
}

export const test = base.extend<{ loginAs: (username: string) => Promise<void> }>({
  loginAs: async ({ context }, use) => {
    await use(async (username) => {
      const user = findUser(username);
      const value = await encode({
        salt: COOKIE,
        secret: E2E.authSecret,
        token: { sub: String(user.id), uid: String(user.id), name: user.display_name, role: user.role, unitId: user.unit_id, sv: user.session_version },
      });
      await context.addCookies([{ name: COOKIE, value, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" }]);
    });
  },
});

export { expect };
export type { Page } from "@playwright/test";
