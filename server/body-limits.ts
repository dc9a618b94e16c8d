/**
 * How large a request body the production server takes, decided from the request line and headers
 * before a byte of the body is read (docs/decisions/006-request-body-limits-and-supervision.md):
 *  - every server action, form and sign-in: ORDINARY_BODY_BYTES — forms carry text and the references
 *    of files uploaded beforehand;
 *  - the upload route (lib/uploads.ts), which streams its one file to disk: up to UPLOAD_REQUEST_BYTES,
 *    and only for a session whose role may upload — the claims of the session cookie, checked again by
 *    the route; any other caller is answered 401/403 at once, before the body;
 *  - /open/verify's upload (lib/signing/verify-result.ts): up to VERIFY_REQUEST_BYTES, for anyone;
 *  - a declared Content-Length is a bound Node's parser enforces; a body without one (chunked — Next
 *    itself forwards an action to the page that holds it so) gets the same limit counted as it arrives
 *    (`capped`); compressed bodies are refused: browsers never send them.
 * Next's own bodySizeLimit (next.config.ts) is the same 1 MB: the bound of `next dev` and the last resort.
 */
import { ROLES } from "@/lib/domain";
import { VERIFY_PATH, VERIFY_REQUEST_BYTES } from "@/lib/signing/verify-result";
import { mayUpload, MULTIPART_OVERHEAD_BYTES, UPLOAD_PATH, UPLOAD_REQUEST_BYTES } from "@/lib/uploads";

const MB = 1024 * 1024;
/** A reply letter, a proposal's text or a sign-in is a few KB; the longest field allowed is 20,000 characters. */
export const ORDINARY_BODY_BYTES = 1 * MB;

export type BodyRequest = { method: string; pathname: string; headers: Record<string, string | string[] | undefined> };
/** `early`: answered at once, the body thrown away after (the client learns it may not upload before it has sent the file). */
export type Refusal = { status: 401 | 403 | 413 | 415; message: string; early?: boolean };
export type BodyVerdict =
  | { kind: "none" }
  | { kind: "ordinary" }
  /** A file for the upload route, from a session that may upload. */
  | { kind: "upload"; bytes: number }
  /** No declared length: counted as it arrives, refused past `bytes`. */
  | { kind: "capped"; bytes: number; refusal: Refusal }
  | { kind: "refused"; refusal: Refusal };

const header = (request: BodyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

const mb = (bytes: number) => `${Math.floor(bytes / MB)} MB`;
const tooLarge = (bytes: number): Refusal => ({ status: 413, message: `提交的内容过大（最多 ${mb(bytes)}），请减小后重试。` });
const fileTooLarge: Refusal = {
  status: 413,
  message: `上传的文件过大（每个最多 ${mb(UPLOAD_REQUEST_BYTES - MULTIPART_OVERHEAD_BYTES)}）。`,
};

/** Why a session may not upload: none (401) or a role without the capability (403); null when it may. */
async function uploadRefusal(sessionRole: () => Promise<string | null>): Promise<Refusal | null> {
  const role = await sessionRole();
  if (role === null) return { status: 401, message: "请先登录后再上传文件", early: true };
  const found = ROLES.find((r) => r === role);
  return found !== undefined && mayUpload({ role: found }) ? null : { status: 403, message: "您没有上传文件的权限", early: true };
}

/**
 * What to do with the request's body. `sessionRole` is asked only for an upload over the ordinary size
 * or of unknown size: the role of the request's session, or null without a valid one.
 */
export async function bodyVerdict(request: BodyRequest, sessionRole: () => Promise<string | null>): Promise<BodyVerdict> {
  const lengthHeader = header(request, "content-length");
  const chunked = header(request, "transfer-encoding") !== undefined;
  if (!chunked && (lengthHeader === undefined || lengthHeader === "0")) return { kind: "none" };
  const encoding = header(request, "content-encoding");
  if (encoding && encoding.trim().toLowerCase() !== "identity")
    return { kind: "refused", refusal: { status: 415, message: "不接受压缩的请求内容。" } };
  const length = chunked || lengthHeader === undefined ? null : Number(lengthHeader);
  if (length !== null && (!Number.isSafeInteger(length) || length < 0))
    return { kind: "refused", refusal: { status: 413, message: "请求的内容长度无效。" } };
  if (length !== null && length <= ORDINARY_BODY_BYTES) return { kind: "ordinary" };
  // /open/verify's upload: a letter PDF, from anyone (the page is public); the route checks the file again.
  if (request.method === "POST" && request.pathname === VERIFY_PATH) {
    const refusal = tooLarge(VERIFY_REQUEST_BYTES - MULTIPART_OVERHEAD_BYTES);
    if (length === null) return { kind: "capped", bytes: VERIFY_REQUEST_BYTES, refusal };
    return length > VERIFY_REQUEST_BYTES ? { kind: "refused", refusal } : { kind: "upload", bytes: length };
  }
  const upload = request.method === "POST" && request.pathname === UPLOAD_PATH;
  if (!upload)
    return length === null
      ? { kind: "capped", bytes: ORDINARY_BODY_BYTES, refusal: tooLarge(ORDINARY_BODY_BYTES) }
      : { kind: "refused", refusal: tooLarge(ORDINARY_BODY_BYTES) };
  if (length !== null && length > UPLOAD_REQUEST_BYTES) return { kind: "refused", refusal: fileTooLarge };
  const refusal = await uploadRefusal(sessionRole);
  if (refusal) return { kind: "refused", refusal };
  return length === null ? { kind: "capped", bytes: UPLOAD_REQUEST_BYTES, refusal: fileTooLarge } : { kind: "upload", bytes: length };
}
