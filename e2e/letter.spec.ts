/**
 * The reply letter as a document: the print view of proposal 180 compared pixel by pixel with the
 * committed reference (letter.spec.ts-snapshots/), the downloads with the caller's rights, and the
 * receipt link printed on a letter: it opens the form without signing in, submits once, and is
 * refused after that.
 */
import Database from "better-sqlite3";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

const TITLE_180 = "重庆高新区科技创新局关于政协重庆市九龙坡区第十一届委员会第二次会议第180号提案的答复函";
/** Replied, with a lead proposer and a co-signer who both still owe their receipts; no other test uses it. */
const JOINT = "关于提升科技企业孵化器运营水平的建议";

function row<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(E2E.databasePath, { readonly: true, fileMustExist: true });
  try {
    const found = db.prepare(sql).get(...params) as T | undefined;
    if (!found) throw new Error(`no row for ${sql}`);
    return found;
  } finally {
    db.close();
  }
}

const replyOf = (title: string) =>
  row<{ id: number; doc_number: string }>(
    "select r.id, r.doc_number from replies r join proposals p on p.id = r.proposal_id where p.title = ?",
    title,
  );

test("the print view of proposal 180 keeps its GB/T 9704 layout", async ({ page, loginAs }) => {
  // The submitted draft (version 2) is the sample's letter and never changes, whatever other tests do to 180.
  const draft = row<{ id: number }>(
    `select d.id from reply_drafts d join proposals p on p.id = d.proposal_id join sessions s on s.id = p.session_id
     where p.number = 180 and s.meeting = '第二次会议' and d.version = 2`,
  );
  await loginAs("jiangmj");
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.goto(`/letters/drafts/${draft.id}/print`);
  const letter = page.locator("article.letter");
  await expect(letter.getByRole("heading", { level: 1 })).toHaveText(TITLE_180);
  await expect(letter.getByRole("heading", { level: 2, name: "一、工作开展情况" })).toBeVisible();
  await expect(letter.getByRole("heading", { level: 3, name: "(一)加强政策保障" })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.addStyleTag({ content: ".toolbar { display: none; }" });
  // 210 mm at 96 dpi; the date of a draft is today's, so it is masked.
  expect((await letter.boundingBox())?.width).toBeCloseTo(793.7, 0);
  await expect(letter).toHaveScreenshot("letter-180.png", {
    maxDiffPixelRatio: 0.001,
    mask: [letter.locator("time")],
    animations: "disabled",
  });
});

test("the print view's 打印 button prints under the page's Content-Security-Policy", async ({ page, loginAs }) => {
  const joint = replyOf(JOINT);
  await loginAs("coordinator");
  // window.print() would open the browser's dialog: the stub counts the calls instead.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const response = await page.goto(`/letters/${joint.id}/print`);
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await page.getByRole("navigation", { name: "答复函操作" }).getByRole("button", { name: "打印" }).click();
  await expect.poll(async () => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(refused).toEqual([]);
});

test("letters download as PDF and DOCX for those who may read them, and not for others", async ({ page, loginAs }) => {
  const joint = replyOf(JOINT);
  await loginAs("coordinator");
  const pdf = await page.request.get(`/letters/${joint.id}/letter.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const docx = await page.request.get(`/letters/${joint.id}/letter.docx`);
  expect(docx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  expect(docx.headers()["content-disposition"]).toContain(encodeURIComponent(joint.doc_number));

  await page.context().clearCookies();
  await loginAs("liuxr");
  expect((await page.request.get(`/letters/${joint.id}/letter.pdf`)).status()).toBe(403);
  const own = replyOf("关于推进职业教育与科学城产业协同发展的建议");
  await page.goto(`/letters/${own.id}/print`);
  await expect(page.locator("article.letter")).toHaveCount(1);
  await expect(page.locator("article.letter .salutation")).toHaveText("刘新荣委员:");

  await page.context().clearCookies();
  const anonymous = await page.request.get(`/letters/${own.id}/letter.pdf`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(303);
  expect(anonymous.headers().location).toContain("/login?callbackUrl=");
});

test("the receipt link on a letter opens the form without signing in, submits once, then is refused", async ({
  page,
  browser,
  loginAs,
}) => {
  const joint = replyOf(JOINT);
  await loginAs("coordinator");
  await page.goto(`/letters/${joint.id}/print`);
  const toolbar = page.getByRole("navigation", { name: "答复函操作" });
  await expect(toolbar.getByRole("link", { name: /^致/ })).toHaveCount(2);
  const first = (await page.locator("a.receipt-link").getAttribute("href"))!;
  await toolbar.getByRole("link", { name: /^致/ }).nth(1).click();
  const second = (await page.locator("a.receipt-link").getAttribute("href"))!;
  expect(first).toMatch(new RegExp(`^${E2E.baseURL}/receipt/[0-9a-z.]+\\.[\\w-]{22}$`));
  expect(second).not.toBe(first);
  await expect(page.getByRole("img", { name: "回执二维码" })).toBeVisible();

  const visitor = await browser.newContext({ locale: "zh-CN" });
  const form = await visitor.newPage();
  await form.goto(first);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText(JOINT);
  await expect(form.getByText(joint.doc_number)).toBeVisible();
  await form
    .getByRole("group", { name: /走访\/沟通情况/ })
    .getByLabel("已走访面商")
    .check();
  await form
    .getByRole("group", { name: /办理态度/ })
    .getByLabel("满意", { exact: true })
    .check();
  await form
    .getByRole("group", { name: /办理结果/ })
    .getByLabel("基本满意")
    .check();
  await form.getByRole("button", { name: "下一步：核对回执" }).click();
  await expect(form.getByRole("heading", { name: "请核对回执内容" })).toBeVisible();
  await form.getByRole("button", { name: "提交回执" }).click();
  await expect(form.getByRole("status").filter({ hasText: "回执已提交" })).toBeVisible();

  await form.goto(first);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("回执已提交");
  await expect(form.getByRole("button", { name: /提交回执|下一步/ })).toHaveCount(0);
  await form.goto(`${first.slice(0, -1)}${first.endsWith("A") ? "B" : "A"}`);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("回执链接无效");
  await visitor.close();

  // The lead proposer's receipt is recorded: their letter no longer carries a link, the co-signer's still does.
  await page.goto(`/letters/${joint.id}/print`);
  await expect(page.locator("a.receipt-link")).toHaveCount(0);
  await page.getByRole("navigation", { name: "答复函操作" }).getByRole("link", { name: /^致/ }).nth(1).click();
  await expect(page.locator("a.receipt-link")).toHaveAttribute("href", second);
});
