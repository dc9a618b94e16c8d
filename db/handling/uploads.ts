/**
 * Files waiting for the form that uses them: the upload route (app/api/uploads/route.ts) streams a file
 * into the incoming folder under a random id, checks it and records it here for its uploader; the use
 * case that takes it (登记提案, 导入交办清单) checks that the reference is the caller's and unused, and
 * deletes the row in its own transaction. What is not used within a day is removed.
 */
import { and, eq, inArray, lt } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { UploadPurpose } from "@/lib/uploads";
import { databasePath, incomingDirFor, type Db } from "../client";
import { uploads } from "../schema";
import { now as clockNow } from "../clock";

export type HeldUpload = { id: string; fileName: string; mimeType: string; size: number; sha256: string; path: string };

/** How long an upload waits for its form. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "delete">;

export const incomingDir = () => incomingDirFor(databasePath());
const ID = /^[0-9a-f]{32}$/;

/** A new upload's id, which is also its file's name in the incoming folder. */
export const newUploadId = () => randomBytes(16).toString("hex");
export const incomingPath = (id: string) => path.join(/*turbopackIgnore: true*/ incomingDir(), id);

export async function recordUpload(
  db: Db,
  row: { id: string; userId: number; purpose: UploadPurpose; fileName: string; mimeType: string; size: number; sha256: string },
): Promise<void> {
  await db.insert(uploads).values(row).run();
}

/**
 * The caller's uploads for these references, in their order, or why they cannot be used: another user's,
 * already used, expired and removed, or of another purpose all read alike, as a file to upload again.
 */
export async function heldUploads(
  db: Reader,
  userId: number,
  purpose: UploadPurpose,
  ids: readonly string[],
  now = clockNow().getTime(),
): Promise<{ ok: true; uploads: HeldUpload[] } | { ok: false; message: string }> {
  if (new Set(ids).size !== ids.length) return { ok: false, message: "同一个文件被提交了两次，请移除重复的文件" };
  const valid = ids.filter((id) => ID.test(id));
  const rows =
    valid.length === 0
      ? []
      : await db
          .select()
          .from(uploads)
          .where(and(inArray(uploads.id, valid), eq(uploads.userId, userId), eq(uploads.purpose, purpose)))
          .all();
  const held: HeldUpload[] = [];
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.createdAt.getTime() < now - UPLOAD_TTL_MS || !fs.existsSync(incomingPath(id))) {
      return { ok: false, message: "上传的文件已失效或已被使用，请移除后重新上传" };
    }
    held.push({ id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256: row.sha256, path: incomingPath(id) });
  }
  return { ok: true, uploads: held };
}

/** Marks uploads used (in the caller's transaction); false when one was used meanwhile. */
export async function consumeUploads(tx: Writer, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  return (
    (
      await tx
        .delete(uploads)
        .where(inArray(uploads.id, [...ids]))
        .returning({ id: uploads.id })
    ).length === ids.length
  );
}

/** Removes uploads not used within UPLOAD_TTL_MS, and files a failed upload left without a row. */
export async function removeExpiredUploads(db: Db, now = clockNow().getTime()): Promise<void> {
  const cutoff = new Date(now - UPLOAD_TTL_MS);
  await db.delete(uploads).where(lt(uploads.createdAt, cutoff)).run();
  const dir = incomingDir();
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  for (const name of names) {
    const file = path.join(/*turbopackIgnore: true*/ dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < cutoff.getTime()) fs.rmSync(file, { force: true });
  }
}
