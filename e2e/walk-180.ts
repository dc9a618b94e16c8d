/**
 * Proposal 180's reply through a unit with 分办 (issue 19, "must show"), as steps each person takes at a browser of
 * their own, signed in through the form, nothing written but through the pages: e2e/walk-180.spec.ts walks them
 * against the end-to-end server, e2e/multi-instance/multi-instance.spec.ts through nginx in front of two app
 * instances. The demo's own 180 already waits for sign-off, so the coordinator registers the same proposal (its
 * title and text) as 第180号 of a session created for the walk.
 */
import fs from "node:fs/promises";
import type { Browser, ViewportSize } from "@playwright/test";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { PROPOSAL_180 } from "../db/demo/proposal-180";
import { REPLY_180_PARAGRAPHS } from "../db/demo/reply-180";
import { readDatabase } from "../scripts/lib/read-database";
import { noAxeViolations } from "./accessibility";
import { expect, signIn, type Page } from "./fixtures";
import { fitsThePhone, PHONE } from "./phone";
import { proposalState, region } from "./proposal-page";
import { createSession } from "./sessions";

/** Where the steps' screenshots go (walk-<name>.png); null: none. */
export const walkShots: { dir: string | null } = { dir: "/work/wt/shots" };
const DESKTOP = { width: 1280, height: 900 };
export const UNIT = "重庆高新区科技创新局";
/** The 分管领导 asks for what the first draft leaves out: the plan for 促进科技成果转化 (the last three paragraphs). */
const FIRST_DRAFT = REPLY_180_PARAGRAPHS.slice(0, -3).join("\n\n");
const FULL_REPLY = REPLY_180_PARAGRAPHS.join("\n\n");
const RETURN_COMMENT = "请补充促进科技成果转化的下一步工作计划。";

/** The proposal walked through: its page, and how lists and letters name it. */
export type Walked = { id: number; url: string; sessionTitle: string };

/** A browser of one's own (a fresh context), signed in through the form and landed on one's home page. */
export async function signedIn(browser: Browser, login: string, home: string, viewport: ViewportSize = DESKTOP): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, login);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  return page;
}

/** The whole page, as <walkShots.dir>/walk-<name>.png; on a phone the screen as the person sees it. */
async function shoot(page: Page, name: string, { screenOnly = false } = {}) {
  if (walkShots.dir) await page.screenshot({ path: `${walkShots.dir}/walk-${name}.png`, fullPage: !screenOnly });
}

/** The link to the walked proposal in a section of someone's 待办 (by the section's title): by its address, as the demo's 180 bears the same title. */
const onWorkList = (page: Page, section: RegExp, { url }: Walked) =>
  region(page, section)
    .getByRole("link", { name: new RegExp(PROPOSAL_180.title) })
    .and(page.locator(`[href="${url}"]`));

