import fs from "node:fs/promises";
import { storedFilePath } from "@/db/handling/stored-files";

/** A file the browser saves rather than shows: its name in UTF-8, never sniffed, not cached unless asked. */
export function downloadResponse(
  body: Uint8Array<ArrayBuffer>,
  fileName: string,
  contentType: string,
  cacheControl = "private, no-store",
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": cacheControl,
    },
  });
}

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** An uploaded file kept in the attachments folder (a proposal's attachment, a reply's file), as a download; read only, never written. */
export async function storedFileResponse(
  file: { storagePath: string; fileName: string; mimeType: string },
  cacheControl?: string,
): Promise<Response> {
  const full = storedFilePath(file.storagePath);
  if (!full) return text("文件不存在", 404);
  const body = await fs.readFile(full).catch(() => null);
  if (!body) return text("文件缺失，请联系系统管理员", 410);
  return downloadResponse(new Uint8Array(body), file.fileName, file.mimeType, cacheControl);
}
