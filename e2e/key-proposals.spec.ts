/**
 * 重点提案 (issue 19 item 5), walked by each party in the browser: the coordinating office marks a proposal
 * for a 区领导 with its 办理方案, the lead unit's handler reports 中期进展, the leader reads both from his 待办
 * (and may do nothing else), another leader may not open it, and the 督办 board and the statistics show it apart.
 */
import { noAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";
import { prepareProposal } from "./prepared-proposal";

const PLAN = "由王建华副区长领办，科技创新局牵头，每月底前报送中期进展。";
const PROGRESS = "已会同规划部门完成选址论证，正在编制建设方案，预计下月提交区政府常务会审议。";

test("the office marks a 重点提案, the unit reports progress, the leading 区领导 follows it", async ({ page, loginAs, browser }) => {
  // Two users, several use cases written beside the server: 25–37 s alone on this machine, more beside another worker.
  test.setTimeout(90_000);
  const title = `关于建设科学城共享实验平台的建议（重点${Date.now()}）`;
  const { id } = await prepareProposal("drafted", title);

  await loginAs("coordinator");
  await page.goto(`/proposals/${id}`);
  const key = page.getByRole("region", { name: "重点提案" });
  await key.getByLabel("领办区领导").selectOption({ label: "王建华（副区长）" });
  await key.getByLabel("办理方案").fill(PLAN);
  await key.getByRole("button", { name: "列为重点提案" }).click();
  // The section turns into the 重点提案's record at once (the form folds away under 调整领办领导或办理方案).
  await expect(key.getByRole("definition").first()).toHaveText("王建华（副区长）");
  await page.reload();
  await expect(key).toContainText("王建华（副区长）");
  await expect(key).toContainText(PLAN);
  await noAxeViolations(page);

  await page.context().clearCookies();
  await loginAs("jiangmj");
  await page.goto(`/proposals/${id}`);
  await key.getByLabel("中期进展").fill(PROGRESS);
  await key.getByRole("button", { name: "报送中期进展" }).click();
  await expect(key.getByRole("status")).toContainText("中期进展已报送");
  // The unit does not choose the leader.
  await expect(key.getByText("调整领办领导或办理方案")).toHaveCount(0);

  await page.context().clearCookies();
  await loginAs("wangjh");
  await page.goto("/work");
  const list = page.getByRole("region", { name: "领办的重点提案" });
  const row = list.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("重庆高新区科技创新局");
  await expect(row).not.toContainText("尚未报送");
  await noAxeViolations(page);
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${id}$`));
  await expect(key).toContainText(PLAN);
  await expect(key).toContainText(PROGRESS);
  // He reads; he neither reports nor marks, and sees no unit's forms.
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await noAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("key-leader-390.png"), fullPage: true });
  await page.goto("/notifications");
  await expect(page.getByText(/请领办此重点提案/).first()).toBeVisible();
  await expect(page.getByText(/您领办的重点提案报送了中期进展/).first()).toBeVisible();

  // Another 区领导 may not open it; he leads none of it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const { mintSessionToken, SESSION_COOKIE } = await import("../scripts/lib/session-cookie");
  const { E2E } = await import("./env");
  await other.addCookies([
    {
      name: SESSION_COOKIE,
      value: await mintSessionToken(E2E.database, E2E.authSecret, "liwd"),
      url: E2E.baseURL,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  expect((await otherPage.goto(`/proposals/${id}`))!.status()).toBe(403);
  await other.close();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto("/supervision?days=20");
  const board = page.getByRole("region", { name: /^重点提案（\d+ 件在办）$/ });
  await expect(board.getByRole("row").filter({ hasText: title })).toContainText("王建华");
  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: /^重点提案（共 \d+ 件/ })).toBeVisible();
});
