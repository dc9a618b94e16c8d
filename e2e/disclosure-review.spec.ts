/**
 * 公开审查 (issue 23 item 1): 蒋明杰 plants an ID number and a mobile number in a draft, sees both
 * highlighted, and 提交审签 is refused until he confirms with a reason; after sign-off the coordinating
 * office sees the same findings at 发布 and publishes only with a reason of its own. No axe violations.
 */
import { noAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { proposalState } from "./proposal-page";
import { prepareProposal } from "./prepared-proposal";

const SHOTS = "docs/screenshots";
const ID = "440304198507151239";
const MOBILE = "13812345678";

async function shoot(page: Page, name: string, region: ReturnType<Page["getByRole"]>) {
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a draft with an ID and a mobile number: highlighted, refused, submitted and published only with reasons", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(90_000);
  const { id } = await prepareProposal("drafted", "公开审查的测试提案");
  await loginAs("jiangmj");
  await page.goto(`/proposals/${id}/reply`);
  const editor = page.getByRole("region", { name: /答复函草稿（当前第 1 稿）/ });
  const body = editor.getByLabel("答复正文");
  await body.fill(`${await body.inputValue()}\n\n经核实，申请人身份证号${ID}，联系电话${MOBILE}，已电话告知办理结果。`);
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("region", { name: /答复函草稿（当前第 2 稿）/ })).toBeVisible();

  const submit = page.getByRole("region", { name: "提交审签" });
  await expect(submit).toContainText("公开审查发现 2 处可能的个人信息");
  const marks = submit.locator("mark");
  await expect(marks).toHaveCount(2);
  // The kind is part of the mark's text for a screen reader.
  await expect(marks.nth(0)).toHaveText(`${ID}（身份证号）`);
  await expect(marks.nth(1)).toHaveText(`${MOBILE}（手机号码）`);
  await noAxeViolations(page);

  await submit.getByRole("button", { name: "提交审签" }).click();
  await expect(submit.getByRole("status")).toContainText(
    `公开审查发现 2 处可能的个人信息：身份证号 ${ID}（正文）；手机号码 ${MOBILE}（正文）`,
  );
  await expect(proposalState(page)).toContainText("办理中");
  await shoot(page, "disclosure-review-draft", submit);

  await submit.getByLabel(/确认公开的理由/).fill("申请人书面同意公开其联系方式");
  await submit.getByRole("button", { name: "提交审签" }).click();
  await expect(proposalState(page)).toContainText("待审签");

  await page.context().clearCookies();
  await loginAs("dengmj");
  await page.goto(`/proposals/${id}`);
  await page
    .getByRole("region", { name: /审签答复函/ })
    .getByRole("button", { name: "同意签发" })
    .click();
  await expect(proposalState(page)).toContainText("已答复");

  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto(`/proposals/${id}`);
  const publication = page.getByRole("region", { name: "政府信息公开" });
  await expect(publication).toContainText("公开审查发现 2 处可能的个人信息");
  await expect(publication.locator("mark")).toHaveText([`${ID}（身份证号）`, `${MOBILE}（手机号码）`]);
  await publication.getByRole("button", { name: "发布", exact: true }).click();
  await expect(publication.getByRole("status")).toContainText("可决定不予公开，或确认仍要发布并填写理由");
  await noAxeViolations(page);
  await shoot(page, "disclosure-review-publication", publication);

  await publication.getByLabel(/确认公开的理由/).fill("经复核，申请人同意公开");
  await publication.getByRole("button", { name: "发布", exact: true }).click();
  await expect(publication).toContainText(/已于 \d{4}-\d{2}-\d{2} 发布/);
  // Both confirmations are on the timeline, with their reasons.
  await expect(page.getByText("申请人书面同意公开其联系方式")).toBeVisible();
  await expect(page.getByText("经复核，申请人同意公开")).toBeVisible();
});
