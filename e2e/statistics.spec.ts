import { expect, test } from "./fixtures";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CURRENT = "政协重庆市九龙坡区第十一届委员会第二次会议";

test("the coordinator reads the statistics with their definitions and charts, filters by session and exports them", {
  tag: "@issue-16",
}, async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "办理统计" })).toBeVisible();
  const onTime = page.locator("dl > div").filter({ has: page.locator("dt", { hasText: /^按时办复率$/ }) });
  await expect(onTime.locator("dd").last()).toHaveText(
    /第一次答复在当时有效的办复期限（含批准的延期）内签发的件数 ÷（已答复件数 \+ 超过办复期限仍未答复的件数）/,
  );

  const units = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "单位", exact: true }) });
  await expect(units.getByRole("columnheader")).toHaveText([
    "单位",
    "主办件数",
    "已答复",
    "按时签收率",
    "按时办复率",
    "办复超期",
    "沟通率",
    "见面率",
    "满意率（结果）",
  ]);
  await expect(units.getByRole("rowheader", { name: "重庆高新区科技创新局" })).toBeVisible();

  await expect(page.getByRole("img", { name: /^满意率（办理结果）（按主办单位）：.*重庆高新区科技创新局/ })).toBeVisible();
  const states = page.getByRole("img", { name: /^各届次会议提案办理状态：/ });
  await expect(states).toHaveAttribute("aria-label", /第一次会议 共 \d+ 件.*第二次会议 共 \d+ 件/);

  await page.getByLabel("届次会议", { exact: true }).selectOption({ label: CURRENT });
  await page.getByRole("button", { name: "统计" }).click();
  await expect(page).toHaveURL(/[?&]session=\d+/);
  await expect(states).toHaveAttribute("aria-label", new RegExp(`^各届次会议提案办理状态：${CURRENT} 共 \\d+ 件[^；]*$`));

  const exportLink = page.getByRole("link", { name: "导出统计" });
  await expect(exportLink).toHaveAttribute("href", /^\/stats\/statistics\.xlsx\?session=\d+$/);
  const response = await page.request.get((await exportLink.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(XLSX);
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^提案办理统计-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("a handler gets 403 on the statistics page and on its export", async ({ page, loginAs }) => {
  await loginAs("jiangmj");
  expect((await page.goto("/stats"))?.status()).toBe(403);
  expect((await page.request.get("/stats/statistics.xlsx")).status()).toBe(403);
});

test("the export asks for sign-in first", async ({ request }) => {
  expect((await request.get("/stats/statistics.xlsx")).status()).toBe(401);
});
