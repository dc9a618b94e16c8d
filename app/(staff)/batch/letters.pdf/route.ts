/** GET /batch/letters.pdf?replies=1&replies=2…: the coordinating office's selection of signed letters as one PDF. */
import { getDb } from "@/db/client";
import { letterDocuments } from "@/db/queries/letter-documents";
import { can } from "@/lib/authz";
import { originFromHeaders } from "@/lib/site-origin";
import { downloadResponse } from "../../../_server/download";
import { downloadCaller } from "../../../_server/guard";
import { lettersPdf, PdfBusy, pdfBusyResponse } from "../../../letters/_server/letter-pdf";
import { LETTERS_MAX } from "@/lib/validation/bulk";

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: Request) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  if (!can(user, "coordinate")) return refuse(403, "您没有权限批量下载答复函");
  const ids = [...new Set(new URL(request.url).searchParams.getAll("replies").map(Number))];
  if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) return refuse(400, "请选择要下载的答复函");
  if (ids.length > LETTERS_MAX) return refuse(400, `一次最多下载 ${LETTERS_MAX} 封答复函`);
  const sheets = [];
  for (const replyId of ids) {
    const result = await letterDocuments(getDb(), user, {
      source: { kind: "reply", replyId },
      scope: "all",
      to: null,
      showResultClass: false,
      origin: originFromHeaders(request.headers),
    });
    if (!result.ok) return refuse(result.status, `答复函 ${replyId}：${result.message}`);
    sheets.push(...result.docs.sheets);
  }
  try {
    return downloadResponse((await lettersPdf(sheets, "答复函汇编")) as Uint8Array<ArrayBuffer>, "答复函汇编.pdf", "application/pdf");
  } catch (error) {
    if (error instanceof PdfBusy) return pdfBusyResponse();
    throw error;
  }
}
