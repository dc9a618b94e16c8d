import { openDemo180 } from "./demo-proposal";
import { expect, test } from "./fixtures";

test("a handler opening a unit's admin page gets 403", async ({ page, loginAs }) => {
  await loginAs("jiangmj");
  const response = await page.goto("/admin/units/1");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("a member cannot open the staff pages", async ({ page, loginAs }) => {
  await loginAs("liuxr");
  for (const path of ["/work", "/proposals", "/stats", "/admin"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("a handler cannot open statistics, nor a proposal of another unit", async ({ page, loginAs }) => {
  await loginAs("dqgzb");
  expect((await page.goto("/stats"))?.status()).toBe(403);
  // 党群工作部 sees only what it handles; find a proposal it has no part in from the coordinator's list.
  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto("/proposals?status=registered");
  const href = await page.locator("table a[href^='/proposals/']").first().getAttribute("href");
  expect(href).toBeTruthy();
  await page.context().clearCookies();
  await loginAs("dqgzb");
  expect((await page.goto(href!))?.status()).toBe(403);
});

test("navigation differs per role", async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await page.goto("/work");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link")).toHaveText(["待办", "全部提案", "督办", "统计"]);
  await page.context().clearCookies();
  await loginAs("jiangmj");
  await page.goto("/work");
  await expect(nav.getByRole("link")).toHaveText(["待办", "全部提案"]);
});

test("the coordinator opens proposal 180 with its units and timeline", async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await openDemo180(page);
  await expect(page.getByRole("complementary").getByText("重庆高新区科技创新局")).toBeVisible();
  await expect(page.getByRole("heading", { name: "办理记录" })).toBeVisible();
});
