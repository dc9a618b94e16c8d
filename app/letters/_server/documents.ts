/**
 * The letters a document request asks for, loaded with the signed-in caller's rights
 * (db/queries/letter-documents.ts): `?to=` picks an addressee, `?class=1` prints the result class.
 * Sends a visitor to sign-in and refuses with a Chinese message.
 */
import { getDb } from "@/db/client";
import { originFromHeaders } from "@/lib/site-origin";
import type { LetterSource } from "@/db/queries/letter";
import { letterDocuments, type LetterDocuments, type LetterScope } from "@/db/queries/letter-documents";
import { currentUser, PASSWORD_PAGE } from "../../_server/guard";

export async function loadLetterDocuments(request: Request, source: LetterSource, scope: LetterScope): Promise<Response | LetterDocuments> {
  const url = new URL(request.url);
  const user = await currentUser();
  if (!user)
    return Response.redirect(
      new URL(`/login?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`, originFromHeaders(request.headers)),
      303,
    );
  if (user.mustChangePassword) return Response.redirect(new URL(PASSWORD_PAGE, originFromHeaders(request.headers)), 303);
  const to = Number(url.searchParams.get("to"));
  const result = await letterDocuments(getDb(), user, {
    source,
    scope,
    to: Number.isSafeInteger(to) && to > 0 ? to : null,
    showResultClass: url.searchParams.get("class") === "1",
    origin: originFromHeaders(request.headers),
  });
  if (!result.ok) return new Response(result.message, { status: result.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return result.docs;
}
