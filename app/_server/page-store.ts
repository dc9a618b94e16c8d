/**
 * What the front server's page caches share (public-page-cache.ts for the open-information site,
 * signed-in-page-cache.ts for staff and member pages): a page is rendered through the server itself with
 * a per-process placeholder nonce, kept in memory within a byte budget (least recently used out first),
 * rendered once for all the requests that arrive while it renders, and answered every time with its own
 * nonce in place of the placeholder — gzipped from pieces compressed once (lib/marked-text.ts).
 *
 * The front server (scripts/app-server.ts) and the app's bundle load these modules separately, so the
 * shared state lives on globalThis (one process).
 */
import { MarkedText } from "@/lib/marked-text";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce } from "@/lib/security-headers";
import { originFromHeaders } from "@/lib/site-origin";

/** A request as the caches see it: method, path and query as Next parses them, the headers they read, cookies by name. */
export type Visit = { method: string; pathname: string; search: string; headers: Headers; cookie: (name: string) => string | undefined };

/** What the server answered a render: its status, headers as name/value pairs (a name may repeat), text. */
export type Rendered = { status: number; headers: [string, string][]; body: string };
/** A page ready to answer with: its text cut where the placeholder nonce was. */
export type Page = { status: number; headers: [string, string][]; text: MarkedText; storedAt: number };
export type Stored<Extra = object> = Page & Extra;

type Shared = {
  /** Proves to the front server that a request is a cache's own render. */
  renderToken: string;
  /** The nonce pages are rendered with; replaced by each response's own. */
  placeholderNonce: string;
};

const randomToken = () => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
const SHARED = Symbol.for("tian-banli.page-store");
const holder = globalThis as typeof globalThis & { [SHARED]?: Shared };
const shared: Shared = (holder[SHARED] ??= { renderToken: randomToken(), placeholderNonce: randomToken() });

export const RENDER_HEADER = "x-page-render";

export function isCacheRender(headers: Headers): boolean {
  return headers.get(RENDER_HEADER) === shared.renderToken;
}

export function placeholderNonce(): string {
  return shared.placeholderNonce;
}

/**
 * Renders the visit's page through this server, as a cache's own render (placeholder nonce), for the
 * origin the visitor asked (links and 索引号 addresses are built from it), with these headers besides.
 */
export async function renderThroughServer(visit: Pick<Visit, "pathname" | "search" | "headers">, headers: Record<string, string>): Promise<Response> {
  const self = process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
  const origin = new URL(originFromHeaders(visit.headers));
  return fetch(new URL(visit.pathname + visit.search, self), {
    headers: {
      ...headers,
      "x-forwarded-host": origin.host,
      "x-forwarded-proto": origin.protocol.replace(":", ""),
      [RENDER_HEADER]: shared.renderToken,
    },
    redirect: "manual",
  });
}

/** A byte-bounded map of pages, least recently used out first, with each key's render shared while it runs. */
export class PageStore<P extends Page> {
  private readonly pages = new Map<string, P>();
  private readonly rendering = new Map<string, Promise<P | null>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The page under `key` if `fresh` accepts it (a stale one is dropped); never renders. */
  get(key: string, fresh: (page: P) => boolean): P | null {
    const page = this.pages.get(key);
    if (!page) return null;
    this.drop(key);
    if (!fresh(page)) return null;
    this.pages.set(key, page);
    this.bytes += sizeOf(page);
    return page;
  }

  set(key: string, page: P): void {
    this.drop(key);
    this.pages.set(key, page);
    this.bytes += sizeOf(page);
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }

  /** Runs `render` for `key` unless a render of it is already running, whose result is shared. */
  async render(key: string, render: () => Promise<P | null>): Promise<P | null> {
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = render().finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return pending.catch(() => null);
  }

  private drop(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(page);
  }
}

const sizeOf = (page: Page) => page.text.size;

/** Response headers not to keep or pass on: the connection's own, and the body's encoding and length (the front server sets them). */
const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/** A rendered response as a page: its status, the headers worth keeping, its text. */
export async function renderedPage(response: Response): Promise<Rendered> {
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!NOT_KEPT.has(name) && name !== "set-cookie") headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(["set-cookie", cookie]);
  return { status: response.status, headers, body: await response.text() };
}

/** A rendered response as a page to answer with, cut at the placeholder nonce. */
export function pageOf(rendered: Rendered): Page {
  return { status: rendered.status, headers: rendered.headers, text: MarkedText.of(rendered.body, shared.placeholderNonce), storedAt: Date.now() };
}

export type Answer = { status: number; headers: [string, string][]; body(encoding: "identity" | "gzip"): Buffer };

/** What a page is answered with: its own nonce everywhere the placeholder was, the policy naming it, the fixed security headers. */
export function pageAnswer(page: Page, cache: "hit" | "miss"): Answer {
  const nonce = newNonce();
  const replaced = new Set(["content-security-policy", "x-page-cache"]);
  const headers: [string, string][] = page.headers.filter(([name]) => !replaced.has(name)).map(([name, value]) => [name, value.replaceAll(shared.placeholderNonce, nonce)]);
  const present = new Set(headers.map(([name]) => name));
  for (const { key, value } of fixedSecurityHeaders(process.env.NODE_ENV === "production")) {
    if (!present.has(key.toLowerCase())) headers.push([key.toLowerCase(), value]);
  }
  headers.push(["content-security-policy", contentSecurityPolicy(nonce)], ["x-page-cache", cache]);
  return { status: page.status, headers, body: (encoding) => (encoding === "gzip" ? page.text.gzipped(nonce) : page.text.filled(nonce)) };
}
