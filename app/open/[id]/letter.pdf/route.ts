import { PdfBusy, pdfBusyResponse } from "@/app/letters/_server/letter-pdf";
import { publishedPdf } from "@/app/letters/_server/published-pdf";
import { getDb } from "@/db/client";
import { signedLetterPdf } from "@/db/handling/signed-letters";
import { publishedById, publishedLetter } from "@/db/queries/public";
import { downloadResponse } from "@/app/_server/download";

/**
 * 原文下载: the published letter as PDF, for anyone. Only a reply published in full has one; a summary
 * publication, a withheld or withdrawn one, or an unknown id is 404. No receipt link is printed.
 * Printed once per version of the letter and then served from its file (published-pdf.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const db = getDb();
  const item = await publishedById(db, id);
  const letter = item ? await publishedLetter(db, id) : null;
  if (!item || !letter)
    return new Response("未找到公开的答复函原文", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // The letter signed when it was published (电子签章), else (a unit without a certificate) printed once and kept.
  let pdf: Uint8Array | null = await signedLetterPdf(db, item.replyId, "public");
  try {
    pdf ??= await publishedPdf({
      publicationId: id,
      sheet: { letter, docNumber: item.docNumber, draft: false, receipt: null },
      title: item.title,
    });
  } catch (error) {
    if (error instanceof PdfBusy) return pdfBusyResponse();
    throw error;
  }
  // Withdrawing a publication must take it off at once: no cached copies.
  return downloadResponse(pdf as Uint8Array<ArrayBuffer>, `${item.title}.pdf`, "application/pdf", "no-cache");
}
