/**
 * 统一身份认证 (issue 23 item 5, docs/decisions/018): sign-in through a real OpenID provider on loopback
 * (scripts/oidc-test-provider.ts, the oidc-provider package, with its own login form), against a server of
 * this spec's own started as `npm start` starts it, configured only by environment variables: the platform
 * (OIDC_*), accounts linked by the 工号 claim (OIDC_LINK_CLAIM=employee_number; the platform's
 * preferred_username differs from the username), and passwords kept to the administrator (PASSWORD_SIGN_IN=admin).
 * The app and the platform go by real-looking names, resolved to loopback: in Chromium by --host-resolver-rules,
 * in the app's server (which fetches the platform's discovery, token and userinfo) by e2e/loopback-names.cjs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { freePort } from "../scripts/lib/free-port";
import { SESSION_COOKIE } from "../scripts/lib/session-cookie";
import { startOidcTestProvider } from "../scripts/oidc-test-provider";
import { noAxeViolations } from "./accessibility";
import { chromiumProject } from "./chromium";
import { E2E } from "./env";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { get } from "./security/support";

const CLIENT = { clientId: "tian-banli", clientSecret: "e2e-only-client-secret-0123456789" };
const IDP_PASSWORD = "idp-2026";
const APP_HOST = "tian.gxq.gov.example";
const IDP_HOST = "idp.gov.example";

test.describe.configure({ mode: "serial" });
test.use({
  launchOptions: chromiumProject([`--host-resolver-rules=MAP ${APP_HOST} 127.0.0.1, MAP ${IDP_HOST} 127.0.0.1`]).use?.launchOptions,
});

/** The app as the browser and the platform know it, by its name. */
let origin = "";
/** The same server for the test's own requests, by address. */
let direct = "";
let databasePath = "";
let app: ChildProcess | undefined;
let idp: Awaited<ReturnType<typeof startOidcTestProvider>> | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  origin = `http://${APP_HOST}:${port}`;
  direct = `http://127.0.0.1:${port}`;
  databasePath = `data/e2e-sso-${port}.db`;
  idp = await startOidcTestProvider({
    host: IDP_HOST,
    clients: [{ ...CLIENT, redirectUri: `${origin}/api/auth/callback/gov`, postLogoutRedirectUri: `${origin}/login` }],
  });
  app = spawn(process.execPath, [`${E2E.distDir}/serve.mjs`, "--demo", "--fresh", "--db", databasePath, "--port", String(port)], {
    env: {
      ...process.env,
      AUTH_SECRET: E2E.authSecret,
      NODE_ENV: "production",
      AUTH_URL: origin,
      PUBLIC_ORIGIN: "",
      TRUST_PROXY: "",
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT.clientId,
      OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      OIDC_LINK_CLAIM: "employee_number",
      PASSWORD_SIGN_IN: "admin",
      OIDC_LOGOUT: "true",
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.resolve("e2e/loopback-names.cjs")}`].filter(Boolean).join(" "),
      E2E_LOOPBACK_NAMES: [APP_HOST, IDP_HOST].join(","),
    },
    stdio: "ignore",
    detached: true,
  });
  for (const end = Date.now() + 150_000; ; await new Promise((r) => setTimeout(r, 1000))) {
    if (Date.now() > end) throw new Error("the single sign-on server did not start");
    if ((await get(`${direct}/login`).catch(() => ({ status: 0 }))).status === 200) break;
  }
});

test.afterAll(async () => {
  if (app?.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
  await idp?.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
});

/** From this server's sign-in page through the platform's login form, as a person does it. */
async function signInThroughPlatform(page: Page, login: string) {
  await page.goto(`${origin}/login`);
  await page.getByRole("button", { name: "统一身份认证登录" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp!.issuer}/interaction/`));
  await page.getByLabel("统一认证账号").fill(login);
  await page.getByLabel("统一认证密码").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "认证并返回" }).click();
}

/** Runs a statement on the server's database (SQLite, WAL: the server sees it at its next read). */
function writeDb(sql: string, ...params: unknown[]) {
  const db = new Database(databasePath);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

function lastEvent(action: string): { actor: string | null; data: Record<string, unknown> } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const row = db
      .prepare(
        "select u.username as actor, e.data from events e left join users u on u.id = e.actor_id where e.action = ? order by e.id desc limit 1",
      )
      .get(action) as { actor: string | null; data: string };
    return { actor: row.actor, data: JSON.parse(row.data) };
  } finally {
    db.close();
  }
}

/** The sign-in page's message (not Next's route announcer, also an alert). */
const refusal = (page: Page) => page.getByRole("main").getByRole("alert");

const sessionCookieOf = async (page: Page) => (await page.context().cookies(origin)).find((c) => c.name === SESSION_COOKIE)?.value;

