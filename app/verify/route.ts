import { originFromHeaders } from "@/lib/site-origin";

/** /verify, the short address printed in notices: the public check of a letter PDF, /open/verify. */
export function GET(request: Request) {
  return Response.redirect(new URL("/open/verify", originFromHeaders(request.headers)), 308);
}
