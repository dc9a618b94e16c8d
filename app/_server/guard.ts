/**
 * The one server-side authorization helper. Every page, route handler and server action asks here
 * who is calling and whether they may; the rules themselves are in lib/authz.ts.
 */
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { liveSessionUser } from "@/db/queries/credentials";
import { loadProposalParties } from "@/db/queries/proposals";
import { can, canViewProposal, type Actor, type Capability } from "@/lib/authz";
import { mayUpload } from "@/lib/uploads";
import { sessionClaims, sessionCookie } from "./session-token";

/** `canDivide`: 可分办, the administrator's permission for a handler to divide the unit's proposals (分办). */
export type CurrentUser = Actor & { canDivide: boolean; displayName: string; title: string | null; mustChangePassword: boolean };

export const PASSWORD_PAGE = "/account/password";

/** The signed-in user as the database has them now, or null (signed out, disabled, password changed, or the session revoked). */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const cookieStore = await cookies();
  const claims = await sessionClaims(sessionCookie((name) => cookieStore.get(name)?.value));
  if (!claims) return null;
  const row = await liveSessionUser(getDb(), claims);
  if (!row) return null;
  return {
    id: row.id,
    role: row.role,
    unitId: row.unitId,
    canDivide: row.canDivide,
    displayName: row.displayName,
    title: row.title,
    // A one-time password binds whoever signs in with it; someone who came through 统一身份认证 never used it.
    mustChangePassword: row.mustChangePassword && !claims.sso,
  };
});

/**
 * For pages: sends a visitor to sign-in, a user with a one-time password to change it first,
 * and answers 403 to a user without the capability.
 */
export async function requireUser(capability?: Capability): Promise<CurrentUser> {
  const user = await currentUser();
  const path = (await headers()).get("x-pathname") ?? "/";
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (user.mustChangePassword && !path.startsWith(PASSWORD_PAGE)) redirect(PASSWORD_PAGE);
  if (capability && !can(user, capability)) forbidden();
  return user;
}

/**
 * For file downloads (route handlers): the signed-in user, or the refusal to send instead — 401 to a
 * visitor, 403 to a user who must first change a one-time password (as pages and actions insist).
 */
export async function downloadCaller(): Promise<CurrentUser | Response> {
  const user = await currentUser();
  const text = { "Content-Type": "text/plain; charset=utf-8" };
  if (!user) return new Response("请先登录", { status: 401, headers: text });
  if (user.mustChangePassword) return new Response("请先修改一次性密码后再下载", { status: 403, headers: text });
  return user;
}

/**
 * For the upload route, before it reads a byte of the body: the signed-in user who may upload for some
 * purpose (lib/uploads.ts; the route then asks for the purpose named), or the refusal — 401 to a visitor,
 * 403 to a user who must first change a one-time password or may upload nothing.
 */
export async function uploadCaller(): Promise<CurrentUser | Response> {
  const user = await currentUser();
  const text = { "Content-Type": "text/plain; charset=utf-8" };
  if (!user) return new Response("请先登录后再上传文件", { status: 401, headers: text });
  if (user.mustChangePassword) return new Response("请先修改一次性密码后再上传文件", { status: 403, headers: text });
  if (!mayUpload(user)) return new Response("您没有上传文件的权限", { status: 403, headers: text });
  return user;
}

/** For pages about one proposal: 404 when it does not exist, 403 when the user has no part in it. */
export async function requireProposalAccess(user: CurrentUser, proposalId: number): Promise<void> {
  const parties = Number.isSafeInteger(proposalId) ? await loadProposalParties(getDb(), proposalId) : null;
  if (!parties) notFound();
  if (!canViewProposal(user, parties)) forbidden();
}
