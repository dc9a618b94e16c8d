/**
 * The coordinator's intake in Chromium: 导入交办清单 with generated .xlsx files (20 good rows; one bad row
 * that stops the whole file), 登记提案 through the form, and who may download the template.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS } from "../lib/import/columns";
import { noAxeViolations } from "./accessibility";
import { importFile, importRows, IMPORT_OUT as OUT } from "./import-file";
import { expect, test } from "./fixtures";

const SESSION = "政协重庆市九龙坡区第十一届委员会第二次会议";
/** Proposal numbers of this run: a retry runs in a new worker and so gets numbers the first try did not take. */
const BASE = 100_000 + (Date.now() % 800_000);

test("the coordinator imports a 20-row list: 20 proposals registered and assigned", async ({ page, loginAs }) => {
  const tag = `导入验收${Date.now().toString(36)}`;
  const file = await importFile("twenty.xlsx", importRows(BASE, tag));
  await loginAs("coordinator");
  await page.goto("/proposals/import");
  await page.getByLabel("届次会议").selectOption({ label: SESSION });
  await page.getByLabel("交办清单文件").setInputFiles(file);
  await page.getByRole("button", { name: "导入并交办" }).click();

  await expect(page.getByRole("heading", { name: "已导入 20 件并完成交办" })).toBeVisible({ timeout: 20_000 });
  const imported = page.getByRole("table", { name: "导入的提案" });
  await expect(imported.getByRole("row")).toHaveCount(21);

  await imported.getByRole("link", { name: `关于${tag}第1件的建议` }).click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: `关于${tag}第1件的建议` })).toBeVisible();
  await expect(page.locator("strong", { hasText: "重庆高新区科技创新局" })).toBeVisible();
  await expect(page.getByText("刘新荣（领衔）")).toBeVisible();

  await page.goto(`/proposals?q=${encodeURIComponent(tag)}`);
  await expect(page.getByText("共 20 件")).toBeVisible();
});

test("a list with one bad row shows the row error and imports nothing", async ({ page, loginAs }) => {
  const tag = `导入退回${Date.now().toString(36)}`;
  const data = importRows(BASE + 100, tag);
  data[6] = { ...data[6]!, leadUnit: "高新区不存在局" };
  const file = await importFile("one-bad-row.xlsx", data);
  await loginAs("coordinator");
  await page.goto("/proposals/import");
  await page.getByLabel("届次会议").selectOption({ label: SESSION });
  await page.getByLabel("交办清单文件").setInputFiles(file);
  await page.getByRole("button", { name: "导入并交办" }).click();

  await expect(page.getByRole("heading", { name: "文件“one-bad-row.xlsx”中有 1 处错误，未导入任何提案" })).toBeVisible({ timeout: 20_000 });
  const problems = page.getByRole("table", { name: "出错的行" });
  await expect(problems.getByRole("row").nth(1)).toHaveText(/第 8 行\s*主办单位\s*未找到单位“高新区不存在局”/);

  await page.goto(`/proposals?q=${encodeURIComponent(tag)}`);
  await expect(page.getByText("共 0 件")).toBeVisible();
});

