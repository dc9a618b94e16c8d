/**
 * Test fixtures. `loginAs` signs a demo user in without the UI, by minting the same session cookie
 * next-auth would set (the e2e server runs with a known secret); the sign-in form has its own tests.
 */
import { test as base, expect } from "@playwright/test";
import { mintSessionToken, SESSION_COOKIE } from "../scripts/lib/session-cookie";
import { E2E } from "./env";

export const test = base.extend<{ loginAs: (username: string) => Promise<void> }>({
  loginAs: async ({ context }, use) => {
    await use(async (username) => {
      const value = await mintSessionToken(E2E.databasePath, E2E.authSecret, username);
      await context.addCookies([{ name: SESSION_COOKIE, value, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" }]);
    });
  },
});

export { expect };
export type { Page } from "@playwright/test";
