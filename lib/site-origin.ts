/**
 * The site's public origin, for absolute links (QR codes, receipt links on letters, feed, sitemap) and,
 * through X-Forwarded-Host, for Next's server-action origin check and next-auth's own URLs.
 *
 * A client may send any Host or X-Forwarded-Host it likes. So the front server (server/main.ts)
 * sets X-Forwarded-Host and -Proto on every request before Next sees it (`trustedForwarding`):
 *  - to the configured origin, PUBLIC_ORIGIN or else AUTH_URL, when there is one;
 *  - else, behind proxies named by TRUST_PROXY, to what the nearest proxy forwarded;
 *  - else to the Host the client connected with — a browser always sends the site's own, so a made-up
 *    one only ever reaches the client that made it up (the page caches key by origin).
 * The app then reads the origin from those headers (`originFromHeaders`), the configured one first.
 */
import { trustedProxyCount } from "./client-address";

type HeaderSource = { get(name: string): string | null };

export type OriginConfig = { publicOrigin: string | null; trustProxy: boolean };

/** The configured origin (PUBLIC_ORIGIN, else AUTH_URL) and whether forwarded headers are believed (TRUST_PROXY). */
export function originConfig(env: Record<string, string | undefined>): OriginConfig {
  return { publicOrigin: httpOrigin(env.PUBLIC_ORIGIN) ?? httpOrigin(env.AUTH_URL), trustProxy: trustedProxyCount(env.TRUST_PROXY) > 0 };
}

function httpOrigin(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

const first = (value: string | null | undefined) => value?.split(",")[0]?.trim() || null;

/** A host as a browser names it (name or IPv4 or [IPv6], optional port); anything else is not passed on. */
function hostOrNull(value: string | null): string | null {
  return value && /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.test(value) ? value.toLowerCase() : null;
}

const protoOrNull = (value: string | null) => (value === "http" || value === "https" ? value : null);

/**
 * The X-Forwarded-Host and -Proto the server believes for a request (null: leave the header out). The
 * protocol a client (or a proxy) claims is passed on: it can only make its own cookie Secure, not point links
 * elsewhere. Without one it is plain http, the only protocol this server speaks: a visitor who came over
 * http to an intranet name must get http links and QR codes, not https ones that lead nowhere.
 */
export function trustedForwarding(
  header: (name: string) => string | undefined,
  config: OriginConfig,
): { host: string | null; proto: string | null } {
  if (config.publicOrigin) {
    const url = new URL(config.publicOrigin);
    return { host: url.host, proto: url.protocol.slice(0, -1) };
  }
  const host = hostOrNull(first(header("host")));
  const proto = protoOrNull(first(header("x-forwarded-proto"))) ?? "http";
  if (config.trustProxy) return { host: hostOrNull(first(header("x-forwarded-host"))) ?? host, proto };
  return { host, proto };
}

/** Set by the front server on every request it has put the trusted forwarding headers on (proxy.ts then leaves them). */
export const FORWARDING_HEADER = "x-forwarding-set";

let fromEnv: OriginConfig | null = null;

/** The origin absolute links point to: the configured one, else the request's as the front server left it. */
export function originFromHeaders(headers: HeaderSource, config: OriginConfig = (fromEnv ??= originConfig(process.env))): string {
  if (config.publicOrigin) return config.publicOrigin;
  const host = hostOrNull(first(headers.get("x-forwarded-host"))) ?? hostOrNull(first(headers.get("host"))) ?? "localhost";
  const local = host.startsWith("localhost") || host.startsWith("127.") || host.startsWith("[::1]");
  const proto = protoOrNull(first(headers.get("x-forwarded-proto"))) ?? (local ? "http" : "https");
  return `${proto}://${host}`;
}

/**
 * A POST to a route handler came from a page of this site: its Origin is the host the front server left
 * in X-Forwarded-Host (or Host). A page elsewhere posting with the user's cookie is refused; server
 * actions get the same check from Next.
 */
export function sameOriginRequest(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  const host = first(headers.get("x-forwarded-host") ?? headers.get("host"));
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
