/**
 * Calls the app's server actions over plain HTTP, as the browser does: the action's id (from the
 * build's server-reference manifest) in the Next-Action header, the arguments encoded as React
 * encodes them ([previous state, form data] for our `formAction`s). For load, crash and security
 * scripts and tests that must reach every action without a browser; the one place that knows the
 * encoding of the request and of the answer.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** Every server action of a build, keyed "app/…/actions.ts#name". */
export function serverActionIds(distDir = process.env.NEXT_DIST_DIR ?? ".next"): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

/** A form field: text, raw bytes (which need not be UTF-8), or an uploaded file. */
export type FieldValue = string | Buffer | { file: Buffer; name: string; type?: string };
export type Fields = Record<string, FieldValue | FieldValue[]>;

const CRLF = "\r\n";

/**
 * The arguments `(null, formData)` as React's encodeReply sends them from Chromium: the form's fields
 * prefixed with its reference id (`_1_`), then part "0" naming the arguments — last, since React
 * decodes it when it reaches it. Written out by hand so that a field may carry any bytes or a file.
 */
export function encodeActionArguments(fields: Fields): { body: Buffer; contentType: string } {
  const boundary = `----action${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  const part = (name: string, value: FieldValue) => {
    if (typeof value === "object" && !Buffer.isBuffer(value)) {
      const fileName = value.name.replace(/"/g, "%22").replace(/\r|\n/g, " ");
      parts.push(
        Buffer.from(
          `--${boundary}${CRLF}Content-Disposition: form-data; name="${name}"; filename="${fileName}"${CRLF}Content-Type: ${value.type ?? "application/octet-stream"}${CRLF}${CRLF}`,
        ),
        value.file,
        Buffer.from(CRLF),
      );
      return;
    }
    parts.push(
      Buffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}${CRLF}`),
      Buffer.isBuffer(value) ? value : Buffer.from(value),
      Buffer.from(CRLF),
    );
  };
  for (const [key, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) part(`_1_${key}`, one);
  part("0", JSON.stringify([null, "$K1"]));
  parts.push(Buffer.from(`--${boundary}--${CRLF}`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** React Flight writes `undefined` as "$undefined" (e.g. `fieldErrors: undefined`). */
function flightValue(_key: string, value: unknown): unknown {
  return value === "$undefined" ? undefined : value;
}

/**
 * The action's return value from the Flight response: row 0 names the row (`"a":"$@N"`) that holds it.
 * Undefined when there is none, or when the server threw (an "E" row, e.g. a refused origin).
 */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const root = rows.get("0");
  if (!root) return undefined;
  let answer: unknown;
  try {
    answer = (JSON.parse(root) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  if (typeof answer === "string" && answer.startsWith("$@")) {
    const row = rows.get(answer.slice(2));
    if (row === undefined || row.startsWith("E")) return undefined;
    return JSON.parse(row, flightValue);
  }
  return answer;
}

export type ActionCall = {
  baseURL: string;
  /** The page the form lives on; the action runs in that page's context. */
  page: string;
  actionId: string;
  fields: Fields;
  /** Session cookie value, or none for an anonymous call. */
  sessionToken?: string;
  /** Defaults to the server's own origin; a different one must be refused (CSRF). */
  origin?: string;
  /** Further request headers (e.g. X-Forwarded-Proto, X-Forwarded-For). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export type ActionResponse = {
  status: number;
  /** The value the action returned (our ActionResult), when it returned one. */
  result: unknown;
  /** Where the action redirected to, when it did. */
  redirectTo: string | null;
  /** The cookies the answer set (sign-in, sign-out). */
  setCookies: string[];
  body: string;
};

export async function callServerAction(call: ActionCall): Promise<ActionResponse> {
  const url = new URL(call.page, call.baseURL);
  const { body, contentType } = encodeActionArguments(call.fields);
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    signal: call.signal,
    headers: {
      "Next-Action": call.actionId,
      Accept: "text/x-component",
      "Content-Type": contentType,
      Origin: call.origin ?? url.origin,
      ...(call.sessionToken ? { Cookie: `authjs.session-token=${call.sessionToken}` } : {}),
      ...call.headers,
    },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    result: actionResult(text),
    redirectTo: response.headers.get("x-action-redirect"),
    setCookies: response.headers.getSetCookie(),
    body: text,
  };
}
