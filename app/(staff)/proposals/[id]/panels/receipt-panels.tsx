"use client";
import { ReceiptForm } from "@/components/receipt-form";
import { recordPaperReceiptAction } from "../receipt-actions";
import { Panel } from "./panel";
import { RemindButton } from "./remind-button";

export type OwingProposer = { id: number; name: string; role: string; lastReminded: string | null };

/** The coordinator follows up receipts still owed on the current reply: 催告, or records a paper receipt. */
export function PaperReceiptPanel({ proposalId, replyId, receiptDue, owing }: { proposalId: number; replyId: number; receiptDue: string; owing: OwingProposer[] }) {
  return (
    <div id="paper-receipt" className="scroll-mt-4">
      <Panel title="回执跟踪：催告与代录纸质回执">
        <p className="mb-3 text-sm text-slate-700">回执期限 {receiptDue}。以下提案人尚未提交回执：</p>
        <ul className="space-y-4">
          {owing.map((m) => (
            <li key={m.id} className="border-b border-slate-100 pb-4 last:border-0">
              <div className="flex flex-wrap items-start gap-3 text-sm">
                <p className="pt-1.5">
                  <strong>{m.name}</strong>（{m.role}）
                  {m.lastReminded && <span className="ml-2 text-slate-500">上次催告 {m.lastReminded}</span>}
                </p>
                <RemindButton proposalId={proposalId} memberId={m.id} memberName={m.name} />
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">代录{m.name}的纸质回执</summary>
                <div className="mt-3">
                  <ReceiptForm action={recordPaperReceiptAction} hidden={{ proposalId, replyId, memberId: m.id }} respondent={m.name} onPaper headingLevel={3} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
