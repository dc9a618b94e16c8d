/**
 * Hostile input around signing in and sessions (issue 17), in Chromium and over HTTP against the
 * production build:
 *  - the return address after sign-in (callbackUrl): every known open-redirect bypass stays on the
 *    app's origin; Chinese characters and CR/LF land on the page (or home), never on a 500;
 *  - a session cookie replayed after 退出 or /api/auth/signout opens nothing, not even a cached page;
 *  - guessing the current password on 修改密码 locks the account and is audited, as at sign-in;
 *  - a forged X-Forwarded-Host reaches no absolute link (feed, sitemap, robots, QR codes, receipt
 *    links on letters) and does not let a forged Origin through the server-action check.
 * No test assumes the server's host name: the app's origin is the one the suite runs on.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { callServerAction, serverActionIds } from "../../scripts/lib/server-action";
import { E2E } from "../env";
import { expect, test } from "../fixtures";
import { callAction, get, one, readDb, sessionToken, userId, type ActionResultValue } from "./support";

const APP = new URL(E2E.baseURL).origin;
const EVIL = "evil.example";

/** Any request that leaves the app's origin is answered here, so that a redirect away shows as the final URL. */
async function catchEscapes(context: BrowserContext) {
  await context.route(
    (url) => url.origin !== APP && /^https?:$/.test(url.protocol),
    async (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>escaped</title>" }),
  );
}

/** Signs in on /login?callbackUrl=<query, as written> and waits until the browser has left the sign-in page. */
async function signInReturningTo(page: Page, callbackQuery: string, username = "coordinator") {
  await page.goto(`/login?callbackUrl=${callbackQuery}`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill("demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !(url.origin === APP && url.pathname === "/login"), { timeout: 15_000 });
}

/** The known bypasses of return-address checks, as they would be written into the query string. */
const BYPASSES = [
  "/%09/evil.example/",
  "/%0A/evil.example/",
  "/%0D%0A/evil.example/",
  "//evil.example/",
  "/%5C/evil.example/",
  "%5C/evil.example/",
  "/%5Cevil.example/",
  "/%2F%2Fevil.example/",
  "/%252F%252Fevil.example/",
  "/%5C%5Cevil.example/",
  "/%255C%255Cevil.example/",
  "/%E3%80%80/evil.example/",
  "https:evil.example",
  "https:/evil.example",
  "/.//evil.example/",
  "/./%2F/evil.example/",
  "%2F%2Fevil.example",
  "%252F%252Fevil.example",
  "///evil.example/",
  "/%09/%09/evil.example/",
  "javascript:alert(document.domain)",
  "%6Aavascript:alert(document.domain)",
  "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
  "http://evil.example/",
  `http://${EVIL}@${new URL(APP).host}/work`,
  encodeURIComponent(`${APP}/proposals`),
  encodeURIComponent(`${APP}//evil.example/`),
];

test("after sign-in the browser never leaves the app, whatever the return address", async ({ page, context }) => {
  test.setTimeout(240_000);
  await catchEscapes(context);
  const escaped: string[] = [];
  for (const query of BYPASSES) {
    await context.clearCookies();
    // A sign-in that never leaves /login (the server failed) is a finding too, not the end of the test.
    const left = await signInReturningTo(page, query).then(
      () => true,
      () => false,
    );
    const landed = new URL(page.url());
    if (landed.origin !== APP) {
      escaped.push(`${query} → ${page.url()}`);
      continue;
    }
    const heading =
      (await page
        .locator("h1")
        .first()
        .textContent({ timeout: 5_000 })
        .catch(() => null)) ?? "";
    if (!left || /出错|错误/.test(heading)) escaped.push(`${query} → stuck on ${landed.pathname}: ${heading}`);
  }
  expect(escaped).toEqual([]);
});

test("a return address with Chinese characters or CR/LF lands on that page after sign-in, not on a 500", async ({ page }) => {
  test.setTimeout(90_000);
  const cases = [
    // A shared search link, with the characters as typed and as a browser encodes them.
    { query: "/proposals?q=养老", path: "/proposals", q: "养老" },
    { query: encodeURIComponent("/proposals?q=养老"), path: "/proposals", q: "养老" },
    { query: encodeURIComponent("/proposals?q=养老\r\n"), path: "/proposals", q: "养老" },
    { query: "/proposals%3Fq%3D%E5%85%BB%E8%80%81%0D%0A", path: "/proposals", q: "养老" },
    { query: encodeURIComponent("/proposals?q=科技\ncontent-length: 0"), path: "/proposals", q: null },
  ];
  for (const c of cases) {
    await page.context().clearCookies();
    const answers: number[] = [];
    const listener = (response: import("@playwright/test").Response) => answers.push(response.status());
    page.on("response", listener);
    await signInReturningTo(page, c.query);
    page.off("response", listener);
    expect(
      answers.filter((s) => s >= 500),
      c.query,
    ).toEqual([]);
    const landed = new URL(page.url());
    expect(landed.origin, c.query).toBe(APP);
    expect(landed.pathname, c.query).toBe(c.path);
    if (c.q) expect(landed.searchParams.get("q"), c.query).toBe(c.q);
    await expect(page.getByRole("heading", { name: "全部提案" })).toBeVisible();
  }
});

/** The session cookie's value in the browser. */
async function sessionCookieOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie, "a session cookie after sign-in").toBeTruthy();
  return cookie!.value;
}

test("a session cookie replayed after 退出 opens none of the pages it opened before", async ({ page, context }) => {
  await signInReturningTo(page, "/work", "zwfwzx");
  const token = await sessionCookieOf(context);
  for (const path of ["/work", "/proposals"]) expect((await get(path, token)).status, path).toBe(200);
  await page.goto("/work");
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
  for (const path of ["/work", "/proposals", "/account/password"]) {
    const replay = await get(path, token);
    expect(replay.status, path).toBe(307);
    expect(new URL(replay.location ?? "", APP).pathname, path).toBe("/login");
  }
  // Nor does a server action run for it.
  const action = await callAction({ action: "app/notifications/actions.ts#readAll", page: "/notifications", fields: {}, token });
  expect((action.result as ActionResultValue | undefined)?.ok ?? false).toBe(false);
  expect(action.redirectTo).toBeNull();
});

test("a session cookie replayed after /api/auth/signout opens nothing", async ({ page, context }) => {
  await signInReturningTo(page, "/work", "zwfwzx");
  const token = await sessionCookieOf(context);
  expect((await get("/work", token)).status).toBe(200);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedOut = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signedOut.status()).toBeLessThan(400);
  const replay = await get("/work", token);
  expect(replay.status).toBe(307);
  expect(new URL(replay.location ?? "", APP).pathname).toBe("/login");
});

