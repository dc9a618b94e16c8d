/**
 * The session cookie's attributes as the production server sets them, over plain http and behind a
 * TLS-terminating proxy (X-Forwarded-Proto: https), and the administrator's 安全审计 page showing the
 * sign-ins and failures as they happen. (Only one failed sign-in here: the e2e server's address limit
 * counts every failure from 127.0.0.1; the limit itself is tested on a real database in vitest.)
 */
import { callServerAction, serverActionIds } from "../scripts/lib/server-action";
import { E2E } from "./env";
import { expect, signIn, test } from "./fixtures";

test("over plain http the session cookie is authjs.session-token, HttpOnly and SameSite=Lax, and not Secure", async ({ page, context }) => {
  await signIn(page, "dqgzb", "demo-2026");
  await expect(page).toHaveURL(/\/work$/);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(cookies.some((c) => c.name.startsWith("__Secure-"))).toBe(false);
});

test("behind a TLS-terminating proxy (X-Forwarded-Proto: https) the sign-in sets a __Secure- cookie: Secure, HttpOnly, SameSite=Lax", async () => {
  const response = await callServerAction({
    baseURL: E2E.baseURL,
    page: "/login",
    actionId: serverActionIds().get("app/login/actions.ts#signInAction")!,
    fields: { username: "cxfwzx", password: "demo-2026" },
    headers: { "X-Forwarded-Proto": "https" },
  });
  expect(response.redirectTo).toMatch(/\/work/);
  const session = response.setCookies.find((c) => c.startsWith("__Secure-authjs.session-token="));
  expect(session, response.setCookies.join("\n")).toBeTruthy();
  const attributes = session!
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(["path=/", "httponly", "secure", "samesite=lax"]));
  expect(response.setCookies.some((c) => c.startsWith("authjs.session-token="))).toBe(false);
});

test("the administrator sees sign-ins and failed sign-ins on 安全审计, with the name tried and the address, filtered by kind and user", async ({
  page,
  loginAs,
}) => {
  const ghost = `nobody-${Date.now() % 100_000}`;
  await signIn(page, ghost, "not-the-password-1");
  await expect(page.getByRole("status")).toContainText("用户名或密码错误");
  await signIn(page, "zwfwzx", "demo-2026");
  await expect(page).toHaveURL(/\/work$/);
  await page.context().clearCookies();

  await loginAs("admin");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "安全审计" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "安全审计" })).toBeVisible();
  const table = page.getByRole("table", { name: "安全事件列表" });
  await expect(table).toBeVisible();

  await page.getByLabel("事件类型").selectOption({ label: "登录失败" });
  await page.getByLabel("用户（姓名或用户名）").fill(ghost);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/kind=sign_in_failed/);
  const failed = table.getByRole("row").filter({ hasText: ghost });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("登录失败");
  await expect(failed).toContainText(`${ghost}（无此可用账户）`);
  await expect(failed).toContainText(/127\.0\.0\.1|::1/);
  await expect(page.getByText("共 1 条记录")).toBeVisible();

  await page.goto("/admin/audit?kind=sign_in&user=zwfwzx");
  await expect(table.getByRole("row").filter({ hasText: "登录成功" }).first()).toContainText("zwfwzx");
  // Nobody but the administrator may look.
  await page.context().clearCookies();
  await loginAs("coordinator");
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});
