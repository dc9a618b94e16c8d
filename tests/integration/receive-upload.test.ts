/** The upload route's streaming (app/_server/receive-upload.ts) and the clean-up of unused uploads (db/handling/uploads.ts). */
import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { receiveFile } from "@/app/_server/receive-upload";
import { SNIFF_BYTES } from "@/lib/import/attachments";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { heldUploads, incomingPath, newUploadId, recordUpload, removeExpiredUploads, UPLOAD_TTL_MS } from "@/db/handling/uploads";
import { uploads, users } from "@/db/schema";
import { tempDatabase } from "./temp-db";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "receive-upload-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A browser's multipart upload of one file, as its body stream. */
function uploadRequest(bytes: Uint8Array, name: string): Request {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return new Request("http://localhost/api/uploads?purpose=attachment", { method: "POST", body: form });
}

describe("receiveFile", () => {
  it("writes the file as it arrives, with its size, SHA-256, first bytes and UTF-8 name", async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(7);
    bytes.set(new TextEncoder().encode("%PDF-1.7"));
    const target = path.join(dir, "a");
    const received = await receiveFile(uploadRequest(bytes, "提案原件.pdf"), target, 10 * 1024 * 1024);
    expect(received).toEqual({
      ok: true,
      name: "提案原件.pdf",
      size: bytes.length,
      head: bytes.subarray(0, SNIFF_BYTES),
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(Buffer.compare(fs.readFileSync(target), Buffer.from(bytes))).toBe(0);
  });

  it("refuses a file past the limit while streaming and keeps nothing of it", async () => {
    const target = path.join(dir, "b");
    expect(await receiveFile(uploadRequest(new Uint8Array(2 * 1024 * 1024 + 1), "大.pdf"), target, 2 * 1024 * 1024)).toEqual({
      ok: false,
      status: 413,
      message: "文件超过 2 MB",
    });
    expect(fs.existsSync(target)).toBe(false);
  });

  it("refuses a body that is not a form, and a form without a file", async () => {
    const json = new Request("http://localhost/api/uploads", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(await receiveFile(json, path.join(dir, "c"), 1024)).toMatchObject({ ok: false, status: 415 });
    const form = new FormData();
    form.append("note", "没有文件");
    expect(
      await receiveFile(new Request("http://localhost/api/uploads", { method: "POST", body: form }), path.join(dir, "d"), 1024),
    ).toMatchObject({ ok: false, status: 400 });
  });
});

describe("removeExpiredUploads", () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(async () => {
    let dir: string;
    ({ db, dir, cleanup } = await tempDatabase());
    process.env.ATTACHMENTS_DIR = path.join(dir, "attachments");
    await seedDemo(db, { today: "2026-06-15" });
  });
  afterEach(() => {
    delete process.env.ATTACHMENTS_DIR;
    cleanup();
  });

  it("removes uploads older than a day, row and file, and keeps the rest", async () => {
    const userId = (await db.select({ id: users.id }).from(users).where(eq(users.username, "coordinator")).get())!.id;
    const put = async () => {
      const id = newUploadId();
      fs.mkdirSync(path.dirname(incomingPath(id)), { recursive: true });
      fs.writeFileSync(incomingPath(id), "%PDF-1.7");
      await recordUpload(db, { id, userId, purpose: "attachment", fileName: "a.pdf", mimeType: "application/pdf", size: 8, sha256: "0" });
      return id;
    };
    const [fresh, old] = [await put(), await put()];
    const later = Date.now() + UPLOAD_TTL_MS + 60_000;
    await db
      .update(uploads)
      .set({ createdAt: new Date(later - UPLOAD_TTL_MS + 1000) })
      .where(eq(uploads.id, fresh))
      .run();
    fs.utimesSync(incomingPath(fresh), new Date(later), new Date(later));
    await removeExpiredUploads(db, later);
    expect(fs.existsSync(incomingPath(old))).toBe(false);
    expect(fs.existsSync(incomingPath(fresh))).toBe(true);
    expect(await heldUploads(db, userId, "attachment", [fresh], later)).toMatchObject({ ok: true });
    expect(await heldUploads(db, userId, "attachment", [old], later)).toMatchObject({ ok: false });
  });
});
