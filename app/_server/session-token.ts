/**
 * The signed-in session as the session cookie carries it, read the way next-auth's `auth()` reads it (the
 * same cookie names, secret and salt, next-auth's own `decode`) without its cost on every request:
 * `auth()` builds a Request, derives the key, decrypts the token, runs the callbacks and encrypts a renewed
 * token that it then throws away (a page or action cannot set it). That was about 1 ms a call, twice for an
 * action answered with its page. A token's claims never change, so each token is decoded once (the last
 * TOKENS kept) and only its expiry is checked on each request. The front server's page cache reads the
 * same way.
 */
import { decode } from "next-auth/jwt";

/** next-auth's session cookie: `__Secure-` when the site is reached over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * What the app needs of a session token (set at sign-in by auth-config's jwt callback): the user, the
 * account's session version, the session's own id (by which signing out revokes it), the expiry, and
 * the role the token was issued for (only to size request bodies before the guard reads the user).
 */
export type SessionClaims = {
  userId: number;
  sessionVersion: number;
  sessionId: string;
  expiresAt: number;
  role: string | null;
  /** Signed in through 统一身份认证, not with a password. */
  sso: boolean;
  /** The platform's ID token, kept only to end its session at 退出 (OIDC_LOGOUT). */
  idToken: string | null;
};

/** A session id as the jwt callback makes them (a UUID); a token without one cannot be signed out, so it is refused. */
const SESSION_ID = /^[\w-]{16,64}$/;

const TOKENS = 1000;
const decoded = new Map<string, Promise<SessionClaims | null>>();

/** The session cookie of a request, by the reader of its cookies; null when there is none. */
export function sessionCookie(cookie: (name: string) => string | undefined): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    const value = cookie(name);
    if (value) return { name, value };
  }
  return null;
}

async function decodeClaims(name: string, value: string): Promise<SessionClaims | null> {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  try {
    const token = await decode({ token: value, secret, salt: name });
    const userId = Number(token?.uid);
    if (!token || !Number.isSafeInteger(userId) || userId <= 0 || typeof token.exp !== "number") return null;
    if (typeof token.sid !== "string" || !SESSION_ID.test(token.sid)) return null;
    const role = typeof token.role === "string" ? token.role : null;
    return {
      userId,
      sessionVersion: typeof token.sv === "number" ? token.sv : 0,
      sessionId: token.sid,
      expiresAt: token.exp * 1000,
      role,
      sso: token.sso === true,
      idToken: typeof token.idt === "string" ? token.idt : null,
    };
  } catch {
    return null;
  }
}

/** The claims of the session cookie, or null when it is missing, not this server's, or expired at `now`. */
export async function sessionClaims(cookie: { name: string; value: string } | null, now = Date.now()): Promise<SessionClaims | null> {
  if (!cookie) return null;
  const key = `${cookie.name}=${cookie.value}`;
  let claims = decoded.get(key);
  if (!claims) {
    claims = decodeClaims(cookie.name, cookie.value);
    decoded.set(key, claims);
    if (decoded.size > TOKENS) decoded.delete(decoded.keys().next().value!);
  }
  const found = await claims;
  return found && found.expiresAt > now ? found : null;
}
