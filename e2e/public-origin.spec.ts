/**
 * Deployed under its own name (issue 18 item 1): a visitor who reaches the site as a real-looking host name
 * stays on that origin through every redirect and toggle, and every absolute link, QR code, feed, sitemap and
 * receipt link names that origin — over plain http as the visitor came, and, behind a trusted proxy that
 * says https, as https. Nothing points at localhost, at the loopback address, or at a host the client chose.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { chromium } from "@playwright/test";
import { mintSessionToken, SESSION_COOKIE } from "../scripts/lib/session-cookie";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { one, readDb } from "./security/support";

const HOST = "tian.gxq.gov.example";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const OWN_HOSTS = [HOST, "localhost", "127.0.0.1", "10.0.0.5"];

/**
 * Every absolute http(s) URL in a text (and the redirect target) that points at this site — by its name, the
 * loopback address, localhost or the proxy's side — including those passed inside another site's link (a
 * share link's url=…), decoded.
 */
function ownUrls(body: string, location: string | null): string[] {
  const found = [...body.replaceAll("&amp;", "&").matchAll(/https?:\/\/[^\s"'<>)\\]+/g)].map((m) => m[0]);
  const all = location && /^https?:/.test(location) ? [...found, location] : found;
  return all.flatMap((raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return [];
    }
    const nested = [...url.searchParams.values()].filter((v) => /^https?:\/\//.test(v)).flatMap((v) => ownUrls(v, null));
    return OWN_HOSTS.includes(url.hostname) ? [raw, ...nested] : nested;
  });
}

function request(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; location: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const PAGES = [
  "/open",
  "/open/feed.xml",
  "/sitemap.xml",
  "/robots.txt",
  "/open/data.json",
  "/work",
  "/open/prefs?lang=hant",
  "/letters/1/print",
];

test("a visitor on the site's own name over http stays on it: 繁體版 and 关怀版 work, every link and QR code names that origin", async () => {
  const origin = `http://${HOST}:${E2E.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/open`);
    await page.getByRole("main").getByRole("link").filter({ hasText: /答复/ }).first().click();
    await expect(page).toHaveURL(new RegExp(`^${origin}/open/\\d+$`));
    const detail = page.url();
    await page.getByRole("link", { name: "繁體版" }).click();
    await expect(page).toHaveURL(detail);
    await expect(page.locator(".portal")).toHaveAttribute("lang", "zh-Hant");
    await page.getByRole("link", { name: "關懷版" }).click();
    await expect(page).toHaveURL(detail);
    await expect(page.locator(".portal")).toHaveClass(/care/);
    await page.screenshot({ path: test.info().outputPath("hant-care-detail.png") });
    const html = await page.content();
    const own = ownUrls(html, null);
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    // The QR code and the copy link carry the page's own address.
    expect(await page.locator("[data-url]").first().getAttribute("data-url")).toBe(detail);
  } finally {
    await browser.close();
  }
  // The same over HTTP with that Host, for the documents a browser does not render.
  for (const path of PAGES) {
    const answer = await request(E2E.port, path, { Host: `${HOST}:${E2E.port}` });
    expect(answer.status, path).toBeLessThan(500);
    expect(
      ownUrls(answer.body, answer.location).filter((u) => !u.startsWith(`${origin}/`)),
      path,
    ).toEqual([]);
  }
});

let proxied: ChildProcess | undefined;
test.afterAll(() => {
  if (proxied?.pid && proxied.exitCode === null) process.kill(-proxied.pid, "SIGTERM");
});

test("behind a trusted proxy that says https, every link and redirect is https on the proxy's name", async () => {
  test.setTimeout(180_000);
  const port = E2E.port + 61;
  const databasePath = `data/e2e-${port}.db`;
  proxied = spawn(process.execPath, [`${E2E.distDir}/serve.mjs`, "--demo", "--fresh", "--db", databasePath, "--port", String(port)], {
    env: { ...process.env, AUTH_SECRET: E2E.authSecret, NODE_ENV: "production", TRUST_PROXY: "1", PUBLIC_ORIGIN: "", AUTH_URL: "" },
    stdio: "ignore",
    detached: true,
  });
  for (const end = Date.now() + 150_000; ; await new Promise((r) => setTimeout(r, 1000))) {
    if (Date.now() > end) throw new Error("the proxied server did not start");
    if ((await request(port, "/login", {}).catch(() => ({ status: 0 }))).status === 200) break;
  }
  const origin = `https://${HOST}`;
  const headers = { Host: `10.0.0.5:${port}`, "X-Forwarded-Host": HOST, "X-Forwarded-Proto": "https" };
  const published = await readDb((db) =>
    one(db, "select id from publications where status = 'published' and mode = 'full' order by id limit 1"),
  );
  for (const path of [...PAGES, `/open/${published}`, `/open/${published}/print`]) {
    const answer = await request(port, path, headers);
    expect(answer.status, path).toBeLessThan(500);
    const urls = ownUrls(answer.body, answer.location);
    expect(
      urls.filter((u) => !u.startsWith(`${origin}/`)),
      path,
    ).toEqual([]);
    if (path === `/open/${published}`) expect(urls).toContain(`${origin}/open/${published}`);
  }
  // The mail settings, never saved on this fresh database, suggest this origin for the links in mails.
  const admin = await mintSessionToken(databasePath, E2E.authSecret, "admin");
  const settings = await request(port, "/admin/settings", { ...headers, Cookie: `${SESSION_COOKIE}=${admin}` });
  expect(settings.status).toBe(200);
  expect(settings.body).toContain(`name="siteUrl" value="${origin}"`);
  expect(ownUrls(settings.body, null).filter((u) => !u.startsWith(origin))).toEqual([]);
});
