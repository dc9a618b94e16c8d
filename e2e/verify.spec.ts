/**
 * 电子签章 end to end (docs/domain.md): the demo's letters are signed with their unit's certificate; 原文下载 and the
 * staff and member downloads serve the signed letter as issued; /verify (→ /open/verify) says a genuine letter is
 * one, with its unit, 发文字号 and date, a letter with one byte changed is altered, and an unrelated PDF is not this
 * system's. SCREENSHOTS=1 writes docs/screenshots/verify-*.png.
 */
import { PDFDocument } from "pdf-lib";
import { readDatabase } from "../scripts/lib/read-database";
import { chineseDate } from "../lib/format";
import { selfSignedP12 } from "../lib/signing/p12";
import { noAxeViolations } from "./accessibility";
import { E2E } from "./env";
import { expect, type Page, test } from "./fixtures";

type OpenItem = { url: string; docNumber: string; writtenOn: string; disclosure: "full" | "summary" };

const shot = (name: string) => (process.env.SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));

/** One byte of the letter's first content stream changed: inside what the signature covers. */
function changeOneByte(pdf: Buffer): Buffer {
  const changed = Buffer.from(pdf);
  const at = changed.indexOf("stream\n") + "stream\n".length + 100;
  changed[at] = changed[at]! ^ 0xff;
  return changed;
}

async function upload(page: Page, name: string, pdf: Buffer) {
  await page.goto("/verify");
  await expect(page).toHaveURL(/\/open\/verify$/);
  await page.getByLabel(/答复函 PDF 文件/).setInputFiles({ name, mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "核验" }).click();
  await expect(page).toHaveURL(/\/open\/verify\?r=/);
}

