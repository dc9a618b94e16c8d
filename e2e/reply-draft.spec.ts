/**
 * 起草答复函: the lead unit's handler writes the reply on its own page (the editor, the letter as it will
 * read, the versions so far), by keyboard alone and with no axe violations; after 提交审签 the page says
 * why the draft can no longer be edited, and the unit's director reads it without an editor.
 */
import { noAxeViolations, tabUntil } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { proposalState } from "./proposal-page";
import { prepareProposal, writtenFor } from "./prepared-proposal";

/** Tabs forward until the element `target` is focused (at most 40 steps). */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>) {
  await tabUntil(page, async () => target.evaluate((el) => el === document.activeElement), 40);
  await expect(target).toBeFocused();
}

test("蒋明杰 revises the draft on 起草答复函 by keyboard; the preview and the versions follow; after 提交审签 it is read-only", {
  tag: "@issue-16",
}, async ({ page, loginAs }) => {
  const title = "起草答复函页面的测试提案";
  const { id } = await prepareProposal("drafted", title);
  await loginAs("jiangmj");
  await page.goto(`/proposals/${id}`);
  const onProposal = page.getByRole("region", { name: /答复函草稿（当前第 1 稿）/ });
  await expect(onProposal).toContainText("第 1 稿由蒋明杰于");
  await tabTo(page, onProposal.getByRole("link", { name: "修改答复函" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/proposals/${id}/reply$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`起草答复函：${title}`);
  await expect(page.getByRole("region", { name: "提案内容" })).not.toBeEmpty();
  await noAxeViolations(page);

  const editor = page.getByRole("region", { name: /答复函草稿（当前第 1 稿）/ });
  const body = editor.getByLabel("答复正文");
  await tabTo(page, body);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n\n二、下一步打算\n\n年底前完成全部工作。");
  // The letter follows the typing before anything is saved, and looking at it costs no version.
  const preview = page.getByRole("region", { name: "答复函预览", exact: true });
  await expect(preview).toContainText("年底前完成全部工作。");
  await expect(preview.getByRole("heading", { name: "二、下一步打算" })).toBeVisible();
  await editor.getByLabel("联系电话").fill("023—60000000");
  await expect(preview).toContainText("联系电话:023—60000000");
  expect((await writtenFor(id)).drafts.map((d) => d.version)).toEqual([1]);
  await tabTo(page, editor.getByRole("button", { name: "保存草稿" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("region", { name: /答复函草稿（当前第 2 稿）/ }).getByRole("status")).toContainText("已保存为第 2 稿");
  await expect(preview).toContainText("年底前完成全部工作。");
  await expect(page.getByRole("region", { name: /答复函稿与审签/ }).getByRole("row")).toHaveCount(3);
  expect((await writtenFor(id)).drafts.map((d) => d.version)).toEqual([1, 2]);

  const submit = page.getByRole("region", { name: "提交审签" });
  await tabTo(page, submit.getByRole("button", { name: "提交审签" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "答复函正在审签，不能修改。" })).toBeVisible();
  await expect(page.getByLabel("答复正文")).toHaveCount(0);
  await expect(proposalState(page)).toContainText("待审签");
  await expect(page.getByRole("region", { name: "答复函预览（最新草稿）" })).toContainText("年底前完成全部工作。");

  // The unit's director reads the page, with the letter, and no editor.
  await page.context().clearCookies();
  await loginAs("dengmj");
  await page.goto(`/proposals/${id}/reply`);
  await expect(page.getByRole("region", { name: "答复函预览（最新草稿）" })).toContainText("年底前完成全部工作。");
  await expect(page.getByLabel("答复正文")).toHaveCount(0);
  await noAxeViolations(page);
});
