/**
 * Runs before every page: gives the response a fresh CSP nonce (Next puts it on its scripts), passes
 * the requested path to server components (sign-in returns the user to it), and serves public pages
 * from the in-memory page cache (app/_server/public-page-cache.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { cachedPublicPage, isCacheable, isCacheRender, placeholderNonce, publicPageResponse, RENDER_HEADER } from "@/app/_server/public-page-cache";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";

const development = process.env.NODE_ENV === "development";

export default async function proxy(request: NextRequest) {
  const cacheRender = isCacheRender(request.headers);
  if (!cacheRender && !development) {
    const visit = {
      method: request.method,
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      headers: request.headers,
      cookie: (name: string) => request.cookies.get(name)?.value,
    };
    const page = isCacheable(visit) ? await cachedPublicPage(visit) : null;
    if (page) {
      const answer = publicPageResponse(page);
      return new NextResponse(answer.body, { status: answer.status, headers: answer.headers });
    }
  }
  // The cache's own render gets the placeholder nonce, which each response replaces with its own.
  const nonce = cacheRender ? placeholderNonce() : newNonce();
  const policy = contentSecurityPolicy(nonce, { development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(RENDER_HEADER);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Not Next's own files, not public/ files and downloads (no HTML, no scripts to allow).
  matcher: ["/((?!_next/static|_next/image|api/auth|.*\\.(?:ico|png|svg|jpg|jpeg|gif|webp|txt|xml|json|css|js|map|woff2?|ttf|otf|pdf|docx|xlsx)$).*)"],
};
