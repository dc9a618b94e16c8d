"use server";
/** The bulk actions: each all or nothing, answered with one line per proposal. */
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { bulkAccept, bulkAssign, bulkPublish, bulkRemind, type BulkResult } from "@/db/handling/bulk";
import type { ActionResult } from "@/lib/action-result";
import { bulkAssignInput, bulkProposalsInput, bulkRemindInput } from "@/lib/validation/bulk";
import { formAction } from "../../_server/action";

function answer(result: BulkResult, done: string): ActionResult<BulkResult["rows"]> {
  if (result.ok) {
    revalidatePath("/batch", "layout");
    revalidatePath("/work");
    return { ok: true, message: `${done} ${result.rows.length} 件`, data: result.rows };
  }
  const refused = result.rows.filter((r) => !r.ok);
  return {
    ok: false,
    error: [`有 ${refused.length} 件不能办理，整批未执行：`, ...refused.map((r) => `${r.label}：${r.reason}`)].join("\n"),
  };
}

export const bulkAssignAction = formAction("coordinate", bulkAssignInput, async (rows, user) =>
  answer(await bulkAssign(getDb(), user, rows), "已交办"),
);

export const bulkAcceptAction = formAction("handle", bulkProposalsInput, async (input, user) =>
  answer(await bulkAccept(getDb(), user, input.ids), "已签收"),
);

export const bulkRemindAction = formAction("coordinate", bulkRemindInput, async (input, user) =>
  answer(await bulkRemind(getDb(), user, input.items), "已催告"),
);

export const bulkPublishAction = formAction("coordinate", bulkProposalsInput, async (input, user) => {
  const result = await bulkPublish(getDb(), user, input.ids);
  if (result.ok) {
    revalidatePath("/open", "layout");
    revalidatePath("/sitemap.xml");
  }
  return answer(result, "已发布");
});
