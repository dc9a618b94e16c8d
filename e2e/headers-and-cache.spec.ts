/**
 * Every staff page carries a Content-Security-Policy whose script nonce is fresh per response and matches every script
 * of the page; public pages are plain HTML with their one same-origin script under `script-src 'self'`, with an ETag
 * and a Cache-Control a shared cache may keep for a second, revalidated 304 until a withdrawal; nothing signed-in is
 * answered from memory.
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
  for (const path of ["/login"]) {
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

test("public pages carry script-src 'self' without a nonce, the same HTML for everyone, an ETag and a one-second shared lifetime", async ({
  request,
}) => {
  for (const path of ["/open", "/open/search?q=博士"]) {
    const first = await request.get(path);
    const second = await request.get(path);
    const policy = first.headers()["content-security-policy"] ?? "";
    expect(policy, path).toContain("script-src 'self';");
    expect(policy, path).not.toContain("nonce");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(scriptNonces(await first.text()), path).toEqual(["(none)"]);
    expect(await second.text(), path).toBe(await first.text());
    expect(first.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=1");
    expect(first.headers().etag, path).toMatch(/^W\/"/);
    expect(first.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
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

test("a public page is revalidated 304 until a withdrawal, after which it is the portal's 404 at once", async ({ request }) => {
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
  const page = await request.get(address);
  expect(page.status()).toBe(200);
  const etag = page.headers().etag!;
  const again = await request.get(address, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect(again.headers().etag).toBe(etag);

  const result = await callServerAction({
    baseURL: E2E.baseURL,
    page: `/proposals/${target.proposalId}`,
    actionId: serverActionIds().get("app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction")!,
    fields: { proposalId: String(target.proposalId), decision: "withdraw", reason: "测试：内容需更正" },
    sessionToken: await mintSessionToken(E2E.database, E2E.authSecret, "coordinator"),
  });
  expect(result.result).toMatchObject({ ok: true, message: "已撤回公开" });
  const gone = await request.get(address, { headers: { "if-none-match": etag } });
  expect(gone.status()).toBe(404);
  expect(gone.headers()["cache-control"]).toBe("no-store");
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

test("a signed-in page shows a commit made by another connection on the next request", async ({ playwright }) => {
  // A handler of a unit no other spec works with.
  const zhou = await playwright.request.newContext({
    baseURL: E2E.baseURL,
    extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await mintSessionToken(E2E.database, E2E.authSecret, "ghzyj")}` },
  });
  const db = new Database(E2E.databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    expect(await (await zhou.get("/work")).text()).toContain("周敏");
    expect(await (await zhou.get("/work")).text()).toContain("周敏");
    // As an import script would write it, beside the server.
    db.prepare("update users set display_name = '周敏（另一连接）' where username = 'ghzyj'").run();
    expect(await (await zhou.get("/work")).text()).toContain("周敏（另一连接）");
  } finally {
    db.prepare("update users set display_name = '周敏' where username = 'ghzyj'").run();
    db.close();
    await zhou.dispose();
  }
});
