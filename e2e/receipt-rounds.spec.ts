/**
 * One proposer's 不满意 does not lock the others out: on a joint proposal of 刘新荣 and 徐光辉, 刘新荣
 * answers 不满意 through his letter's QR link and the proposal is handled again; 徐光辉's own link still
 * opens the form for the first reply and takes his receipt. The coordinator sees each answer per round.
 */
import { noAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { prepareJointReply } from "./prepared-proposal";

async function answer(page: Page, a: { contact: string; attitude: string; result: string; opinion?: string }) {
  await page
    .getByRole("group", { name: /走访\/沟通情况/ })
    .getByLabel(a.contact, { exact: true })
    .check();
  await page
    .getByRole("group", { name: /办理态度/ })
    .getByLabel(a.attitude, { exact: true })
    .check();
  await page
    .getByRole("group", { name: /办理结果/ })
    .getByLabel(a.result, { exact: true })
    .check();
  if (a.opinion) await page.getByLabel("意见和建议").fill(a.opinion);
  await page.getByRole("button", { name: "下一步：核对回执" }).click();
  await expect(page.getByRole("heading", { name: "请核对回执内容" })).toBeVisible();
  await page.getByRole("button", { name: "提交回执" }).click();
}

test("a co-signer's first-round QR link still takes his receipt after the proposer's 不满意 reopened the proposal", {
  tag: "@issue-16",
}, async ({ page, browser, loginAs }) => {
  const title = `关于完善科学城夜间公交线路的建议（${Date.now()}）`;
  const { id, replyId } = await prepareJointReply(title, ["member-010"]);
  await loginAs("coordinator");
  await page.goto(`/letters/${replyId}/print`);
  const links: Record<string, string> = {};
  for (const name of ["刘新荣", "徐光辉"]) {
    await page
      .getByRole("navigation", { name: "答复函操作" })
      .getByRole("link", { name: new RegExp(`^致${name}`) })
      .click();
    links[name] = (await page.locator("a.receipt-link").getAttribute("href"))!;
  }

  const visitor = await browser.newContext({ locale: "zh-CN" });
  const form = await visitor.newPage();
  await form.goto(links.刘新荣!);
  await answer(form, { contact: "已电话或书面沟通", attitude: "基本满意", result: "不满意", opinion: "夜间线路的发车间隔没有具体安排。" });
  await expect(form.getByRole("status").filter({ hasText: "承办单位将重新办理" })).toBeVisible();

  // 徐光辉 has no login: his own link is all he has, and it still opens for the first reply.
  await form.goto(links.徐光辉!);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(form.getByText("（第一轮答复）")).toBeVisible();
  await noAxeViolations(form);
  await form.setViewportSize({ width: 390, height: 844 });
  await form.screenshot({ path: "/work/wt/shots/workflow-receipt-link-round1-390.png", fullPage: true });
  await answer(form, { contact: "已走访面商", attitude: "满意", result: "基本满意" });
  await expect(form.getByRole("status").filter({ hasText: "回执已提交" })).toBeVisible();
  await form.goto(links.徐光辉!);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("回执已提交");
  await visitor.close();

  // The coordinator sees both answers on the first round, and the proposal handled again.
  await page.goto(`/proposals/${id}`);
  const receipts = page.getByRole("region", { name: "答复与回执" });
  const firstRound = receipts.getByRole("listitem").filter({ hasText: "第1轮答复" });
  await expect(firstRound.getByRole("listitem").filter({ hasText: "刘新荣" })).toContainText("不满意");
  await expect(firstRound.getByRole("listitem").filter({ hasText: "徐光辉" })).toContainText("基本满意");
  await expect(firstRound).not.toContainText("尚未提交回执");
  await expect(receipts).toContainText("重新办理（第2轮）");
  await page.screenshot({ path: "/work/wt/shots/workflow-receipt-rounds-desktop.png", fullPage: true });
});
