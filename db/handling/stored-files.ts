/**
 * Where uploaded files are kept once a use case takes them (a proposal's attachments, a reply's files, a
 * meeting's photos): the attachments folder beside the database, never under public/, as
 * `<proposal id>/<random name>` or `meetings/<meeting id>/<random name>`.
 * Taking a file is a rename from the incoming folder (same disk); the rows naming it are written in the
 * use case's transaction, and when that fails `undo` puts the files back, still usable as uploads.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { attachmentsDirFor, databasePath, type Db } from "../client";
import { consumeUploads, type HeldUpload } from "./uploads";

/** Where attachment files are kept: beside the database, never under public/. */
export function attachmentsDir(): string {
  return attachmentsDirFor(databasePath());
}

export type FilePlacement = {
  /** Moves the held upload into the folder (a proposal's id, or `meetings/<id>`); answers its storage path (relative to attachmentsDir()). */
  place: (folder: number | string, file: HeldUpload) => string;
  /** Puts every file placed back where it came from and removes the folders it created. */
  undo: () => void;
};

export function filePlacement(): FilePlacement {
  const moved: { from: string; to: string }[] = [];
  const created: string[] = [];
  return {
    place(folder, file) {
      const full = path.join(/*turbopackIgnore: true*/ attachmentsDir(), String(folder));
      const made = fs.mkdirSync(full, { recursive: true });
      if (made) created.push(made);
      const storedName = randomBytes(16).toString("hex");
      const to = path.join(/*turbopackIgnore: true*/ full, storedName);
      fs.renameSync(file.path, to);
      moved.push({ from: file.path, to });
      return `${folder}/${storedName}`;
    },
    undo() {
      for (const { from, to } of moved.reverse()) fs.renameSync(to, from);
      for (const folder of created) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** An upload was used by another request between the check and the transaction (a second tab). */
class UploadTaken extends Error {}
const UPLOAD_TAKEN = "上传的文件已失效或已被使用，请移除后重新上传";

/**
 * Runs a use case that takes held uploads into place: `place` marks the upload used in the use case's
 * transaction and moves its file; when the use case throws (its transaction rolled back), the files go
 * back to the incoming folder, still usable, and an upload used meanwhile is refused as used.
 */
export async function takingUploads<T>(
  run: (place: (tx: Pick<Db, "delete">, folder: number | string, file: HeldUpload) => Promise<string>) => Promise<T>,
): Promise<T | { ok: false; reason: string }> {
  const placement = filePlacement();
  try {
    return await run(async (tx, folder, file) => {
      if (!(await consumeUploads(tx, [file.id]))) throw new UploadTaken();
      return placement.place(folder, file);
    });
  } catch (error) {
    placement.undo();
    if (error instanceof UploadTaken) return { ok: false, reason: UPLOAD_TAKEN };
    throw error;
  }
}

/** The file a storage path names, or null when the path would lead out of the attachments folder. */
export function storedFilePath(storagePath: string): string | null {
  const root = path.resolve(/*turbopackIgnore: true*/ attachmentsDir());
  const full = path.resolve(/*turbopackIgnore: true*/ root, storagePath);
  return full.startsWith(root + path.sep) ? full : null;
}

/** Deletes a stored file whose row is gone (after the transaction that deleted it committed). */
export function removeStoredFile(storagePath: string): void {
  const full = storedFilePath(storagePath);
  if (full) fs.rmSync(full, { force: true });
}
