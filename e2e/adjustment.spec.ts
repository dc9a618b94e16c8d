/**
 * 申请调整 as the demo has it: in 第54号 the lead unit (规划和自然资源局) asks to hand the lead to
 * 建设局, already its co-handling unit. The coordinator's form preselects what was asked and offers only
 * what the workflow accepts; granted as asked, 建设局 leads and 规划和自然资源局 stays as co-handling unit.
 */
import { noAxeViolations } from "./accessibility";
import { DEMO_SESSION } from "./demo-proposal";
import { expect, test } from "./fixtures";

/** Screenshots of the run, with its other results (test-results/), never outside the repository. */
const SHOTS = "test-results/screenshots";

// The second test starts where the first left 第54号.
test.describe.configure({ mode: "serial" });

test("the coordinator grants the demo's 第54号 swap as asked", { tag: "@issue-16" }, async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await page.goto("/proposals");
  await page.getByLabel("届次会议").selectOption({ label: DEMO_SESSION });
  await page.getByLabel("搜索", { exact: true }).fill("54");
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("link", { name: /第54号/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("关于推进城市“口袋公园”建设的建议");

  const panel = page.getByRole("region", { name: "调整申请：重庆高新区规划和自然资源局" });
  await expect(panel).toContainText("建议改由重庆高新区建设局主办");
  // Preselected as asked: 建设局 leads, the former lead stays as co-handling unit.
  await expect(panel.getByLabel("新的主办单位")).toHaveValue(/\d+/);
  await expect(panel.getByLabel("新的主办单位").locator("option:checked")).toHaveText("重庆高新区建设局");
  await expect(panel.getByRole("group", { name: "原主办单位（重庆高新区规划和自然资源局）" }).getByLabel("改为协办单位")).toBeChecked();
  // No 不指定: a lead unit's request always names the new lead.
  await expect(panel.getByLabel("新的主办单位").locator("option", { hasText: "不指定" })).toHaveCount(0);
  await noAxeViolations(page);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/workflow-swap-form-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/workflow-swap-form-390.png` });
  await page.setViewportSize({ width: 1280, height: 720 });

  await panel.getByLabel("审批意见").fill("同意，改由建设局主办，规划和自然资源局协办。");
  // Decided, the request's panel goes away.
  await panel.getByRole("button", { name: "同意调整" }).click();
  await expect(panel).toHaveCount(0);

  const units = page.getByRole("region", { name: "承办单位" });
  await expect(units.getByRole("listitem").filter({ hasText: "重庆高新区建设局" })).toContainText("（主办）");
  await expect(units.getByRole("listitem").filter({ hasText: "重庆高新区规划和自然资源局" })).toContainText("（协办）");
  await page.getByRole("region", { name: "承办单位" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/workflow-swap-granted-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("region", { name: "承办单位" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/workflow-swap-granted-390.png`, fullPage: true });

  // 建设局 now accepts the lead.
  await page.context().clearCookies();
  await loginAs("jsj");
  await page.reload();
  await expect(page.getByRole("region", { name: "本单位主办：签收或申请调整" })).toBeVisible();
});

test("a co-handling unit asks to lead; the form preselects 改由本单位主办", { tag: "@issue-16" }, async ({ page, loginAs }) => {
  // 第54号 once granted has 规划和自然资源局 as co-handling unit: it asks to lead again.
  await loginAs("coordinator");
  await page.goto("/proposals?q=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD");
  await page.getByRole("link", { name: /第54号/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("关于推进城市“口袋公园”建设的建议");
  const url = page.url();
  await page.context().clearCookies();
  await loginAs("ghzyj");
  await page.goto(url);
  const accept = page.getByRole("region", { name: "本单位协办：签收或申请调整" });
  await accept.getByText("申请调整", { exact: true }).first().click();
  await accept.getByRole("group", { name: "申请事项" }).getByLabel("改由本单位主办").check();
  await accept.getByLabel("申请调整的理由").fill("口袋公园用地规划由我局负责，申请改由我局主办。");
  await accept.getByRole("button", { name: "申请调整" }).click();
  await expect(accept).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "承办单位" }).getByRole("listitem").filter({ hasText: "重庆高新区规划和自然资源局" }),
  ).toContainText("申请调整中");

  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto(url);
  const panel = page.getByRole("region", { name: "调整申请：重庆高新区规划和自然资源局" });
  await expect(panel).toContainText("申请改由本单位主办");
  await expect(panel.getByRole("group", { name: "调整方式" }).getByLabel("改由重庆高新区规划和自然资源局主办")).toBeChecked();
  await panel.getByRole("group", { name: "原主办单位（重庆高新区建设局）" }).getByLabel("不再承办此提案").check();
  await panel.getByRole("button", { name: "同意调整" }).click();
  await expect(panel).toHaveCount(0);
  const units = page.getByRole("region", { name: "承办单位" });
  await expect(units.getByRole("listitem").filter({ hasText: "重庆高新区规划和自然资源局" })).toContainText("（主办）");
  await expect(units.getByRole("listitem").filter({ hasText: "重庆高新区建设局" })).toContainText("已撤回");
});
