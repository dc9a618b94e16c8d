/**
 * The upload route's bounds (app/api/uploads/route.ts), shared with the front server that admits its
 * bodies (scripts/lib/body-limits.ts): one file a request, of a purpose, each with its own size.
 */
import { MAX_ATTACHMENT_BYTES } from "./import/attachments";
import { MAX_IMPORT_BYTES } from "./import/columns";

export const UPLOAD_PATH = "/api/uploads";

export type UploadPurpose = "attachment" | "workbook";
export const UPLOAD_MAX_BYTES: Record<UploadPurpose, number> = { attachment: MAX_ATTACHMENT_BYTES, workbook: MAX_IMPORT_BYTES };

/** Multipart headers and boundaries around one file: what a body may carry beyond the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The largest body the upload route takes: the largest file and its wrapping. */
export const UPLOAD_REQUEST_BYTES = Math.max(...Object.values(UPLOAD_MAX_BYTES)) + MULTIPART_OVERHEAD_BYTES;
