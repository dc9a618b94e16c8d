/**
 * The site's origin as the visitor reached it, for absolute links (QR codes, receipt links, feed,
 * sitemap). Behind a reverse proxy the forwarded headers win; Next itself fills them in otherwise.
 */
type HeaderSource = { get(name: string): string | null };

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

export function originFromHeaders(headers: HeaderSource): string {
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host")) ?? "localhost";
  const local = host.startsWith("localhost") || host.startsWith("127.") || host.startsWith("[::1]");
  const proto = first(headers.get("x-forwarded-proto")) ?? (local ? "http" : "https");
  return `${proto}://${host}`;
}
