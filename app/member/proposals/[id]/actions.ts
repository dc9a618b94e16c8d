"use server";
/** The member's 提交回执: for themself only, on the reply they read; lib/workflow decides the rest. */
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { submitReceipt } from "@/db/handling/receipt";
import { receiptMessage } from "@/lib/receipts";
import { receiptInput } from "@/lib/validation/receipt";
import { formAction } from "../../../_server/action";

export const submitReceiptAction = formAction("memberHome", receiptInput, async (input, user) => {
  const { proposalId, ...answers } = input;
  const result = await submitReceipt(getDb(), user, proposalId, answers);
  if (!result.ok) return { ok: false, error: result.reason };
  revalidatePath(`/member/proposals/${proposalId}`);
  revalidatePath("/member");
  return { ok: true, message: receiptMessage(result.data.status) };
});
