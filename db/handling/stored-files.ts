/**
 * Where uploaded files are kept once a use case takes them (a proposal's attachments, a reply's files):
 * the attachments folder beside the database, never under public/, as `<proposal id>/<random name>`.
 * Taking a file is a rename from the incoming folder (same disk); the rows naming it are written in the
 * use case's transaction, and when that fails `undo` puts the files back, still usable as uploads.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { attachmentsDirFor, databasePath } from "../client";
import type { HeldUpload } from "./uploads";

/** Where attachment files are kept: beside the database, never under public/. */
export function attachmentsDir(): string {
  return attachmentsDirFor(databasePath());
}

export type FilePlacement = {
  /** Moves the held upload into the proposal's folder; answers its storage path (relative to attachmentsDir()). */
  place: (proposalId: number, file: HeldUpload) => string;
  /** Puts every file placed back where it came from and removes the folders it created. */
  undo: () => void;
};

export function filePlacement(): FilePlacement {
  const moved: { from: string; to: string }[] = [];
  const created: string[] = [];
  return {
    place(proposalId, file) {
      const folder = path.join(/*turbopackIgnore: true*/ attachmentsDir(), String(proposalId));
      const made = fs.mkdirSync(folder, { recursive: true });
      if (made) created.push(made);
      const storedName = randomBytes(16).toString("hex");
      const to = path.join(/*turbopackIgnore: true*/ folder, storedName);
      fs.renameSync(file.path, to);
      moved.push({ from: file.path, to });
      return `${proposalId}/${storedName}`;
    },
    undo() {
      for (const { from, to } of moved.reverse()) fs.renameSync(to, from);
      for (const folder of created) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
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