test("guessing the current password on 修改密码 locks the account after 5 tries and is audited", async () => {
  // An account no other spec signs in with (its lock would refuse their sign-in for 15 minutes).
  const login = "jsj-fz";
  const token = await sessionToken(login);
  const id = await readDb((db) => userId(db, login));
  const attempt = async (currentPassword: string) =>
    callAction({
      action: "app/account/password/actions.ts#changePassword",
      page: "/account/password",
      token,
      fields: { currentPassword, password: "Guessed-2027", passwordConfirm: "Guessed-2027" },
    }).then((r) => r.result as ActionResultValue | undefined);
  const errors: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const result = await attempt(`wrong-guess-${i}`);
    errors.push(result && !result.ok ? result.error : JSON.stringify(result));
  }
  expect(
    errors.slice(0, 4).every((e) => e.includes("当前密码不正确")),
    errors.join("\n"),
  ).toBe(true);
  expect(errors[4]).toContain("锁定");
  // Locked: even the right password is not checked now, and nothing is changed.
  const locked = await attempt("demo-2026");
  expect(locked?.ok).toBe(false);
  expect(locked && !locked.ok ? locked.error : "").toContain("锁定");
  const state = await readDb(async (db) => ({
    lockedUntil: await one<number | null>(db, "select coalesce(locked_until, 0) from users where id = ?", id),
    failed: await one(db, "select count(*) from events where actor_id = ? and action = 'password_change_failed'", id),
    lockedEvents: await one(db, "select count(*) from events where actor_id = ? and action = 'account_locked'", id),
    refused: await one(db, "select count(*) from events where actor_id = ? and action = 'password_change_locked'", id),
    changed: await one(db, "select count(*) from events where actor_id = ? and action = 'password_change'", id),
  }));
  expect(state.lockedUntil).toBeGreaterThan(Date.now());
  expect(state).toMatchObject({ failed: 5, lockedEvents: 1, refused: 1, changed: 0 });
});

