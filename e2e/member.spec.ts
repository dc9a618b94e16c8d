/**
 * The member's side: 刘新荣 reads a reply and answers 不满意 with a reason, the lead unit handles it a
 * second time through drafting and sign-off, and his and his co-signer's 满意 close it. Once on the demo's
 * replied proposal (desktop, signing in through the form), once on a joint proposal registered for the test, answered on a
 * 390×844 phone screen by the proposer and a co-signer; other members get 403.
 */
import { expect, type Page, test } from "./fixtures";
import { proposalState } from "./proposal-page";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };

type Answers = { contact: string; attitude: string; result: string; opinion?: string };

const receiptForm = (page: Page) => page.getByRole("region", { name: "提交回执" });

/** Fills the 办理情况征询意见表, reviews it, and submits it. */
async function answer(page: Page, a: Answers) {
  const form = receiptForm(page);
  await form.getByRole("group", { name: "走访/沟通情况" }).getByLabel(a.contact, { exact: true }).check();
  await form.getByRole("group", { name: "办理态度" }).getByLabel(a.attitude, { exact: true }).check();
  await form.getByRole("group", { name: "办理结果" }).getByLabel(a.result, { exact: true }).check();
  if (a.opinion) await form.getByLabel("意见和建议").fill(a.opinion);
  await form.getByRole("button", { name: "下一步：核对回执" }).click();
  const review = form.getByRole("heading", { name: "请核对回执内容" });
  await expect(review).toBeFocused();
  await expect(form.getByRole("definition").filter({ hasText: a.result }).first()).toBeVisible();
  await form.getByRole("button", { name: "提交回执" }).click();
}

/** The lead unit's second reply: a contact, a draft, 提交审签; then the director's 同意签发. */
async function replyAgain(
  page: Page,
  as: (login: string, url: string) => Promise<void>,
  url: string,
  handler: string,
  director: string,
  body: string,
) {
  await as(handler, url);
  await expect(page.getByText("重新办理（第2轮）", { exact: true })).toBeVisible();
  const contact = page.getByRole("region", { name: "添加沟通记录", exact: true });
  await contact.getByLabel("沟通方式").selectOption({ label: "当面" });
  await contact.getByLabel("沟通情况").fill("再次当面听取刘新荣委员意见，说明第二轮办理措施。");
  await contact.getByRole("button", { name: "添加沟通记录" }).click();
  await expect(page.getByRole("region", { name: "沟通记录", exact: true })).toContainText("第2轮");
  await page.getByRole("region", { name: "起草答复函", exact: true }).getByRole("link", { name: "起草答复函" }).click();
  const draft = page.getByRole("region", { name: "起草答复函", exact: true });
  await draft.getByLabel("答复正文").fill(body);
  await draft.getByLabel("联系电话").fill("023—68511253");
  await draft.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("region", { name: /当前第 1 稿/ })).toBeVisible();
  await page.getByRole("region", { name: "提交审签", exact: true }).getByRole("button", { name: "提交审签" }).click();
  await expect(proposalState(page)).toContainText("待审签");
  await as(director, url);
  await page
    .getByRole("region", { name: /审签答复函/ })
    .getByRole("button", { name: "同意签发" })
    .click();
  await expect(page.getByText("已答复").first()).toBeVisible();
}

