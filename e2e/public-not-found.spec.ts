/**
 * A reply that is not published (an unknown address, a 不予公开 or withdrawn reply) answers 404 with
 * the portal's own page: its frame, a search box, the newest replies and the way to the list — rendered
 * on the server, since the public pages run no React (server/public-pages.ts).
 */
import Database from "better-sqlite3";
import { E2E } from "./env";
import { noAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";

function withheldId(): number {
  const db = new Database(E2E.databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select id from publications where status = 'withheld' limit 1").get() as { id: number }).id;
  } finally {
    db.close();
  }
}

for (const [what, path] of [
  ["an unknown address", () => "/open/999999"],
  ["a 不予公开 reply", () => `/open/${withheldId()}`],
] as const) {
  test(`${what} gets the portal's 404 page: status 404, the site's frame, search and the list`, { tag: "@issue-16" }, async ({ page }) => {
    const response = await page.goto(path());
    expect(response?.status()).toBe(404);
    const html = await response!.text();
    expect([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])).toEqual(["/open-reader.js"]);
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("link", { name: /重庆高新区管理委员会\s*政府信息公开/ })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "栏目导航" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回政府信息公开目录" })).toHaveAttribute("href", "/open");
    await expect(page.getByRole("region", { name: "最新公开" }).getByRole("link").first()).toHaveAttribute("href", /^\/open\/\d+$/);
    await noAxeViolations(page);

    const search = page.getByRole("search", { name: "检索已公开的答复" });
    await search.getByLabel("检索关键词").fill("人才");
    await search.getByRole("button", { name: "检索" }).click();
    await expect(page).toHaveURL(/\/open\/search\?q=%E4%BA%BA%E6%89%8D$/);
    await expect(page.getByRole("heading", { level: 1, name: "全文检索" })).toBeVisible();
  });
}

test("the print view of an unknown reply is a 404 too, and the 404 page's own address is no 200", { tag: "@issue-16" }, async ({
  request,
}) => {
  expect((await request.get("/open/999999/print")).status()).toBe(404);
  expect((await request.get("/open/page-not-found")).status()).toBe(404);
});

test("a public address with a trailing slash is sent at once to the address without it, on the host asked", async ({ request }) => {
  // The front server renders public pages through Next; Next answers these with a redirect, which is not a page. The
  // render's body was cancelled through Next's own fetch, which never settled: the visitor waited forever.
  for (const [asked, location] of [
    ["/open/", "/open"],
    ["/open/search/?q=%E4%BA%BA%E6%89%8D", "/open/search?q=%E4%BA%BA%E6%89%8D"],
    ["/open/999999/", "/open/999999"],
  ] as const) {
    const response = await request.get(asked, { maxRedirects: 0, timeout: 15_000, headers: { host: "zxta.cqgx.gov.cn" } });
    expect(response.status(), asked).toBe(308);
    expect(response.headers().location, asked).toBe(location);
  }
});