/** `days` calendar days before an ISO date. */
function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A valid one-page A4 PDF with a line of text (and, for the sealed letter, a red seal). */
export async function onePagePdf(line: string, { seal = false } = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(line, { x: 72, y: 760, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  if (seal) page.drawEllipse({ x: 440, y: 160, xScale: 60, yScale: 60, borderColor: rgb(0.8, 0, 0), borderWidth: 4 });
  return Buffer.from(await pdf.save());
}

/** Step 1: the administrator opens a session for the walk; the coordinator registers 180 in it and assigns it to 科技创新局. */
export async function registerAndAssign(browser: Browser): Promise<Walked> {
  const admin = await signedIn(browser, "admin", "/admin");
  const sessionTitle = await createSession(admin, "第十二届");
  await admin.context().close();

  const coordinator = await signedIn(browser, "coordinator", "/work");
  await coordinator.goto("/proposals/new");
  await coordinator.getByLabel("届次会议").selectOption({ label: sessionTitle });
  await coordinator.getByLabel("编号").fill("180");
  await coordinator.getByLabel("标题").fill(PROPOSAL_180.title);
  await coordinator.getByLabel("提案人（领衔）").fill("刘新荣");
  await coordinator.getByLabel("主题分类").selectOption({ label: PROPOSAL_180.category });
  await coordinator.getByLabel("提案内容").fill(PROPOSAL_180.body);
  await coordinator.getByRole("button", { name: "登记提案" }).click();
  await expect(coordinator).toHaveURL(/\/proposals\/\d+$/);
  const url = new URL(coordinator.url()).pathname;
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(PROPOSAL_180.title);

  const assign = region(coordinator, "交办");
  await assign.getByLabel("主办单位").selectOption({ label: UNIT });
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(proposalState(coordinator)).toContainText("已交办");
  await shoot(coordinator, "1-assigned");
  await coordinator.context().close();
  return { id: Number(url.split("/").pop()), url, sessionTitle };
}

/** Step 2: the office (何静, 可分办) signs for it from its 待签收 and divides it to 科技综合科 and 蒋明杰; returns the internal deadline. */
export async function officeDivides(browser: Browser, walked: Walked): Promise<string> {
  const office = await signedIn(browser, "hej", "/work");
  await onWorkList(office, /^待签收/, walked).click();
  await expect(office).toHaveURL(new RegExp(`${walked.url}$`));
  await office.getByRole("button", { name: "签收" }).click();
  await expect(proposalState(office)).toContainText("办理中");

  const divide = region(office, "分办");
  await expect(divide).toContainText("请分办到科室和承办人");
  await divide.getByLabel("科室").selectOption({ label: "科技综合科" });
  await expect(divide.getByLabel("承办人").locator("option")).toHaveText(["蒋明杰"]);
  const unitDue = (await divide.getByLabel("内部办理期限").getAttribute("max"))!;
  // Two weeks inside the unit's own deadline, leaving the office time for sign-off and the seal.
  const due = daysBefore(unitDue, 14);
  await divide.getByLabel("内部办理期限").fill(due);
  await shoot(office, "2-divide");
  await divide.getByRole("button", { name: "分办" }).click();
  await expect(region(office, "本单位分办")).toContainText(`已分办至科技综合科，承办人蒋明杰，内部办理期限 ${due}。`);
  await office.context().close();
  return due;
}

/** Step 3a: 蒋明杰 finds it on his 待办 by its internal deadline, records the contact, drafts the reply and attaches the 办理方案. */
export async function handlerDrafts(handler: Page, walked: Walked, due: string) {
  const { url } = walked;
  const row = region(handler, /^待答复（主办）/)
    .getByRole("row")
    .filter({ has: handler.locator(`a[href="${url}"]`) });
  await expect(row).toContainText(due);
  await shoot(handler, "3-handler-work");
  await onWorkList(handler, /^待答复（主办）/, walked).click();
  await expect(handler).toHaveURL(new RegExp(`${url}$`));

  const contact = region(handler, "添加沟通记录");
  await contact.getByLabel("沟通方式").selectOption({ label: "当面" });
  await contact
    .getByLabel("沟通情况")
    .fill("到刘新荣委员工作单位当面沟通，介绍人才政策保障、技术研发和成果转化的工作情况，听取对答复的意见。");
  await contact.getByRole("button", { name: "添加沟通记录" }).click();
  await expect(region(handler, "沟通记录")).toContainText("到刘新荣委员工作单位当面沟通");

  await region(handler, "起草答复函").getByRole("link", { name: "起草答复函" }).click();
  await expect(handler).toHaveURL(new RegExp(`${url}/reply$`));
  const draft = region(handler, "起草答复函");
  await draft.getByLabel("答复正文").fill(FIRST_DRAFT);
  await draft.getByLabel("联系电话").fill("023—68511253");
  await draft.getByRole("button", { name: "保存草稿" }).click();
  await expect(region(handler, /当前第 1 稿/)).toBeVisible();

  const files = region(handler, "答复附件");
  await files
    .getByLabel("选择要添加的文件")
    .setInputFiles({ name: "办理方案.pdf", mimeType: "application/pdf", buffer: await onePagePdf("Plan for proposal 180") });
  await expect(files.getByText("已上传")).toBeVisible();
  await files.getByRole("button", { name: "添加附件" }).click();
  await expect(files.getByRole("status")).toContainText("已添加 1 个答复附件");
  await expect(files.getByRole("link", { name: "办理方案.pdf" })).toBeVisible();
  await noAxeViolations(handler);
  await shoot(handler, "3-draft");
}

/** Step 3b: the reply goes to review (the page then shows it in review, with no editor). */
export async function submitForReview(handler: Page) {
  await region(handler, "提交审签").getByRole("button", { name: "提交审签" }).click();
  await expect(handler.getByText("答复函正在审签，不能修改。")).toBeVisible();
  await expect(region(handler, /答复函预览/).getByRole("link", { name: "办理方案.pdf" })).toBeVisible();
}

/**
 * Step 3c: another staff member of the unit reads the proposal and the draft in the making, with no control
 * to contact, draft, attach or submit, on the proposal's page and on its drafting page.
 */
export async function colleagueOnlyReads(browser: Browser, { url }: Walked, login: string) {
  const colleague = await signedIn(browser, login, "/work");
  await colleague.goto(url);
  await expect(region(colleague, "本单位分办")).toContainText("已分办至科技综合科，承办人蒋明杰");
  await expect(region(colleague, "沟通记录")).toContainText("到刘新荣委员工作单位当面沟通");
  for (const name of ["添加沟通记录", "起草答复函", "提交审签"]) await expect(region(colleague, name)).toHaveCount(0);
  await expect(colleague.getByRole("link", { name: /起草答复函|修改答复函/ })).toHaveCount(0);
  await expect(colleague.getByRole("button", { name: "提交审签" })).toHaveCount(0);
  if (login === "wangl") await shoot(colleague, "3-colleague");

  await colleague.goto(`${url}/reply`);
  await expect(colleague.getByRole("status").filter({ hasText: "此提案已分办给本单位其他承办人，由该承办人办理" })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "办理方案.pdf" })).toBeVisible();
  await expect(colleague.getByRole("textbox")).toHaveCount(0);
  await expect(colleague.locator('input[type="file"]')).toHaveCount(0);
  for (const name of ["保存草稿", "添加附件", "提交审签", "删除"]) await expect(colleague.getByRole("button", { name })).toHaveCount(0);
  await colleague.context().close();
}

