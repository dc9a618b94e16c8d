/**
 * How large a request body the production server takes, decided from the request line and headers
 * before a byte of the body is read (docs/decisions/006-request-body-limits-and-supervision.md):
 *  - ordinary forms and sign-in: ORDINARY_BODY_BYTES;
 *  - the two upload forms (登记提案 with attachments, 导入交办清单): their own limits, and only for a
 *    session whose role may use them — the claims of the session cookie, checked again by the action;
 *  - a declared Content-Length is a bound Node's parser enforces; a body without one (chunked — Next
 *    itself forwards an action to the page that holds it so) gets the same limit counted as it arrives
 *    (`capped`); compressed bodies are refused: browsers never send them;
 *  - at most BIG_BODIES_AT_ONCE bodies over the ordinary size are read at a time (the action reads a
 *    body into memory whole); the others wait unread, and after 30 s are asked to retry.
 * Next's own bodySizeLimit (next.config.ts) stays as the bound of `next dev` and the last resort.
 */
import { can } from "@/lib/authz";
import { ROLES } from "@/lib/domain";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/import/attachments";
import { MAX_IMPORT_BYTES } from "@/lib/import/columns";
import { Slots } from "@/lib/slots";

const MB = 1024 * 1024;
/** A reply letter, a proposal's text or a sign-in is a few KB; the longest field allowed is 20,000 characters. */
export const ORDINARY_BODY_BYTES = 1 * MB;
export const BIG_BODIES_AT_ONCE = 2;

/** The forms that upload files: the action's key in the server-reference manifest, its page, its limit. */
export const UPLOADS = [
  { action: "app/(staff)/proposals/new/actions.ts#registerProposalAction", page: "/proposals/new", bytes: MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + ORDINARY_BODY_BYTES },
  { action: "app/(staff)/proposals/import/actions.ts#importListAction", page: "/proposals/import", bytes: MAX_IMPORT_BYTES + ORDINARY_BODY_BYTES },
] as const;

export type BodyRequest = { method: string; pathname: string; headers: Record<string, string | string[] | undefined> };
export type Refusal = { status: 413 | 415 | 503; message: string; retryAfter?: number };
export type BodyVerdict =
  | { kind: "none" }
  | { kind: "ordinary" }
  | { kind: "big"; bytes: number }
  /** No declared length: counted as it arrives, refused past `bytes`. */
  | { kind: "capped"; bytes: number; refusal: Refusal; big: boolean }
  | { kind: "refused"; refusal: Refusal };

const header = (request: BodyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

/**
 * The upload a request is, if any: by its Next-Action header (an action may be posted to any path),
 * or — a form sent before the page's script ran carries the action in its body — by the page it is posted to.
 */
export function uploadOf(request: BodyRequest, actionIds: ReadonlyMap<string, string>): (typeof UPLOADS)[number] | null {
  const actionId = header(request, "next-action");
  if (actionId) return UPLOADS.find((u) => actionIds.get(u.action) === actionId) ?? null;
  return request.method === "POST" ? (UPLOADS.find((u) => u.page === request.pathname) ?? null) : null;
}

const mb = (bytes: number) => `${Math.floor(bytes / MB)} MB`;
const tooLarge = (bytes: number): Refusal => ({ status: 413, message: `提交的内容过大（最多 ${mb(bytes)}），请减小后重试。` });

/**
 * What to do with the request's body. `sessionRole` is asked only for an upload over the ordinary size
 * or of unknown size: the role of the request's session, or null without a valid one.
 */
export async function bodyVerdict(request: BodyRequest, actionIds: ReadonlyMap<string, string>, sessionRole: () => Promise<string | null>): Promise<BodyVerdict> {
  const lengthHeader = header(request, "content-length");
  const chunked = header(request, "transfer-encoding") !== undefined;
  if (!chunked && (lengthHeader === undefined || lengthHeader === "0")) return { kind: "none" };
  const encoding = header(request, "content-encoding");
  if (encoding && encoding.trim().toLowerCase() !== "identity") return { kind: "refused", refusal: { status: 415, message: "不接受压缩的请求内容。" } };
  const length = chunked || lengthHeader === undefined ? null : Number(lengthHeader);
  if (length !== null && (!Number.isSafeInteger(length) || length < 0)) return { kind: "refused", refusal: { status: 413, message: "请求的内容长度无效。" } };
  if (length !== null && length <= ORDINARY_BODY_BYTES) return { kind: "ordinary" };
  const upload = uploadOf(request, actionIds);
  const mayUpload = async () => {
    const role = await sessionRole();
    const found = ROLES.find((r) => r === role);
    return found !== undefined && can({ role: found }, "coordinate");
  };
  if (length === null) {
    const bytes = upload && (await mayUpload()) ? upload.bytes : ORDINARY_BODY_BYTES;
    return { kind: "capped", bytes, refusal: tooLarge(bytes), big: bytes > ORDINARY_BODY_BYTES };
  }
  if (!upload) return { kind: "refused", refusal: tooLarge(ORDINARY_BODY_BYTES) };
  if (length > upload.bytes) return { kind: "refused", refusal: tooLarge(upload.bytes) };
  if (!(await mayUpload())) return { kind: "refused", refusal: tooLarge(ORDINARY_BODY_BYTES) };
  return { kind: "big", bytes: length };
}

/** The big bodies being read: two at a time; the next wait their turn (their bytes stay in the socket, unread), then are asked to retry. */
export const bigBodySlots = () => new Slots(BIG_BODIES_AT_ONCE, 30_000);

export const BUSY: Refusal = { status: 503, message: "服务器正在接收其他上传，请稍后重试。", retryAfter: 5 };
