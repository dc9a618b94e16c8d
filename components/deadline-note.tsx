import type { DeadlineRule } from "@/lib/deadline-rules";
import { explainDeadline, explanationText } from "@/lib/deadlines";
import type { HolidayCalendar } from "@/lib/holiday-calendar";

/**
 * How a deadline was counted — start date, rule, working days, holidays skipped and make-up days
 * counted, and whether it is provisional — so that anyone who disputes it can check it on screen.
 * `label` names the deadline when several are explained side by side.
 */
export function DeadlineNote({
  start,
  rule,
  due,
  calendar,
  label,
}: {
  start: string;
  rule: DeadlineRule;
  due: string;
  calendar: HolidayCalendar;
  label?: string;
}) {
  const explanation = explainDeadline(calendar, start, rule);
  return (
    <details className="text-xs text-slate-600">
      <summary className="cursor-pointer text-brand-700">{label ? `${label}如何计算` : "期限如何计算"}</summary>
      <p className="mt-1">{explanationText(explanation)}。</p>
      {explanation.due !== due && (
        <p className="mt-1">本期限为 {due}（确定时依据的规则、节假日安排或重新办理与现行的不同，已确定的期限不随之改变）。</p>
      )}
    </details>
  );
}
