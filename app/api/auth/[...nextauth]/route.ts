import { NextRequest } from "next/server";
import { handlers } from "@/app/_server/auth";
import { originConfig } from "@/lib/site-origin";

const configured = originConfig(process.env).publicOrigin;

/**
 * next-auth builds the single sign-on's callback address (redirect_uri) from the request's URL: put it on
 * the configured origin (PUBLIC_ORIGIN, else AUTH_URL, which next-auth itself prefers when set), never on
 * a Host the client chose. Single sign-on cannot be configured without one (lib/sso.ts).
 */
function onConfiguredOrigin(request: NextRequest): NextRequest {
  if (!configured) return request;
  return new NextRequest(new URL(request.nextUrl.pathname + request.nextUrl.search, configured), request);
}

export const GET = (request: NextRequest) => handlers.GET(onConfiguredOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(onConfiguredOrigin(request));
