/**
 * A proposal answered twice (the demo's 第205号, both replies published): the public site tells the two
 * replies apart, and each round's reply is withdrawn (撤回公开) and republished (重新发布) on its own, with
 * a reason, logged; a withdrawn reply leaves its page, the search, the feed and the sitemap at once (the
 * public page cache included) and comes back when republished.
 */
import Database from "better-sqlite3";
import { noAxeViolations } from "./accessibility";
import { E2E } from "./env";
import { expect, test, type Page } from "./fixtures";

type Published = { proposalId: number; title: string; round: number; publicationId: number };

function twoRounds(): Published[] {
  const db = new Database(E2E.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select p.id as proposalId, p.title, r.round, pub.id as publicationId from publications pub join replies r on r.id = pub.reply_id
         join proposals p on p.id = r.proposal_id where p.number = 205 and pub.status = 'published' order by r.round`,
      )
      .all() as Published[];
  } finally {
    db.close();
  }
}

const searchFor = (title: string) => `/open/search?q=${encodeURIComponent(title.replace(/^关于/, "").slice(0, 4))}`;

async function publicState(page: Page, p: Published) {
  const detail = (await page.request.get(`/open/${p.publicationId}`)).status();
  await page.goto(searchFor(p.title));
  const inSearch = await page.locator(`ol.portal-results a[href="/open/${p.publicationId}"]`).count();
  const feed = await (await page.request.get("/open/feed.xml")).text();
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  return { detail, inSearch, inFeed: feed.includes(`/open/${p.publicationId}<`), inSitemap: sitemap.includes(`/open/${p.publicationId}<`) };
}

test("the two published replies of 第205号 are told apart, and each is withdrawn and republished on its own", { tag: "@issue-16" }, async ({
  page,
  loginAs,
}) => {
  const [first, second] = twoRounds() as [Published, Published];
  expect([first.round, second.round]).toEqual([1, 2]);

  await page.goto(searchFor(first.title));
  const results = page.locator("ol.portal-results > li");
  const firstTitle = (await results.locator(`a[href="/open/${first.publicationId}"]`).textContent())!.trim();
  await expect(results.locator(`a[href="/open/${second.publicationId}"]`)).toHaveText(`${firstTitle}（第二轮答复）`);
  await page.goto(`/open/${second.publicationId}`);
  await expect(page.getByText("本件为第二轮答复，与此前的答复分别公开。")).toBeVisible();
  // The first reply's page is in the public page cache now: withdrawing must empty it.
  expect(await publicState(page, first)).toEqual({ detail: 200, inSearch: 1, inFeed: true, inSitemap: true });
  await noAxeViolations(page);

  await loginAs("coordinator");
  await page.goto(`/proposals/${first.proposalId}`);
  const round1 = page.getByRole("region", { name: "政府信息公开（第1轮答复）" });
  await expect(page.getByRole("region", { name: "政府信息公开（第2轮答复）" })).toContainText("已于");
  await round1.getByLabel("撤回公开的理由").fill("第一轮答复中的工程进度已更新");
  await round1.getByRole("button", { name: "撤回公开" }).click();
  await expect(round1.getByRole("status")).toContainText("已撤回公开");
  await expect(round1).toContainText("已撤回公开（原索引号");
  await page.screenshot({ path: "test-results/screenshots/workflow-publication-rounds-desktop.png", fullPage: true });

  await page.context().clearCookies();
  expect(await publicState(page, first)).toEqual({ detail: 404, inSearch: 0, inFeed: false, inSitemap: false });
  expect(await publicState(page, second)).toEqual({ detail: 200, inSearch: 1, inFeed: true, inSitemap: true });

  await loginAs("coordinator");
  await page.goto(`/proposals/${first.proposalId}`);
  await round1.getByLabel("重新发布的理由").fill("已核实，恢复公开");
  await round1.getByRole("button", { name: "重新发布" }).click();
  await expect(round1.getByRole("status")).toContainText("已重新发布");
  await expect(page.getByRole("region", { name: "办理记录" })).toContainText("重新发布");
  await page.setViewportSize({ width: 390, height: 844 });
  await round1.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/workflow-publication-rounds-390.png" });

  await page.context().clearCookies();
  expect(await publicState(page, first)).toEqual({ detail: 200, inSearch: 1, inFeed: true, inSitemap: true });
});
