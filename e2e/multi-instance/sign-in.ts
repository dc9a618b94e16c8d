/**
 * Sign-in and sign-out over HTTP against one instance directly (not through nginx), as next-auth's own pages do it:
 * the CSRF token and its cookie, then the credentials callback. The multi-instance test signs in on one instance and
 * checks what the other makes of it: a lock, a session, a session ended (issue 21).
 */
import { SESSION_COOKIE } from "../../scripts/lib/session-cookie";

/** The cookies a response set, as name → value (a cleared cookie has an empty value). */
function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return cookies;
}

const cookieHeader = (cookies: Map<string, string>) => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

async function csrf(base: string, address: string): Promise<{ token: string; cookies: Map<string, string> }> {
  const response = await fetch(`${base}/api/auth/csrf`, { headers: { "X-Forwarded-For": address } });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookies: setCookies(response) };
}

export type SignInOutcome = { session: string | null; error: string | null; code: string | null };

/** Signs in at `base` from `address` (TRUST_PROXY: the instance takes X-Forwarded-For): the session cookie, or next-auth's error and code. */
export async function signInAt(base: string, username: string, password: string, address: string): Promise<SignInOutcome> {
  const { token, cookies } = await csrf(base, address);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies), "X-Forwarded-For": address },
    body: new URLSearchParams({ csrfToken: token, username, password, callbackUrl: "/work" }),
  });
  await response.arrayBuffer();
  const location = new URL(response.headers.get("location") ?? "/", base);
  return {
    session: setCookies(response).get(SESSION_COOKIE) || null,
    error: location.searchParams.get("error"),
    code: location.searchParams.get("code"),
  };
}

/** Signs the session out at `base`, as the 退出 button does. */
export async function signOutAt(base: string, session: string, address: string): Promise<number> {
  const { token, cookies } = await csrf(base, address);
  cookies.set(SESSION_COOKIE, session);
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies), "X-Forwarded-For": address },
    body: new URLSearchParams({ csrfToken: token }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** The status of `path` at `base` for this session (redirects not followed). */
export async function statusAt(base: string, path: string, session: string): Promise<number> {
  const response = await fetch(`${base}${path}`, { redirect: "manual", headers: { Cookie: `${SESSION_COOKIE}=${session}` } });
  await response.arrayBuffer();
  return response.status;
}