test("刘新荣 answers 不满意, the unit handles it again, and his and his co-signer's 满意 close it", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  const as = async (login: string, url: string) => {
    await page.context().clearCookies();
    await loginAs(login);
    await page.goto(url);
  };
  const title = "关于推进职业教育与科学城产业协同发展的建议";

  await page.goto("/login");
  await page.getByLabel("用户名").fill("liuxr");
  await page.getByLabel("密码").fill("demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/member$/);
  const item = page.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("待回执");
  await expect(item).toContainText("主办单位：重庆高新区社会事业局");
  await item.getByRole("link", { name: "阅读答复并提交回执" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const url = new URL(page.url()).pathname;
  const staffUrl = url.replace(/^\/member/, "");
  const firstLetter = page.getByRole("region", { name: "第1次答复" });
  await expect(firstLetter.getByRole("heading", { level: 2 })).toContainText(`关于政协重庆市九龙坡区第十一届委员会第二次会议`);
  await expect(firstLetter).toContainText("刘新荣委员:");

  // 不满意 without a reason is stopped before the review step, with the message announced.
  const form = receiptForm(page);
  await form.getByRole("group", { name: "办理结果" }).getByLabel("不满意", { exact: true }).check();
  await form.getByRole("button", { name: "下一步：核对回执" }).click();
  await expect(form.getByText("选择“不满意”时，请填写具体意见")).toBeVisible();
  await expect(form.getByText("还有 3 处需要填写或修改。")).toBeVisible();
  const reason = "答复未提出校企共建实训基地的具体时间表，请补充。";
  await answer(page, { contact: "已电话或书面沟通", attitude: "基本满意", result: "不满意", opinion: reason });
  const mine = page.getByRole("region", { name: "我的回执（已提交）" });
  await expect(mine).toContainText("不满意");
  await expect(mine).toContainText(reason);
  await expect(page.getByText("办理状态：重新办理中")).toBeVisible();
  await expect(receiptForm(page)).toHaveCount(0);

  // The lead unit sees the second round, its reason and deadline, and the first reply with its receipt.
  await as("shsyj", staffUrl);
  const receipts = page.getByRole("region", { name: "答复与回执" });
  await expect(receipts).toContainText(`刘新荣的意见：${reason}`);
  await expect(receipts).toContainText("新的办复期限");
  await expect(receipts.getByText("查看第1轮答复函")).toBeVisible();
  await expect(page.getByText("第2轮办理").first()).toBeVisible();
  await replyAgain(page, as, staffUrl, "shsyj", "shsyj-fz", "一、校企共建实训基地\n\n已与三所职业院校签订共建协议，明年春季学期投入使用。");

  await as("liuxr", url);
  const second = page.getByRole("region", { name: "第2次答复" });
  await expect(second).toContainText("已与三所职业院校签订共建协议");
  await answer(page, { contact: "已走访面商", attitude: "满意", result: "满意" });
  await expect(second.getByRole("region", { name: "我的回执（已提交）" })).toContainText("满意");
  // The co-signer 马卫东 answers the second reply too; the last receipt closes the proposal.
  await expect(page.getByText("办理状态：已答复")).toBeVisible();
  await as("member-012", url);
  await expect(page.getByRole("region", { name: "第2次答复" })).toContainText("马卫东委员:");
  // 马卫东's receipt on the first reply is still owed: 刘新荣's 不满意 did not close it for him.
  await expect(page.getByRole("region", { name: "第1次答复" }).getByRole("region", { name: "提交这次答复的回执" })).toBeVisible();
  await answer(page, { contact: "已走访面商", attitude: "满意", result: "基本满意" });
  await expect(page.getByText("办理状态：已办结")).toBeVisible();
  await as("liuxr", "/member");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("已办结");

  // Someone who is neither proposer nor co-signer cannot read it.
  await as("member-003", "/member");
  expect((await page.goto(url))?.status()).toBe(403);
});

test("the same on a phone: a joint proposal answered by 刘新荣 and his co-signer; a seconder gets 403", async ({ page, loginAs }) => {
  test.setTimeout(180_000);
  const as = async (login: string, url: string, viewport = DESKTOP) => {
    await page.setViewportSize(viewport);
    await page.context().clearCookies();
    await loginAs(login);
    await page.goto(url);
  };
  const title = `关于优化科学城人才公寓通勤服务的建议（${Date.now()}）`;
  const number = String(281 + (Date.now() % 700));

  await as("coordinator", "/proposals/new");
  await page.getByLabel("届次会议").selectOption({ label: "政协重庆市九龙坡区第十一届委员会第二次会议" });
  await page.getByLabel("编号").fill(number);
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("提案人（领衔）").fill("刘新荣");
  await page.getByLabel("联名人").fill("黄丽萍");
  await page.getByLabel("附议人").fill("周建军");
  await page.getByLabel("提案内容").fill("人才公寓距园区较远，通勤时间长，建议开通定制公交。");
  await page.getByRole("button", { name: "登记提案" }).click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  const id = new URL(page.url()).pathname.split("/").pop();
  const staffUrl = `/proposals/${id}`;
  const memberUrl = `/member/proposals/${id}`;
  const assign = page.getByRole("region", { name: "交办", exact: true });
  await assign.getByLabel("主办单位").selectOption({ label: "重庆高新区科技创新局" });
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(page.getByText("已交办").first()).toBeVisible();

  await as("jiangmj", staffUrl);
  await page.getByRole("button", { name: "签收" }).click();
  const contact = page.getByRole("region", { name: "添加沟通记录", exact: true });
  await contact.getByLabel("沟通情况").fill("电话听取刘新荣委员意见。");
  await contact.getByRole("button", { name: "添加沟通记录" }).click();
  await expect(page.getByRole("region", { name: "沟通记录", exact: true })).toContainText("电话听取刘新荣委员意见");
  await page.getByRole("region", { name: "起草答复函", exact: true }).getByRole("link", { name: "起草答复函" }).click();
  const draft = page.getByRole("region", { name: "起草答复函", exact: true });
  await draft.getByLabel("答复正文").fill("一、通勤服务\n\n将协调公交公司研究开通定制线路。");
  await draft.getByLabel("联系电话").fill("023—68511253");
  await draft.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("region", { name: /当前第 1 稿/ })).toBeVisible();
  await page.getByRole("region", { name: "提交审签", exact: true }).getByRole("button", { name: "提交审签" }).click();
  await expect(proposalState(page)).toContainText("待审签");
  await as("dengmj", staffUrl);
  await page
    .getByRole("region", { name: /审签答复函/ })
    .getByRole("button", { name: "同意签发" })
    .click();
  await expect(page.getByText("已答复").first()).toBeVisible();

  // The co-signer answers their own receipt on the phone; the letter is addressed to them.
  await as("member-007", "/member", PHONE);
  await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "阅读答复并提交回执" }).click();
  await expect(page.getByRole("region", { name: "第1次答复" })).toContainText("黄丽萍委员:");
  await answer(page, { contact: "已电话或书面沟通", attitude: "满意", result: "基本满意" });
  await expect(page.getByRole("region", { name: "我的回执（已提交）" })).toContainText("基本满意");
  await expect(receiptForm(page)).toHaveCount(0);

  // The seconder is listed but gets no reply, no receipt, and no access; neither does an outsider.
  for (const login of ["member-008", "member-003"]) {
    await as(login, "/member", PHONE);
    await expect(page.getByText(title)).toHaveCount(0);
    expect((await page.goto(memberUrl))?.status(), login).toBe(403);
  }

  await as("liuxr", "/member", PHONE);
  await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "阅读答复并提交回执" }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await answer(page, { contact: "未联系", attitude: "基本满意", result: "不满意", opinion: "定制公交的开通时间不明确。" });
  await expect(page.getByText("办理状态：重新办理中")).toBeVisible();

  await replyAgain(page, as, staffUrl, "jiangmj", "dengmj", "一、通勤服务\n\n定制公交线路将于下月一日开通，早晚高峰各四班。");

  await as("liuxr", memberUrl, PHONE);
  await answer(page, { contact: "已走访面商", attitude: "满意", result: "满意" });
  await expect(page.getByRole("region", { name: "第2次答复" }).getByRole("region", { name: "我的回执（已提交）" })).toBeVisible();
  await expect(page.getByText("办理状态：已答复")).toBeVisible();
  await as("member-007", memberUrl, PHONE);
  await answer(page, { contact: "已走访面商", attitude: "满意", result: "满意" });
  await expect(page.getByText("办理状态：已办结")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
});

