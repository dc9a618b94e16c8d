/**
 * Every page carries a Content-Security-Policy whose script nonce is fresh per response and matches
 * every script of the page; public pages come from the page cache, which publication empties at once;
 * signed-in pages come from the per-session cache, which any commit to the database retires.
 */
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { callServerAction, serverActionIds } from "../scripts/lib/server-action";
import { mintSessionToken, SESSION_COOKIE } from "../scripts/lib/session-cookie";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

function nonceOf(policy: string | null): string {
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy ?? "");
  expect(match, policy ?? "no policy").toBeTruthy();
  return match![1]!;
}

function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map((tag) => /\snonce="([^"]*)"/.exec(tag[0])?.[1] ?? "(none)");
}

test("pages carry a nonce-based CSP, HSTS and the fixed headers; each response has its own nonce", async ({ request }) => {
  for (const path of ["/login", "/open", "/open/search?q=博士"]) {
    const first = await request.get(path);
    const second = await request.get(path);
    const policy = first.headers()["content-security-policy"] ?? null;
    expect(/script-src[^;]*unsafe-inline/.test(policy ?? "")).toBe(false);
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = nonceOf(policy);
    expect(nonceOf(second.headers()["content-security-policy"] ?? null)).not.toBe(nonce);
    const nonces = scriptNonces(await first.text());
    expect(nonces.length, path).toBeGreaterThan(0);
    expect(new Set(nonces), path).toEqual(new Set([nonce]));
    expect(first.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["x-frame-options"]).toBe("DENY");
  }
});

test("the browser runs the pages under the policy without a single violation", async ({ page, loginAs }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/.test(message.text())) violations.push(message.text());
  });
  await page.goto("/open");
  await page.locator("main a[href^='/open/']").first().click();
  await page.getByRole("button", { name: "放大字号" }).click();
  await expect(page.locator("#reply-text")).toHaveAttribute("style", /font-size/);
  await loginAs("coordinator");
  await page.goto("/work");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全部提案" }).click();
  await expect(page).toHaveURL(/\/proposals/);
  expect(violations).toEqual([]);
});

test("a public page is served from the cache until a withdrawal, which takes it off at once", async ({ request }) => {
  const db = new Database(E2E.databasePath, { readonly: true, fileMustExist: true });
  // A closed proposal's publication that no other spec reads: they use the newest publications, the
  // oldest closed one, and proposals of 科技创新局, 党群工作部 and 生态环境局 or signed by 刘新荣.
  const target = db
    .prepare(
      `select pub.id, r.proposal_id as proposalId from publications pub join replies r on r.id = pub.reply_id
       join proposals p on p.id = r.proposal_id
       where pub.status = 'published' and pub.mode = 'full' and p.status = 'closed'
         and not exists (select 1 from assignments a join units u on u.id = a.unit_id where a.proposal_id = p.id
                         and u.name in ('重庆高新区科技创新局', '重庆高新区党群工作部', '重庆高新区生态环境局'))
         and not exists (select 1 from proposal_signers s join users us on us.id = s.user_id where s.proposal_id = p.id and us.username = 'liuxr')
       order by p.id desc limit 1`,
    )
    .get() as { id: number; proposalId: number };
  db.close();
  const address = `/open/${target.id}`;
  expect((await request.get(address)).status()).toBe(200);
  const again = await request.get(address);
  expect(again.headers()["x-page-cache"]).toBe("hit");

  const result = await callServerAction({
    baseURL: E2E.baseURL,
    page: `/proposals/${target.proposalId}`,
    actionId: serverActionIds().get("app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction")!,
    fields: { proposalId: String(target.proposalId), decision: "withdraw", reason: "测试：内容需更正" },
    sessionToken: await mintSessionToken(E2E.database, E2E.authSecret, "coordinator"),
  });
  expect(result.result).toMatchObject({ ok: true, message: "已撤回公开" });
  const gone = await request.get(address);
  expect(gone.status()).toBe(404);
  // The portal's own 404 page, not Next's empty shell (public pages keep no client runtime to fill it in).
  expect(await gone.text()).toMatch(/<h1[^>]*>页面不存在<\/h1>[\s\S]*role="search"/);
  const list = await (await request.get("/open/data.json")).json();
  expect((list as { items: { url: string }[] }).items.some((i) => i.url.endsWith(address))).toBe(false);
});

test("public pages load one small script, not the React runtime (first-load JavaScript well under 100 KB gzipped)", async ({ request }) => {
  const data = (await (await request.get("/open/data.json")).json()) as { items: { url: string }[] };
  for (const path of ["/open", new URL(data.items[0]!.url).pathname, "/open/search?q=博士"]) {
    const html = await (await request.get(path)).text();
    const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources, path).toEqual(["/open-reader.js"]);
    expect(html, path).not.toContain("__next_f");
    let gzipped = 0;
    for (const src of sources) gzipped += gzipSync(await (await request.get(src)).body()).length;
    expect(gzipped, path).toBeLessThan(100 * 1024);
  }
});

test("a signed-in page is answered again from the session's cache until anything is committed, and never to another session", async ({
  playwright,
}) => {
  // Two handlers of units no other spec works with.
  const zhou = await playwright.request.newContext({
    baseURL: E2E.baseURL,
    extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await mintSessionToken(E2E.database, E2E.authSecret, "ghzyj")}` },
  });
  const zhao = await playwright.request.newContext({
    baseURL: E2E.baseURL,
    extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await mintSessionToken(E2E.database, E2E.authSecret, "czj")}` },
  });
  const db = new Database(E2E.databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    // Other specs write all the time: a hit needs two answers in a row with no commit between, so try a few times.
    let hit = null;
    for (let attempt = 0; attempt < 10 && !hit; attempt++) {
      await zhou.get("/work");
      const again = await zhou.get("/work");
      if (again.headers()["x-page-cache"] === "hit") hit = again;
    }
    expect(hit, "a repeated 待办 was never answered from the cache").not.toBeNull();
    const html = await hit!.text();
    expect(html).toContain("周敏");
    // Each answer has its own nonce, on every script of the page.
    const nonce = nonceOf(hit!.headers()["content-security-policy"] ?? null);
    expect(new Set(scriptNonces(html))).toEqual(new Set([nonce]));

    // Another session asking for the same address gets its own page.
    const other = await zhao.get("/work");
    expect(await other.text()).toContain("赵倩");
    expect(await other.text()).not.toContain("周敏");

    // A commit from another connection (as an import script's) retires the entry at once.
    db.prepare("update users set display_name = '周敏（缓存测试）' where username = 'ghzyj'").run();
    const after = await zhou.get("/work");
    expect(after.headers()["x-page-cache"]).toBe("miss");
    expect(await after.text()).toContain("周敏（缓存测试）");
  } finally {
    db.prepare("update users set display_name = '周敏' where username = 'ghzyj'").run();
    db.close();
    await zhou.dispose();
    await zhao.dispose();
  }
});
