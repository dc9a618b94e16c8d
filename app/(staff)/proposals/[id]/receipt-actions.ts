"use server";
/** The coordinating office's part in receipts: a paper receipt recorded on a proposer's behalf, and 催告. */
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { recordPaperReceipt, remindReceipt } from "@/db/handling/receipt";
import { paperReceiptInput, remindReceiptInput } from "@/lib/validation/receipt";
import { formAction } from "../../../_server/action";

function refresh(proposalId: number) {
  revalidatePath(`/proposals/${proposalId}`);
  revalidatePath("/work");
}

export const recordPaperReceiptAction = formAction("coordinate", paperReceiptInput, async (input, user) => {
  const { proposalId, memberId, ...answers } = input;
  const result = await recordPaperReceipt(getDb(), user, proposalId, memberId, answers);
  if (!result.ok) return { ok: false, error: result.reason };
  refresh(proposalId);
  const { status, moved } = result.data;
  return {
    ok: true,
    message: !moved ? "纸质回执已录入" : status === "rehandling" ? "纸质回执已录入，提案转承办单位重新办理" : "纸质回执已录入，提案已办结",
  };
});

export const remindReceiptAction = formAction("coordinate", remindReceiptInput, async (input, user) => {
  const result = await remindReceipt(getDb(), user, input.proposalId, input.memberId, input.replyId);
  if (!result.ok) return { ok: false, error: result.reason };
  refresh(input.proposalId);
  return { ok: true, message: "已催告" };
});
