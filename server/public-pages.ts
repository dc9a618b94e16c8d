/**
 * The public site's pages (/open…) as plain, cacheable HTML (issue 21). A public page is a document: it has no React
 * client components (its tools are public/open-reader.js), so what the front server answers is Next's render without
 * Next's client runtime and RSC payload — one small same-origin script, so the page's policy is `script-src 'self'`
 * and needs no per-response nonce. Each answer carries
 *  - an ETag made of the build, the public site's version (db/queries/public-site-version.ts: the publications'
 *    triggers move it, and so does every other change public pages show), the display preferences and a
 *    five-minute period, so a revalidation is answered 304 without rendering while none of them has changed;
 *  - `Cache-Control: public, max-age=0, s-maxage=1`: a browser revalidates every time; a shared cache (a CDN, or
 *    nginx: deploy/nginx/tian-banli.conf) keeps the page about a second and then revalidates it. nginx counts
 *    lifetimes in whole seconds of its clock, so `s-maxage=1` keeps a page for 1–2 s there; `X-Accel-Expires`
 *    (nginx's own header, which it does not pass on) names the moment instead: the end of the second nearest to
 *    now, 0.5–1.5 s away. A withdrawal is gone through nginx within that, and from every instance at its commit.
 * A published reply's page and a page of the catalogue, asked for with the default display preferences, are answered
 * from the page stored for them (page-store.ts, docs/decisions/014 and 019) with that page's own ETag; without one (not
 * rendered yet, another build, the site's version moved since, a visitor's preferences) they are rendered as above.
 * Nothing is kept in this process: every instance answers from the database as it is (docs/decisions/013).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { constants, gzipSync } from "node:zlib";
import type { StoredPage } from "@/db/queries/public-pages";
import { CARE_COOKIE, LANG_COOKIE, READER_SCRIPT } from "@/lib/public-prefs";
import { fixedSecurityHeaders, publicContentSecurityPolicy } from "@/lib/security-headers";
import { originFromHeaders } from "@/lib/site-origin";

/** A request as the front server sees it: method, path and query as Next parses them, the headers it reads, cookies by name. */
export type Visit = { method: string; pathname: string; search: string; headers: Headers; cookie: (name: string) => string | undefined };

/** `gzipped`: the body is already gzip-compressed (a stored page), to be sent as it is or unpacked. */
export type Answer = { status: number; headers: [string, string][]; body: Buffer; gzipped?: boolean };

