/**
 * 面商 / 座谈会 (issue 19 item 6) in the browser: the handler records one 座谈会 covering two proposals, each
 * proposal shows it as a 见面 contact with a link to the record, another unit may not read it, the office can.
 */
import { noAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";
import { prepareProposal } from "./prepared-proposal";

test("one 座谈会 covers two proposals, each records it as met in person", async ({ page, loginAs }) => {
  const stamp = Date.now();
  const first = prepareProposal("drafted", `关于完善科学城创业孵化体系的建议（座谈${stamp}）`);
  const second = prepareProposal("drafted", `关于加强孵化器专业服务能力的建议（座谈${stamp}）`);

  await loginAs("jiangmj");
  await page.goto(`/proposals/${first.id}`);
  await page.getByRole("link", { name: /记录面商\/座谈会/ }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/new\\?proposal=${first.id}$`));
  await expect(page.getByRole("checkbox", { name: new RegExp(`座谈${stamp}`) }).first()).toBeChecked();
  await page.getByRole("checkbox", { name: new RegExp(`孵化器专业服务能力的建议（座谈${stamp}）`) }).check();
  // The proposers of the ticked proposals are offered as participants.
  await expect(page.getByRole("checkbox", { name: "刘新荣", exact: true })).toBeChecked();
  await page.getByLabel("地点").fill("科技创新局三楼会议室");
  await page.getByLabel("参加的单位人员").fill("邓敏军局长、蒋明杰");
  await page.getByLabel("会议纪要").fill("刘新荣委员介绍了两件建议的考虑；科技创新局介绍了孵化体系建设的进展和明年计划，双方商定下月实地走访。");
  await noAxeViolations(page);
  await page.getByRole("button", { name: "保存会议记录" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const meetingUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^座谈会记录/);
  await expect(page.getByRole("region", { name: /涵盖的提案（2 件/ }).getByRole("link")).toHaveCount(2);
  await noAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("meeting-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  for (const { id } of [first, second]) {
    await page.goto(`/proposals/${id}`);
    const contacts = page.getByRole("region", { name: "沟通记录" });
    const row = contacts.getByRole("row").filter({ hasText: "科技创新局三楼会议室" });
    await expect(row).toContainText("座谈");
    await expect(row.getByRole("link", { name: "会议记录" })).toHaveAttribute("href", new URL(meetingUrl).pathname);
  }

  await page.context().clearCookies();
  await loginAs("dqgzb");
  expect((await page.goto(meetingUrl))!.status()).toBe(403);
  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto("/meetings");
  const listed = page.getByRole("row").filter({ hasText: "科技创新局三楼会议室" }).first();
  await expect(listed).toContainText("重庆高新区科技创新局");
  await listed.getByRole("link").click();
  await expect(page).toHaveURL(meetingUrl);
});
