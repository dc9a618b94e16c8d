/**
 * A page view costs the server one request, not one per link on it (issue 22): next/link prefetches every link that
 * scrolls into view, and each prefetch of a staff page is a render on the server (about 15 ms at 100,000 proposals,
 * for a 373-byte answer the user mostly never uses). 待办 of a handler with 150 proposals sent 98 of them. Links are
 * followed when clicked (components/link.tsx).
 */
import { expect, test } from "./fixtures";

const PREFETCH = "next-router-prefetch";

for (const [who, path] of [
  ["coordinator", "/work"],
  ["coordinator", "/proposals"],
  ["jiangmj", "/work"],
  ["coordinator", "/supervision"],
] as const) {
  test(`${path} as ${who}: no prefetch of the pages it links`, async ({ page, loginAs }) => {
    await loginAs(who);
    const prefetched: string[] = [];
    page.on("request", (request) => {
      if (request.headers()[PREFETCH]) prefetched.push(request.url());
    });
    await page.goto(path);
    await page.mouse.wheel(0, 5000);
    // Next prefetches links as they come into view, at idle: give it the time it takes.
    await page.waitForTimeout(2000);
    await page.getByRole("main").getByRole("link").first().hover();
    await page.waitForTimeout(500);
    expect(prefetched, prefetched.slice(0, 5).join("\n")).toEqual([]);
  });
}

test("a proposal link on 全部提案 opens the proposal without reloading the document", async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await page.goto("/proposals");
  await page.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  const link = page.getByRole("main").locator('a[href^="/proposals/"]').first();
  const href = await link.getAttribute("href");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Still the same document: a client-side navigation, as before.
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});
