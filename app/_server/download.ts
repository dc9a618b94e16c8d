/** A file the browser saves rather than shows: its name in UTF-8, never sniffed, not cached unless asked. */
export function downloadResponse(body: Uint8Array<ArrayBuffer>, fileName: string, contentType: string, cacheControl = "private, no-store"): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": cacheControl,
    },
  });
}
