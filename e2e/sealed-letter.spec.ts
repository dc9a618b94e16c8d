/**
 * The reply's files (issue 19 item 2): the handler attaches a file to the draft, the director signs off,
 * the unit uploads the scan of the sealed letter (a PDF; anything else is refused), the member sees and
 * downloads it beside the letter, the public page offers it as 原文下载 while the reply is published in
 * full and not otherwise, and a unit with no part in the proposal gets neither file.
 */
import fs from "node:fs/promises";
import type { Browser } from "@playwright/test";
import { mintSessionToken, SESSION_COOKIE } from "../scripts/lib/session-cookie";
import { noAxeViolations } from "./accessibility";
import { E2E } from "./env";
import { expect, test, type Page } from "./fixtures";
import { prepareProposal, prepareReplyWithFiles, SMALL_PDF } from "./prepared-proposal";
import { one, readDb } from "./security/support";

/** Screenshots of the run, with its other results (test-results/), never outside the repository. */
const SHOTS = "test-results/screenshots";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const SCAN = Buffer.concat([SMALL_PDF, Buffer.from("% 盖章件扫描\n")]);

/** A page of its own for one demo user, signed in by cookie. */
async function pageAs(browser: Browser, login: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const value = await mintSessionToken(E2E.database, E2E.authSecret, login);
  await context.addCookies([{ name: SESSION_COOKIE, value, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" }]);
  return context.newPage();
}

/** Screenshots of the page as it is, on a desktop and at 390 px wide. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/sealed-${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/sealed-${name}-390.png`, fullPage: true });
  await page.setViewportSize(size);
}

test("handler attaches, director signs, the unit uploads the sealed scan, the member downloads it, the public gets it only in full", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { id } = await prepareProposal("drafted", "关于盖章件扫描与答复附件的测试建议");

  // 蒋明杰 attaches the 办理方案 to the reply in the making, then submits it.
  const handler = await pageAs(browser, "jiangmj");
  await handler.goto(`/proposals/${id}/reply`);
  const files = handler.getByRole("region", { name: "答复附件" });
  await files.getByLabel("选择要添加的文件").setInputFiles({ name: "办理方案.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
  await expect(files.getByText("已上传")).toBeVisible();
  await files.getByRole("button", { name: "添加附件" }).click();
  await expect(files.getByRole("status")).toContainText("已添加 1 个答复附件");
  await expect(files.getByRole("link", { name: "办理方案.pdf" })).toHaveAttribute("href", /^\/letters\/files\/\d+$/);
  await noAxeViolations(handler);
  await shoot(handler, "drafting");
  const submit = handler.getByRole("region", { name: "提交审签" });
  await submit.getByRole("button", { name: "提交审签" }).click();
  // Submitted, the page shows the letter in review, with its attachment, and no editor.
  await expect(handler.getByText("答复函正在审签，不能修改。")).toBeVisible();
  await expect(handler.getByRole("region", { name: /答复函预览/ }).getByRole("link", { name: "办理方案.pdf" })).toBeVisible();

  // 邓敏军 signs it off; the letter lists its attachment.
  const director = await pageAs(browser, "dengmj");
  await director.goto(`/proposals/${id}`);
  await director
    .getByRole("region", { name: /审签答复函/ })
    .getByRole("button", { name: "同意签发" })
    .click();
  const letter = director.getByRole("region", { name: /^答复函发文字号/ });
  await expect(letter.getByRole("link", { name: "办理方案.pdf" })).toBeVisible();

  // The unit uploads the sealed letter's scan: a picture is refused as it is uploaded, the PDF is taken.
  await handler.goto(`/proposals/${id}`);
  const sealed = handler.getByRole("region", { name: "盖章件（扫描件）" });
  await sealed.getByLabel("盖章件扫描件").setInputFiles({ name: "盖章件.png", mimeType: "image/png", buffer: PNG });
  await expect(sealed.getByText("上传失败：盖章件扫描件“盖章件.png”的类型不支持；只接受 PDF 文件")).toBeVisible();
  await sealed.getByLabel("盖章件扫描件").setInputFiles({ name: "伪装.pdf", mimeType: "application/pdf", buffer: PNG });
  await expect(sealed.getByText("上传失败：盖章件扫描件“伪装.pdf”的内容与扩展名不符，请确认文件未损坏")).toBeVisible();
  await sealed.getByLabel("盖章件扫描件").setInputFiles({ name: "盖章件.pdf", mimeType: "application/pdf", buffer: SCAN });
  await expect(sealed.getByText("已上传")).toBeVisible();
  await sealed.getByRole("button", { name: "上传盖章件" }).click();
  await expect(sealed.getByRole("status")).toContainText("已上传盖章件扫描件");
  await expect(sealed.getByRole("link", { name: "盖章件.pdf" })).toBeVisible();
  await noAxeViolations(handler);
  await shoot(handler, "uploaded");
  const scanHref = (await sealed.getByRole("link", { name: "盖章件.pdf" }).getAttribute("href"))!;
  const attachmentHref = (await handler
    .getByRole("region", { name: /^答复函发文字号/ })
    .getByRole("link", { name: "办理方案.pdf" })
    .getAttribute("href"))!;

  // 刘新荣 sees both beside the letter and downloads the scan: the very file uploaded.
  const member = await pageAs(browser, "liuxr");
  await member.goto(`/member/proposals/${id}`);
  const reply = member.getByRole("region", { name: "第1次答复" });
  await expect(reply).toContainText("盖章件（扫描件）：");
  await expect(reply.getByRole("link", { name: "办理方案.pdf" })).toBeVisible();
  const download = member.waitForEvent("download");
  await reply.getByRole("link", { name: "盖章件.pdf" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("盖章件.pdf");
  expect(await fs.readFile(await file.path())).toEqual(SCAN);
  await noAxeViolations(member);
  await shoot(member, "member");

  // A unit with no part in the proposal gets neither file (nor the page); a visitor is asked to sign in.
  const stranger = await pageAs(browser, "dqgzb");
  for (const href of [scanHref, attachmentHref]) {
    expect((await stranger.request.get(href)).status()).toBe(403);
    expect((await request.get(href, { maxRedirects: 0 })).status()).toBe(401);
  }

  // Before publication nothing is public; published in full, 原文下载 is the scan.
  const coordinator = await pageAs(browser, "coordinator");
  await coordinator.goto(`/proposals/${id}`);
  const publication = coordinator.getByRole("region", { name: "政府信息公开" });
  await publication.getByRole("button", { name: "发布" }).click();
  await expect(publication.getByRole("status")).toContainText("已发布");
  const publicPath = `/open/${await readDb((db) => one(db, "select pu.id from publications pu join replies r on r.id = pu.reply_id where r.proposal_id = ?", id))}`;
  const visitor = await browser.newPage();
  await visitor.goto(publicPath);
  const downloads = visitor.locator(".portal-downloads");
  await expect(downloads.getByRole("link", { name: /（盖章件）$/ })).toHaveAttribute("href", `${publicPath}/sealed.pdf`);
  await expect(downloads.getByRole("link", { name: /答复函$/ })).toHaveAttribute("href", `${publicPath}/letter.pdf`);
  const scan = await request.get(`${publicPath}/sealed.pdf`);
  expect(scan.status()).toBe(200);
  expect(scan.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await scan.body())).toEqual(SCAN);
  await shoot(visitor, "public");

  // Withdrawn, the scan is gone with the page.
  await publication.getByLabel("撤回公开的理由").fill("核对数据后重新发布");
  await publication.getByRole("button", { name: "撤回公开" }).click();
  await expect(publication.getByRole("status")).toContainText("已撤回公开");
  expect((await request.get(`${publicPath}/sealed.pdf`)).status()).toBe(404);

  // Replacing the scan takes a reason, and the 办理记录 says so.
  await handler.goto(`/proposals/${id}`);
  const again = handler.getByRole("region", { name: "盖章件（扫描件）" });
  await again.getByLabel(/^新的盖章件扫描件/).setInputFiles({ name: "重新扫描.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
  await expect(again.getByText("已上传")).toBeVisible();
  await again.getByRole("button", { name: "替换盖章件" }).click();
  await expect(again.getByRole("status")).toContainText("请填写替换盖章件的原因");
  await again.getByLabel("替换原因").fill("原扫描件缺第二页");
  await again.getByRole("button", { name: "替换盖章件" }).click();
  await expect(again.getByRole("status")).toContainText("已替换盖章件扫描件");
  await expect(handler.getByRole("region", { name: "办理记录" })).toContainText("替换盖章答复函扫描件");
  await expect(handler.getByRole("region", { name: "办理记录" })).toContainText("原扫描件缺第二页");
  // The replaced scan's address answers no more.
  expect((await handler.request.get(scanHref)).status()).toBe(404);
});

test("published as a summary, the reply offers no 原文下载 of its scan", async ({ page, request }) => {
  const { publicationId } = await prepareReplyWithFiles("关于摘要公开的盖章件测试建议", { disclosure: "summary" });
  await page.goto(`/open/${publicationId}`);
  await expect(page.getByText("本件摘要公开，不提供原文下载")).toBeVisible();
  await expect(page.getByRole("link", { name: /（盖章件）$/ })).toHaveCount(0);
  expect((await request.get(`/open/${publicationId}/sealed.pdf`)).status()).toBe(404);
  // In full, the same kind of reply offers it.
  const full = await prepareReplyWithFiles("关于全文公开的盖章件测试建议");
  await page.goto(`/open/${full.publicationId}`);
  await expect(page.getByRole("link", { name: /（盖章件）$/ })).toHaveAttribute("href", `/open/${full.publicationId}/sealed.pdf`);
});
