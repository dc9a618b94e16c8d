"use server";
/**
 * 发布 / 不予公开 / 撤回公开 / 重新发布 on the staff proposal page. Any staff role may call; lib/publication.ts decides
 * whether this user may, for this reply, now. The public site's version moves with the publication (its triggers): every instance answers the change at once.
 */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { issueSignedLettersForPublication } from "@/app/letters/_server/signed-letters";
import { originFromHeaders } from "@/lib/site-origin";
import { getDb } from "@/db/client";
import { decideReplyPublication } from "@/db/handling/publication";
import type { ActionResult } from "@/lib/action-result";
import type { PublicationCommand } from "@/lib/publication";
import { publicationInput } from "@/lib/validation/publication";
import { formAction } from "../../../_server/action";

const MESSAGES = { publish: "已发布", withhold: "已决定不予公开", withdraw: "已撤回公开", republish: "已重新发布" } as const;

export const decidePublicationAction = formAction("staffHome", publicationInput, async (input, user): Promise<ActionResult> => {
  const confirmation = input.confirmation || null;
  const command: PublicationCommand =
    input.decision === "publish"
      ? { type: "publish", confirmation }
      : input.decision === "republish"
        ? { type: "republish", reason: input.reason ?? "", confirmation }
        : { type: input.decision, reason: input.reason ?? "" };
  const result = await decideReplyPublication(getDb(), user, input.proposalId, command, { replyId: input.replyId ?? undefined });
  if (!result.ok) return { ok: false, error: result.reason };
  // 原文下载 of a reply published in full is its signed letter (电子签章, docs/decisions/015).
  if (input.decision === "publish" || input.decision === "republish")
    await issueSignedLettersForPublication(getDb(), result.data.publicationId, originFromHeaders(await headers()));
  revalidatePath(`/proposals/${input.proposalId}`);
  revalidatePath("/work");
  revalidatePath("/open", "layout");
  revalidatePath("/sitemap.xml");
  const suffix = result.data.indexNumber && input.decision === "publish" ? `，索引号 ${result.data.indexNumber}` : "";
  return { ok: true, message: `${MESSAGES[input.decision]}${suffix}` };
});
