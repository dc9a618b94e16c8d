/**
 * The network address a request comes from, for the sign-in limits and the audit log.
 *
 * next-auth hands `authorize` a Request rebuilt from the incoming headers: the socket is not there.
 * Next.js itself writes the socket's address into `X-Forwarded-For`, but only when the request did
 * not bring that header, so a client could name any address it likes. The start script therefore
 * loads server/client-address-preload.cjs into the server, which (unless TRUST_PROXY says the
 * app is behind proxies) replaces any `X-Forwarded-For` with the socket's address before Next.js
 * sees the request. Behind TRUST_PROXY=N proxies, each of which appends the address it received the
 * request from, the client is the N-th entry from the right: entries further left were sent by the
 * client and prove nothing.
 */
import { isIP } from "node:net";

/** How many proxies in front of the app append to X-Forwarded-For: TRUST_PROXY=N, "true"/"yes" = 1, else 0. */
export function trustedProxyCount(value: string | undefined): number {
  const v = value?.trim().toLowerCase() ?? "";
  if (v === "true" || v === "yes" || v === "on") return 1;
  const n = Number(v);
  return v !== "" && Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** An address in canonical form (IPv4-mapped IPv6 as IPv4, no brackets or port), or null when it is none. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  let a = raw?.trim() ?? "";
  if (!a) return null;
  // [2001:db8::1]:443 and 192.0.2.1:443, as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.toLowerCase();
  if (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : null;
}

/**
 * The client's address from the request headers: the socket's (as the preload leaves it) when no
 * proxy is trusted, else the entry the nearest trusted proxy appended. Null when it cannot be told.
 */
export function clientAddress(headers: Pick<Headers, "get">, trustedProxies: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  if (trustedProxies === 0) return normaliseAddress(entries.at(-1));
  const index = entries.length - trustedProxies;
  return normaliseAddress(entries[Math.max(0, index)]);
}
