/**
 * Signed-in pages (待办, the lists, a proposal, 统计, a member's own pages) kept in memory for a short
 * while per session, so that going back to 待办, paging, reloading or a colleague's dashboard refresh
 * does not render the same page again — while nothing shown is staler than the database:
 *  - an entry belongs to one Cookie header (one session), one URL and one client-router state: no other
 *    request can reach it;
 *  - any committed write retires every entry: the front server keeps its own read-only connection and
 *    compares SQLite's `PRAGMA data_version` (it moves with every commit of any other connection, this
 *    server's or another process's) with the version the page was rendered at; a render during which
 *    something was written is not kept;
 *  - an entry lives at most MAX_AGE_MS (deadlines count days, and the day turns) and never past the
 *    session token's expiry;
 *  - only ordinary page responses are kept: 200, HTML or the router's RSC, no Set-Cookie. Redirects (to
 *    sign-in, to the one-time password page), 403 and 404 are passed on as rendered; route handlers
 *    (downloads, letters) never come here.
 * Storing and nonce substitution are the page store's (page-store.ts).
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/database-path";
import { databaseEngine } from "@/db/engine";
import { originFromHeaders } from "@/lib/site-origin";
import { PageStore, pageAnswer, pageOf, renderedPage, renderThroughServer, type Answer, type Stored, type Visit } from "./page-store";
import { sessionClaims, sessionCookie } from "./session-token";

type Page = Stored<{ dataVersion: number; expiresAt: number }>;

const MAX_BYTES = 24 * 1024 * 1024;
export const MAX_AGE_MS = 30 * 1000;
/** The request headers a page's answer varies with (Next's own Vary list), besides the URL and cookies. */
export const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];

const store = new PageStore<Page>(MAX_BYTES);

/** Page and route-handler paths of the build as patterns: which requests are pages. */
export type Routes = { pages: RegExp[]; handlers: RegExp[] };

/** `/proposals/[id]/drafts` → a pattern; `[x]` is one segment, `[...x]` one or more, `[[...x]]` any. */
function routePattern(route: string): RegExp {
  const source = route
    .split("/")
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
      if (/^\[.+\]$/.test(segment)) return "/[^/]+";
      return segment ? `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}` : "";
    })
    .join("");
  return new RegExp(`^${source || "/"}$`);
}

/** The routes of Next's app-path-routes manifest (`"/(staff)/work/page": "/work"`), leaving out the public site, sign-in and Next's own. */
export function routesOf(manifest: Record<string, string>): Routes {
  const routes: Routes = { pages: [], handlers: [] };
  for (const [file, route] of Object.entries(manifest)) {
    if (file.endsWith("/route")) routes.handlers.push(routePattern(route));
    else if (file.endsWith("/page") && !/^\/(open|login|_)/.test(route) && route !== "/") routes.pages.push(routePattern(route));
  }
  return routes;
}

let routes: Routes | null = null;

/** The build's routes; none (nothing cached) when the manifest cannot be read. */
function buildRoutes(): Routes {
  const file = path.join(process.env.NEXT_DIST_DIR ?? ".next", "app-path-routes-manifest.json");
  try {
    return routesOf(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>);
  } catch (error) {
    console.warn(`signed-in page cache off: ${file} unreadable`, error);
    return { pages: [], handlers: [] };
  }
}

/** A visit with its whole Cookie header, which keys a session's pages. */
export type SignedInVisit = Visit & { cookieHeader: string | undefined };

/** A signed-in user's GET of a page (not a route handler, not the public site): what this cache answers. */
export function isSignedInPage(visit: SignedInVisit, known: Routes = (routes ??= buildRoutes())): boolean {
  if (visit.method !== "GET" || !visit.cookieHeader || !sessionCookie(visit.cookie)) return false;
  return known.pages.some((p) => p.test(visit.pathname)) && !known.handlers.some((p) => p.test(visit.pathname));
}

let reader: Database.Database | null = null;

/** The database's commit counter as this server's own read-only connection sees it; null when it cannot be read. */
export function dataVersion(): number | null {
  // PostgreSQL has no commit counter to read: nothing is kept there until there is one (issue 21).
  if (databaseEngine() === "postgresql") return null;
  try {
    reader ??= new Database(databasePath(), { readonly: true, fileMustExist: true });
    return reader.pragma("data_version", { simple: true }) as number;
  } catch {
    reader = null;
    return null;
  }
}

function cacheKey(visit: SignedInVisit): string {
  return [
    originFromHeaders(visit.headers),
    visit.pathname + visit.search,
    visit.cookieHeader,
    ...ROUTER_HEADERS.map((h) => visit.headers.get(h) ?? ""),
  ].join("\n");
}

const keepable = (page: Pick<Page, "status" | "headers">) =>
  page.status === 200 &&
  page.headers.some(([name, value]) => name === "content-type" && /^text\/(html|x-component)/.test(value)) &&
  !page.headers.some(([name]) => name === "set-cookie");

/** Renders the page through the server itself, as this visitor (same cookies, same router state). */
async function render(visit: SignedInVisit, version: number | null): Promise<Page> {
  const headers: Record<string, string> = {
    accept: visit.headers.get("accept") ?? "text/html",
    "accept-encoding": "identity",
    cookie: visit.cookieHeader ?? "",
  };
  for (const name of ROUTER_HEADERS) {
    const value = visit.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const page = pageOf(await renderedPage(await renderThroughServer(visit, headers)));
  const expiry = (await sessionClaims(sessionCookie(visit.cookie)))?.expiresAt ?? null;
  // Kept only when nothing was written while it rendered (its own render included) and the token is good.
  const unchanged = version !== null && dataVersion() === version;
  return {
    ...page,
    dataVersion: unchanged ? version : -1,
    expiresAt: unchanged && expiry ? Math.min(page.storedAt + MAX_AGE_MS, expiry) : 0,
  };
}

/**
 * The answer to a signed-in page request: from memory when nothing has changed since it was rendered,
 * else rendered now; null when the render failed (the request is then left to Next).
 */
export async function cachedSignedInPage(visit: SignedInVisit): Promise<Answer | null> {
  const key = cacheKey(visit);
  const version = dataVersion();
  const fresh = (page: Page) => page.dataVersion === version && Date.now() < page.expiresAt;
  const stored = version === null ? null : store.get(key, fresh);
  if (stored) return pageAnswer(stored, "hit");
  // Requests join a render only if it started at the same version: one made after a commit must show it.
  const page = await store.render(`${key}\n${version}`, async () => render(visit, version));
  if (!page) return null;
  if (page.expiresAt > Date.now() && keepable(page)) store.set(key, page);
  return pageAnswer(page, "miss");
}
