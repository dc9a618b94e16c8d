/**
 * The 繁體版/简体版 and 关怀版/标准版 toggles: plain links (no script needed) that set the preference
 * cookie for a year and return to the page they came from (the Referer, when it is a page of this site).
 * The answer's Location is a path: only the browser knows the origin it used (any host name, a proxy in
 * front), and Next's request URL carries the host Next was started with instead.
 */
import { NextResponse, type NextRequest } from "next/server";
import { CARE_COOKIE, LANG_COOKIE, safeReturnPath } from "@/lib/public-prefs";

const YEAR = 365 * 24 * 3600;

function refererPath(request: NextRequest): string | null {
  const referer = request.headers.get("referer");
  if (!referer || !URL.canParse(referer)) return null;
  const url = new URL(referer);
  return url.host === request.headers.get("host") ? url.pathname + url.search : null;
}

export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const response = new NextResponse(null, { status: 303, headers: { Location: safeReturnPath(refererPath(request)) } });
  const options = { path: "/open", maxAge: YEAR, sameSite: "lax" as const, httpOnly: true };
  const lang = params.get("lang");
  if (lang === "hant" || lang === "hans") response.cookies.set(LANG_COOKIE, lang, options);
  const care = params.get("care");
  if (care === "1" || care === "0") response.cookies.set(CARE_COOKIE, care, options);
  return response;
}
