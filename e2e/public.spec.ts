/**
 * The public open-information site: the coordinator publishes an approved reply, an anonymous visitor
 * finds it, reads it in the sample's shape and in 繁體版; a 不予公开 reply is nowhere to be found.
 * Uses a demo proposal replied without publication (never 180, which other specs change).
 */
import { readDatabase } from "../scripts/lib/read-database";
import { E2E } from "./env";
import { noAxeViolations, tabUntil } from "./accessibility";
import { expect, test } from "./fixtures";

type Candidate = { id: number; title: string; kind: string; category: string | null; unit: string };

async function query<T>(sql: string, ...params: unknown[]): Promise<T | undefined> {
  return (await readDatabase(E2E.database, (db) => db.rows<T>(sql, ...params)))[0];
}

/** A replied demo proposal whose reply has no publication decision yet. */
async function unpublishedReply(): Promise<Candidate> {
  const row = await query<Candidate>(
    `select p.id, p.title, s.kind, c.name as category, u.short_name as unit
     from replies r join proposals p on p.id = r.proposal_id join sessions s on s.id = p.session_id
     join units u on u.id = r.unit_id join reply_drafts d on d.id = r.draft_id
     left join categories c on c.id = p.category_id left join publications pub on pub.reply_id = r.id
     where pub.id is null and p.status = 'replied' and p.number <> 180 and d.disclosure = 'full' order by p.id limit 1`,
  );
  if (!row) throw new Error("the demo has no replied proposal without publication");
  return row;
}

/** Four and two contiguous Chinese characters from the title, after 关于 (demo titles read 关于…的建议). */
function words(title: string): { four: string; two: string } {
  const run = /\p{Script=Han}{4,}/u.exec(title.replace(/^关于/, ""))?.[0] ?? "";
  return { four: run.slice(0, 4), two: run.slice(0, 2) };
}

const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });

let published: { url: string; indexNumber: string; candidate: Candidate } | null = null;

