import type { HolidayCalendar } from "@/lib/holiday-calendar";

/** Whether next year's schedule is in: until it is, every deadline reaching into it is provisional. */
export function CalendarStatus({ calendar, thisYear }: { calendar: HolidayCalendar; thisYear: number }) {
  if (calendar.lastKnownYear > thisYear) {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
        节假日安排已知至{calendar.lastKnownYear}年，期限均按正式安排计算。
      </p>
    );
  }
  const missing = calendar.lastKnownYear + 1;
  return (
    <div role="note" className="rounded border border-violet-300 bg-violet-50 px-4 py-3 text-sm text-violet-950">
      <p className="font-semibold">{missing}年节假日安排尚未录入，期限按周末推算，可能变动。</p>
      <p className="mt-1">
        落在{missing}年及以后的期限在各页面标为“暂定”。国务院办公厅公布{missing}
        年部分节假日安排的通知后，请在下方录入；录入前计算的期限列在本页“需核对的期限”中。
      </p>
    </div>
  );
}
