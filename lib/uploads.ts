/**
 * The upload route's bounds (app/api/uploads/route.ts), shared with the front server that admits its
 * bodies (server/body-limits.ts): one file a request, of a purpose, each with its own size and the
 * capability it takes.
 */
import { can, type Actor, type Capability } from "./authz";
import { MAX_ATTACHMENT_BYTES } from "./import/attachments";
import { MAX_IMPORT_BYTES } from "./import/columns";

export const UPLOAD_PATH = "/api/uploads";

/**
 * "attachment": of a proposal (登记提案) or of its reply (答复附件); "workbook": 导入交办清单; "sealed": the
 * scan of the sealed letter; "photo": a photo of a 面商/座谈会; "wordDraft": a .docx to read into a reply
 * draft (从 Word 导入), used up once read.
 */
export const UPLOAD_PURPOSES = ["attachment", "workbook", "sealed", "photo", "wordDraft"] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
export const UPLOAD_MAX_BYTES: Record<UploadPurpose, number> = {
  attachment: MAX_ATTACHMENT_BYTES,
  workbook: MAX_IMPORT_BYTES,
  sealed: MAX_ATTACHMENT_BYTES,
  photo: MAX_ATTACHMENT_BYTES,
  wordDraft: MAX_ATTACHMENT_BYTES,
};

/** Who may upload for each purpose; whether the file may then be used on a given proposal or meeting is the use case's decision. */
export const UPLOAD_CAPABILITY: Record<UploadPurpose, Capability> = {
  attachment: "attachFiles",
  workbook: "coordinate",
  sealed: "uploadSealedScan",
  photo: "recordMeetings",
  wordDraft: "handle",
};

/** Whether the role may upload for `purpose`, or (without one) for any purpose: what the front server asks before it reads a body. */
export function mayUpload(actor: Pick<Actor, "role">, purpose?: UploadPurpose): boolean {
  return (purpose ? [purpose] : UPLOAD_PURPOSES).some((p) => can(actor, UPLOAD_CAPABILITY[p]));
}

export const isUploadPurpose = (value: string | null): value is UploadPurpose =>
  (UPLOAD_PURPOSES as readonly (string | null)[]).includes(value);

/** Multipart headers and boundaries around one file: what a body may carry beyond the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The largest body the upload route takes: the largest file and its wrapping. */
export const UPLOAD_REQUEST_BYTES = Math.max(...Object.values(UPLOAD_MAX_BYTES)) + MULTIPART_OVERHEAD_BYTES;
