/**
 * 分办 inside a unit (issue 19, item 1): the coordinator assigns a proposal to 科技创新局; its office (何静,
 * 可分办) signs for it and divides it to 科技综合科 and 蒋明杰 with an internal deadline; 王磊 of the other
 * 科室 reads it without acting; 蒋明杰 drafts and submits; the 分管领导 (周文斌) returns it once, then passes
 * it on; the director (邓敏军) signs. Screenshots of the new screens, desktop and 390 px wide.
 */
import { noAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { registeredProposal } from "./prepared-proposal";
import { PHONE } from "./phone";
import { proposalState as state, region } from "./proposal-page";

/** Screenshots of the run, with its other results (test-results/), never outside the repository. */
const SHOTS = "test-results/screenshots";

/** The page now, at desktop width and at 390 px, as test-results/screenshots/division-<name>[-390].png. */
async function shoot(page: Page, name: string) {
  const desktop = page.viewportSize();
  await page.screenshot({ path: `${SHOTS}/division-${name}.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/division-${name}-390.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

test("科技创新局 divides a proposal to 科技综合科 and 蒋明杰; the 分管领导 returns it once, then passes it; the director signs", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(180_000);
  const title = "关于推动科技型企业孵化的建议（分办测试）";
  const { id } = await registeredProposal(title);
  const url = `/proposals/${id}`;
  const as = async (login: string, path = url) => {
    await page.context().clearCookies();
    await loginAs(login);
    await page.goto(path);
  };

  // 交办 to 科技创新局.
  await as("coordinator");
  const assign = region(page, "交办");
  await assign.getByLabel("主办单位").selectOption({ label: "重庆高新区科技创新局" });
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(state(page)).toContainText("已交办");

  // The office signs for it; the proposal then waits on its 待分办.
  await as("hej");
  await page.getByRole("button", { name: "签收" }).click();
  await expect(state(page)).toContainText("办理中");
  await page.goto("/work");
  await expect(region(page, /^待分办/).getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await shoot(page, "office-work");
  await page.goto(url);
  const divide = region(page, "分办");
  await expect(divide).toContainText("请分办到科室和承办人");
  await divide.getByLabel("科室").selectOption({ label: "成果转化科" });
  await expect(divide.getByLabel("承办人")).toHaveValue(/\d+/);
  await expect(divide.getByLabel("承办人").locator("option")).toHaveText(["王磊"]);
  await divide.getByLabel("科室").selectOption({ label: "科技综合科" });
  await expect(divide.getByLabel("承办人").locator("option")).toHaveText(["蒋明杰"]);
  const unitDue = await divide.getByLabel("内部办理期限").getAttribute("max");
  expect(unitDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // Past the unit's deadline: refused by the workflow, nothing divided.
  const later = `${Number(unitDue!.slice(0, 4)) + 1}${unitDue!.slice(4)}`;
  await divide.getByLabel("内部办理期限").fill(later);
  await divide.getByRole("button", { name: "分办" }).click();
  await expect(divide.getByRole("status")).toContainText(`内部办理期限须在本单位的办理期限（${unitDue}）之内`);
  await divide.getByLabel("内部办理期限").fill(unitDue!);
  await noAxeViolations(page);
  await shoot(page, "divide-form");
  await divide.getByRole("button", { name: "分办" }).click();
  const divided = region(page, "本单位分办");
  await expect(divided).toContainText(`已分办至科技综合科，承办人蒋明杰，内部办理期限 ${unitDue}。`);
  await expect(region(page, "承办单位")).toContainText("分办：科技综合科 · 承办人蒋明杰");
  await expect(region(page, "办理记录")).toContainText(`科技综合科 · 承办人蒋明杰 · 内部期限${unitDue}`);
  // The office does not write the reply once a 承办人 is named.
  await expect(region(page, /起草答复函|答复函草稿/)).toHaveCount(0);
  await shoot(page, "divided-office");

  // 王磊 (the other 科室) reads it, and has nothing to do with it.
  await as("wangl");
  await expect(region(page, "本单位分办")).toContainText("由该承办人办理，本单位其他人员可查看。");
  await expect(region(page, /起草答复函|答复函草稿/)).toHaveCount(0);
  await expect(region(page, "添加沟通记录")).toHaveCount(0);
  await shoot(page, "read-only-colleague");
  await page.goto("/work");
  await expect(page.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);

  // 蒋明杰 finds it on his 待办 by the internal deadline, contacts the proposer, drafts and submits.
  await as("jiangmj", "/work");
  const toReply = region(page, /^待答复（主办）/);
  await expect(toReply.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await page.goto(url);
  const contact = region(page, "添加沟通记录");
  await contact.getByLabel("沟通方式").selectOption({ label: "电话" });
  await contact.getByLabel("沟通情况").fill("电话听取刘新荣委员对孵化载体建设的意见。");
  await contact.getByRole("button", { name: "添加沟通记录" }).click();
  await expect(region(page, "沟通记录")).toContainText("电话听取刘新荣委员");
  await region(page, "起草答复函").getByRole("link", { name: "起草答复函" }).click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${id}/reply$`));
  const draft = region(page, "起草答复函");
  await draft.getByLabel("答复正文").fill("一、工作开展情况\n\n已建成科技企业孵化器 6 家。");
  await draft.getByLabel("联系电话").fill("023—68511253");
  await draft.getByRole("button", { name: "保存草稿" }).click();
  await expect(region(page, /当前第 1 稿/)).toBeVisible();
  await region(page, "提交审签").getByRole("button", { name: "提交审签" }).click();
  await expect(state(page)).toContainText("待审签");
  await page.goto(url);
  await expect(state(page)).toContainText("待分管领导审核");

  // The director cannot sign before the 分管领导 has reviewed it.
  await as("dengmj");
  await expect(region(page, /审签答复函/)).toHaveCount(0);

  // 周文斌 returns it with a comment.
  await as("zhouwb", "/work");
  await expect(region(page, /^待审核答复函/).getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await shoot(page, "leader-work");
  await page.goto(url);
  const review = region(page, /分管领导审核答复函（第 1 稿）/);
  await review.getByRole("button", { name: "退回修改" }).click();
  await expect(review.getByRole("status")).toContainText("请填写退回意见");
  await review.getByLabel(/审核意见/).fill("请补充孵化企业的融资支持情况。");
  await noAxeViolations(page);
  await shoot(page, "leader-review");
  await review.getByRole("button", { name: "退回修改" }).click();
  await expect(state(page)).toContainText("办理中");
  await expect(region(page, "办理记录")).toContainText("分管领导退回修改");

  // 蒋明杰 reads why, revises, and submits again.
  await as("jiangmj");
  const returned = region(page, /答复函草稿/);
  await expect(returned).toContainText("分管领导周文斌退回修改意见：请补充孵化企业的融资支持情况。");
  await returned.getByRole("link", { name: "修改答复函" }).click();
  const editor = region(page, /答复函草稿/);
  await editor
    .getByLabel("答复正文")
    .fill("一、工作开展情况\n\n已建成科技企业孵化器 6 家。\n\n二、融资支持\n\n设立孵化企业融资风险补偿资金。");
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(region(page, /当前第 2 稿/)).toBeVisible();
  await region(page, "提交审签").getByRole("button", { name: "提交审签" }).click();
  await expect(state(page)).toContainText("待审签");

  // 周文斌 passes it on.
  await as("zhouwb");
  await region(page, /分管领导审核答复函（第 2 稿）/)
    .getByRole("button", { name: "审核通过" })
    .click();
  // Passed on, the draft leaves the 分管领导's hands: the panel goes, the log says so.
  await expect(region(page, "办理记录")).toContainText("分管领导审核通过");
  await expect(region(page, /分管领导审核答复函/)).toHaveCount(0);
  await expect(state(page)).not.toContainText("待分管领导审核");

  // 邓敏军 signs.
  await as("dengmj", "/work");
  await expect(region(page, /^待审签答复函/).getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await page.goto(url);
  await region(page, /审签答复函（第 2 稿）/)
    .getByRole("button", { name: "同意签发" })
    .click();
  await expect(region(page, /^答复函发文字号/)).toContainText(new RegExp(`渝高新科函〔${new Date().getFullYear()}〕\\d+号`));
  const timeline = region(page, "办理记录");
  for (const step of ["分办", "分管领导退回修改", "分管领导审核通过", "同意签发"]) await expect(timeline).toContainText(step);
  await expect(region(page, /^答复函稿与审签/)).toContainText("分管领导退回修改");
  await shoot(page, "signed");
});

test("the administrator manages 科技创新局's 科室, its 分管领导 step, and a handler's 科室 and 可分办", async ({ page, loginAs }) => {
  // Many pages in one walk: 20–29 s alone here, past 30 s with the rest of the suite beside it.
  test.setTimeout(90_000);
  await loginAs("admin");
  await page.goto("/admin/units");
  await page.getByRole("link", { name: "重庆高新区科技创新局" }).click();
  const settings = region(page, "科室与分办");
  await expect(settings.getByRole("listitem")).toHaveCount(2);
  await expect(settings).toContainText("承办人：蒋明杰");
  await expect(settings).toContainText("本单位分管领导：周文斌（副局长）");
  await expect(settings.getByLabel("分管领导审核")).toBeChecked();
  const name = `测试科${Date.now() % 100_000}`;
  await settings.getByLabel("新科室名称").fill(name);
  await settings.getByRole("button", { name: "添加科室" }).click();
  await expect(settings.getByText(`已添加科室“${name}”。`)).toBeVisible();
  await page.reload();
  await expect(region(page, "科室与分办").getByRole("listitem")).toHaveCount(3);
  await noAxeViolations(page);
  await shoot(page, "admin-unit");

  await page.goto("/admin/users?q=wangl");
  await page.getByRole("link", { name: "wangl" }).click();
  const division = region(page, "科室与分办");
  await expect(division.getByLabel("所在科室")).toHaveValue(/\d+/);
  await expect(division.getByLabel("所在科室").locator("option:checked")).toHaveText("成果转化科");
  await expect(division.getByLabel("可分办")).not.toBeChecked();
  await noAxeViolations(page);
  await shoot(page, "admin-user");
  // 可分办 given, then taken back.
  for (const allowed of [true, false]) {
    await division.getByLabel("可分办").setChecked(allowed);
    await division.getByRole("button", { name: "设置科室与分办" }).click();
    await expect(division.getByRole("status")).toContainText("已保存。");
    await page.reload();
    await expect(region(page, "科室与分办").getByLabel("可分办")).toBeChecked({ checked: allowed });
  }
});