/** Step 4a: the 分管领导 finds the draft on his 待办 and returns it with a comment. */
export async function leaderReturns(leader: Page, walked: Walked) {
  await onWorkList(leader, /^待审核答复函/, walked).click();
  const review = region(leader, /分管领导审核答复函（第 1 稿）/);
  await review.getByLabel(/审核意见/).fill(RETURN_COMMENT);
  await noAxeViolations(leader);
  await shoot(leader, "4-leader-review");
  await review.getByRole("button", { name: "退回修改" }).click();
  await expect(proposalState(leader)).toContainText("办理中");
  await expect(region(leader, "办理记录")).toContainText("分管领导退回修改");
}

/** Step 4b: 蒋明杰 reads why, completes the reply (the 第 2 稿), and submits again. */
export async function handlerRevises(handler: Page, { url }: Walked) {
  await handler.goto(url);
  const returned = region(handler, /答复函草稿/);
  await expect(returned).toContainText(`分管领导周文斌退回修改意见：${RETURN_COMMENT}`);
  await returned.getByRole("link", { name: "修改答复函" }).click();
  const editor = region(handler, /答复函草稿/);
  await editor.getByLabel("答复正文").fill(FULL_REPLY);
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(region(handler, /当前第 2 稿/)).toBeVisible();
  await submitForReview(handler);
}

/** Step 4c: the 分管领导 passes the second draft on to the director. */
export async function leaderApproves(leader: Page, { url }: Walked) {
  await leader.goto(url);
  await region(leader, /分管领导审核答复函（第 2 稿）/)
    .getByRole("button", { name: "审核通过" })
    .click();
  await expect(region(leader, "办理记录")).toContainText("分管领导审核通过");
  await expect(region(leader, /分管领导审核答复函/)).toHaveCount(0);
}

/** Step 5: the director, on a phone, opens it from his 待办 and signs it off; every page on the way fits 390 px. */
export async function directorSignsOnPhone(browser: Browser, walked: Walked): Promise<string> {
  const director = await signedIn(browser, "dengmj", "/work", PHONE);
  await fitsThePhone(director);
  await shoot(director, "5-director-work-390", { screenOnly: true });
  await onWorkList(director, /^待审签答复函/, walked).click();
  await expect(director).toHaveURL(new RegExp(`${walked.url}$`));
  const signOff = region(director, /审签答复函（第 2 稿）/);
  await expect(signOff).toBeVisible();
  await fitsThePhone(director);
  await shoot(director, "5-director-390", { screenOnly: true });
  const approve = signOff.getByRole("button", { name: "同意签发" });
  await approve.scrollIntoViewIfNeeded();
  await expect(approve).toBeInViewport();
  await approve.click();
  const letter = region(director, /^答复函发文字号/);
  await expect(letter).toContainText(new RegExp(`发文字号：渝高新科函〔${new Date().getFullYear()}〕\\d+号`));
  await expect(letter.getByRole("heading", { level: 3 })).toHaveText(`重庆高新区科技创新局关于${walked.sessionTitle}第180号提案的答复函`);
  await expect(letter).toContainText("此答复函已经邓敏军局长审签。");
  await expect(proposalState(director)).toContainText("已答复");
  await fitsThePhone(director);
  // The letter's head (its 发文字号 and title) at the top of the screen.
  await letter.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shoot(director, "5-director-signed-390", { screenOnly: true });
  const docNumber = /渝高新科函〔\d{4}〕\d+号/.exec((await letter.textContent()) ?? "")![0];
  await director.context().close();
  return docNumber;
}