test("统一身份认证登录 lands on 待办 as the account its 工号 names (a one-time password aside); 退出 ends the session here and at the platform, and its cookie replayed opens nothing", async ({
  page,
}) => {
  await page.goto(`${origin}/login`);
  await expect(page.getByRole("button", { name: "统一身份认证登录" })).toBeVisible();
  await noAxeViolations(page);
  await page.screenshot({ path: "docs/screenshots/sso-sign-in.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "docs/screenshots/sso-sign-in-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A one-time password set by the administrator binds password sign-ins only: this one lands on 待办, not 修改密码.
  writeDb("update users set must_change_password = 1 where username = ?", "jiangmj");
  // A forged forwarded host changes nothing: the platform is asked to send the user back to the configured origin.
  await page.setExtraHTTPHeaders({ "X-Forwarded-Host": "evil.example" });
  const authorization = page.waitForRequest((request) => request.url().startsWith(`${idp!.issuer}/auth?`));
  await page.getByRole("button", { name: "统一身份认证登录" }).click();
  const asked = new URL((await authorization).url());
  expect(asked.searchParams.get("redirect_uri")).toBe(`${origin}/api/auth/callback/gov`);
  expect(asked.searchParams.get("client_id")).toBe(CLIENT.clientId);
  expect(asked.searchParams.get("code_challenge_method")).toBe("S256");
  await page.setExtraHTTPHeaders({});

  await page.getByLabel("统一认证账号").fill("jiang.mingjie");
  await page.getByLabel("统一认证密码").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "认证并返回" }).click();
  await expect(page).toHaveURL(`${origin}/work`);
  await expect(page.getByRole("heading", { name: "待办事项" })).toBeVisible();
  await expect(page.getByText("蒋明杰").first()).toBeVisible();
  expect(lastEvent("sign_in")).toEqual({ actor: "jiangmj", data: { username: "jiangmj", address: "127.0.0.1", via: "sso" } });

  // The same session as a password's: the guard reads it, 退出 revokes it.
  const token = await sessionCookieOf(page);
  expect(token).toBeTruthy();
  expect((await get(`${direct}/proposals`, token)).status).toBe(200);
  await page.getByRole("button", { name: "退出" }).click();
  // OIDC_LOGOUT: this system's session is ended first, then the platform's, which sends the user back to sign-in.
  await expect(page).toHaveURL(new RegExp(`^${idp!.issuer}/session/end`));
  expect(await sessionCookieOf(page)).toBeUndefined();
  await page.getByRole("button", { name: "退出统一身份认证" }).click();
  await expect(page).toHaveURL(`${origin}/login`);
  for (const path of ["/work", "/proposals"]) {
    const replay = await get(`${direct}${path}`, token);
    expect(replay.status, path).toBe(307);
    expect(new URL(replay.location ?? "", origin).pathname, path).toBe("/login");
  }
  expect(lastEvent("sign_out").actor).toBe("jiangmj");
  // The platform's session is over too: it asks who is signing in again.
  await page.getByRole("button", { name: "统一身份认证登录" }).click();
  await expect(page.getByLabel("统一认证账号")).toBeVisible();
});

test("a person the platform knows but this system does not is refused with 「统一身份认证账号未在本系统登记」", async ({ page }) => {
  await signInThroughPlatform(page, "zhangsan");
  await expect(page).toHaveURL(`${origin}/login?sso=unknown`);
  await expect(refusal(page)).toHaveText(/^统一身份认证账号未在本系统登记/);
  expect(await sessionCookieOf(page)).toBeUndefined();
  expect((await get(`${direct}/work`)).status).toBe(307);
  expect(lastEvent("sign_in_refused")).toEqual({
    actor: null,
    data: { username: "zhangsan", address: "127.0.0.1", via: "sso", reason: "unknown" },
  });
  await noAxeViolations(page);
  await page.screenshot({ path: "docs/screenshots/sso-refused.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "docs/screenshots/sso-refused-390.png", fullPage: true });
});

test("a disabled account is refused, and so is an identity without the 工号 claim", async ({ page }) => {
  writeDb("update users set disabled = 1 where username = ?", "cxfwzx");
  await signInThroughPlatform(page, "cxfwzx");
  await expect(page).toHaveURL(`${origin}/login?sso=disabled`);
  await expect(refusal(page)).toHaveText(/该账号已在本系统停用/);
  expect(await sessionCookieOf(page)).toBeUndefined();
  expect(lastEvent("sign_in_refused")).toMatchObject({ actor: "cxfwzx", data: { reason: "disabled" } });

  await page.context().clearCookies();
  await signInThroughPlatform(page, "nameless");
  await expect(page).toHaveURL(`${origin}/login?sso=missing_claim`);
  await expect(refusal(page)).toHaveText(/未提供用于关联本系统账号的信息（employee_number）/);
  expect(await sessionCookieOf(page)).toBeUndefined();
});

test("with PASSWORD_SIGN_IN=admin a handler's right password is refused, and the administrator still signs in with one", async ({
  page,
}) => {
  await page.goto(`${origin}/login`);
  // The password form is folded away under the single sign-on's button.
  await expect(page.getByLabel("用户名")).toBeHidden();
  await page.getByText("使用密码登录（限系统管理员）").click();
  await noAxeViolations(page);
  await page.getByLabel("用户名").fill("jiangmj");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("您的账号须通过统一身份认证登录，不能使用密码登录。请点击「统一身份认证登录」。");
  await expect(page).toHaveURL(`${origin}/login`);
  expect(await sessionCookieOf(page)).toBeUndefined();
  expect(lastEvent("sign_in_refused")).toMatchObject({ actor: "jiangmj", data: { via: "password", reason: "password_disabled" } });

  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${origin}/(admin|account/password)`));
  expect(lastEvent("sign_in").actor).toBe("admin");
});

test("without OIDC_ variables the sign-in page has no 统一身份认证 button and the password form as before", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("用户名")).toBeVisible();
  await expect(page.getByRole("button", { name: "统一身份认证登录" })).toHaveCount(0);
});
