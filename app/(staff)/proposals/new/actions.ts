"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { registerIntake } from "@/db/handling/import";
import type { ActionResult } from "@/lib/action-result";
import { checkAttachments, MAX_ATTACHMENTS } from "@/lib/import/attachments";
import { registrationInput } from "@/lib/import/forms";
import { formAction } from "../../../_server/action";

/** 登记提案: registers the proposal with its files, then opens its page. */
export async function registerProposalAction(previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  // formAction validates the text fields; the files are taken here and checked once the caller is known.
  // A file input left empty still submits one empty entry, so empty entries are not files.
  const uploads = formData.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
  return formAction("coordinate", registrationInput, async (input, user): Promise<ActionResult> => {
    if (uploads.length > MAX_ATTACHMENTS) {
      const message = `附件最多 ${MAX_ATTACHMENTS} 个，已选择 ${uploads.length} 个`;
      return { ok: false, error: message, fieldErrors: { attachments: message } };
    }
    const files = checkAttachments(await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
    if (!files.ok) return { ok: false, error: files.message, fieldErrors: { attachments: files.message } };
    const result = registerIntake(getDb(), user.id, input, files.files);
    if (!result.ok) return result;
    revalidatePath("/proposals");
    revalidatePath("/work");
    redirect(`/proposals/${result.id}`);
  })(previous, formData);
}
