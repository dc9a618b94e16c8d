import { expect, test } from "./fixtures";

test("an admin creates a unit and a user, who then signs in and sets a password", async ({ page, loginAs }) => {
  const suffix = Date.now().toString(36);
  const unitName = `重庆高新区测试局${suffix}`;
  await loginAs("admin");

  await page.goto("/admin/units/new");
  await page.getByLabel("单位名称").fill(unitName);
  await page.getByLabel("单位简称").fill(`测试局${suffix}`);
  await page.getByLabel("发文字号前缀").fill("渝高新测函");
  await page.getByLabel("索引号前缀").fill(`11500107TEST${suffix.toUpperCase()}`.slice(0, 30));
  await page.getByLabel("单位类型").selectOption({ label: "政府部门" });
  await page.getByRole("button", { name: "创建单位" }).click();
  await expect(page).toHaveURL(/\/admin\/units\?created=\d+/);
  await expect(page.getByRole("cell", { name: unitName })).toBeVisible();

  const username = `tester${suffix}`;
  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("测试承办人");
  await page.getByLabel("角色").selectOption({ label: "承办人" });
  await page.getByLabel("所属单位").selectOption({ label: unitName });
  await page.getByRole("textbox", { name: "初始密码", exact: true }).fill("Initial-2026");
  await page.getByRole("textbox", { name: "确认密码", exact: true }).fill("Initial-2026");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?created=\d+/);

  // The new user signs in with the initial password and must set their own first.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill("Initial-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.goto("/work");
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("当前密码").fill("Initial-2026");
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Own-pass-2027");
  await page.getByLabel("确认新密码").fill("Own-pass-2027");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?changed=1/);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill("Own-pass-2027");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/work$/);
  await expect(page.getByText("测试承办人")).toBeVisible();
  await expect(page.getByRole("heading", { name: /待签收/ })).toBeVisible();
  await expect(page.getByText("没有待签收的交办。")).toBeVisible();
});

test("bad input in the unit form gets Chinese errors and creates nothing", async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/units/new");
  await page.getByLabel("单位名称").fill("重庆高新区科技创新局");
  await page.getByLabel("单位简称").fill("另一个简称");
  await page.getByLabel("发文字号前缀").fill("渝高新科函");
  await page.getByLabel("索引号前缀").fill("bad prefix!");
  await page.getByLabel("单位类型").selectOption({ label: "政府部门" });
  await page.getByRole("button", { name: "创建单位" }).click();
  await expect(page.getByRole("status")).toContainText("提交的内容有误");
  await expect(page.getByText(/索引号前缀/).last()).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/units\/new$/);
});

test("an admin saves a seeded user unchanged: the demo's phone written as letters write it (023—68511253) is accepted", {
  tag: "@issue-16",
}, async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/users?q=jiangmj");
  await page.getByRole("link", { name: "jiangmj", exact: true }).click();
  await expect(page.getByLabel("联系电话")).toHaveValue("023—68511253");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("联系电话")).toHaveValue("023—68511253");

  // Another form of the same number is stored as letters print it.
  await page.getByLabel("联系电话").fill("(023) 6851-1253 转 8001");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("联系电话")).toHaveValue("023—68511253转8001");
  await page.getByLabel("联系电话").fill("023—68511253");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
});
