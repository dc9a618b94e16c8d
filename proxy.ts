/**
 * Runs in front of every page and route however the app is started (`next dev`, `next start`, or the
 * production front server scripts/app-server.ts), so that nothing depends on one way of starting it:
 *  - tells pages the requested path (`x-pathname`): the guard sends a visitor to sign-in with it as the
 *    callback, and lets a user with a one-time password reach the password page; a client's own
 *    `x-pathname` is overwritten;
 *  - gives the response a Content-Security-Policy with a fresh nonce, unless the front server already
 *    did (it answers cached pages itself and so sets the policy for all it serves).
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  let policy: string | null = null;
  if (!headers.has("x-nonce")) {
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
  // Not the build's own files, nor the icon: they run no script and need no path.
  matcher: ["/((?!_next/static|_next/image|icon.svg|humans.txt).*)"],
};
