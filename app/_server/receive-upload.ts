/**
 * Streams the one file of a multipart upload to disk (busboy), never holding it whole in memory: the
 * file's bytes go to `target` as they arrive, hashed and counted on the way, and its first bytes are
 * kept for the type check. Past `maxBytes` the file is deleted and the rest of the body thrown away
 * unread into memory, so that the client still sending gets the answer.
 */
import busboy from "busboy";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SNIFF_BYTES } from "@/lib/import/attachments";
import { MULTIPART_OVERHEAD_BYTES } from "@/lib/uploads";

export type Received = { ok: true; name: string; size: number; head: Uint8Array; sha256: string };
export type NotReceived = { ok: false; status: 400 | 413 | 415; message: string };

const mb = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

export async function receiveFile(request: Request, target: string, maxBytes: number): Promise<Received | NotReceived> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType) || !request.body) return { ok: false, status: 415, message: "请以表单方式上传文件" };
  const tooLarge: NotReceived = { ok: false, status: 413, message: `文件超过 ${mb(maxBytes)}` };
  let parser: busboy.Busboy;
  try {
    // File names are UTF-8 as browsers send them (busboy's default is Latin-1).
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: maxBytes, fields: 0, parts: 1, headerPairs: 10 },
    });
  } catch {
    return { ok: false, status: 400, message: "上传的内容格式无效" };
  }
  let file: Promise<Omit<Received, "ok"> & { truncated: boolean }> | null = null;
  parser.on("file", (_field, stream, info) => {
    const hash = createHash("sha256");
    let size = 0;
    const head = new Uint8Array(SNIFF_BYTES);
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (size < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - size), size);
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    file = pipeline(stream, tap, fs.createWriteStream(target, { flags: "wx" })).then(() => ({
      name: info.filename ?? "",
      size,
      head: head.subarray(0, Math.min(size, SNIFF_BYTES)),
      sha256: hash.digest("hex"),
      truncated: stream.truncated === true,
    }));
    // Its failure (a client that went away) is met below, when the body's pipeline fails too; never left unhandled meanwhile.
    file.catch(() => undefined);
  });
  // The whole body is bounded too: a chunked body (no length declared, `next dev` has no front server) cannot run on.
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes + MULTIPART_OVERHEAD_BYTES ? new Error("body too large") : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream), counted, parser as unknown as Writable);
    const received = file ? await (file as Promise<Omit<Received, "ok"> & { truncated: boolean }>) : null;
    if (!received) return { ok: false, status: 400, message: "没有收到文件" };
    if (received.truncated) {
      fs.rmSync(target, { force: true });
      return tooLarge;
    }
    return { ok: true, name: received.name, size: received.size, head: received.head, sha256: received.sha256 };
  } catch (error) {
    // Whatever was written of the file is not kept; let its own stream settle first.
    await Promise.resolve(file).catch(() => undefined);
    fs.rmSync(target, { force: true });
    return seen > maxBytes + MULTIPART_OVERHEAD_BYTES
      ? tooLarge
      : {
          ok: false,
          status: 400,
          message: error instanceof Error && /Unexpected end/i.test(error.message) ? "上传未完成，请重试" : "上传的内容格式无效",
        };
  }
}
