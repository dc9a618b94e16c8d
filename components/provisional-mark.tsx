import { provisionalReason, type HolidayCalendar } from "@/lib/holiday-calendar";

/**
 * 暂定 beside a date counted through a year whose holiday schedule is not entered yet; the reason is in
 * the tooltip and read out to screen readers, and ProvisionalNotice states it on the page.
 */
export function ProvisionalMark({ calendar, date }: { calendar: HolidayCalendar; date: string | null }) {
  const why = date ? provisionalReason(calendar, date) : null;
  if (!why) return null;
  return (
    <span title={why} className="ml-1 rounded border border-violet-300 bg-violet-50 px-1 py-0.5 text-xs text-violet-900">
      暂定<span className="sr-only">：{why}</span>
    </span>
  );
}

/** The page's note on its provisional dates: why they may move. Nothing when none of them is. */
export function ProvisionalNotice({ calendar, dates }: { calendar: HolidayCalendar; dates: readonly (string | null)[] }) {
  const latest = dates.reduce<string | null>((max, d) => (d && (!max || d > max) ? d : max), null);
  const why = latest ? provisionalReason(calendar, latest) : null;
  if (!why) return null;
  return (
    <p role="note" className="mb-3 rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950">
      标“暂定”的期限：{why}。
    </p>
  );
}
