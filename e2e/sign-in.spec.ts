import { expect, signIn, test } from "./fixtures";

const DEMO_HOMES = [
  { username: "admin", path: "/admin", marker: "系统管理" },
  { username: "coordinator", path: "/work", marker: "待交办" },
  { username: "jiangmj", path: "/work", marker: "待签收" },
  { username: "dengmj", path: "/work", marker: "待审签答复函" },
  { username: "dqgzb", path: "/work", marker: "待填写协办意见" },
  { username: "cxfwzx", path: "/work", marker: "待填写协办意见" },
  { username: "zwfwzx", path: "/work", marker: "待填写协办意见" },
  { username: "liuxr", path: "/member", marker: "我的提案" },
] as const;

for (const account of DEMO_HOMES) {
  test(`${account.username} signs in and lands on its own home`, async ({ page }) => {
    await signIn(page, account.username, "demo-2026");
    await expect(page).toHaveURL(new RegExp(`${account.path}$`));
    await expect(page.getByText(account.marker).first()).toBeVisible();
  });
}

test("a wrong password gets a Chinese error and no session", async ({ page }) => {
  await signIn(page, "jiangmj", "wrong-password-1");
  await expect(page.getByRole("status")).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/work");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fwork/);
});

test("a visitor is sent to sign-in and returned to the page asked for", async ({ page }) => {
  await page.goto("/proposals");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fproposals/);
  await page.getByLabel("用户名").fill("coordinator");
  await page.getByLabel("密码").fill("demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/proposals$/);
  await expect(page.getByRole("heading", { name: "全部提案" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "dengmj", "demo-2026");
  await expect(page).toHaveURL(/\/work$/);
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/work");
  await expect(page).toHaveURL(/\/login/);
});
