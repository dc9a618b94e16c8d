import { getDb } from "@/db/client";
import { ledgerRows } from "@/db/queries/ledger";
import { can } from "@/lib/authz";
import { PROPOSAL_STATES } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import { ledgerWorkbook } from "@/lib/ledger";
import { downloadCaller } from "../../../_server/guard";
import { downloadResponse } from "@/app/_server/download";

/** 导出台账: the proposals matching the list's filters as an .xlsx workbook, for the coordinating office. */
export async function GET(request: Request) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  if (!can(user, "coordinate")) return new Response("无权导出台账", { status: 403 });
  const params = new URL(request.url).searchParams;
  const rows = ledgerRows(getDb(), {
    sessionId: Number(params.get("session")) || null,
    status: PROPOSAL_STATES.find((s) => s === params.get("status")) ?? null,
    unitId: Number(params.get("unit")) || null,
  });
  const today = isoDateInChina(new Date());
  const body = await ledgerWorkbook(rows, today);
  const name = `提案办理台账-${today}.xlsx`;
  return downloadResponse(body, name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
