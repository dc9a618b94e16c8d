"use server";
/** 重点提案: marking (or changing leader and plan), unmarking, and the lead unit's 中期进展. */
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { markKeyProposal, reportProgress, unmarkKeyProposal } from "@/db/handling/key-proposals";
import { markKeyInput, progressInput, unmarkKeyInput } from "@/lib/validation/handling";
import { formAction } from "../../../_server/action";

function refresh(proposalId: number) {
  revalidatePath(`/proposals/${proposalId}`);
  revalidatePath("/work");
  revalidatePath("/supervision");
}

export const markKeyAction = formAction("coordinate", markKeyInput, async (input, user) => {
  const result = await markKeyProposal(getDb(), user, input.proposalId, input);
  if (!result.ok) return { ok: false, error: result.reason };
  refresh(input.proposalId);
  return { ok: true, message: "已列为重点提案" };
});

export const unmarkKeyAction = formAction("coordinate", unmarkKeyInput, async (input, user) => {
  const result = await unmarkKeyProposal(getDb(), user, input.proposalId, input.reason);
  if (!result.ok) return { ok: false, error: result.reason };
  refresh(input.proposalId);
  return { ok: true, message: "已取消重点" };
});

export const fileProgressAction = formAction("handle", progressInput, async (input, user) => {
  const result = await reportProgress(getDb(), user, input.proposalId, input.body);
  if (!result.ok) return { ok: false, error: result.reason };
  refresh(input.proposalId);
  return { ok: true, message: "中期进展已报送" };
});
