/**
 * 从 Word 导入: the lead handler's uploaded .docx read into a reply draft's body. Nothing is saved here:
 * the body goes back to the editor, which shows it against the current version and saves it through
 * saveDraft (a new version, as any 保存草稿) only when the handler confirms.
 */
import fs from "node:fs";
import { readWordDraft } from "@/lib/import/word-read";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { refusalOf } from "@/lib/workflow/decide";
import type { WordDraft } from "@/lib/word-draft";
import { todayInChina } from "../clock";
import type { Db } from "../client";
import { loadFacts } from "./facts";
import { workflowContext, type RunResult } from "./run";
import { consumeUploads, heldUploads } from "./uploads";

/** Why the actor may not save a draft of the proposal now, or null: the workflow's answer to 保存草稿 itself. */
export async function draftRefusal(db: Db, actor: WorkflowActor, proposalId: number): Promise<string | null> {
  const facts = await loadFacts(db, proposalId);
  if (!facts) return "提案不存在";
  return refusalOf(facts, actor, { type: "save_draft" }, await workflowContext(db, todayInChina()));
}

/**
 * Reads the actor's upload `uploadId` into a draft body, if the actor may save a draft of the proposal.
 * The upload is used up once read, whether or not it could be: a corrected file is uploaded again.
 */
export async function importWordDraft(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  uploadId: string,
): Promise<RunResult<WordDraft & { fileName: string }>> {
  const refusal = await draftRefusal(db, actor, proposalId);
  if (refusal) return { ok: false, reason: refusal };
  const held = await heldUploads(db, actor.id, "wordDraft", [uploadId]);
  if (!held.ok) return { ok: false, reason: held.message };
  const upload = held.uploads[0]!;
  // At most the upload route's 10 MB; mammoth reads a document whole.
  const read = await readWordDraft(new Uint8Array(await fs.promises.readFile(upload.path)));
  await consumeUploads(db, [upload.id]);
  fs.rmSync(upload.path, { force: true });
  if (!read.ok) return { ok: false, reason: read.message };
  return { ok: true, data: { body: read.body, warnings: read.warnings, omitted: read.omitted, fileName: upload.fileName } };
}
