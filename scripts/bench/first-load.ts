/** First-load JavaScript of a page: every `<script src>` its HTML names, fetched and gzipped, summed. */
import zlib from "node:zlib";

export type FirstLoad = { path: string; scripts: number; gzipKB: number };

export async function firstLoadJs(baseURL: string, path: string): Promise<FirstLoad> {
  const html = await (await fetch(new URL(path, baseURL))).text();
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")))];
  let bytes = 0;
  for (const src of sources) {
    const res = await fetch(new URL(src, baseURL));
    if (!res.ok) throw new Error(`${path}: script ${src} answered ${res.status}`);
    bytes += zlib.gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
  }
  return { path, scripts: sources.length, gzipKB: Math.round((bytes / 1024) * 10) / 10 };
}
