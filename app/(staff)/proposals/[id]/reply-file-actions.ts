"use server";
/**
 * The reply's files on the staff pages: 添加 / 删除答复附件 while drafting, and 上传 / 替换盖章件 after
 * sign-off. The guard lets the roles that may ever do it through; lib/workflow decides for this proposal.
 */
import { revalidatePath } from "next/cache";
import { publicSiteChanged } from "@/app/_server/public-site-changed";
import { getDb } from "@/db/client";
import { attachReplyFiles, removeReplyFile, uploadSealedScan } from "@/db/handling/reply-files";
import type { RunResult } from "@/db/handling/run";
import type { ActionResult } from "@/lib/action-result";
import { replyFileInput, replyFilesInput, sealedScanInput } from "@/lib/validation/handling";
import { formAction } from "../../../_server/action";

function done<T>(proposalId: number, result: RunResult<T>, message: string): ActionResult {
  if (!result.ok) return { ok: false, error: result.reason };
  revalidatePath(`/proposals/${proposalId}`);
  revalidatePath(`/proposals/${proposalId}/reply`);
  revalidatePath(`/member/proposals/${proposalId}`);
  return { ok: true, message };
}

export const attachReplyFilesAction = formAction("handle", replyFilesInput, async (input, user) => {
  const result = await attachReplyFiles(getDb(), user, input.proposalId, input.uploads);
  return done(input.proposalId, result, result.ok ? `已添加 ${result.data.count} 个答复附件` : "");
});

export const removeReplyFileAction = formAction("handle", replyFileInput, async (input, user) =>
  done(input.proposalId, await removeReplyFile(getDb(), user, input.proposalId, input.fileId), "已删除该答复附件"),
);

export const uploadSealedScanAction = formAction("uploadSealedScan", sealedScanInput, async (input, user) => {
  const result = await uploadSealedScan(getDb(), user, input.proposalId, {
    round: input.round,
    uploadId: input.upload,
    reason: input.reason,
  });
  // 原文下载 on the public page now offers the scan (where the reply is published in full).
  if (result.ok) {
    await publicSiteChanged();
    revalidatePath("/open", "layout");
  }
  return done(input.proposalId, result, result.ok && result.data.replaced ? "已替换盖章件扫描件" : "已上传盖章件扫描件");
});
