import { getDb } from "@/db/client";
import { downloadCaller } from "../../../../_server/guard";
import { yearReportResponse } from "../year-report-response";

/** 生成办理工作总结 (the form on /stats/report): the report as DOCX or PDF. */
export async function POST(request: Request) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  return yearReportResponse(request, user, getDb());
}
