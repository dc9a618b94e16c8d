"use server";
import fs from "node:fs";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { importAssignmentList } from "@/db/handling/import";
import { heldUploads } from "@/db/handling/uploads";
import { getSession } from "@/db/queries/org";
import type { ActionResult } from "@/lib/action-result";
import { MAX_REPORTED_ERRORS } from "@/lib/import/columns";
import { importInput } from "@/lib/import/forms";
import { readSheetRows } from "@/lib/import/workbook";
import { sessionTitle } from "@/lib/format";
import { formAction } from "../../../_server/action";
import type { ImportView } from "./import-view";

const refuseFile = (message: string): ActionResult<ImportView> => ({ ok: false, error: message, fieldErrors: { file: message } });

/**
 * 导入交办清单. The file was streamed to the upload route and checked there; the form carries its
 * reference. A file that cannot be read is refused like any bad field; a file that was read returns ok
 * with the verdict in `data`: imported (the upload used up), or the row errors with nothing written.
 */
export async function importListAction(previous: ActionResult<ImportView> | null, formData: FormData): Promise<ActionResult<ImportView>> {
  const reference = formData.get("file");
  return formAction("coordinate", importInput, async (input, user): Promise<ActionResult<ImportView>> => {
    if (typeof reference !== "string" || reference === "") return refuseFile("请选择要导入的 .xlsx 文件");
    const db = getDb();
    const held = await heldUploads(db, user.id, "workbook", [reference]);
    if (!held.ok) return refuseFile(held.message);
    const upload = held.uploads[0]!;
    // At most MAX_IMPORT_BYTES (the upload route's limit): exceljs reads a workbook whole.
    const sheet = await readSheetRows(new Uint8Array(await fs.promises.readFile(upload.path)));
    if (!sheet.ok) return refuseFile(sheet.message);

    const fileName = upload.fileName;
    const result = await importAssignmentList(db, user, { sessionId: input.sessionId, fileName, rows: sheet.rows, uploadId: upload.id });
    if (!result.ok) {
      return {
        ok: true,
        data: { status: "rejected", fileName, errors: result.errors.slice(0, MAX_REPORTED_ERRORS), total: result.errors.length },
      };
    }
    fs.rmSync(upload.path, { force: true });
    revalidatePath("/proposals");
    revalidatePath("/work");
    const session = await getSession(db, input.sessionId);
    return {
      ok: true,
      message: `已导入 ${result.proposals.length} 件并完成交办`,
      data: {
        status: "imported",
        fileName,
        session: session ? sessionTitle(session) : "",
        proposals: result.proposals,
        newMembers: result.newMembers,
      },
    };
  })(previous, formData);
}