/** Step 6: 蒋明杰 uploads the scan of the sealed letter. */
export async function handlerUploadsSealedScan(handler: Page, { url }: Walked, scan: Buffer) {
  await handler.goto(url);
  const sealed = region(handler, "盖章件（扫描件）");
  await sealed.getByLabel("盖章件扫描件").setInputFiles({ name: "盖章件.pdf", mimeType: "application/pdf", buffer: scan });
  await expect(sealed.getByText("已上传")).toBeVisible();
  await sealed.getByRole("button", { name: "上传盖章件" }).click();
  await expect(sealed.getByRole("status")).toContainText("已上传盖章件扫描件");
  await expect(sealed.getByRole("link", { name: "盖章件.pdf" })).toBeVisible();
  await shoot(handler, "6-sealed");
}

/** Step 7: 刘新荣 signs in, reads the letter with the scan beside it, and downloads the scan: the bytes uploaded. */
export async function memberDownloadsScan(browser: Browser, { id }: Walked, docNumber: string, scan: Buffer) {
  const member = await signedIn(browser, "liuxr", "/member");
  // By its address: the member has other 180s of the same title (the demo's, other specs').
  const ours = member
    .getByRole("listitem")
    .filter({ hasText: PROPOSAL_180.title })
    .filter({ has: member.locator(`a[href="/member/proposals/${id}"]`) });
  await ours.getByRole("link", { name: "阅读答复并提交回执" }).click();
  await expect(member).toHaveURL(new RegExp(`/member/proposals/${id}$`));
  const reply = member.getByRole("region", { name: "第1次答复" });
  await expect(reply).toContainText(`发文字号 ${docNumber}`);
  await expect(reply).toContainText(REPLY_180_PARAGRAPHS[0]!);
  await expect(reply).toContainText(REPLY_180_PARAGRAPHS.at(-1)!);
  await expect(reply).toContainText("盖章件（扫描件）：");
  await expect(reply.getByRole("link", { name: "办理方案.pdf" })).toBeVisible();
  const scanLink = reply.getByRole("link", { name: "盖章件.pdf" });
  await noAxeViolations(member);
  await shoot(member, "7-member");

  const download = member.waitForEvent("download");
  await scanLink.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("盖章件.pdf");
  expect(await fs.readFile(await file.path())).toEqual(scan);
  // Fetched by the page itself, with its cookies and through the browser's own name resolution (the
  // multi-instance run maps the site's name to loopback in Chromium only).
  const response = await member.evaluate(
    async (href) => {
      const r = await fetch(href);
      return { status: r.status, type: r.headers.get("content-type"), bytes: [...new Uint8Array(await r.arrayBuffer())] };
    },
    (await scanLink.getAttribute("href"))!,
  );
  expect(response.status).toBe(200);
  expect(response.type).toBe("application/pdf");
  expect(Buffer.from(response.bytes)).toEqual(scan);
  await member.context().close();
}

/** The proposal's event log in `database` (a SQLite file or a postgres:// URL), read only: each step's action and who took it, in order. */
export async function stepsLogged(database: string, id: number): Promise<[string, string][]> {
  const rows = await readDatabase(database, (db) =>
    db.arrays("select e.action, u.username from events e join users u on u.id = e.actor_id where e.proposal_id = ? order by e.id", id),
  );
  return rows as [string, string][];
}

/** The events the whole walk leaves in 180's log, each with who took the step, in order. */
export const WALK_180_STEPS: [string, string][] = [
  ["register", "coordinator"],
  ["assign", "coordinator"],
  ["accept", "hej"],
  ["assign_internal", "hej"],
  ["contact", "jiangmj"],
  ["save_draft", "jiangmj"],
  ["reply_file_attached", "jiangmj"],
  ["submit", "jiangmj"],
  ["leader_return", "zhouwb"],
  ["save_draft", "jiangmj"],
  ["submit", "jiangmj"],
  ["leader_approve", "zhouwb"],
  ["approve", "dengmj"],
  ["sealed_scan_uploaded", "jiangmj"],
];

/** 发布: the office (督查室) publishes the signed reply from the proposal's page; returns its 索引号. */
export async function coordinatorPublishes(browser: Browser, { url }: Walked): Promise<string> {
  const coordinator = await signedIn(browser, "coordinator", "/work");
  await coordinator.goto(url);
  const publication = region(coordinator, "政府信息公开");
  await publication.getByRole("button", { name: "发布" }).click();
  await expect(publication.getByRole("status")).toContainText("已发布，索引号");
  const indexNumber = /索引号 (\S+\/\d{4}-\d{5})/.exec((await publication.getByRole("status").textContent()) ?? "")![1]!;
  await coordinator.context().close();
  return indexNumber;
}
