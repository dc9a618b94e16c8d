/**
 * 批量办理 (issue 19 item 4) in the browser: the coordinator assigns two proposals at once (a row without a
 * lead unit stops the whole batch), the unit's handler accepts both at once, the coordinator downloads two
 * signed letters as one PDF. Each proposal's own record shows its step.
 */
import { PDFDocument } from "pdf-lib";
import { noAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";
import { prepareJointReply, registerProposals } from "./prepared-proposal";

test("批量交办, 批量签收 and the letters of a selection as one PDF", async ({ page, loginAs }) => {
  // Two users, several use cases written beside the server: 25–37 s alone on this machine, more beside another worker.
  test.setTimeout(90_000);
  const stamp = Date.now();
  const titles = [`关于科学城人才公寓配套的建议（批量${stamp}）`, `关于科学城公交接驳的建议（批量${stamp}）`];
  const ids = await registerProposals(titles);

  await loginAs("coordinator");
  await page.goto("/batch");
  await noAxeViolations(page);
  const assign = page.getByRole("region", { name: "批量交办" });
  for (const title of titles) {
    const row = assign.getByRole("row").filter({ hasText: title });
    await row.getByRole("checkbox").check();
  }
  // One row lacks its lead unit: nothing is assigned.
  await assign
    .getByRole("row")
    .filter({ hasText: titles[0] })
    .getByLabel(/的主办单位$/)
    .selectOption({ label: "重庆高新区科技创新局" });
  await assign.getByRole("button", { name: "交办所选提案" }).click();
  await expect(assign.getByRole("status")).toContainText("提交的内容有误");
  await assign
    .getByRole("row")
    .filter({ hasText: titles[1] })
    .getByLabel(/的主办单位$/)
    .selectOption({ label: "重庆高新区科技创新局" });
  await assign.getByRole("button", { name: "交办所选提案" }).click();
  await expect(assign.getByRole("status")).toContainText("已交办 2 件");
  for (const id of ids) {
    await page.goto(`/proposals/${id}`);
    await expect(page.getByRole("region", { name: "办理记录" })).toContainText("交办");
  }

  await page.context().clearCookies();
  await loginAs("jiangmj");
  await page.goto("/batch");
  const accept = page.getByRole("region", { name: "批量签收" });
  for (const title of titles) await accept.getByRole("row").filter({ hasText: title }).getByRole("checkbox").check();
  await accept.getByRole("button", { name: "签收所选提案" }).click();
  await expect(accept.getByRole("status")).toContainText("已签收 2 件");
  await noAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("batch-handler-390.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });

  const letters = [
    await prepareJointReply(`关于批量下载答复函的建议甲（${stamp}）`, []),
    await prepareJointReply(`关于批量下载答复函的建议乙（${stamp}）`, []),
  ];
  await page.context().clearCookies();
  await loginAs("coordinator");
  const pdf = await page.request.get(`/batch/letters.pdf?${letters.map((l) => `replies=${l.replyId}`).join("&")}`);
  expect(pdf.status()).toBe(200);
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  // Each letter starts a page of its own: at least two.
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(2);
});
