import { getDb } from "@/db/client";
import { listCategories, listUnits } from "@/db/queries/org";
import { can } from "@/lib/authz";
import { buildTemplate, TEMPLATE_FILE_NAME, XLSX_MIME } from "@/lib/import/workbook";
import { downloadCaller } from "../../../../_server/guard";

/** 下载模板: the assignment-list template with today's units and categories, for the coordinator only. */
export async function GET() {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  if (!can(user, "coordinate")) {
    return new Response("您没有权限下载此文件。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const db = getDb();
  const bytes = await buildTemplate({
    units: await listUnits(db, { activeOnly: true }),
    categories: await listCategories(db, { activeOnly: true }),
  });
  return new Response(bytes, {
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`,
      "Cache-Control": "no-store",
    },
  });
}