test("a forged X-Forwarded-Host reaches no absolute link: feed, sitemap, robots, open data, QR codes, letters", async () => {
  const forged = { "X-Forwarded-Host": EVIL, "X-Forwarded-Proto": "https" };
  const { published, reply, owner } = await readDb(async (db) => {
    const published = await one(
      db,
      "select pu.id from publications pu where pu.status = 'published' and pu.mode = 'full' order by pu.id limit 1",
    );
    const reply = await one(
      db,
      "select r.id from replies r join proposals p on p.id = r.proposal_id where p.status = 'replied' order by r.id limit 1",
    );
    const owner = await one<string>(
      db,
      "select u.username from proposal_signers s join users u on u.id = s.user_id join replies r on r.proposal_id = s.proposal_id where r.id = ? and s.role = 'lead'",
      reply,
    );
    return { published, reply, owner };
  });
  const ownerToken = await sessionToken(owner);
  const coordinator = await sessionToken("coordinator");
  const pages: [string, string | undefined][] = [
    ["/open/feed.xml", undefined],
    ["/sitemap.xml", undefined],
    ["/robots.txt", undefined],
    ["/open/data.json", undefined],
    [`/open/${published}`, undefined],
    [`/open/${published}/print`, undefined],
    [`/letters/${reply}/print`, ownerToken],
    [`/letters/${reply}/print`, coordinator],
    ["/letters/1/print", undefined],
  ];
  const leaks: string[] = [];
  for (const [path, token] of pages) {
    const answer = await get(path, token, forged);
    expect(answer.status, path).toBeLessThan(500);
    if (answer.body.includes(EVIL) || (answer.location ?? "").includes(EVIL))
      leaks.push(`${path}: ${answer.location ?? ""} ${/.{0,60}evil\.example.{0,20}/.exec(answer.body)?.[0] ?? ""}`);
  }
  expect(leaks).toEqual([]);
});

test("a server action with a forged Origin matching a forged X-Forwarded-Host is refused", async () => {
  // An account no other spec uses: its mail preference is what the action would change.
  const login = "jsj";
  const token = await sessionToken(login);
  const digest = () => readDb((db) => one(db, "select email_digest from users where username = ?", login));
  const before = await digest();
  // On its own page, and on one whose bundle lacks it (Next forwards the call through the server), claiming that hop.
  for (const [page, extra] of [
    ["/notifications", {}],
    ["/proposals", { "X-Forwarding-Set": "1" }],
  ] as const) {
    const response = await callServerAction({
      baseURL: E2E.baseURL,
      page,
      actionId: serverActionIds().get("app/notifications/actions.ts#chooseDigest")!,
      fields: before ? {} : { digest: "on" },
      sessionToken: token,
      origin: `https://${EVIL}`,
      headers: { "X-Forwarded-Host": EVIL, "X-Forwarded-Proto": "https", ...extra },
    });
    expect(response.result, page).toBeUndefined();
    expect(await digest(), page).toBe(before);
  }
  // The same call from the app's own origin does change it: the refusal above was the origin's.
  const own = await callServerAction({
    baseURL: E2E.baseURL,
    page: "/notifications",
    actionId: serverActionIds().get("app/notifications/actions.ts#chooseDigest")!,
    fields: before ? {} : { digest: "on" },
    sessionToken: token,
  });
  expect((own.result as ActionResultValue | undefined)?.ok).toBe(true);
  expect(await digest()).not.toBe(before);
});