/** How long a shared cache may answer a public page without asking again: a withdrawal is gone within it. */
export const SHARED_CACHE_SECONDS = 1;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_CACHE_SECONDS}`;
/** nginx's expiry for a page answered now (see above): the end of the second nearest to now, as seconds since the epoch. */
export function acceleratedExpiry(now = Date.now()): string {
  return `@${Math.round(now / 1000)}`;
}

/** A change that does not move the site's version (none is known) is shown at the latest after this. */
const ETAG_PERIOD_MS = 5 * 60 * 1000;

/** Marks the front server's own render of a public page (with a per-process token), which goes to Next as it is. */
export const RENDER_HEADER = "x-public-render";

/** The portal's 404 page (app/open/(portal)/page-not-found), answered with status 404. */
export const NOT_FOUND_PATH = "/open/page-not-found";

/** Document requests for public pages; not the client router's RSC fetches, not files or the preference toggle. */
export function isPublicPage(visit: Visit): boolean {
  if (visit.method !== "GET" && visit.method !== "HEAD") return false;
  if (visit.pathname !== "/open" && !visit.pathname.startsWith("/open/")) return false;
  if (visit.pathname.startsWith("/open/prefs") || /\.[a-z0-9]+$/i.test(visit.pathname)) return false;
  if (visit.headers.has("rsc") || visit.headers.has("next-router-prefetch") || visit.search.includes("_rsc=")) return false;
  return true;
}

/** The HTML without Next's scripts (runtime chunks, inline RSC payload) and their preload hints. */
export function withoutNextRuntime(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (tag) =>
      tag.includes(`src="${READER_SCRIPT}"`) ? tag.replace(/\snonce="[^"]*"/, "") : "",
    )
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, "");
}

/** Whether an If-None-Match header names this ETag (a list, weak or strong, or `*`). */
export function matchesETag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** What a stored page answers: a published reply's page or a page of the catalogue (docs/decisions/014, 019). */
export type StoredKey = { kind: "reply"; publicationId: number } | { kind: "list"; page: number };

/**
 * The stored page that answers a visit, with the default display preferences only: a reply's page without a query, or
 * the catalogue as its pager names its pages (`/open`, `/open?page=N` for N ≥ 2; lib/public-filters.ts).
 */
export function storedPageKey(visit: Visit): StoredKey | null {
  if (visit.cookie(LANG_COOKIE) || visit.cookie(CARE_COOKIE)) return null;
  if (visit.pathname === "/open") {
    if (visit.search === "") return { kind: "list", page: 1 };
    // As the pager writes them: no ?page=1, no leading zeros.
    const page = /^\?page=([2-9]|[1-9]\d{1,6})$/.exec(visit.search);
    return page ? { kind: "list", page: Number(page[1]) } : null;
  }
  const match = /^\/open\/(\d{1,12})$/.exec(visit.pathname);
  if (!match || visit.search !== "") return null;
  return { kind: "reply", publicationId: Number(match[1]) };
}

/** Renders go to this server on loopback; connections are kept for the next render. */
const loopback = new http.Agent({ keepAlive: true });

/**
 * A GET to this server on loopback. Not `fetch`: Next replaces the global fetch with its own once it has loaded a
 * route, and cancelling a body of that fetch never settled — a route under /open that is no page, and every public
 * address with a trailing slash (Next answers those with a redirect), hung.
 */
function loopbackGet(url: URL, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => http.get(url, { agent: loopback, headers }, resolve).on("error", reject));
}

async function text(response: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export type PublicPages = {
  /** The answer to a public page request; null when Next's answer is not a page (it is then left to Next). */
  answer(visit: Visit, ifNoneMatch: string | undefined): Promise<Answer | null>;
  /** Whether a request is this module's own render, which goes to Next as it is. */
  isOwnRender(headers: Headers): boolean;
  /**
   * A stored page's content as a visitor with the default preferences on `origin` gets it, for storing; null unless it
   * is found. `version` names the site's version it is rendered at (the catalogue's pages are stored per version).
   */
  renderForStore(key: StoredKey, origin: string, version?: number): Promise<StoredPage | null>;
  buildId: string;
};

/**
 * `selfOrigin`: where this server itself listens (loopback), to render a page through Next as an anonymous visitor;
 * `readVersion`: the public site's version now; `distDir`: the build, whose BUILD_ID is part of every ETag;
 * `stored`: the stored pages for the configured origin (none without one: links would name a host a client chose).
 */
export function publicPages(options: {
  selfOrigin: string;
  distDir: string;
  readVersion: () => Promise<number>;
  stored: ((key: StoredKey, buildId: string) => Promise<StoredPage | null>) | null;
}): PublicPages {
  const buildId = fs.readFileSync(path.join(options.distDir, "BUILD_ID"), "utf8").trim();
  const renderToken = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64url");

  const prefsOf = (visit: Pick<Visit, "cookie">) =>
    [LANG_COOKIE, CARE_COOKIE].flatMap((name) => (visit.cookie(name) ? [`${name}=${visit.cookie(name)}`] : []));

  async function render(
    visit: Pick<Visit, "pathname" | "search" | "headers" | "cookie">,
  ): Promise<{ status: number; html: string } | null> {
    const origin = new URL(originFromHeaders(visit.headers));
    const prefs = prefsOf(visit);
    const response = await loopbackGet(new URL(visit.pathname + visit.search, options.selfOrigin), {
      accept: "text/html",
      "accept-encoding": "identity",
      ...(prefs.length ? { cookie: prefs.join("; ") } : {}),
      // Links and 索引号 addresses are built from the origin the visitor asked (as the front server trusts it).
      "x-forwarded-host": origin.host,
      "x-forwarded-proto": origin.protocol.replace(":", ""),
      [RENDER_HEADER]: renderToken,
    });
    // Not a page (a route handler, Next's redirect of /open/ to /open): left to Next, which answers the visitor itself.
    if (!(response.headers["content-type"] ?? "").startsWith("text/html")) {
      response.destroy();
      return null;
    }
    return { status: response.statusCode ?? 500, html: withoutNextRuntime(await text(response)) };
  }

  /** What a page, or a revalidation of it, is kept by: its ETag and how long a shared cache may answer it. */
  const cacheHeaders = (etag: string): [string, string][] => [
    ["etag", etag],
    ["cache-control", PUBLIC_CACHE_CONTROL],
    ["x-accel-expires", acceleratedExpiry()],
  ];

  /** `html`: the page, or a stored page as it was stored (gzip-compressed). */
  function answerOf(status: number, html: string | Buffer, etag: string | null): Answer {
    const headers: [string, string][] = [
      ["content-type", "text/html; charset=utf-8"],
      ["content-security-policy", publicContentSecurityPolicy()],
      ...fixedSecurityHeaders(process.env.NODE_ENV === "production").map(({ key, value }): [string, string] => [key.toLowerCase(), value]),
      // A 404 (a guessed or withdrawn address) is not kept: the next publication may fill it.
      ...(etag ? cacheHeaders(etag) : [["cache-control", "no-store"] as [string, string]]),
    ];
    return typeof html === "string" ? { status, headers, body: Buffer.from(html) } : { status, headers, body: html, gzipped: true };
  }

  return {
    buildId,
    isOwnRender: (headers) => headers.get(RENDER_HEADER) === renderToken,
    async renderForStore(key, origin, version) {
      const url = new URL(origin);
      const headers = new Headers({ "x-forwarded-host": url.host, "x-forwarded-proto": url.protocol.slice(0, -1) });
      const [pathname, search, tag] =
        key.kind === "reply"
          ? [`/open/${key.publicationId}`, "", `p${key.publicationId}`]
          : ["/open", key.page === 1 ? "" : `?page=${key.page}`, `l${key.page}.v${version}`];
      const page = await render({ pathname, search, headers, cookie: () => undefined });
      if (page?.status !== 200) return null;
      // Compressed once here, for every visitor after (gzip's best: the work is done once per page).
      const htmlGzip = gzipSync(page.html, { level: constants.Z_BEST_COMPRESSION });
      return { htmlGzip, etag: `W/"${buildId}.${tag}.${Date.now().toString(36)}"` };
    },
    async answer(visit, ifNoneMatch) {
      const key = options.stored ? storedPageKey(visit) : null;
      const stored = key === null ? null : await options.stored!(key, buildId);
      if (stored) {
        if (matchesETag(ifNoneMatch, stored.etag)) return { status: 304, headers: cacheHeaders(stored.etag), body: Buffer.alloc(0) };
        return answerOf(200, stored.htmlGzip, stored.etag);
      }
      const version = await options.readVersion();
      const period = Math.floor(Date.now() / ETAG_PERIOD_MS);
      const etag = `W/"${buildId}.${version}.${period}.${prefsOf(visit).join(".") || "-"}"`;
      if (matchesETag(ifNoneMatch, etag)) return { status: 304, headers: cacheHeaders(etag), body: Buffer.alloc(0) };
      const page = await render(visit);
      if (!page) return null;
      if (page.status === 200 && visit.pathname !== NOT_FOUND_PATH) return answerOf(200, page.html, etag);
      if (page.status !== 404 && visit.pathname !== NOT_FOUND_PATH) return answerOf(page.status, page.html, null);
      // Where Next finds nothing it answers notFound() with an empty shell that its client runtime would fill in
      // (vercel/next.js#62228), and public pages keep no runtime: the portal's own 404 page instead.
      const notFound = visit.pathname === NOT_FOUND_PATH ? page : await render({ ...visit, pathname: NOT_FOUND_PATH, search: "" });
      return answerOf(404, (notFound ?? page).html, null);
    },
  };
}
