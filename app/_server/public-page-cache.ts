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
 * The front server (scripts/app-server.ts) and the app's bundle load this module separately, so the
 * state lives on globalThis (one process).
 */
import { originFromHeaders } from "@/lib/site-origin";
import { CARE_COOKIE, LANG_COOKIE } from "@/lib/public-prefs";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce } from "@/lib/security-headers";

type Page = { html: string; status: number; contentType: string; storedAt: number; generation: number };

type CacheState = {
  generation: number;
  pages: Map<string, Page>;
  bytes: number;
  rendering: Map<string, Promise<Page | null>>;
  /** Proves to the front server that a request is the cache's own render. */
  renderToken: string;
  /** The nonce pages are rendered with; replaced by each response's own. */
  placeholderNonce: string;
};

const randomToken = () => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");

const KEY = Symbol.for("tian-banli.public-page-cache");
const holder = globalThis as typeof globalThis & { [KEY]?: CacheState };
const state: CacheState = (holder[KEY] ??= {
  generation: 0,
  pages: new Map(),
  bytes: 0,
  rendering: new Map(),
  renderToken: randomToken(),
  placeholderNonce: randomToken(),
});

export const RENDER_HEADER = "x-public-page-render";
const MAX_BYTES = 48 * 1024 * 1024;
/** A backstop for changes that do not go through publication (a unit renamed, say). */
const MAX_AGE_MS = 5 * 60 * 1000;

/** Publication or withdrawal: every cached public page is stale. */
export function publicPagesChanged(): void {
  state.generation += 1;
  state.pages.clear();
  state.bytes = 0;
}

export function isCacheRender(headers: Headers): boolean {
  return headers.get(RENDER_HEADER) === state.renderToken;
}

export function placeholderNonce(): string {
  return state.placeholderNonce;
}

export type Visit = { method: string; pathname: string; search: string; headers: Headers; cookie: (name: string) => string | undefined };

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

function remember(key: string, page: Page) {
  const old = state.pages.get(key);
  if (old) state.bytes -= old.html.length * 2;
  state.pages.set(key, page);
  state.bytes += page.html.length * 2;
  for (const [oldest, entry] of state.pages) {
    if (state.bytes <= MAX_BYTES) break;
    state.pages.delete(oldest);
    state.bytes -= entry.html.length * 2;
  }
}

/** Renders the page through the server itself, as an anonymous visitor with the same display preferences. */
async function render(visit: Visit): Promise<Page | null> {
  const generation = state.generation;
  const self = process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
  const origin = new URL(originFromHeaders(visit.headers));
  const prefs = [LANG_COOKIE, CARE_COOKIE].flatMap((name) => (visit.cookie(name) ? [`${name}=${visit.cookie(name)}`] : []));
  const response = await fetch(new URL(visit.pathname + visit.search, self), {
    headers: {
      [RENDER_HEADER]: state.renderToken,
      "x-forwarded-host": origin.host,
      "x-forwarded-proto": origin.protocol.replace(":", ""),
      accept: "text/html",
      ...(prefs.length ? { cookie: prefs.join("; ") } : {}),
    },
    redirect: "manual",
  });
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.startsWith("text/html")) return null;
  return { html: withoutNextRuntime(await response.text()), status: response.status, contentType, storedAt: Date.now(), generation };
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

/** The page for this visit if the cache holds it fresh; never renders. */
export function storedPublicPage(visit: Visit): Page | null {
  const key = cacheKey(visit);
  const cached = state.pages.get(key);
  if (!cached || cached.generation !== state.generation || Date.now() - cached.storedAt >= MAX_AGE_MS) return null;
  // Least recently used goes first: move this one to the end.
  state.pages.delete(key);
  state.pages.set(key, cached);
  return cached;
}

/** The page for this visit from the cache, rendering it on a miss; null when it cannot be served from here. */
export async function cachedPublicPage(visit: Visit): Promise<(Page & { hit: boolean }) | null> {
  const stored = storedPublicPage(visit);
  if (stored) return { ...stored, hit: true };
  const key = cacheKey(visit);
  let pending = state.rendering.get(key);
  if (!pending) {
    pending = render(visit).finally(() => state.rendering.delete(key));
    state.rendering.set(key, pending);
  }
  const page = await pending.catch(() => null);
  if (!page) return null;
  // Only ordinary pages are kept (a 404 for a guessed id is rendered each time), and only if nothing was published meanwhile.
  if (page.status === 200 && page.generation === state.generation) remember(key, page);
  return { ...page, hit: false };
}

/** What a cached page is answered with: its own nonce, the policy naming it, and the fixed security headers. */
export function publicPageResponse(page: Page & { hit: boolean }): { status: number; headers: Record<string, string>; body: string } {
  const nonce = newNonce();
  return {
    status: page.status,
    body: page.html.replaceAll(state.placeholderNonce, nonce),
    headers: {
      ...Object.fromEntries(fixedSecurityHeaders(process.env.NODE_ENV === "production").map((h) => [h.key, h.value])),
      "content-type": page.contentType,
      "content-security-policy": contentSecurityPolicy(nonce),
      "cache-control": "private, no-cache",
      "x-public-cache": page.hit ? "hit" : "miss",
    },
  };
}
