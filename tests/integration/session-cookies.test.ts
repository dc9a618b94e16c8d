/**
 * The session cookie as the app's sign-in sets it: next-auth with the app's own configuration, signing a
 * real user in from a real database, the way the login action does (createActionURL picks the URL from
 * AUTH_URL or the forwarded headers, as next-auth's signIn() does, then Auth() answers).
 */
import { createRequire } from "node:module";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authConfig } from "@/app/_server/auth-config";
import { sessionClaims } from "@/app/_server/session-token";
import { closeDatabase, getDb } from "@/db/client";
import { liveSessionUser, revokeSession } from "@/db/queries/credentials";
import { events, revokedSessions, users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { mintSessionToken, SESSION_COOKIE } from "@/scripts/lib/session-cookie";
import { tempDatabase, useAsAppDatabase } from "./temp-db";

/** The @auth/core that next-auth itself runs (npm may keep it inside next-auth's own node_modules). */
type Core = {
  Auth: (request: Request, config: object) => Promise<Response>;
  createActionURL: (action: string, protocol: string, headers: Headers, env: Record<string, string | undefined>, config: object) => URL;
  skipCSRFCheck: symbol;
};
const nextAuthEntry = createRequire(import.meta.url).resolve("next-auth");
const { Auth, createActionURL, skipCSRFCheck } = (await import(createRequire(nextAuthEntry).resolve("@auth/core"))) as Core;

const SECRET = "integration-test-secret-0123456789";
const PASSWORD = "Lan-hua-2026";
let t: Awaited<ReturnType<typeof tempDatabase>>;

beforeAll(async () => {
  t = await tempDatabase();
  useAsAppDatabase(t);
  vi.stubEnv("AUTH_SECRET", SECRET);
  await t.db
    .insert(users)
    .values({ username: "jiangmj", passwordHash: await hashPassword(PASSWORD), displayName: "蒋明杰", role: "handler" })
    .run();
});
afterAll(async () => {
  await closeDatabase(getDb());
  vi.unstubAllEnvs();
  await t.cleanup();
});

const config = { ...authConfig, secret: SECRET, basePath: "/api/auth", skipCSRFCheck };

/** The URL next-auth's server-side signIn() posts to, for these request headers and environment. */
function signInUrl(headers: Record<string, string>, env: Record<string, string | undefined> = {}): URL {
  const h = new Headers(headers);
  return createActionURL("callback", h.get("x-forwarded-proto") ?? "http", h, env, config);
}

async function signInAt(url: URL): Promise<string[]> {
  const response = await Auth(
    new Request(`${url.href}/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "127.0.0.1" },
      body: new URLSearchParams({ username: "jiangmj", password: PASSWORD, callbackUrl: "/work" }),
    }),
    config,
  );
  return response.headers.getSetCookie();
}

const sessionCookie = (cookies: string[]) => cookies.find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
const attributes = (cookie: string) =>
  cookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().split("=")[0]!.toLowerCase())
    .sort();

describe("the session cookie", { timeout: 60_000 }, () => {
  it("over plain http (the local demo, the e2e server) is authjs.session-token, HttpOnly and SameSite=Lax, not Secure", async () => {
    const url = signInUrl({ host: "localhost:3000", "x-forwarded-proto": "http" });
    expect(url.href).toBe("http://localhost:3000/api/auth/callback");
    const cookie = sessionCookie(await signInAt(url))!;
    expect(cookie).toMatch(/^authjs\.session-token=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(attributes(cookie)).not.toContain("secure");
  });

  it("behind a TLS-terminating proxy that sends X-Forwarded-Proto: https is __Secure-, Secure, HttpOnly and SameSite=Lax", async () => {
    const url = signInUrl({ host: "127.0.0.1:3000", "x-forwarded-host": "tian.example.gov.cn", "x-forwarded-proto": "https" });
    expect(url.origin).toBe("https://tian.example.gov.cn");
    const cookie = sessionCookie(await signInAt(url))!;
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(attributes(cookie)).toEqual(expect.arrayContaining(["secure", "httponly", "samesite", "path"]));
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it("with AUTH_URL=https://… is secure even when the proxy forwards no protocol", async () => {
    const url = signInUrl({ host: "127.0.0.1:3000", "x-forwarded-proto": "http" }, { AUTH_URL: "https://tian.example.gov.cn" });
    expect(url.protocol).toBe("https:");
    const cookie = sessionCookie(await signInAt(url))!;
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=.*; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it("is read back under the same name only: a secure cookie is not taken over http, and the e2e fixtures' minted cookie works over http", async () => {
    const secure = sessionCookie(await signInAt(signInUrl({ host: "h", "x-forwarded-proto": "https" })))!;
    const value = secure.split(";")[0]!.split("=").slice(1).join("=");
    const session = async (origin: string, cookie: string) =>
      (await Auth(new Request(`${origin}/api/auth/session`, { headers: { cookie } }), config)).json() as Promise<{
        user?: { name?: string };
      } | null>;
    expect((await session("https://h", `__Secure-authjs.session-token=${value}`))?.user?.name).toBe("蒋明杰");
    expect(await session("http://h", `__Secure-authjs.session-token=${value}`)).toBeNull();
    const minted = await mintSessionToken(t.location, SECRET, "jiangmj");
    expect(SESSION_COOKIE).toBe("authjs.session-token");
    expect((await session("http://localhost:3100", `${SESSION_COOKIE}=${minted}`))?.user).toMatchObject({
      name: "蒋明杰",
      role: "handler",
      sessionVersion: 0,
    });
  });

  it("is read by the guard (session-token.ts) as next-auth reads it: the same user and version, and nothing for a token under another name, an expired one or a forged one", async () => {
    const cookie = sessionCookie(await signInAt(signInUrl({ host: "h", "x-forwarded-proto": "https" })))!;
    const [name, ...rest] = cookie.split(";")[0]!.split("=");
    const value = rest.join("=");
    const user = (await getDb().select().from(users).where(eq(users.username, "jiangmj")).get())!;
    const claims = await sessionClaims({ name: name!, value });
    expect(claims).toMatchObject({ userId: user.id, sessionVersion: user.sessionVersion, sso: false });
    const nextAuth = (await (
      await Auth(new Request("https://h/api/auth/session", { headers: { cookie: `${name}=${value}` } }), config)
    ).json()) as { user: { id: string; sessionVersion: number } };
    expect({ userId: Number(nextAuth.user.id), sessionVersion: nextAuth.user.sessionVersion }).toEqual({
      userId: claims!.userId,
      sessionVersion: claims!.sessionVersion,
    });
    // next-auth's own expiry: eight hours from sign-in.
    expect(Math.abs(claims!.expiresAt - (Date.now() + 8 * 60 * 60 * 1000))).toBeLessThan(60_000);
    expect(await sessionClaims({ name: "authjs.session-token", value })).toBeNull();
    expect(await sessionClaims({ name: name!, value }, claims!.expiresAt + 1)).toBeNull();
    expect(await sessionClaims({ name: name!, value: value.slice(0, -4) + (value.endsWith("AAAA") ? "BBBB" : "AAAA") })).toBeNull();
    expect(await sessionClaims(null)).toBeNull();
  });

  it("ends with 退出 in the database: the signed-out token is refused from then on (as the guard reads it), another session of the user is not", async () => {
    const signedIn = async () => sessionCookie(await signInAt(signInUrl({ host: "h", "x-forwarded-proto": "http" })))!.split(";")[0]!;
    const live = async (cookie: string) => {
      const [name, ...rest] = cookie.split("=");
      const claims = await sessionClaims({ name: name!, value: rest.join("=") });
      return claims ? await liveSessionUser(getDb(), claims) : null;
    };
    const [kept, ended] = [await signedIn(), await signedIn()];
    expect(await live(kept)).toMatchObject({ displayName: "蒋明杰" });
    expect(await live(ended)).toMatchObject({ displayName: "蒋明杰" });
    const signOuts = async () => (await getDb().select().from(events).where(eq(events.action, "sign_out")).all()).length;
    const before = await signOuts();
    const signOut = async (cookie: string) =>
      Auth(
        new Request("http://h/api/auth/signout", {
          method: "POST",
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          body: "",
        }),
        config,
      );
    const answer = await signOut(ended);
    expect(answer.headers.getSetCookie().some((c) => /^authjs\.session-token=;/.test(c))).toBe(true);
    // The cookie is cleared, but whoever kept a copy of it has nothing.
    expect(await live(ended)).toBeNull();
    expect(await live(kept)).toMatchObject({ displayName: "蒋明杰" });
    expect(await signOuts()).toBe(before + 1);
    // Signing out the same token again revokes nothing new and is not logged twice.
    await signOut(ended);
    expect(await signOuts()).toBe(before + 1);
  });

  it("keeps a revoked session only until its token would have expired anyway", async () => {
    const db = getDb();
    const now = new Date("2026-12-01T08:00:00Z");
    expect(await revokeSession(db, "expired-session-0001", new Date(now.getTime() - 1), new Date(now.getTime() - 60_000))).toBe(true);
    expect(await revokeSession(db, "running-session-0001", new Date(now.getTime() + 60_000), now)).toBe(true);
    expect(await revokeSession(db, "running-session-0001", new Date(now.getTime() + 60_000), now)).toBe(false);
    const ids = (await db.select().from(revokedSessions).all()).map((r) => r.sessionId);
    expect(ids).toContain("running-session-0001");
    expect(ids).not.toContain("expired-session-0001");
    expect(
      (
        await db
          .select()
          .from(revokedSessions)
          .where(and(eq(revokedSessions.sessionId, "running-session-0001")))
          .get()
      )?.expiresAt,
    ).toEqual(new Date(now.getTime() + 60_000));
  });

  it("is refused when it carries no session id, which could not be signed out", async () => {
    const { encode } = await import("next-auth/jwt");
    const user = (await getDb().select().from(users).where(eq(users.username, "jiangmj")).get())!;
    const value = await encode({
      salt: SESSION_COOKIE,
      secret: SECRET,
      token: { sub: String(user.id), uid: String(user.id), sv: user.sessionVersion },
    });
    expect(await sessionClaims({ name: SESSION_COOKIE, value })).toBeNull();
  });

  it("is not set for a wrong password", async () => {
    const response = await Auth(
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ username: "jiangmj", password: "wrong-password", callbackUrl: "/" }),
      }),
      config,
    );
    expect(sessionCookie(response.headers.getSetCookie())).toBeUndefined();
    expect((await getDb().select({ n: users.failedLogins }).from(users).where(eq(users.username, "jiangmj")).get())?.n).toBe(1);
  });
});
