/**
 * The public page cache against a real HTTP server standing in for Next: one render per page however
 * many visitors arrive at once, a fresh nonce per response, emptied by publication, 404s not kept.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  cachedPublicPage,
  isCacheable,
  placeholderNonce,
  publicPagesChanged,
  RENDER_HEADER,
  withoutNextRuntime,
} from "@/app/_server/public-page-cache";
import type { Answer } from "@/app/_server/page-store";

const text = (answer: Answer) => answer.body("identity").toString();
const header = (answer: Answer | null, name: string) => answer?.headers.find(([n]) => n === name)?.[1];
const hit = (answer: Answer | null) => header(answer, "x-page-cache") === "hit";

let renders: { url: string; cookie: string | undefined; token: string | undefined }[] = [];
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    renders.push({ url: req.url ?? "", cookie: req.headers.cookie, token: req.headers[RENDER_HEADER] as string | undefined });
    const missing = req.url?.startsWith("/open/999");
    setTimeout(() => {
      res.writeHead(missing ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<html><script src="/open-reader.js" nonce="${placeholderNonce()}"></script><script>self.__next_f=[]</script>${req.url} ${req.headers.cookie ?? ""}</html>`);
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  publicPagesChanged();
  renders = [];
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

describe("isCacheable", () => {
  it("takes document requests for public pages only", () => {
    expect(isCacheable(visit("/open"))).toBe(true);
    expect(isCacheable(visit("/open/12"))).toBe(true);
    expect(isCacheable(visit("/open/search?q=博士"))).toBe(true);
    expect(isCacheable(visit("/opening"))).toBe(false);
    expect(isCacheable(visit("/work"))).toBe(false);
    expect(isCacheable(visit("/open/prefs?lang=hant"))).toBe(false);
    expect(isCacheable(visit("/open/feed.xml"))).toBe(false);
    expect(isCacheable({ ...visit("/open"), method: "POST" })).toBe(false);
    expect(isCacheable({ ...visit("/open"), headers: new Headers({ rsc: "1" }) })).toBe(false);
  });
});

describe("cachedPublicPage", () => {
  it("renders a page once for twenty simultaneous visitors, then serves it from memory", async () => {
    const pages = await Promise.all(Array.from({ length: 20 }, async () => cachedPublicPage(visit("/open/12"))));
    expect(renders).toHaveLength(1);
    expect(renders[0]!.token).toBeTruthy();
    expect(pages.every((p) => p?.status === 200)).toBe(true);
    expect(hit(await cachedPublicPage(visit("/open/12")))).toBe(true);
    expect(renders).toHaveLength(1);
  });

  it("keeps one page per display preference, rendered with only those cookies", async () => {
    await cachedPublicPage(visit("/open"));
    await cachedPublicPage(visit("/open", { "open-lang": "hant", "authjs.session-token": "secret" }));
    expect(renders.map((r) => r.cookie)).toEqual([undefined, "open-lang=hant"]);
  });

  it("is emptied by a publication", async () => {
    await cachedPublicPage(visit("/open"));
    publicPagesChanged();
    expect(hit(await cachedPublicPage(visit("/open")))).toBe(false);
    expect(renders).toHaveLength(2);
  });

  it("does not keep a 404, and answers it with the portal's 404 page rendered on the server (kept as any page)", async () => {
    const first = (await cachedPublicPage(visit("/open/999")))!;
    expect(first.status).toBe(404);
    expect(text(first)).toContain("/open/page-not-found ");
    const second = (await cachedPublicPage(visit("/open/999?x=1")))!;
    expect(second.status).toBe(404);
    expect(renders.map((r) => r.url)).toEqual(["/open/999", "/open/page-not-found", "/open/999?x=1"]);
    // The 404 page at its own address is a 404 too.
    expect((await cachedPublicPage(visit("/open/page-not-found")))?.status).toBe(404);
    expect(renders).toHaveLength(3);
  });

  it("gives each response its own nonce in place of the placeholder, and leaves out Next's runtime", async () => {
    const a = (await cachedPublicPage(visit("/open/12")))!;
    const b = (await cachedPublicPage(visit("/open/12")))!;
    expect(hit(b)).toBe(true);
    expect(text(a)).not.toContain("__next_f");
    const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(header(answer, "content-security-policy") ?? "")![1]!;
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(text(a)).toContain(`nonce="${nonceOf(a)}"`);
    expect(text(b)).toContain(`nonce="${nonceOf(b)}"`);
    expect(text(a) + text(b)).not.toContain(placeholderNonce());
    expect(header(a, "x-content-type-options")).toBe("nosniff");
  });
});

describe("withoutNextRuntime", () => {
  it("drops Next's scripts, inline payload and script preloads, and keeps the reader script", () => {
    const html = [
      '<head><link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/x.js"/></head>',
      '<body><p>正文</p><script src="/_next/static/chunks/a.js" async=""></script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
      '<script src="/open-reader.js" defer="" nonce="n"></script></body>',
    ].join("");
    expect(withoutNextRuntime(html)).toBe(
      '<head><link rel="stylesheet" href="/a.css"/></head><body><p>正文</p><script src="/open-reader.js" defer="" nonce="n"></script></body>',
    );
  });
});
