/**
 * 生成办理工作总结: the form's POST answered with the report as DOCX or PDF. Refused before the body is
 * read to a user who may not see the whole site's statistics (lib/authz.ts viewStatistics) and to a post
 * from another site's page; then the form is validated and the report built from the statistics page's
 * figures (db/queries/year-report.ts). Nothing is written.
 */
import { printFontFaces, documentPdf, PdfBusy, pdfBusyResponse } from "@/app/letters/_server/letter-pdf";
import { downloadResponse } from "@/app/_server/download";
import type { Db } from "@/db/client";
import { yearReportFacts } from "@/db/queries/year-report";
import { can, type Actor } from "@/lib/authz";
import { sameOriginRequest } from "@/lib/site-origin";
import { fieldErrorsOf } from "@/lib/validation/common";
import { yearReportInput } from "@/lib/validation/year-report";
import { yearReport } from "@/lib/year-report";
import { yearReportDocx } from "@/lib/year-report-docx";
import { yearReportPrintHtml } from "@/lib/year-report-print";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function yearReportResponse(
  request: Request,
  user: Pick<Actor, "role"> & { displayName: string },
  db: Db,
  today?: string,
): Promise<Response> {
  if (!can(user, "viewStatistics")) return refuse(403, "您没有生成办理工作总结的权限");
  if (!sameOriginRequest(request.headers)) return refuse(403, "请从本系统的统计页面生成办理工作总结");
  const form = await request.formData().catch(() => null);
  if (!form) return refuse(400, "提交的内容无效");
  const parsed = yearReportInput.safeParse(Object.fromEntries([...form].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return refuse(400, Object.values(fieldErrorsOf(parsed.error)).join("；"));
  const { session, format, ...narratives } = parsed.data;
  const facts = await yearReportFacts(db, session, today);
  if (!facts) return refuse(404, "届次会议不存在");
  const report = yearReport(facts, narratives);
  if (format === "docx")
    return downloadResponse(new Uint8Array(await yearReportDocx(report, user.displayName)), `${report.title}.docx`, DOCX);
  try {
    const pdf = await documentPdf(yearReportPrintHtml(report, printFontFaces()), report.title);
    return downloadResponse(pdf as Uint8Array<ArrayBuffer>, `${report.title}.pdf`, "application/pdf");
  } catch (error) {
    if (error instanceof PdfBusy) return pdfBusyResponse();
    throw error;
  }
}
