import { daysLeft } from "@/lib/deadlines";
import type { HolidayCalendar } from "@/lib/holiday-calendar";
import { ProvisionalMark } from "./provisional-mark";

/** Days left to a deadline in working days, or how far past it is; overdue is flagged in red, a provisional count marked. */
export function DueBadge({ due, today, calendar }: { due: string | null; today: string; calendar: HolidayCalendar }) {
  if (!due) return <span className="text-slate-400">—</span>;
  const left = daysLeft(calendar, today, due);
  const mark = <ProvisionalMark calendar={calendar} date={due} />;
  if (left.overdueDays > 0) {
    return (
      <span className="whitespace-nowrap">
        {due} <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">超期{left.overdueDays}天</span>
        {mark}
      </span>
    );
  }
  if (due === today) {
    return (
      <span className="whitespace-nowrap">
        {due} <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">今日到期</span>
        {mark}
      </span>
    );
  }
  const urgent = left.workdays <= 3;
  return (
    <span className="whitespace-nowrap">
      {due}{" "}
      <span className={`ml-1 rounded px-1.5 py-0.5 text-xs ${urgent ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}>
        剩{left.workdays}个工作日
      </span>
      {mark}
    </span>
  );
}
