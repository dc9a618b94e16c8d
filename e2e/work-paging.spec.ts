/**
 * A 待办 list longer than a page (issue #22: a busy unit's home page listed up to 50 rows a list): its most
 * urgent QUEUE_LIMIT items first, the others on further pages of that list, paged in place. The coordinator
 * imports 21 proposals led by one unit; its handler pages through 待签收 and meets every one once.
 */
import { QUEUE_LIMIT } from "../db/queries/work";
import { noAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { importFile, importRows } from "./import-file";
import { fitsThePhone, PHONE } from "./phone";

const SESSION = "政协重庆市九龙坡区第十一届委员会第二次会议";
/** Numbers above the import spec's (100,000–900,300), within 1–999,999. */
const BASE = 901_000 + (Date.now() % 98_000);

/** The proposal links of the 待签收 list as shown now. */
async function listedTitles(page: Page): Promise<string[]> {
  return page.locator("#toAccept tbody tr td:first-child a").allInnerTexts();
}

test("a handler pages through 待签收 longer than a page: every item once, the page's address keeps the place", async ({
  page,
  loginAs,
}) => {
  const tag = `分页验收${Date.now().toString(36)}`;
  await loginAs("coordinator");
  await page.goto("/proposals/import");
  await page.getByLabel("届次会议").selectOption({ label: SESSION });
  await page
    .getByLabel("交办清单文件")
    .setInputFiles(await importFile("paging.xlsx", importRows(BASE, tag, { count: 21, leads: ["高新区财政局"] })));
  await page.getByRole("button", { name: "导入并交办" }).click();
  await expect(page.getByRole("heading", { name: "已导入 21 件并完成交办" })).toBeVisible({ timeout: 20_000 });

  await page.context().clearCookies();
  await loginAs("czj");
  await page.goto("/work");
  const section = page.locator("#toAccept");
  const total = Number(await section.getByRole("heading").locator("span").innerText());
  expect(total).toBeGreaterThanOrEqual(21);
  const pages = Math.ceil(total / QUEUE_LIMIT);
  const pager = section.getByRole("navigation", { name: "待签收分页" });
  await expect(pager).toContainText(`第 1 / ${pages} 页`);
  await expect(section).toContainText(`共 ${total} 件，按期限先后排列，此处为第 1–${QUEUE_LIMIT} 件`);
  await noAxeViolations(page);

  const seen = await listedTitles(page);
  expect(seen).toHaveLength(QUEUE_LIMIT);
  for (let at = 2; at <= pages; at++) {
    await pager.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(new RegExp(`/work\\?toAccept=${at}#toAccept$`));
    await expect(pager).toContainText(`第 ${at} / ${pages} 页`);
    seen.push(...(await listedTitles(page)));
  }
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
  for (let i = 1; i <= 21; i++) expect(seen.some((t) => t.endsWith(`关于${tag}第${i}件的建议`))).toBe(true);

  // A page past the end (done since the link was made) shows the first; a page of a list the role has not is ignored.
  await page.goto(`/work?toAccept=${pages + 5}&toSignOff=3`);
  await expect(pager).toContainText(`第 1 / ${pages} 页`);
  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/work\?toAccept=2&toSignOff=3#toAccept$/);

  await page.screenshot({ path: test.info().outputPath("work-paging.png"), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.goto("/work?toAccept=2#toAccept");
  await fitsThePhone(page);
  await page.screenshot({ path: test.info().outputPath("work-paging-390.png"), fullPage: true });
});
