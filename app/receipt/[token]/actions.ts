"use server";
/**
 * 提交回执 from the signed link on the printed letter: no sign-in; the token says whose receipt on
 * which reply it is, and the workflow decides as for that member signed in (db/handling/receipt-tokens.ts).
 */
import { getDb } from "@/db/client";
import { checkReceiptLink, consumeReceiptToken } from "@/db/handling/receipt-tokens";
import type { ActionResult } from "@/lib/action-result";
import { RECEIPT_TOKEN_REFUSALS } from "@/lib/receipt-token";
import { receiptMessage } from "@/lib/receipts";
import { fieldErrorsOf } from "@/lib/validation/common";
import { receiptInput } from "@/lib/validation/receipt";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export async function submitReceiptByToken(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const token = field(formData, "token") ?? "";
  const db = getDb();
  const link = await checkReceiptLink(db, token);
  if (!link.ok)
    return { ok: false, error: `${RECEIPT_TOKEN_REFUSALS[link.refusal].title}：${RECEIPT_TOKEN_REFUSALS[link.refusal].detail}` };
  const parsed = receiptInput.safeParse({
    proposalId: link.context.proposalId,
    replyId: link.context.claims.replyId,
    contactReport: field(formData, "contactReport"),
    attitude: field(formData, "attitude"),
    result: field(formData, "result"),
    opinion: field(formData, "opinion"),
  });
  if (!parsed.success) return { ok: false, error: "提交的内容有误，请按提示修改后重试。", fieldErrors: fieldErrorsOf(parsed.error) };
  const { contactReport, attitude, result: satisfaction, opinion } = parsed.data;
  const result = await consumeReceiptToken(db, token, { contactReport, attitude, result: satisfaction, opinion });
  if (!result.ok) {
    return {
      ok: false,
      error:
        "refusal" in result
          ? `${RECEIPT_TOKEN_REFUSALS[result.refusal].title}：${RECEIPT_TOKEN_REFUSALS[result.refusal].detail}`
          : result.reason,
    };
  }
  return { ok: true, message: receiptMessage(result.data.status) };
}
