/**
 * 退出 at the identity platform too (OIDC_LOGOUT, docs/decisions/018): the address of its end-session
 * endpoint for a session, or null when it is not wanted or cannot be had — 退出 then ends this system's
 * session only, as it always does first.
 */
import { endSessionUrl } from "@/lib/sso";
import { originConfig } from "@/lib/site-origin";
import { signInConfig } from "./auth-config";

let endpoint: Promise<string | null> | null = null;

/** The platform's end_session_endpoint, from its discovery document (asked once per process, again after a failure). */
function endSessionEndpoint(issuer: string): Promise<string | null> {
  endpoint ??= fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) })
    .then(async (response) => {
      const found = response.ok ? ((await response.json()) as { end_session_endpoint?: unknown }).end_session_endpoint : null;
      return typeof found === "string" && /^https?:\/\//.test(found) ? found : null;
    })
    .catch(() => {
      endpoint = null;
      return null;
    });
  return endpoint;
}

export async function platformLogoutUrl(idToken: string | null): Promise<string | null> {
  const { sso } = signInConfig;
  const origin = originConfig(process.env).publicOrigin;
  if (!sso?.logout || !idToken || !origin) return null;
  const found = await endSessionEndpoint(sso.issuer);
  return found && endSessionUrl(found, { idToken, clientId: sso.clientId, origin });
}
