"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { importAssignmentList } from "@/db/handling/import";
import { getSession } from "@/db/queries/org";
import type { ActionResult } from "@/lib/action-result";
import { MAX_IMPORT_BYTES, MAX_REPORTED_ERRORS } from "@/lib/import/columns";
import { importInput } from "@/lib/import/forms";
import { readSheetRows } from "@/lib/import/workbook";
import { sessionTitle } from "@/lib/format";
import { formAction } from "../../../_server/action";
import type { ImportView } from "./import-view";

const refuseFile = (message: string): ActionResult<ImportView> => ({ ok: false, error: message, fieldErrors: { file: message } });

/**
 * 导入交办清单. A file that cannot be read is refused like any bad field; a file that was read returns
 * ok with the verdict in `data`: imported, or the row errors with nothing written.
 */
export async function importListAction(previous: ActionResult<ImportView> | null, formData: FormData): Promise<ActionResult<ImportView>> {
  // formAction validates the session; the file is taken here and read once the caller is known.
  const file = formData.get("file");
  return formAction("coordinate", importInput, async (input, user): Promise<ActionResult<ImportView>> => {
    // A file input left empty still submits one empty entry.
    if (!(file instanceof File) || file.size === 0) return refuseFile("请选择要导入的 .xlsx 文件");
    if (!/\.xlsx$/i.test(file.name)) return refuseFile("请上传 .xlsx 格式的 Excel 文件（可先下载模板填写）");
    if (file.size > MAX_IMPORT_BYTES) return refuseFile("文件超过 5 MB，请拆分后分批导入");
    const sheet = await readSheetRows(new Uint8Array(await file.arrayBuffer()));
    if (!sheet.ok) return refuseFile(sheet.message);

    const db = getDb();
    const fileName = file.name.replace(/[\u0000-\u001F\u007F]/g, "").slice(-100);
    const result = importAssignmentList(db, user, { sessionId: input.sessionId, fileName, rows: sheet.rows });
    if (!result.ok) {
      return { ok: true, data: { status: "rejected", fileName, errors: result.errors.slice(0, MAX_REPORTED_ERRORS), total: result.errors.length } };
    }
    revalidatePath("/proposals");
    revalidatePath("/work");
    const session = getSession(db, input.sessionId);
    return {
      ok: true,
      message: `已导入 ${result.proposals.length} 件并完成交办`,
      data: { status: "imported", fileName, session: session ? sessionTitle(session) : "", proposals: result.proposals, newMembers: result.newMembers },
    };
  })(previous, formData);
}
