"use server";
/**
 * 从 Word 导入 on 起草答复函: reads the uploaded .docx into a draft body for the editor to show against the
 * current version. Saving it is 保存草稿 (saveReplyDraft), with the document's name for the log.
 */
import { getDb } from "@/db/client";
import { importWordDraft } from "@/db/handling/word-draft";
import type { ActionResult } from "@/lib/action-result";
import { wordDraftInput } from "@/lib/validation/handling";
import type { WordDraft } from "@/lib/word-draft";
import { formAction } from "../../../_server/action";

export type ImportedWordDraft = WordDraft & { fileName: string };

export const importWordDraftAction = formAction("handle", wordDraftInput, async (input, user): Promise<ActionResult<ImportedWordDraft>> => {
  const result = await importWordDraft(getDb(), user, input.proposalId, input.file);
  if (!result.ok) return { ok: false, error: result.reason, fieldErrors: { file: result.reason } };
  return { ok: true, data: result.data };
});
