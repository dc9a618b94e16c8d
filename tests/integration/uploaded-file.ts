/** A file as the upload route (app/api/uploads) leaves it: in the incoming folder, recorded for its uploader. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { incomingPath, newUploadId, recordUpload } from "@/db/handling/uploads";
import type { UploadPurpose } from "@/lib/uploads";

/** Records `bytes` as uploaded by `userId` for `purpose`; returns the reference a form sends. */
export async function uploadedFile(
  db: Db,
  file: { userId: number; purpose: UploadPurpose; fileName: string; bytes: Uint8Array; mimeType: string },
): Promise<string> {
  const id = newUploadId();
  fs.mkdirSync(path.dirname(incomingPath(id)), { recursive: true });
  fs.writeFileSync(incomingPath(id), file.bytes);
  await recordUpload(db, {
    id,
    userId: file.userId,
    purpose: file.purpose,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.bytes.byteLength,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
  });
  return id;
}
