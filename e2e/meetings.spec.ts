/**
 * 面商 / 座谈会 (issue 19 item 6) in the browser: the handler records one 座谈会 covering two proposals, each
 * proposal shows it as a 见面 contact with a link to the record, another unit may not read it, the office can;
 * a record with photos, shown on its page to the unit and the office, changed later by the unit's handler.
 */
import type { BrowserContext } from "@playwright/test";
import { noAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { prepareProposal } from "./prepared-proposal";

test("one 座谈会 covers two proposals, each records it as met in person", async ({ page, loginAs }) => {
  // Many pages in one walk: 20–29 s alone here, past 30 s with the rest of the suite beside it.
  test.setTimeout(90_000);
  const stamp = Date.now();
  const first = await prepareProposal("drafted", `关于完善科学城创业孵化体系的建议（座谈${stamp}）`);
  const second = await prepareProposal("drafted", `关于加强孵化器专业服务能力的建议（座谈${stamp}）`);

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
  await page
    .getByLabel("会议纪要")
    .fill("刘新荣委员介绍了两件建议的考虑；科技创新局介绍了孵化体系建设的进展和明年计划，双方商定下月实地走访。");
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

/** Screenshots of the run, with its other results (test-results/), never outside the repository. */
const SHOTS = "test-results/screenshots";

/** A real photo (JPEG or PNG) as Chromium paints it: a scene with a caption, for the thumbnails to show. */
async function photo(context: BrowserContext, caption: string, colours: [string, string], type: "jpeg" | "png"): Promise<Buffer> {
  const canvas = await context.newPage();
  await canvas.setViewportSize({ width: 800, height: 600 });
  await canvas.setContent(
    `<body style="margin:0"><div style="width:800px;height:600px;display:flex;align-items:flex-end;background:linear-gradient(135deg,${colours[0]},${colours[1]})"><p style="margin:24px;font:48px sans-serif;color:white">${caption}</p></div></body>`,
  );
  const bytes = await canvas.screenshot({ type });
  await canvas.close();
  return bytes;
}

/** The page now, at desktop width and at 390 px (`atPhoneWidth` first checks it there), as /work/wt/shots/photos-<name>[-390].png. */
async function shoot(page: Page, name: string, atPhoneWidth?: () => Promise<void>) {
  const desktop = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/photos-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await atPhoneWidth?.();
  await page.screenshot({ path: `${SHOTS}/photos-${name}-390.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

/** The photos on the meeting page, each fetched and drawn. */
async function expectPhotosShown(page: Page, count: number) {
  const section = page.getByRole("region", { name: `会议照片（${count} 张）` });
  await section.scrollIntoViewIfNeeded();
  const images = section.getByRole("img");
  await expect(images).toHaveCount(count);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(async () => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  return section;
}

test("a 座谈会 recorded with two photos: its page shows them, the office sees them, another unit cannot fetch one", async ({
  page,
  context,
  loginAs,
}) => {
  // Many pages in one walk: 20–29 s alone here, past 30 s with the rest of the suite beside it.
  test.setTimeout(90_000);
  const stamp = Date.now();
  const covered = await prepareProposal("drafted", `关于科学城孵化器现场服务的建议（照片${stamp}）`);
  const files = [
    { name: "座谈会现场.jpg", mimeType: "image/jpeg", buffer: await photo(context, "座谈会现场", ["#1e3a8a", "#0ea5e9"], "jpeg") },
    { name: "会后合影.png", mimeType: "image/png", buffer: await photo(context, "会后合影", ["#065f46", "#a3e635"], "png") },
  ];

  await loginAs("jiangmj");
  await page.goto(`/meetings/new?proposal=${covered.id}`);
  await page.getByLabel("地点").fill("科学城孵化器二楼会议室");
  await page.getByLabel("参加的单位人员").fill("邓敏军局长、蒋明杰");
  await page.getByLabel("会议纪要").fill("刘新荣委员介绍了建议的考虑；科技创新局介绍了孵化器现场服务的安排。");
  await page.getByLabel("会议照片").setInputFiles(files);
  const chosen = page.getByRole("list", { name: "已选择的文件" });
  await expect(chosen.getByText("已上传")).toHaveCount(2);
  await noAxeViolations(page);
  await shoot(page, "form");
  await page.getByRole("button", { name: "保存会议记录" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const meetingUrl = new URL(page.url()).pathname;

  const section = await expectPhotosShown(page, 2);
  await expect(section.getByRole("link", { name: "下载照片 1（座谈会现场.jpg）" })).toBeVisible();
  const photoUrl = (await section.getByRole("img").first().getAttribute("src"))!;
  expect(photoUrl).toMatch(new RegExp(`^${meetingUrl}/photos/\\d+$`));
  await noAxeViolations(page);
  await shoot(page, "meeting", async () => {
    await expectPhotosShown(page, 2);
    await noAxeViolations(page);
  });

  // Later, on the meeting's page: one removed, another added.
  await section.getByRole("button", { name: "删除照片 2（会后合影.png）" }).click();
  await expectPhotosShown(page, 1);
  await page.getByLabel("选择要添加的照片").setInputFiles([files[1]!]);
  await expect(page.getByRole("list", { name: "已选择的文件" }).getByText("已上传")).toHaveCount(1);
  await page.getByRole("button", { name: "添加照片" }).click();
  await expect(page.getByText("已添加 1 张照片")).toBeVisible();
  await expectPhotosShown(page, 2);
  await page.getByText(/照片变更记录/).click();
  await expect(page.getByText(/蒋明杰 删除会议照片：会后合影\.png/)).toBeVisible();

  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto(meetingUrl);
  await expectPhotosShown(page, 2);
  // The office reads, it does not change them.
  await expect(page.getByRole("button", { name: /^删除/ })).toHaveCount(0);
  await expect(page.getByLabel("选择要添加的照片")).toHaveCount(0);
  const served = await page.request.get(photoUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/jpeg");
  expect(served.headers()["content-disposition"]).toMatch(/^attachment; filename\*=UTF-8''/);
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");

  await page.context().clearCookies();
  await loginAs("dqgzb");
  expect((await page.request.get(photoUrl)).status()).toBe(403);
  expect((await page.goto(meetingUrl))!.status()).toBe(403);
});
