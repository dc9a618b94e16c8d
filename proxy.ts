/**
 * Runs in front of pages and routes however the app is started (`next dev`, `next start`, or the
 * production front server server/main.ts), so that nothing depends on one way of starting it:
 *  - tells pages the requested path (`x-pathname`): the guard sends a visitor to sign-in with it as the
 *    callback, and lets a user with a one-time password reach the password page; a client's own
 *    `x-pathname` is overwritten;
 *  - when the front server has not (it answers cached pages itself, so it does this for all it serves):
 *    sets X-Forwarded-Host/-Proto as lib/site-origin.ts believes them, and gives the response a
 *    Content-Security-Policy with a fresh nonce.
 * Server actions and the upload routes (files, and /open/verify's PDF) are left out: they need neither, and a proxy makes Next hold
 * their bodies in memory (the upload route streams its body to disk).
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";
import { FORWARDING_HEADER, originConfig, trustedForwarding } from "@/lib/site-origin";

const origins = originConfig(process.env);

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  let policy: string | null = null;
  if (!headers.has(FORWARDING_HEADER)) {
    const forwarded = trustedForwarding((name) => request.headers.get(name) ?? undefined, origins);
    for (const [name, value] of [
      ["x-forwarded-host", forwarded.host],
      ["x-forwarded-proto", forwarded.proto],
    ] as const) {
      if (value) headers.set(name, value);
      else headers.delete(name);
    }
    const nonce = newNonce();
    policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
    headers.set("content-security-policy", policy);
    headers.set("x-nonce", nonce);
  }
  const response = NextResponse.next({ request: { headers } });
  if (policy) response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the build's own files, nor the icon: they run no script and need no path.
      source: "/((?!_next/static|_next/image|icon.svg|humans.txt|open-reader.js|api/uploads|verify/check).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
