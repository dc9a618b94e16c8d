import fs from "node:fs/promises";
import { letterFontFile } from "../../_server/fonts";

/** The print view's web fonts (from npm), public like any web font. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = letterFontFile((await params).file);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(await fs.readFile(file)), {
    headers: {
      "Content-Type": file.endsWith(".woff2") ? "font/woff2" : "font/woff",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
