/**
 * Proposal 180 the whole way, with the demo accounts, in a session created for the test (the demo's own
 * 第二次会议 already has a 180): registration, assignment to 科技创新局 with three co-handling units, their
 * opinions, contact, drafting, a return, the revision and the approval with the next document number;
 * then its publication, found on the public site by 人才红利 and by 博士.
 */
import { REPLY_180_PARAGRAPHS } from "../db/demo/reply-180";
import { expect, test } from "./fixtures";
import { proposalState } from "./proposal-page";
import { createSession } from "./sessions";

const CO_UNITS = [
  { name: "重庆高新区党群工作部", handler: "dqgzb", director: "dqgzb-fz" },
  { name: "重庆高新区创新服务中心", handler: "cxfwzx", director: "cxfwzx-fz" },
  { name: "重庆高新区政务服务和社会事务中心", handler: "zwfwzx", director: "zwfwzx-fz" },
];

test("proposal 180 from registration to a signed reply", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  const as = async (login: string, url?: string) => {
    await page.context().clearCookies();
    await loginAs(login);
    if (url) await page.goto(url);
  };
  const region = (name: string | RegExp) => page.getByRole("region", typeof name === "string" ? { name, exact: true } : { name });

  await as("admin");
  const sessionTitle = await createSession(page, "第十一届");

  await as("coordinator", "/proposals/new");
  await page.getByLabel("届次会议").selectOption({ label: sessionTitle });
  await page.getByLabel("编号").fill("180");
  await page.getByLabel("标题").fill("关于抢抓人才红利机遇,赋能科学城产业发展的建议");
  await page.getByLabel("提案人（领衔）").fill("刘新荣");
  await page.getByLabel("主题分类").selectOption({ label: "科技、教育" });
  await page.getByLabel("提案内容").fill("高校人才资源与科学城产业发展之间尚未形成良性互动，建议深化产学研合作、推进产教融合。");
  await page.getByRole("button", { name: "登记提案" }).click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  const url = new URL(page.url()).pathname;

  const assign = region("交办");
  await assign.getByLabel("主办单位").selectOption({ label: "重庆高新区科技创新局" });
  for (const co of CO_UNITS) await assign.getByRole("checkbox", { name: co.name }).check();
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(page.getByText("已交办").first()).toBeVisible();

  for (const co of CO_UNITS) {
    await as(co.handler, url);
    await page.getByRole("button", { name: "签收" }).click();
    const opinion = region("填写协办意见");
    await opinion.getByLabel("协办意见").fill(`${co.name}将积极配合，提供相关政策和数据支持。`);
    await opinion.getByRole("button", { name: "提交审签" }).click();
    await expect(region("协办意见")).toContainText("待本单位审签");
    await as(co.director, url);
    await region("审签协办意见").getByRole("button", { name: "同意并送主办单位" }).click();
    await expect(page.getByText("已送主办单位").first()).toBeVisible();
  }

  await as("jiangmj", url);
  await page.getByRole("button", { name: "签收" }).click();
  const contact = region("添加沟通记录");
  await contact.getByLabel("沟通方式").selectOption({ label: "当面" });
  await contact.getByLabel("沟通情况").fill("当面听取刘新荣委员意见，介绍办理思路。");
  await contact.getByRole("button", { name: "添加沟通记录" }).click();
  await expect(region("沟通记录")).toContainText("当面听取刘新荣委员意见");
  await region("起草答复函").getByRole("link", { name: "起草答复函" }).click();
  await expect(page).toHaveURL(/\/proposals\/\d+\/reply$/);
  const draft = region("起草答复函");
  await draft.getByLabel("答复正文").fill(REPLY_180_PARAGRAPHS.slice(0, -3).join("\n\n"));
  await draft.getByLabel("联系电话").fill("023—68511253");
  await draft.getByRole("button", { name: "保存草稿" }).click();
  await expect(region(/当前第 1 稿/)).toBeVisible();
  await region("提交审签").getByRole("button", { name: "提交审签" }).click();
  await expect(proposalState(page)).toContainText("待审签");

  await as("dengmj", url);
  const signOff = region(/审签答复函/);
  await signOff.getByLabel(/审签意见/).fill("请补充促进科技成果转化的下一步计划。");
  await signOff.getByRole("button", { name: "退回修改" }).click();
  await expect(proposalState(page)).toContainText("办理中");

  await as("jiangmj", url);
  await expect(region(/答复函草稿/)).toContainText("请补充促进科技成果转化的下一步计划。");
  await region(/答复函草稿/)
    .getByRole("link", { name: "修改答复函" })
    .click();
  await expect(region(/答复函草稿/)).toContainText("请补充促进科技成果转化的下一步计划。");
  await region(/答复函草稿/)
    .getByLabel("答复正文")
    .fill(REPLY_180_PARAGRAPHS.join("\n\n"));
  await region(/答复函草稿/)
    .getByRole("button", { name: "保存草稿" })
    .click();
  await expect(region(/当前第 2 稿/)).toBeVisible();
  await region("提交审签").getByRole("button", { name: "提交审签" }).click();
  await expect(proposalState(page)).toContainText("待审签");

  await as("dengmj", url);
  await region(/审签答复函（第 2 稿）/)
    .getByRole("button", { name: "同意签发" })
    .click();
  const year = new Date().getFullYear();
  const letter = region(/^答复函发文字号/);
  await expect(letter).toContainText(new RegExp(`渝高新科函〔${year}〕\\d+号`));
  await expect(letter.getByRole("heading", { level: 3 })).toHaveText(`重庆高新区科技创新局关于${sessionTitle}第180号提案的答复函`);
  await expect(letter).toContainText("刘新荣委员:");
  await expect(letter).toContainText(
    "您提出的《关于抢抓人才红利机遇,赋能科学城产业发展的建议》(第180号提案)收悉,经与重庆高新区党群工作部、创新服务中心、政务服务和社会事务中心共同研究办理,现答复如下:",
  );
  await expect(letter).toContainText(REPLY_180_PARAGRAPHS[0]!);
  await expect(letter).toContainText("此答复函已经邓敏军局长审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。");
  await expect(letter).toContainText("(联系人:蒋明杰,联系电话:023—68511253)");
  await expect(region("办理记录")).toContainText("同意签发");

  // 发布: the office publishes the signed reply; an anonymous visitor finds it by 人才红利 and by 博士.
  await as("coordinator", url);
  const publication = region("政府信息公开");
  await publication.getByRole("button", { name: "发布" }).click();
  await expect(publication.getByRole("status")).toContainText("已发布，索引号");
  const indexNumber = /索引号 (\S+\/\d{4}-\d{5})/.exec((await publication.getByRole("status").textContent()) ?? "")![1]!;
  await page.context().clearCookies();
  const letterTitle = `重庆高新区科技创新局关于${sessionTitle}第180号提案的答复函`;
  for (const word of ["人才红利", "博士"]) {
    await page.goto("/open");
    await page.getByLabel("搜索建议提案答复").fill(word);
    await page.getByLabel("搜索建议提案答复").press("Enter");
    const hit = page.locator("ol.portal-results > li").filter({ hasText: letterTitle });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator("mark").first()).toHaveText(word);
  }
  await page.locator("ol.portal-results > li").filter({ hasText: letterTitle }).getByRole("link", { name: letterTitle }).click();
  await expect(page).toHaveURL(/\/open\/\d+$/);
  const cell = (label: string) =>
    page
      .getByRole("table", { name: "信息属性" })
      .locator("th", { hasText: `[ ${label} ]` })
      .locator("xpath=following-sibling::td[1]");
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await expect(cell("索引号")).toHaveText(indexNumber);
  await expect(cell("索引号")).toHaveText(new RegExp(`^1150010700927688XM/${year}-\\d{5}$`));
  await expect(cell("发文字号")).toHaveText(new RegExp(`^渝高新科函〔${year}〕\\d+号$`));
  await expect(cell("主题分类")).toHaveText("科技、教育");
  await expect(cell("体裁分类")).toHaveText("政协提案办理");
  await expect(cell("发布机构")).toHaveText("高新区科技创新局");
  await expect(cell("有效性")).toHaveText("");
  await expect(cell("成文日期")).toHaveText(today);
  await expect(cell("发布日期")).toHaveText(today);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(letterTitle);
  await expect(page.locator("#reply-text")).toContainText(REPLY_180_PARAGRAPHS[0]!);
  await page.getByRole("link", { name: "繁體版" }).click();
  await expect(page.getByText("[ 發布機構 ]")).toBeVisible();
});
