/**
 * The public pages as the front server answers them (server/public-pages.ts), against a real HTTP server standing in
 * for Next: Next's runtime left out, one policy without a nonce, an ETag that a revalidation is answered 304 by without
 * rendering until the public site's version moves, and the portal's 404 page where Next finds nothing; a reply's
 * stored page answered as it is.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  acceleratedExpiry,
  type Answer,
  isPublicPage,
  matchesETag,
  PUBLIC_CACHE_CONTROL,
  publicPages,
  type StoredKey,
  storedPageKey,
  withoutNextRuntime,
} from "@/server/public-pages";
import type { StoredPage } from "@/db/queries/public-pages";

const header = (answer: Answer | null, name: string) => answer?.headers.find(([n]) => n === name)?.[1];
/** An answer's HTML: a stored page's body is sent gzip-compressed as it was stored. */
const textOf = (answer: Answer) => (answer.gzipped ? gunzipSync(answer.body) : answer.body).toString();
/** A page as the page store keeps it. */
const storedAs = (html: string, etag: string): StoredPage => ({ htmlGzip: gzipSync(html), etag });

let renders: { url: string; cookie: string | undefined }[] = [];
let server: http.Server;
let version = 7;
let pages: ReturnType<typeof publicPages>;
const stored = new Map<string, StoredPage>();
const keyOf = (key: StoredKey) => (key.kind === "reply" ? `p${key.publicationId}` : `l${key.page}`);

