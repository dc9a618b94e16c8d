/** What an administration action answers once the database has had its say. Server-side only. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { publicSiteChanged } from "@/app/_server/public-site-changed";
import type { SaveResult } from "@/db/queries/admin";
import type { ActionResult } from "@/lib/action-result";

/** A refused write as the form shows it: at the top, and next to the field to blame. */
function refusal(result: Extract<SaveResult, { ok: false }>): ActionResult {
  return { ok: false, error: result.error, fieldErrors: result.field ? { [result.field]: result.error } : undefined };
}

/** After a create: back to the list, which names the new record. */
export function afterCreate(result: SaveResult, listPath: string): ActionResult {
  if (!result.ok) return refusal(result);
  revalidatePath("/admin", "layout");
  redirect(`${listPath}?created=${result.id}`);
}

/**
 * After an edit: the pages show the new values, the form says so. `everyReply`: the record's names show on published
 * replies' pages (a unit's, a session's, a member's), which are rendered again.
 */
export async function afterUpdate(result: SaveResult, message = "已保存。", options: { everyReply?: boolean } = {}): Promise<ActionResult> {
  if (!result.ok) return refusal(result);
  revalidatePath("/admin", "layout");
  await publicSiteChanged(options);
  return { ok: true, message };
}
