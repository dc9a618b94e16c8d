/**
 * The three renderings of the same LetterSheets: the print view (HTML), the PDF (the print view
 * printed by Chromium, one letter at a time so that each starts at page 1, then joined) and the DOCX.
 */
import { getDb } from "@/db/client";
import { signedLetterPdf } from "@/db/handling/signed-letters";
import { letterDocx } from "@/lib/letter-docx";
import { letterPrintHtml, type ToolbarLink } from "@/lib/letter-print";
import type { LetterSource } from "@/db/queries/letter";
import type { LetterDocuments } from "@/db/queries/letter-documents";
import { loadLetterDocuments } from "./documents";
import { letterFontFaces } from "./fonts";
import { lettersPdf, PdfBusy, pdfBusyResponse } from "./letter-pdf";
import { downloadResponse } from "@/app/_server/download";
import { READER_SCRIPT } from "@/lib/public-prefs";

function basePath(source: LetterSource): string {
  return source.kind === "reply" ? `/letters/${source.replyId}` : `/letters/drafts/${source.draftId}`;
}

function query(params: { to?: number | null; showResultClass: boolean }): string {
  const search = new URLSearchParams();
  if (params.to) search.set("to", String(params.to));
  if (params.showResultClass) search.set("class", "1");
  const text = search.toString();
  return text ? `?${text}` : "";
}

function toolbarLinks(source: LetterSource, docs: LetterDocuments): ToolbarLink[] {
  const base = basePath(source);
  const current = { to: docs.to, showResultClass: docs.showResultClass };
  const links: ToolbarLink[] = [
    { label: "下载 PDF", href: `${base}/letter.pdf${query(current)}` },
    { label: "下载 Word（DOCX）", href: `${base}/letter.docx${query(current)}` },
  ];
  if (docs.addressees.length > 1) {
    links.push({
      label: `下载全部 ${docs.addressees.length} 封 PDF`,
      href: `${base}/letter.pdf${query({ showResultClass: docs.showResultClass })}`,
    });
    for (const a of docs.addressees) {
      links.push({
        label: `致${a.name}`,
        href: `${base}/print${query({ to: a.id, showResultClass: docs.showResultClass })}`,
        current: a.id === docs.to,
      });
    }
  }
  links.push({
    label: docs.showResultClass ? "不标注办理结果类别" : "标注办理结果类别",
    href: `${base}/print${query({ to: docs.to, showResultClass: !docs.showResultClass })}`,
  });
  return links;
}

export async function printResponse(request: Request, source: LetterSource): Promise<Response> {
  const docs = await loadLetterDocuments(request, source, "one");
  if (docs instanceof Response) return docs;
  // The front server passes the response's CSP nonce on; the toolbar's script runs only with it.
  const script = { src: READER_SCRIPT, nonce: request.headers.get("x-nonce") };
  const html = letterPrintHtml(docs.sheets, {
    documentTitle: docs.baseName,
    fontFaces: letterFontFaces("/letters/fonts/"),
    toolbar: { links: toolbarLinks(source, docs), script },
  });
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}

/**
 * The letter as issued when it was signed (电子签章, docs/decisions/015): one addressee's, or every addressee's in one
 * file; null for a draft, a copy marked with the result class (an internal working copy) or a letter never signed.
 */
async function issuedPdf(source: LetterSource, docs: LetterDocuments): Promise<Uint8Array | null> {
  if (source.kind !== "reply" || docs.showResultClass) return null;
  return signedLetterPdf(getDb(), source.replyId, docs.to !== null ? `to:${docs.to}` : "all");
}

export async function pdfResponse(request: Request, source: LetterSource): Promise<Response> {
  const docs = await loadLetterDocuments(request, source, "all");
  if (docs instanceof Response) return docs;
  try {
    return downloadResponse(
      ((await issuedPdf(source, docs)) ?? (await lettersPdf(docs.sheets, docs.baseName))) as Uint8Array<ArrayBuffer>,
      `${docs.baseName}.pdf`,
      "application/pdf",
    );
  } catch (error) {
    if (error instanceof PdfBusy) return pdfBusyResponse();
    throw error;
  }
}

export async function docxResponse(request: Request, source: LetterSource): Promise<Response> {
  const docs = await loadLetterDocuments(request, source, "all");
  if (docs instanceof Response) return docs;
  return downloadResponse(
    (await letterDocx(docs.sheets, docs.baseName)) as Uint8Array<ArrayBuffer>,
    `${docs.baseName}.docx`,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
}
