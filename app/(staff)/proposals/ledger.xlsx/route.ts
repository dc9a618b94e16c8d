import { getDb } from "@/db/client";
import { ledgerRows } from "@/db/queries/ledger";
import { can } from "@/lib/authz";
import { isoDateInChina } from "@/lib/format";
import { ledgerWorkbook } from "@/lib/ledger";
import { parseProposalQuery } from "@/lib/proposal-filter";
import { downloadCaller } from "../../../_server/guard";
import { downloadResponse } from "@/app/_server/download";

/** 导出台账: the proposals the list's filters select (the same query string, read alike), as an .xlsx workbook, for the coordinating office. */
export async function GET(request: Request) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  if (!can(user, "coordinate")) return new Response("无权导出台账", { status: 403 });
  const { filter } = parseProposalQuery(new URL(request.url).searchParams);
  const today = isoDateInChina(new Date());
  const rows = await ledgerRows(getDb(), filter, today);
  const body = await ledgerWorkbook(rows, today);
  const name = `提案办理台账-${today}.xlsx`;
  return downloadResponse(body, name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
