"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { registerIntake } from "@/db/handling/import";
import type { ActionResult } from "@/lib/action-result";
import { MAX_ATTACHMENTS } from "@/lib/import/attachments";
import { registrationInput } from "@/lib/import/forms";
import { formAction } from "../../../_server/action";

/**
 * 登记提案: registers the proposal with its files, then opens its page. The files were streamed to the
 * upload route beforehand; the form carries only their references, which the use case checks are the
 * caller's and unused before it moves the files into place.
 */
export async function registerProposalAction(previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const references = formData.getAll("attachments").filter((r): r is string => typeof r === "string" && r !== "");
  return formAction("coordinate", registrationInput, async (input, user): Promise<ActionResult> => {
    if (references.length > MAX_ATTACHMENTS) {
      const message = `附件最多 ${MAX_ATTACHMENTS} 个，已选择 ${references.length} 个`;
      return { ok: false, error: message, fieldErrors: { attachments: message } };
    }
    const result = await registerIntake(getDb(), user.id, input, references);
    if (!result.ok) return result;
    revalidatePath("/proposals");
    revalidatePath("/work");
    redirect(`/proposals/${result.id}`);
  })(previous, formData);
}