async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: shot(`${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot(`${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("/verify: a genuine signed letter, the same with one byte changed, and an unrelated PDF", async ({ page, request }) => {
  // A demo publication in full, whose public letter was signed at publication (other specs publish replies they
  // make through the data layer, outside the server: those are unsigned).
  const id = await readDatabase(E2E.database, async (db) => {
    const [row] = await db.rows<{ id: number }>(
      `select p.id from publications p join signed_letters s on s.reply_id = p.reply_id and s.variant = 'public'
       where p.status = 'published' and p.mode = 'full' order by p.id limit 1`,
    );
    return row!.id;
  });
  const data = (await (await request.get("/open/data.json")).json()) as { items: OpenItem[] };
  const item = data.items.find((i) => new URL(i.url).pathname === `/open/${id}`)!;
  const pdf = await (await request.get(`${new URL(item.url).pathname}/letter.pdf`)).body();
  expect(pdf.includes("/ETSI.CAdES.detached")).toBe(true);
  // Served as issued: the same bytes again.
  expect((await (await request.get(`${new URL(item.url).pathname}/letter.pdf`)).body()).equals(pdf)).toBe(true);

  await upload(page, "答复函.pdf", pdf);
  const answer = page.getByRole("status");
  await expect(answer).toContainText("核验通过：这是本系统出具的答复函，文件未被改动。");
  await expect(answer.getByRole("row", { name: /签章单位/ })).toContainText("重庆高新区");
  await expect(answer.getByRole("row", { name: /发文字号/ })).toContainText(item.docNumber);
  await expect(answer.getByRole("row", { name: /成文日期/ })).toContainText(chineseDate(item.writtenOn));
  await noAxeViolations(page);
  await screenshots(page, "verify-genuine");

  await upload(page, "答复函-改动.pdf", changeOneByte(pdf));
  await expect(page.getByRole("alert")).toContainText("核验未通过：文件在签章后已被改动");
  await expect(page.getByRole("status")).toHaveCount(0);
  await noAxeViolations(page);
  await screenshots(page, "verify-altered");

  const unrelated = await PDFDocument.create();
  unrelated.addPage();
  await upload(page, "other.pdf", Buffer.from(await unrelated.save()));
  await expect(page.getByRole("alert")).toContainText("未找到本系统的电子签章，此文件不是本系统出具的答复函");

  await upload(page, "not-a-pdf.pdf", Buffer.from("hello"));
  await expect(page.getByRole("alert")).toContainText("上传的文件不是 PDF 文件。");
});

test("staff and the member download the signed letter as issued, which /verify knows", async ({ page, loginAs, browser }) => {
  // A signed letter addressed to 刘新荣 (a reply's letter to one addressee, `to:<id>`).
  const row = await readDatabase(E2E.database, async (db) => {
    const [found] = await db.rows<{ reply_id: number; doc_number: string }>(
      `select s.reply_id, r.doc_number from signed_letters s join replies r on r.id = s.reply_id
       join users u on s.variant = 'to:' || u.id where u.username = 'liuxr' order by s.reply_id limit 1`,
    );
    return found!;
  });
  await loginAs("liuxr");
  const member = await page.request.get(`/letters/${row.reply_id}/letter.pdf`);
  expect(member.status()).toBe(200);
  const memberPdf = await member.body();
  expect(memberPdf.includes("/ETSI.CAdES.detached")).toBe(true);

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  const { mintSessionToken, SESSION_COOKIE } = await import("../scripts/lib/session-cookie");
  await staff.addCookies([
    { name: SESSION_COOKIE, value: await mintSessionToken(E2E.database, E2E.authSecret, "coordinator"), url: E2E.baseURL },
  ]);
  const liuxr = await readDatabase(
    E2E.database,
    async (db) => (await db.rows<{ id: number }>("select id from users where username = 'liuxr'"))[0]!.id,
  );
  const staffPdf = await (await staffPage.request.get(`/letters/${row.reply_id}/letter.pdf?to=${liuxr}`)).body();
  expect(staffPdf.equals(memberPdf)).toBe(true);
  await staff.close();

  // Staff see on the proposal page that the letter is signed.
  const proposal = await readDatabase(
    E2E.database,
    async (db) => (await db.rows<{ id: number }>("select proposal_id as id from replies where id = ?", row.reply_id))[0]!.id,
  );
  await loginAs("coordinator");
  await page.goto(`/proposals/${proposal}`);
  await expect(page.getByTestId("letter-signature")).toContainText("PDF 已加盖");

  const anonymous = await browser.newContext();
  const verifyPage = await anonymous.newPage();
  await upload(verifyPage, "letter.pdf", memberPdf);
  await expect(verifyPage.getByRole("status").getByRole("row", { name: /发文字号/ })).toContainText(row.doc_number);
  await anonymous.close();
});

test("the administrator uploads a unit's PKCS#12 certificate; a wrong password is refused", async ({ page, loginAs }) => {
  const unit = await readDatabase(
    E2E.database,
    async (db) => (await db.rows<{ id: number }>("select id from units where name = '重庆高新区党群工作部'"))[0]!.id,
  );
  await loginAs("admin");
  await page.goto(`/admin/units/${unit}`);
  const section = page.getByRole("region", { name: "电子签章证书" });
  // The demo's own certificate.
  await expect(section).toContainText("当前证书：");
  const p12 = Buffer.from(selfSignedP12("重庆高新区党群工作部", "new-password"));
  await section.getByLabel(/证书文件/).setInputFiles({ name: "unit.p12", mimeType: "application/x-pkcs12", buffer: p12 });
  await section.getByLabel("证书密码").fill("wrong");
  await section.getByRole("button", { name: "更换证书" }).click();
  await expect(section.getByRole("status")).toContainText("证书密码不正确");
  await section.getByLabel(/证书文件/).setInputFiles({ name: "unit.p12", mimeType: "application/x-pkcs12", buffer: p12 });
  await section.getByLabel("证书密码").fill("new-password");
  await section.getByRole("button", { name: "更换证书" }).click();
  await expect(section.getByRole("status")).toContainText("已上传签章证书");
  await noAxeViolations(page);
  await page.screenshot({ path: shot("unit-certificate.png"), fullPage: true });
});