test("the coordinator publishes a signed reply; a visitor finds it by four and two characters and reads every field", {
  tag: "@issue-16",
}, async ({ page, loginAs }) => {
  const candidate = await unpublishedReply();
  const { four, two } = words(candidate.title);
  await loginAs("coordinator");
  await page.goto(`/proposals/${candidate.id}`);
  const panel = page.getByRole("region", { name: "政府信息公开" });
  await expect(panel).toContainText("审签确定的公开方式：全文公开");
  await panel.getByRole("button", { name: "发布" }).click();
  await expect(panel.getByRole("status")).toContainText("已发布，索引号");
  const indexNumber = /索引号 (\S+\/\d{4}-\d{5})/.exec((await panel.getByRole("status").textContent()) ?? "")![1]!;
  await page.context().clearCookies();

  await page.goto("/open");
  await expect(page.getByRole("navigation", { name: "当前位置" })).toContainText("首页>>政务公开>>政府信息公开目录>>建议提案办理");
  await page.getByLabel("搜索建议提案答复").fill(four);
  await page.getByLabel("搜索建议提案答复").press("Enter");
  await expect(page).toHaveURL(/\/open\/search\?q=/);
  const hit = page.locator("ol.portal-results > li").filter({ hasText: candidate.title }).first();
  await expect(hit.locator("mark").first()).toHaveText(four);

  await page.goto(`/open/search?q=${encodeURIComponent(two)}`);
  await expect(page.locator("ol.portal-results > li").filter({ hasText: candidate.title }).first()).toBeVisible();
  await page.locator("ol.portal-results > li").filter({ hasText: candidate.title }).first().getByRole("link").click();

  await expect(page).toHaveURL(/\/open\/\d+$/);
  const meta = page.getByRole("table", { name: "信息属性" });
  const genre = candidate.kind === "proposal" ? "政协提案办理" : "人大建议办理";
  const cell = (label: string) => meta.locator("th", { hasText: `[ ${label} ]` }).locator("xpath=following-sibling::td[1]");
  await expect(cell("索引号")).toHaveText(indexNumber);
  await expect(cell("发文字号")).toHaveText(/^渝高新.+函〔\d{4}〕\d+号$/);
  await expect(cell("主题分类")).toHaveText(candidate.category ?? "其他");
  await expect(cell("体裁分类")).toHaveText(genre);
  await expect(cell("发布机构")).toHaveText(candidate.unit);
  await expect(cell("有效性")).toHaveText("");
  await expect(cell("成文日期")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(cell("发布日期")).toHaveText(todayInChina());
  await expect(page.getByRole("heading", { level: 1 })).toContainText("的答复函");
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
  await expect(page.getByRole("button", { name: "复制链接" })).toBeVisible();
  await expect(page.getByRole("button", { name: "放大字号" })).toBeVisible();
  await expect(page.getByRole("img", { name: "本页二维码" }).locator("svg")).toBeVisible();
  await expect(page.getByRole("link", { name: /的答复函$/ })).toHaveAttribute("href", /\/open\/\d+\/letter\.pdf$/);
  published = { url: new URL(page.url()).pathname, indexNumber, candidate };

  await page.getByRole("link", { name: "繁體版" }).click();
  await expect(page.getByText("[ 發布機構 ]")).toBeVisible();
  await page.goto("/open");
  await expect(page.getByRole("link", { name: "简体版" })).toBeVisible();
  await expect(page.getByText("政府信息公開目錄").first()).toBeVisible();
});

test("a 不予公开 reply is found by no search, feed, sitemap, open data or address", async ({ page, request }) => {
  const withheld = (await query<{ id: number; title: string }>(
    `select pub.id, p.title from publications pub join replies r on r.id = pub.reply_id join proposals p on p.id = r.proposal_id
     where pub.status = 'withheld' limit 1`,
  ))!;
  expect((await page.goto(`/open/${withheld.id}`))?.status()).toBe(404);
  for (const q of [withheld.title, words(withheld.title).four, words(withheld.title).two]) {
    await page.goto(`/open/search?q=${encodeURIComponent(q)}`);
    await expect(page.locator(`a[href="/open/${withheld.id}"]`)).toHaveCount(0);
  }
  for (const path of ["/open/feed.xml", "/sitemap.xml", "/open/data.json"]) {
    const body = await (await request.get(path)).text();
    expect(body).not.toContain(`/open/${withheld.id}<`);
    expect(body).not.toContain(`/open/${withheld.id}"`);
  }
  expect((await request.get(`/open/${withheld.id}/print`)).status()).toBe(404);
});

test("list, detail, search and 关怀版 have no accessibility violations", { tag: "@issue-16" }, async ({ page }) => {
  const detail = published?.url ?? "/open";
  for (const path of ["/open", detail, "/open/search?q=%E5%8D%9A%E5%A3%AB"]) {
    await page.goto(path);
    await noAxeViolations(page);
  }
  await page.goto(detail);
  const bodySize = async () =>
    page
      .locator("#reply-text article p.indent-\\[2em\\]")
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const standard = await bodySize();
  await page.getByRole("link", { name: "关怀版" }).click();
  await expect(page.getByRole("link", { name: "标准版" })).toBeVisible();
  // The letter's body, not only the page around it, is set in 关怀版's large type.
  expect(await bodySize()).toBeGreaterThanOrEqual(standard * 1.4);
  await expect(page.getByRole("button", { name: "朗读" })).toBeVisible();
  await noAxeViolations(page);
});

test("the whole public flow works with the keyboard alone", async ({ page }) => {
  const { four } = words(published?.candidate.title ?? "关于人才红利");
  await page.goto("/open");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("跳到正文");
  const tabTo = async (isTarget: () => Promise<boolean>) => tabUntil(page, isTarget, 60);
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.id)) === "portal-q");
  await page.keyboard.type(four);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/open\/search\?q=/);
  await tabTo(
    async () =>
      await page.evaluate(() => document.activeElement?.closest("ol.portal-results") !== null && document.activeElement?.tagName === "A"),
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/open\/\d+$/);
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === "放大字号");
  await page.keyboard.press("Enter");
  await expect(page.locator("#reply-text")).toHaveAttribute("style", /font-size: 1.125em/);
});