beforeAll(async () => {
  server = http.createServer((req, res) => {
    renders.push({ url: req.url ?? "", cookie: req.headers.cookie });
    const missing = req.url?.startsWith("/open/999");
    res.writeHead(missing ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<html><script src="/open-reader.js" nonce="abc"></script><script>self.__next_f=[]</script>${req.url} ${req.headers.cookie ?? ""}</html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "public-pages-"));
  fs.writeFileSync(path.join(distDir, "BUILD_ID"), "build-1\n");
  pages = publicPages({
    selfOrigin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    distDir,
    readVersion: async () => version,
    stored: async (key, buildId) => (buildId === "build-1" ? (stored.get(keyOf(key)) ?? null) : null),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  renders = [];
  stored.clear();
});

function visit(path: string, cookies: Record<string, string> = {}) {
  const url = new URL(path, "http://portal.example.gov.cn");
  return {
    method: "GET",
    pathname: url.pathname,
    search: url.search,
    headers: new Headers({ host: "portal.example.gov.cn" }),
    cookie: (name: string) => cookies[name],
  };
}

describe("isPublicPage", () => {
  it("takes document requests for public pages only", () => {
    expect(isPublicPage(visit("/open"))).toBe(true);
    expect(isPublicPage(visit("/open/12"))).toBe(true);
    expect(isPublicPage(visit("/open/search?q=博士"))).toBe(true);
    expect(isPublicPage(visit("/opening"))).toBe(false);
    expect(isPublicPage(visit("/work"))).toBe(false);
    expect(isPublicPage(visit("/open/prefs?lang=hant"))).toBe(false);
    expect(isPublicPage(visit("/open/feed.xml"))).toBe(false);
    expect(isPublicPage({ ...visit("/open"), method: "POST" })).toBe(false);
    expect(isPublicPage({ ...visit("/open"), headers: new Headers({ rsc: "1" }) })).toBe(false);
  });
});

describe("the public pages", () => {
  it("answers the page without Next's runtime, under a policy without a nonce, cacheable by a shared cache for a second", async () => {
    const page = (await pages.answer(visit("/open/12"), undefined))!;
    expect(page.status).toBe(200);
    const html = page.body.toString();
    expect(html).not.toContain("__next_f");
    expect(html).toContain('<script src="/open-reader.js"></script>');
    expect(header(page, "content-security-policy")).toContain("script-src 'self';");
    expect(header(page, "content-security-policy")).not.toContain("nonce");
    expect(header(page, "cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(header(page, "x-content-type-options")).toBe("nosniff");
    expect(header(page, "etag")).toMatch(/^W\/"build-1\.7\./);
  });

  it("answers a revalidation 304 without rendering while the site's version stands, and renders again once it moves", async () => {
    const etag = header(await pages.answer(visit("/open/12"), undefined), "etag")!;
    const again = (await pages.answer(visit("/open/12"), etag))!;
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(renders).toHaveLength(1);
    version += 1;
    const moved = (await pages.answer(visit("/open/12"), etag))!;
    expect(moved.status).toBe(200);
    expect(header(moved, "etag")).not.toBe(etag);
    expect(renders).toHaveLength(2);
  });

  it("renders with the display preferences only, and gives each preference its own ETag", async () => {
    const plain = (await pages.answer(visit("/open"), undefined))!;
    const hant = (await pages.answer(visit("/open", { "open-lang": "hant", "authjs.session-token": "secret" }), header(plain, "etag")))!;
    expect(hant.status).toBe(200);
    expect(renders.map((r) => r.cookie)).toEqual([undefined, "open-lang=hant"]);
    expect(header(hant, "etag")).not.toBe(header(plain, "etag"));
  });

  it("answers the portal's 404 page where Next finds nothing, not kept by any cache", async () => {
    const missing = (await pages.answer(visit("/open/999"), undefined))!;
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain("/open/page-not-found");
    expect(header(missing, "cache-control")).toBe("no-store");
    expect(header(missing, "etag")).toBeUndefined();
    expect((await pages.answer(visit("/open/page-not-found"), undefined))?.status).toBe(404);
  });
});

describe("stored pages (docs/decisions/014)", () => {
  it("answers a reply's page from its stored page, with that page's ETag, without rendering", async () => {
    stored.set("p12", storedAs("<html>第12号 已存</html>", 'W/"build-1.p12.x"'));
    const page = (await pages.answer(visit("/open/12"), undefined))!;
    expect(page.status).toBe(200);
    // The stored bytes as they are: compressed when stored, not again for each visitor.
    expect(page.gzipped).toBe(true);
    expect(page.body).toEqual(stored.get("p12")!.htmlGzip);
    expect(textOf(page)).toBe("<html>第12号 已存</html>");
    expect(header(page, "etag")).toBe('W/"build-1.p12.x"');
    expect(header(page, "cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(header(page, "content-security-policy")).toContain("script-src 'self';");
    const again = (await pages.answer(visit("/open/12"), 'W/"build-1.p12.x"'))!;
    expect(again.status).toBe(304);
    expect(renders).toHaveLength(0);
  });

  it("renders where the stored page does not fit: display preferences, a query, another page, none stored", async () => {
    stored.set("p12", storedAs("<html>已存</html>", 'W/"build-1.p12.x"'));
    for (const asked of [
      visit("/open/12", { "open-lang": "hant" }),
      visit("/open/12", { "open-care": "1" }),
      visit("/open/12?x=1"),
      visit("/open/13"),
    ]) {
      const page = (await pages.answer(asked, undefined))!;
      expect(textOf(page)).not.toContain("已存");
    }
    expect(renders.map((r) => r.url)).toEqual(["/open/12", "/open/12", "/open/12?x=1", "/open/13"]);
  });

  it("renders a page for storing as a visitor on the configured origin sees it; nothing where Next finds nothing", async () => {
    const page = (await pages.renderForStore({ kind: "reply", publicationId: 12 }, "https://portal.example.gov.cn"))!;
    const html = gunzipSync(page.htmlGzip).toString();
    expect(html).not.toContain("__next_f");
    expect(html).toContain("/open/12");
    expect(page.etag).toMatch(/^W\/"build-1\.p12\./);
    expect(renders.at(-1)?.cookie).toBeUndefined();
    expect(await pages.renderForStore({ kind: "reply", publicationId: 999 }, "https://portal.example.gov.cn")).toBeNull();
  });

  it("answers a page of the catalogue from its stored page, and renders one for storing at the site's version", async () => {
    stored.set("l1", storedAs("<html>目录第1页 已存</html>", 'W/"build-1.l1.v7.x"'));
    stored.set("l3", storedAs("<html>目录第3页 已存</html>", 'W/"build-1.l3.v7.x"'));
    expect(textOf((await pages.answer(visit("/open"), undefined))!)).toBe("<html>目录第1页 已存</html>");
    expect(textOf((await pages.answer(visit("/open?page=3"), undefined))!)).toBe("<html>目录第3页 已存</html>");
    expect((await pages.answer(visit("/open?page=3"), 'W/"build-1.l3.v7.x"'))!.status).toBe(304);
    expect(renders).toHaveLength(0);
    // Filters, another page, display preferences: rendered.
    for (const asked of [visit("/open?page=3&kind=cppcc"), visit("/open?page=2"), visit("/open", { "open-care": "1" })])
      expect(textOf((await pages.answer(asked, undefined))!)).not.toContain("已存");
    expect(renders.map((r) => r.url)).toEqual(["/open?page=3&kind=cppcc", "/open?page=2", "/open"]);
    const page = (await pages.renderForStore({ kind: "list", page: 4 }, "https://portal.example.gov.cn", 7))!;
    expect(renders.at(-1)?.url).toBe("/open?page=4");
    expect(page.etag).toMatch(/^W\/"build-1\.l4\.v7\./);
    await pages.renderForStore({ kind: "list", page: 1 }, "https://portal.example.gov.cn", 7);
    expect(renders.at(-1)?.url).toBe("/open");
  });
});

describe("storedPageKey", () => {
  it("names a reply's page asked for plainly, nothing else", () => {
    expect(storedPageKey(visit("/open/12"))).toEqual({ kind: "reply", publicationId: 12 });
    expect(storedPageKey(visit("/open/12/print"))).toBeNull();
    expect(storedPageKey(visit("/open/search"))).toBeNull();
    expect(storedPageKey(visit("/open/12?q=1"))).toBeNull();
    expect(storedPageKey(visit("/open/12", { "open-lang": "hans" }))).toBeNull();
    expect(storedPageKey(visit("/open/1234567890123"))).toBeNull();
  });

  it("names the catalogue's pages as its pager writes them, nothing else", () => {
    expect(storedPageKey(visit("/open"))).toEqual({ kind: "list", page: 1 });
    expect(storedPageKey(visit("/open?page=2"))).toEqual({ kind: "list", page: 2 });
    expect(storedPageKey(visit("/open?page=3040"))).toEqual({ kind: "list", page: 3040 });
    for (const other of [
      "/open?page=1",
      "/open?page=0",
      "/open?page=02",
      "/open?page=2&kind=cppcc",
      "/open?kind=cppcc",
      "/open?page=99999999",
    ])
      expect(storedPageKey(visit(other)), other).toBeNull();
    expect(storedPageKey(visit("/open?page=2", { "open-lang": "hant" }))).toBeNull();
  });
});

describe("withoutNextRuntime", () => {
  it("drops Next's scripts, inline payload and script preloads, and keeps the reader script without a nonce", () => {
    const html = [
      '<head><link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/x.js"/></head>',
      '<body><p>正文</p><script src="/_next/static/chunks/a.js" async=""></script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
      '<script src="/open-reader.js" defer="" nonce="n"></script></body>',
    ].join("");
    expect(withoutNextRuntime(html)).toBe(
      '<head><link rel="stylesheet" href="/a.css"/></head><body><p>正文</p><script src="/open-reader.js" defer=""></script></body>',
    );
  });
});

describe("acceleratedExpiry", () => {
  it("names the end of the second nearest to now, so nginx keeps a page 0.5–1.5 s (its clock counts whole seconds)", () => {
    expect(acceleratedExpiry(1_000_200)).toBe("@1000");
    expect(acceleratedExpiry(1_000_700)).toBe("@1001");
  });
});

describe("matchesETag", () => {
  it("finds the tag in a list, weak or strong, and takes *", () => {
    expect(matchesETag('W/"a", W/"b"', 'W/"b"')).toBe(true);
    expect(matchesETag('"b"', 'W/"b"')).toBe(true);
    expect(matchesETag("*", 'W/"b"')).toBe(true);
    expect(matchesETag('W/"c"', 'W/"b"')).toBe(false);
    expect(matchesETag(undefined, 'W/"b"')).toBe(false);
  });
});
