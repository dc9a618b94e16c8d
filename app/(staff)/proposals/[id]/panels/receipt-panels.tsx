"use client";
import { ReceiptForm } from "@/components/receipt-form";
import { recordPaperReceiptAction } from "../receipt-actions";
import { Panel } from "./panel";
import { RemindButton } from "./remind-button";

export type OwingProposer = { id: number; name: string; role: string; lastReminded: string | null };
export type OwedRound = { replyId: number; round: number; receiptDue: string; owing: OwingProposer[] };

/**
 * The coordinator follows up receipts still owed, on each reply round that waits for some: 催告, or
 * records a paper receipt. `namesRounds` when the proposal was answered more than once.
 */
export function PaperReceiptPanel({
  proposalId,
  rounds,
  namesRounds: several,
}: {
  proposalId: number;
  rounds: OwedRound[];
  namesRounds: boolean;
}) {
  return (
    <div id="paper-receipt" className="scroll-mt-4">
      <Panel title="回执跟踪：催告与代录纸质回执">
        <div className="space-y-5">
          {rounds.map(({ replyId, round, receiptDue, owing }) => {
            const which = several ? `第${round}轮答复` : "答复";
            return (
              <section key={replyId} aria-label={`${which}的回执`}>
                <p className="mb-3 text-sm text-slate-700">
                  {several && <strong className="mr-1">{which}：</strong>}回执期限 {receiptDue}。以下提案人尚未提交回执：
                </p>
                <ul className="space-y-4">
                  {owing.map((m) => (
                    <li key={m.id} className="border-b border-slate-100 pb-4 last:border-0">
                      <div className="flex flex-wrap items-start gap-3 text-sm">
                        <p className="pt-1.5">
                          <strong>{m.name}</strong>（{m.role}）
                          {m.lastReminded && <span className="ml-2 text-slate-500">上次催告 {m.lastReminded}</span>}
                        </p>
                        <RemindButton
                          proposalId={proposalId}
                          replyId={replyId}
                          memberId={m.id}
                          label={`${m.name}提交${several ? `${which}的` : ""}回执`}
                        />
                      </div>
                      <details className="mt-2">
                        <summary className="cursor-pointer text-sm text-brand-700">
                          代录{m.name}
                          {several ? `对${which}` : ""}的纸质回执
                        </summary>
                        <div className="mt-3">
                          <ReceiptForm
                            action={recordPaperReceiptAction}
                            hidden={{ proposalId, replyId, memberId: m.id }}
                            respondent={m.name}
                            onPaper
                            headingLevel={3}
                          />
                        </div>
                      </details>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </Panel>
    </div>
  );
}
