import { getDb } from "@/db/client";
import { statisticsFigures } from "@/db/queries/statistics";
import { can } from "@/lib/authz";
import { SESSION_KINDS } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import { statisticsWorkbook } from "@/lib/statistics-workbook";
import { downloadCaller } from "../../../_server/guard";
import { downloadResponse } from "@/app/_server/download";

/** 导出统计: the statistics page's figures and per-unit table under its filters, as an .xlsx workbook. */
export async function GET(request: Request) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  if (!can(user, "viewStatistics")) return new Response("无权导出统计", { status: 403 });
  const params = new URL(request.url).searchParams;
  const { figures, units } = await statisticsFigures(getDb(), {
    sessionId: Number(params.get("session")) || null,
    kind: SESSION_KINDS.find((k) => k === params.get("kind")) ?? null,
    unitId: Number(params.get("unit")) || null,
  });
  const body = await statisticsWorkbook(figures, units);
  const name = `提案办理统计-${isoDateInChina(new Date())}.xlsx`;
  return downloadResponse(body, name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