test("the coordinator chases an overdue receipt (催告) and records the paper receipt that comes back", async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await page.goto("/work");
  const overdue = page.getByRole("region", { name: /超期未回执/ });
  const row = overdue.getByRole("row").nth(1);
  await expect(row).toContainText("超期");
  const member = (await row.getByRole("cell").nth(1).innerText()).replace(/（.*）$/, "");
  await row.getByRole("button", { name: new RegExp(`^催告\\s*${member}提交回执$`) }).click();
  await expect(row.getByRole("status")).toContainText("已催告");
  await row.getByRole("link", { name: "代录纸质回执" }).click();
  await expect(page).toHaveURL(/\/proposals\/\d+#paper-receipt$/);
  const panel = page.getByRole("region", { name: /回执跟踪/ });
  await expect(panel).toContainText("上次催告");
  await panel.getByText(`代录${member}的纸质回执`).click();
  await panel.getByRole("group", { name: "走访/沟通情况" }).getByLabel("已走访面商", { exact: true }).check();
  await panel.getByRole("group", { name: "办理态度" }).getByLabel("满意", { exact: true }).check();
  await panel.getByRole("group", { name: "办理结果" }).getByLabel("基本满意", { exact: true }).check();
  await panel.getByLabel("意见和建议").fill("纸质回执：对办理情况基本满意。");
  await panel.getByRole("button", { name: "下一步：核对回执" }).click();
  await expect(panel.getByText("（纸质回执，代为录入）")).toBeVisible();
  await panel.getByRole("button", { name: "录入纸质回执" }).click();
  const receipts = page.getByRole("region", { name: "答复与回执" });
  await expect(receipts).toContainText("纸质回执，由督查室代录");
  await expect(receipts).toContainText("纸质回执：对办理情况基本满意。");
  await expect(page.getByRole("complementary").getByText("催告回执").first()).toBeVisible();
});
