/** Under each reply letter: the member's own receipt, the form while it is owed, or why none is asked for. */
import { ReceiptForm } from "@/components/receipt-form";
import { ReceiptView } from "@/components/receipt-view";
import type { ReceiptView as Receipt } from "@/db/queries/receipts";
import { submitReceiptAction } from "./actions";

export function ReceiptSection({
  proposalId,
  replyId,
  receiptDue,
  receipt,
  owed,
  current,
  anchor,
  respondent,
}: {
  proposalId: number;
  replyId: number;
  receiptDue: string;
  receipt: Receipt | undefined;
  /** This reply waits for this member's receipt (any round's, whatever the others answered). */
  owed: boolean;
  /** The reply of the proposal's current round; an earlier one names its round. */
  current: boolean;
  /** The first form owed on the page: the target of the "去填写回执" link. */
  anchor: boolean;
  respondent: string;
}) {
  if (receipt) {
    return (
      <section aria-labelledby={`receipt-${replyId}`} className="mt-4 rounded border border-slate-200 bg-slate-50 p-4">
        <h3 id={`receipt-${replyId}`} className="mb-2 font-semibold">
          我的回执（已提交）
        </h3>
        <ReceiptView receipt={receipt} />
      </section>
    );
  }
  if (owed) {
    return (
      <section
        id={anchor ? "receipt" : undefined}
        aria-label={current ? "提交回执" : "提交这次答复的回执"}
        className="mt-4 scroll-mt-4 rounded border border-brand-600 bg-brand-50 p-4"
      >
        <p className="mb-3 text-sm text-slate-700">请于 {receiptDue} 前提交回执。</p>
        <ReceiptForm action={submitReceiptAction} hidden={{ proposalId, replyId }} respondent={respondent} headingLevel={3} />
      </section>
    );
  }
  return <p className="mt-4 text-sm text-slate-500">本次答复未提交回执，无需再提交。</p>;
}
