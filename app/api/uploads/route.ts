/**
 * POST /api/uploads?purpose=attachment|workbook|sealed|photo|wordDraft: one file, streamed to the incoming folder, checked
 * as the form that will use it checks it (type from the first bytes, size), and recorded for its uploader.
 * Answers `{ id, name, size }`, the reference the form sends instead of the file; refusals are a Chinese
 * sentence. Who may upload is asked before a byte of the body is read; the front server
 * (server/body-limits.ts) admits a body of this size only here and only for such a session.
 */
import fs from "node:fs";
import { getDb } from "@/db/client";
import { incomingDir, incomingPath, newUploadId, recordUpload, removeExpiredUploads } from "@/db/handling/uploads";
import { checkAttachment, checkMeetingPhoto, checkSealedScan, type FileCheck, type ReceivedFile } from "@/lib/import/attachments";
import { checkWordDraftFile } from "@/lib/import/word-file";
import { checkWorkbookFile } from "@/lib/import/workbook";
import { sameOriginRequest } from "@/lib/site-origin";
import { isUploadPurpose, mayUpload, MULTIPART_OVERHEAD_BYTES, UPLOAD_MAX_BYTES, type UploadPurpose } from "@/lib/uploads";
import { uploadCaller } from "../../_server/guard";
import { receiveFile } from "../../_server/receive-upload";

const CHECKS: Record<UploadPurpose, (file: ReceivedFile) => FileCheck> = {
  attachment: checkAttachment,
  workbook: checkWorkbookFile,
  sealed: checkSealedScan,
  photo: checkMeetingPhoto,
  wordDraft: checkWordDraftFile,
};

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  const user = await uploadCaller();
  if (user instanceof Response) return user;
  if (!sameOriginRequest(request.headers)) return refuse(403, "请从本系统的页面上传文件");
  const purpose = new URL(request.url).searchParams.get("purpose");
  if (!isUploadPurpose(purpose)) return refuse(400, "上传的用途无效");
  if (!mayUpload(user, purpose)) return refuse(403, "您没有上传此类文件的权限");
  const maxBytes = UPLOAD_MAX_BYTES[purpose];
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes + MULTIPART_OVERHEAD_BYTES) return refuse(413, `文件超过 ${maxBytes / (1024 * 1024)} MB`);

  const db = getDb();
  await removeExpiredUploads(db);
  fs.mkdirSync(incomingDir(), { recursive: true });
  const id = newUploadId();
  const target = incomingPath(id);
  const received = await receiveFile(request, target, maxBytes);
  if (!received.ok) return refuse(received.status, received.message);
  const checked = CHECKS[purpose](received);
  if (!checked.ok) {
    fs.rmSync(target, { force: true });
    return refuse(422, checked.message);
  }
  await recordUpload(db, {
    id,
    userId: user.id,
    purpose,
    fileName: checked.fileName,
    mimeType: checked.mimeType,
    size: received.size,
    sha256: received.sha256,
  });
  return Response.json({ id, name: checked.fileName, size: received.size }, { headers: { "Cache-Control": "no-store" } });
}
