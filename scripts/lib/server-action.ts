/**
 * Calls the app's server actions over plain HTTP, as the browser does: the action's id (from the
 * build's server-reference manifest) in the Next-Action header, the arguments encoded as React
 * encodes them (field names prefixed `_1_`, as captured from Chromium) ([previous state, form data] for our `formAction`s). For load, crash and security
 * scripts and tests that must reach every action without a browser.
 */
import fs from "node:fs";
import path from "node:path";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** Every server action of a build, keyed "app/…/actions.ts#name". */
export function serverActionIds(distDir = process.env.NEXT_DIST_DIR ?? ".next"): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

export type ActionCall = {
  baseURL: string;
  /** The page the form lives on; the action runs in that page's context. */
  page: string;
  actionId: string;
  fields: Record<string, string | string[]>;
  /** Session cookie value, or none for an anonymous call. */
  sessionToken?: string;
  /** Defaults to the server's own origin; a different one must be refused (CSRF). */
  origin?: string;
  /** More request headers, e.g. the X-Forwarded-Proto a TLS-terminating proxy would add. */
  headers?: Record<string, string>;
};

export type ActionResponse = {
  status: number;
  /** The value the action returned (our ActionResult), when it returned one. */
  result: unknown;
  /** Where the action redirected to, when it did. */
  redirectTo: string | null;
  body: string;
  /** The Set-Cookie headers of the response (the sign-in action sets the session cookie). */
  setCookies: string[];
};

/** The form fields as React's encodeReply sends `(null, formData)`: the FormData's entries prefixed with its reference id. */
function encodeFormArguments(fields: ActionCall["fields"]): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(`_1_${key}`, one);
  }
  body.append("0", JSON.stringify([null, "$K1"]));
  return body;
}

/** The action's return value from the Flight response: row 0 names the row (`"a":"$@N"`) that holds it. */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const root = rows.get("0");
  if (!root) return undefined;
  const answer = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof answer === "string" && answer.startsWith("$@")) {
    const row = rows.get(answer.slice(2));
    // An "E" row is an error the server threw (e.g. a refused origin) rather than a returned value.
    if (row === undefined || row.startsWith("E")) return undefined;
    return JSON.parse(row);
  }
  return answer;
}

export async function callServerAction(call: ActionCall): Promise<ActionResponse> {
  const url = new URL(call.page, call.baseURL);
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": call.actionId,
      Accept: "text/x-component",
      Origin: call.origin ?? url.origin,
      ...(call.sessionToken ? { Cookie: `authjs.session-token=${call.sessionToken}` } : {}),
      ...call.headers,
    },
    body: encodeFormArguments(call.fields),
  });
  const body = await response.text();
  return {
    status: response.status,
    result: actionResult(body),
    redirectTo: response.headers.get("x-action-redirect"),
    body,
    setCookies: response.headers.getSetCookie(),
  };
}
