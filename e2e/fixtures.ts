/**
 * Test fixtures. `loginAs` signs a demo user in without the UI, by minting the same session cookie
 * next-auth would set (the e2e server runs with a known secret); the sign-in form has its own tests.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { mintSessionToken, SESSION_COOKIE } from "../scripts/lib/session-cookie";
import { E2E } from "./env";

export const test = base.extend<{ loginAs: (username: string) => Promise<void> }>({
  loginAs: async ({ context }, use) => {
    await use(async (username) => {
      const value = await mintSessionToken(E2E.database, E2E.authSecret, username);
      await context.addCookies([{ name: SESSION_COOKIE, value, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" }]);
    });
  },
});

/** The password of every demo account. */
export const DEMO_PASSWORD = "demo-2026";

/** Signs in through the sign-in form, as a person does (the caller waits for where it lands). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export { expect };
export type { Page } from "@playwright/test";
