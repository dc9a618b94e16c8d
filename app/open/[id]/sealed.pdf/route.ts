import { getDb } from "@/db/client";
import { publishedById } from "@/db/queries/public";
import { publishedSealedScan } from "@/db/queries/reply-files";
import { storedFileResponse } from "@/app/_server/download";

/**
 * 原文下载 of the sealed letter: the scan the lead unit uploaded, for anyone, only while the reply is
 * published in full (全文公开). A summary publication, a withheld or withdrawn one, a reply without a
 * scan, or an unknown id is 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const db = getDb();
  const scan = await publishedSealedScan(db, id);
  const item = scan ? await publishedById(db, id) : null;
  if (!scan || !item)
    return new Response("未找到公开的答复函原件", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // Withdrawing a publication must take it off at once: no cached copies.
  return storedFileResponse({ ...scan, fileName: `${item.title}（盖章件）.pdf` }, "no-cache");
}