test("the coordinator registers one proposal through the form and lands on its page", async ({ page, loginAs }) => {
  const title = `关于登记验收${Date.now().toString(36)}的建议`;
  fs.mkdirSync(OUT, { recursive: true });
  const pdf = path.join(OUT, "提案原件.pdf");
  fs.writeFileSync(pdf, "%PDF-1.4\n%e2e\n");
  await loginAs("coordinator");
  await page.goto("/proposals/new");
  await page.getByLabel("届次会议").selectOption({ label: SESSION });
  await page.getByLabel("编号").fill(String(BASE + 200));
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("提案人（领衔）").fill("刘新荣");
  await page.getByLabel("联名人").fill("李晓燕、王海涛");
  await page.getByLabel("主题分类").selectOption({ label: "科技、教育" });
  await page.getByLabel("提案内容").fill("一、现状\n二、建议");
  await page.getByLabel("附件", { exact: true }).setInputFiles(pdf);
  await page.getByLabel("重点提案").check();
  await page.getByRole("button", { name: "登记提案" }).click();

  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("刘新荣（领衔）、李晓燕（联名）、王海涛（联名）")).toBeVisible();
  await expect(page.getByText("重点提案", { exact: true }).first()).toBeVisible();

  // The same number again is refused on the number field, and what was typed stays.
  await page.goto("/proposals/new");
  await page.getByLabel("届次会议").selectOption({ label: SESSION });
  await page.getByLabel("编号").fill(String(BASE + 200));
  await page.getByLabel("标题").fill("另一件");
  await page.getByLabel("提案人（领衔）").fill("刘新荣");
  await page.getByLabel("提案内容").fill("内容");
  await page.getByRole("button", { name: "登记提案" }).click();
  await expect(page.getByText(`本届次会议已有第${BASE + 200}号提案`)).toBeVisible();
  await expect(page.getByLabel("标题")).toHaveValue("另一件");
});

test("a 9 MB attachment is uploaded as it is chosen, shown with its status, and registered with the proposal", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(90_000);
  const title = `关于大附件验收${Date.now().toString(36)}的建议`;
  fs.mkdirSync(OUT, { recursive: true });
  const pdf = path.join(OUT, "现场照片合集.pdf");
  const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(9 * 1024 * 1024, 0x20)]);
  fs.writeFileSync(pdf, bytes);
  const exe = path.join(OUT, "说明.pdf");
  fs.writeFileSync(exe, Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62)]));
  await loginAs("coordinator");
  await page.goto("/proposals/new");
  await page.getByLabel("届次会议").selectOption({ label: SESSION });
  await page.getByLabel("编号").fill(String(BASE + 300));
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("提案人（领衔）").fill("刘新荣");
  await page.getByLabel("提案内容").fill("一、现状\n二、建议");
  await page.getByLabel("附件", { exact: true }).setInputFiles([pdf, exe]);
  const files = page.getByRole("list", { name: "已选择的文件" });
  await expect(files.getByRole("listitem").filter({ hasText: "现场照片合集.pdf" })).toContainText("已上传", { timeout: 30_000 });
  await expect(files.getByRole("listitem").filter({ hasText: "说明.pdf" })).toContainText(
    "上传失败：附件“说明.pdf”的内容与扩展名不符，请确认文件未损坏",
  );
  // Not sent while a file failed; removed (from the keyboard), it is.
  await page.getByRole("button", { name: "登记提案" }).click();
  await expect(page.getByText("有文件上传失败，请移除或重新选择后再提交")).toBeVisible();
  await noAxeViolations(page);
  await page.getByRole("button", { name: "移除 说明.pdf" }).focus();
  await page.keyboard.press("Enter");
  await expect(files.getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "登记提案" }).click();

  await expect(page).toHaveURL(/\/proposals\/\d+$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const attachment = page.getByRole("list", { name: "附件" }).getByRole("link", { name: "现场照片合集.pdf" });
  await expect(attachment).toBeVisible();
  const download = await page.request.get((await attachment.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), bytes)).toBe(0);
});

test("only the coordinator may download the template", async ({ page, loginAs }) => {
  expect((await page.request.get("/proposals/import/template", { maxRedirects: 0 })).status()).toBe(401);
  await loginAs("jiangmj");
  expect((await page.request.get("/proposals/import/template")).status()).toBe(403);
  expect((await page.goto("/proposals/import"))?.status()).toBe(403);

  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto("/proposals/import");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载模板" }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.getWorksheet("交办清单")!.getRow(1).values).toEqual([undefined, ...IMPORT_COLUMNS.map((c) => c.header)]);
  expect(workbook.getWorksheet("单位和分类")!.getCell("A3").value).toBe("重庆高新区科技创新局");
});
