import { openDemo180 } from "./demo-proposal";
import { expect, test } from "./fixtures";
import { proposalState } from "./proposal-page";

test("a handler of another unit can neither open nor act on proposal 180", async ({ page, loginAs }) => {
  await loginAs("jsj");
  await page.goto("/proposals?q=180");
  await expect(page.getByRole("link", { name: /第180号提案/ })).toHaveCount(0);
  await page.context().clearCookies();
  await loginAs("coordinator");
  await openDemo180(page);
  const url = page.url();
  await page.context().clearCookies();
  await loginAs("jsj");
  expect((await page.goto(url))?.status()).toBe(403);
});

test("邓敏军 returns 180 with a comment, 蒋明杰 revises and resubmits, 邓敏军 approves", async ({ page, loginAs }) => {
  await loginAs("dengmj");
  await openDemo180(page);
  const signOff = page.getByRole("region", { name: /审签答复函/ });
  await signOff.getByRole("button", { name: "退回修改" }).click();
  await expect(signOff.getByRole("status")).toContainText("请填写退回修改意见");
  await signOff.getByLabel(/审签意见/).fill("请补充下一步工作的时间安排。");
  await signOff.getByRole("button", { name: "退回修改" }).click();
  await expect(proposalState(page)).toContainText("办理中");
  const url = page.url();

  await page.context().clearCookies();
  await loginAs("jiangmj");
  await page.goto("/work");
  await expect(page.getByText("审签退回，请修改").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "审签退回，请修改" }).first()).toHaveAttribute("href", /^\/proposals\/\d+\/reply$/);
  await page.goto(url);
  const draft = page.getByRole("region", { name: /答复函草稿/ });
  await expect(draft).toContainText("邓敏军退回修改意见：请补充下一步工作的时间安排。");
  const submit = page.getByRole("region", { name: "提交审签" });
  await submit.getByRole("button", { name: "提交审签" }).click();
  await expect(submit.getByRole("status")).toContainText("答复函已被退回");
  await draft.getByRole("link", { name: "修改答复函" }).click();
  await expect(draft).toContainText("邓敏军退回修改意见：请补充下一步工作的时间安排。");
  const body = draft.getByLabel("答复正文");
  await body.fill(`${await body.inputValue()}\n\n三、时间安排\n\n上述工作于年底前完成。`);
  await draft.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("region", { name: /当前第 3 稿/ })).toBeVisible();
  await page.getByRole("region", { name: "提交审签" }).getByRole("button", { name: "提交审签" }).click();
  // The state in the header, not any 待审签 elsewhere on the page: the submission has committed.
  await expect(proposalState(page)).toContainText("待审签");

  await page.context().clearCookies();
  await loginAs("dengmj");
  await page.goto(url);
  await page
    .getByRole("region", { name: /审签答复函（第 3 稿）/ })
    .getByRole("button", { name: "同意签发" })
    .click();
  const year = new Date().getFullYear();
  const letter = page.getByRole("region", { name: /^答复函发文字号/ });
  await expect(letter).toContainText(new RegExp(`发文字号：渝高新科函〔${year}〕\\d+号`));
  await expect(page.getByText("已答复").first()).toBeVisible();
  await expect(letter.getByRole("heading", { level: 3 })).toHaveText(
    "重庆高新区科技创新局关于政协重庆市九龙坡区第十一届委员会第二次会议第180号提案的答复函",
  );
  await expect(letter).toContainText("刘新荣委员:");
  await expect(letter).toContainText(
    "您提出的《关于抢抓人才红利机遇,赋能科学城产业发展的建议》(第180号提案)收悉,经与重庆高新区党群工作部、创新服务中心、政务服务和社会事务中心共同研究办理,现答复如下:",
  );
  await expect(letter).toContainText("此答复函已经邓敏军局长审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。");
  await expect(letter).toContainText("(联系人:蒋明杰,联系电话:023—68511253)");
});
