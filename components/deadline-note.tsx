import type { DeadlineRule } from "@/lib/deadline-rules";
import { explainDeadline, explanationText } from "@/lib/deadlines";

/**
 * How a deadline was counted — start date, rule, working days, holidays skipped and make-up days
 * counted — so that anyone who disputes it can check it on screen.
 */
export function DeadlineNote({ start, rule, due }: { start: string; rule: DeadlineRule; due: string }) {
  const explanation = explainDeadline(start, rule);
  return (
    <details className="text-xs text-slate-600">
      <summary className="cursor-pointer text-brand-700">期限如何计算</summary>
      <p className="mt-1">{explanationText(explanation)}。</p>
      {explanation.due !== due && <p className="mt-1">本期限为 {due}（交办后经重新办理或规则调整确定，与按现行规则计算的结果不同）。</p>}
    </details>
  );
}
