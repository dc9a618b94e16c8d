/**
 * The signed-in page cache against a real HTTP server standing in for Next and a real SQLite file: one
 * entry per session, retired by any commit and by age or the token's expiry, never keeping a redirect,
 * a Set-Cookie or a page during whose render something was written.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { placeholderNonce, type Answer } from "@/app/_server/page-store";
import { cachedSignedInPage, isSignedInPage, MAX_AGE_MS, routesOf, type SignedInVisit } from "@/app/_server/signed-in-page-cache";

const SECRET = "test-secret-of-the-signed-in-page-cache";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "signed-in-cache-"));
const file = path.join(dir, "app.db");
let writer: Database.Database;
let server: http.Server;
let renders: { url: string; cookie: string | undefined; rsc: string | undefined }[] = [];

beforeAll(async () => {
  process.env.DATABASE_PATH = file;
  process.env.AUTH_SECRET = SECRET;
  writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec("create table edits (at integer)");
  server = http.createServer((req, res) => {
    renders.push({ url: req.url ?? "", cookie: req.headers.cookie, rsc: req.headers.rsc as string | undefined });
    if (req.url === "/redirects") {
      res.writeHead(307, { location: "/login?callbackUrl=%2Fredirects" });
      res.end();
      return;
    }
    // A page whose render writes (as marking notifications read would).
    if (req.url === "/writes") writer.prepare("insert into edits values (?)").run(Date.now());
    const headers: http.OutgoingHttpHeaders = {
      "content-type": req.headers.rsc ? "text/x-component" : "text/html; charset=utf-8",
      vary: "rsc, next-router-state-tree, next-router-prefetch",
      "content-security-policy": `script-src 'nonce-${placeholderNonce()}'`,
    };
    if (req.url === "/sets-cookie") headers["set-cookie"] = ["flash=1; Path=/", "other=2; Path=/"];
    const body = `<html><script nonce="${placeholderNonce()}"></script>${req.url} render ${renders.length} for ${req.headers.cookie}</html>`;
    setTimeout(() => {
      res.writeHead(200, headers);
      res.end(body);
    }, req.url === "/slow" ? 50 : 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  writer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  renders = [];
});
afterEach(() => vi.useRealTimers());

// As auth-config's jwt callback fills it at sign-in: the user id and session version besides the subject.
const token = async (sub: string, maxAge = 8 * 60 * 60) => encode({ token: { sub, uid: sub, sv: 0, sid: `page-cache-session-${sub}` }, secret: SECRET, salt: "authjs.session-token", maxAge });

async function visit(pathname: string, session: string | null, extra: Record<string, string> = {}): Promise<SignedInVisit> {
  const cookieHeader = session === null ? undefined : `theme=plain; authjs.session-token=${session}`;
  return {
    method: "GET",
    pathname,
    search: "",
    headers: new Headers({ host: "tian.example.gov.cn", ...extra }),
    cookieHeader,
    cookie: (name) => (name === "authjs.session-token" && session !== null ? session : undefined),
  };
}

const text = (answer: Answer) => answer.body("identity").toString();
const header = (answer: Answer | null, name: string) => answer?.headers.filter(([n]) => n === name).map(([, v]) => v);
const cache = (answer: Answer | null) => header(answer, "x-page-cache")?.[0];

describe("isSignedInPage", () => {
  const routes = routesOf({
    "/(staff)/work/page": "/work",
    "/(staff)/proposals/[id]/page": "/proposals/[id]",
    "/(staff)/proposals/ledger.xlsx/route": "/proposals/ledger.xlsx",
    "/(staff)/proposals/[id]/attachments/[attachmentId]/route": "/proposals/[id]/attachments/[attachmentId]",
    "/letters/[replyId]/print/route": "/letters/[replyId]/print",
    "/open/[id]/page": "/open/[id]",
    "/login/page": "/login",
    "/page": "/",
    "/_not-found/page": "/_not-found",
  });

  it("takes a signed-in GET of a page, not route handlers, the public site, sign-in or anonymous visits", async () => {
    const session = await token("7");
    const signedIn = async (p: string) => isSignedInPage(await visit(p, session), routes);
    expect(await signedIn("/work")).toBe(true);
    expect(await signedIn("/proposals/12")).toBe(true);
    expect(await signedIn("/proposals/ledger.xlsx")).toBe(false);
    expect(await signedIn("/proposals/12/attachments/3")).toBe(false);
    expect(await signedIn("/letters/5/print")).toBe(false);
    expect(await signedIn("/open/12")).toBe(false);
    expect(await signedIn("/login")).toBe(false);
    expect(await signedIn("/")).toBe(false);
    expect(await signedIn("/work/extra")).toBe(false);
    expect(isSignedInPage(await visit("/work", null), routes)).toBe(false);
    expect(isSignedInPage({ ...(await visit("/work", session)), method: "POST" }, routes)).toBe(false);
  });
});

describe("cachedSignedInPage", () => {
  it("renders a page once per session and answers again from memory, never to another session", async () => {
    const mine = await token("7");
    const theirs = await token("8");
    const first = await cachedSignedInPage(await visit("/work", mine));
    const again = await cachedSignedInPage(await visit("/work", mine));
    const other = await cachedSignedInPage(await visit("/work", theirs));
    expect([cache(first), cache(again), cache(other)]).toEqual(["miss", "hit", "miss"]);
    expect(renders.map((r) => r.cookie)).toEqual([`theme=plain; authjs.session-token=${mine}`, `theme=plain; authjs.session-token=${theirs}`]);
    expect(text(other!)).toContain(theirs);
    expect(text(other!)).not.toContain(mine);
  });

  it("keeps the client router's RSC answer apart from the document", async () => {
    const session = await token("7");
    await cachedSignedInPage(await visit("/work", session));
    const rsc = await cachedSignedInPage(await visit("/work", session, { rsc: "1", "next-router-state-tree": "%5B%22%22%5D" }));
    expect(cache(rsc)).toBe("miss");
    expect(header(rsc, "content-type")).toEqual(["text/x-component"]);
    expect(renders.map((r) => r.rsc)).toEqual([undefined, "1"]);
  });

  it("is retired by any commit to the database", async () => {
    const session = await token("7");
    await cachedSignedInPage(await visit("/work", session));
    expect(cache(await cachedSignedInPage(await visit("/work", session)))).toBe("hit");
    writer.prepare("insert into edits values (?)").run(1);
    expect(cache(await cachedSignedInPage(await visit("/work", session)))).toBe("miss");
    expect(cache(await cachedSignedInPage(await visit("/work", session)))).toBe("hit");
    expect(renders).toHaveLength(2);
  });

  it("renders once for equal requests at the same time, but again for one that comes after a commit", async () => {
    const session = await token("7");
    const together = await Promise.all([cachedSignedInPage(await visit("/slow", session)), cachedSignedInPage(await visit("/slow", session))]);
    expect(renders).toHaveLength(1);
    expect(together.map(cache)).toEqual(["miss", "miss"]);
    writer.prepare("insert into edits values (?)").run(3);
    const before = cachedSignedInPage(await visit("/slow", session));
    writer.prepare("insert into edits values (?)").run(4);
    const after = cachedSignedInPage(await visit("/slow", session));
    await Promise.all([before, after]);
    expect(renders).toHaveLength(3);
  });

  it("does not keep a page during whose render something was written", async () => {
    const session = await token("7");
    await cachedSignedInPage(await visit("/writes", session));
    expect(cache(await cachedSignedInPage(await visit("/writes", session)))).toBe("miss");
    expect(renders).toHaveLength(2);
  });

  it("passes a redirect and a Set-Cookie on as rendered, and keeps neither", async () => {
    const session = await token("7");
    const redirect = await cachedSignedInPage(await visit("/redirects", session));
    expect(redirect!.status).toBe(307);
    expect(header(redirect, "location")).toEqual(["/login?callbackUrl=%2Fredirects"]);
    await cachedSignedInPage(await visit("/redirects", session));
    const cookies = await cachedSignedInPage(await visit("/sets-cookie", session));
    expect(header(cookies, "set-cookie")).toEqual(["flash=1; Path=/", "other=2; Path=/"]);
    await cachedSignedInPage(await visit("/sets-cookie", session));
    expect(renders).toHaveLength(4);
  });

  it("forgets a page after MAX_AGE_MS, and when the session token expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const session = await token("7");
    const short = await token("7", 10);
    await cachedSignedInPage(await visit("/work", session));
    await cachedSignedInPage(await visit("/work", short));
    vi.setSystemTime(Date.now() + 10_000);
    expect(cache(await cachedSignedInPage(await visit("/work", session)))).toBe("hit");
    expect(cache(await cachedSignedInPage(await visit("/work", short)))).toBe("miss");
    vi.setSystemTime(Date.now() + MAX_AGE_MS);
    expect(cache(await cachedSignedInPage(await visit("/work", session)))).toBe("miss");
  });

  it("gives each answer its own nonce, in the page and in its policy", async () => {
    const session = await token("7");
    const a = (await cachedSignedInPage(await visit("/work", session)))!;
    const b = (await cachedSignedInPage(await visit("/work", session)))!;
    const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(header(answer, "content-security-policy")![0]!)![1]!;
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(text(a)).toContain(`nonce="${nonceOf(a)}"`);
    expect(text(b)).toContain(`nonce="${nonceOf(b)}"`);
    expect(text(a) + text(b)).not.toContain(placeholderNonce());
    expect(header(b, "content-security-policy")).toHaveLength(1);
    expect(zlib.gunzipSync(b.body("gzip")).toString()).toBe(text(b));
  });
});
