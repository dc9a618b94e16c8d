/** A 届次会议 created for a test through the administrator's form, so that it may register its own 第180号提案. */
import { expect, type Page } from "./fixtures";

const DIGITS = "零一二三四五六七八九";

/**
 * On `page`, signed in as the administrator: creates a 政协 session of the 届次 `term` (e.g. 第十一届) whose
 * meeting no earlier run (or retry) on this database has used (第二十一次会议 … 第九十九次会议); returns its
 * title, as the forms and letters name it.
 */
export async function createSession(page: Page, term: string): Promise<string> {
  const n = 21 + (Date.now() % 79);
  const meeting = `第${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}次会议`;
  await page.goto("/admin/sessions/new");
  await page.getByLabel("召集机构").fill("政协重庆市九龙坡区委员会");
  await page.getByLabel("届次").fill(term);
  await page.getByRole("textbox", { name: "会议", exact: true }).fill(meeting);
  await page.getByLabel("年度").fill(String(new Date().getFullYear()));
  await page.getByLabel("办理类型").selectOption({ label: "政协提案" });
  await page.getByRole("button", { name: "创建届次会议" }).click();
  await expect(page).toHaveURL(/\/admin\/sessions\?created=\d+/);
  return `政协重庆市九龙坡区${term}委员会${meeting}`;
}
