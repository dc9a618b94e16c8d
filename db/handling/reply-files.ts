/**
 * The reply's files: 答复附件 the lead unit's handler attaches while drafting (办理方案, data, photos) or
 * removes again, and the scan of the sealed letter (盖章件) the lead unit uploads after sign-off, or
 * replaces with a reason. lib/workflow decides who may and when; the files are the caller's uploads
 * (uploads.ts), checked there as a proposal's attachments are, and kept as those are (stored-files.ts).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { now } from "../clock";
import { replyFiles } from "../schema";
import { runCommand, type RunResult } from "./run";
import { removeStoredFile, takingUploads } from "./stored-files";
import { heldUploads, type HeldUpload } from "./uploads";

const fileRow = (file: HeldUpload) => ({ fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256 });

/** 添加答复附件: the caller's uploads (purpose "attachment") become attachments of the reply of the current round. */
export async function attachReplyFiles(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  uploadIds: readonly string[],
): Promise<RunResult<{ count: number }>> {
  const held = await heldUploads(db, actor.id, "attachment", uploadIds);
  if (!held.ok) return { ok: false, reason: held.message };
  return takingUploads(async (place) =>
    runCommand(db, {
      proposalId,
      actor,
      command: { type: "attach_reply_files", fileNames: held.uploads.map((f) => f.fileName) },
      write: async (tx, applied) => {
        for (const file of held.uploads) {
          const storagePath = await place(tx, proposalId, file);
          await tx
            .insert(replyFiles)
            .values({ proposalId, round: applied.after.round, kind: "attachment", ...fileRow(file), storagePath, uploadedBy: actor.id })
            .run();
        }
        return { count: held.uploads.length };
      },
    }),
  );
}

/** 删除答复附件: one attachment of the reply in the making; its file is deleted once the removal is committed. */
export async function removeReplyFile(db: Db, actor: WorkflowActor, proposalId: number, fileId: number): Promise<RunResult<void>> {
  const ofProposal = async (tx: Pick<Db, "select">) =>
    tx
      .select()
      .from(replyFiles)
      .where(and(eq(replyFiles.id, fileId), eq(replyFiles.proposalId, proposalId), eq(replyFiles.kind, "attachment")))
      .get();
  const file = await ofProposal(db);
  if (!file) return { ok: false, reason: "该答复附件不存在或已删除" };
  const result = await runCommand(db, {
    proposalId,
    actor,
    command: { type: "remove_reply_file", fileName: file.fileName },
    alreadyDone: async (tx, before) => {
      const now = await ofProposal(tx);
      if (!now) return "该答复附件不存在或已删除";
      return now.round === before.round ? null : "已签发答复的附件不能删除";
    },
    write: async (tx) => {
      await tx.delete(replyFiles).where(eq(replyFiles.id, fileId)).run();
    },
  });
  if (result.ok) removeStoredFile(file.storagePath);
  return result;
}

export type SealedScanInput = { round: number; uploadId: string; reason: string | null };

/**
 * 上传盖章件: the caller's upload (purpose "sealed", a PDF) becomes the scan of the signed letter of
 * `round`. A scan already there is marked replaced (kept, with its file) and the replacement logged with
 * its reason.
 */
export async function uploadSealedScan(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: SealedScanInput,
): Promise<RunResult<{ replaced: boolean }>> {
  const held = await heldUploads(db, actor.id, "sealed", [input.uploadId]);
  if (!held.ok) return { ok: false, reason: held.message };
  const file = held.uploads[0]!;
  return takingUploads(async (place) =>
    runCommand(db, {
      proposalId,
      actor,
      command: { type: "upload_sealed_scan", round: input.round, fileName: file.fileName, reason: input.reason },
      write: async (tx, applied) => {
        const replaced = applied.before.sealedRounds.includes(input.round);
        if (replaced) {
          await tx
            .update(replyFiles)
            .set({ replacedAt: now() })
            .where(
              and(
                eq(replyFiles.proposalId, proposalId),
                eq(replyFiles.round, input.round),
                eq(replyFiles.kind, "sealed"),
                isNull(replyFiles.replacedAt),
              ),
            )
            .run();
        }
        const storagePath = await place(tx, proposalId, file);
        await tx
          .insert(replyFiles)
          .values({ proposalId, round: input.round, kind: "sealed", ...fileRow(file), storagePath, uploadedBy: actor.id })
          .run();
        return { replaced };
      },
    }),
  );
}
