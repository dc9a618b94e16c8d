/**
 * Rendered pages of the public site (/open…) kept in memory, so a spike of visitors after a
 * publication is served without rendering each time — while every response still carries its own
 * CSP nonce. A miss renders the page once through the server itself with a per-process placeholder
 * nonce; every response (hit or miss) gets a fresh nonce substituted for the placeholder.
 * Publishing or withdrawing calls `publicPagesChanged()`, which empties the cache at once.
 *
 * The public pages are documents: they have no React client components (their tools are enhanced by
 * public/open-reader.js), so the stored HTML drops Next's client runtime and the page's RSC payload.
 * A visitor downloads the page and one small script instead of ~140 KB of JavaScript; links are
 * ordinary links, each answered from this cache.
 *
 * The rendering, storing and nonce substitution are the page store's (page-store.ts), shared with the
 * cache of signed-in pages; what is public-specific is here: which requests, the key, when to forget.
 */
import { originFromHeaders } from "@/lib/site-origin";
import { CARE_COOKIE, LANG_COOKIE } from "@/lib/public-prefs";
import { PageStore, pageAnswer, pageOf, renderedPage, renderThroughServer, type Answer, type Stored, type Visit } from "./page-store";

export { isCacheRender, placeholderNonce, RENDER_HEADER } from "./page-store";

type Page = Stored<{ generation: number }>;
type CacheState = { generation: number; store: PageStore<Page> };

const MAX_BYTES = 48 * 1024 * 1024;
/** A backstop for changes that do not go through publication (a unit renamed, say). */
const MAX_AGE_MS = 5 * 60 * 1000;

// The publication actions (in the app's bundle) empty what the front server reads: one state per process.
const KEY = Symbol.for("tian-banli.public-page-cache");
const holder = globalThis as typeof globalThis & { [KEY]?: CacheState };
const state: CacheState = (holder[KEY] ??= { generation: 0, store: new PageStore<Page>(MAX_BYTES) });

/** Publication or withdrawal: every cached public page is stale. */
export function publicPagesChanged(): void {
  state.generation += 1;
  state.store.clear();
}

/** How often the front server reads the public site's version: a withdrawal on any instance is gone from this one within it. */
export const PUBLIC_VERSION_POLL_MS = 500;

/**
 * Empties the cache whenever `read` (the public site's version in the database, db/queries/public-site-version.ts)
 * answers a value other than the last: another instance, or a script, changed what public pages show.
 */
export function watchPublicSiteVersion(read: () => Promise<number>, everyMs = PUBLIC_VERSION_POLL_MS): () => void {
  let seen: number | undefined;
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    read()
      .then((version) => {
        if (seen !== undefined && version !== seen) publicPagesChanged();
        seen = version;
      })
      .catch((error: unknown) => console.error("public site version unreadable", error))
      .finally(() => {
        reading = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Document requests for public pages; not the client router's RSC fetches, not files or the preference toggle. */
export function isCacheable(visit: Visit): boolean {
  if (visit.method !== "GET") return false;
  if (visit.pathname !== "/open" && !visit.pathname.startsWith("/open/")) return false;
  if (visit.pathname.startsWith("/open/prefs") || /\.[a-z0-9]+$/i.test(visit.pathname)) return false;
  if (visit.headers.has("rsc") || visit.headers.has("next-router-prefetch") || visit.search.includes("_rsc=")) return false;
  return true;
}

function cacheKey(visit: Visit): string {
  return [originFromHeaders(visit.headers), visit.pathname, visit.search, visit.cookie(LANG_COOKIE) ?? "", visit.cookie(CARE_COOKIE) ?? ""].join("|");
}

/** Renders the page through the server itself, as an anonymous visitor with the same display preferences. */
async function render(visit: Visit): Promise<Page | null> {
  const generation = state.generation;
  const prefs = [LANG_COOKIE, CARE_COOKIE].flatMap((name) => (visit.cookie(name) ? [`${name}=${visit.cookie(name)}`] : []));
  const response = await renderThroughServer(visit, {
    accept: "text/html",
    ...(prefs.length ? { cookie: prefs.join("; ") } : {}),
  });
  if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return null;
  const page = await renderedPage(response);
  // A public page sets no cookie and is revalidated by the browser each time; its policy is the answer's own.
  const headers = page.headers.filter(([name]) => name === "content-type" || name === "vary");
  return { ...pageOf({ status: page.status, headers: [...headers, ["cache-control", "private, no-cache"]], body: withoutNextRuntime(page.body) }), generation };
}

/** The public site's own script, the only one a public page keeps. */
export const READER_SCRIPT = "/open-reader.js";

/** The HTML without Next's scripts (runtime chunks, inline RSC payload) and their preload hints. */
export function withoutNextRuntime(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (tag) => (tag.includes(`src="${READER_SCRIPT}"`) ? tag : ""))
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, "");
}

const fresh = (page: Page) => page.generation === state.generation && Date.now() - page.storedAt < MAX_AGE_MS;

/** The portal's 404 page (app/open/(portal)/page-not-found), answered with status 404. */
export const NOT_FOUND_PATH = "/open/page-not-found";

/**
 * The answer to this visit from the cache, rendering the page on a miss; null when it cannot be served
 * from here. Where Next finds nothing (an unknown or withdrawn reply) it answers notFound() with an
 * empty shell that its client runtime fills in (vercel/next.js#62228), and public pages keep no runtime:
 * such a visit gets the portal's own 404 page instead, rendered on the server and cached as any page.
 */
export async function cachedPublicPage(visit: Visit): Promise<Answer | null> {
  const answer = await cachedPage(visit);
  if (!answer || (answer.status !== 404 && visit.pathname !== NOT_FOUND_PATH)) return answer;
  const notFound = visit.pathname === NOT_FOUND_PATH ? answer : await cachedPage({ ...visit, pathname: NOT_FOUND_PATH, search: "" });
  return notFound ? { ...notFound, status: 404 } : answer;
}

async function cachedPage(visit: Visit): Promise<Answer | null> {
  const key = cacheKey(visit);
  const stored = state.store.get(key, fresh);
  if (stored) return pageAnswer(stored, "hit");
  const page = await state.store.render(key, async () => render(visit));
  if (!page) return null;
  // Only ordinary pages are kept (a 404 for a guessed id is rendered each time), and only if nothing was published meanwhile.
  if (page.status === 200 && page.generation === state.generation) state.store.set(key, page);
  return pageAnswer(page, "miss");
}
