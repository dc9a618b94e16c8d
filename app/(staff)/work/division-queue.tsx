import { QueueSection } from "@/components/queue-section";
import type { Db } from "@/db/client";
import { divisionQueue } from "@/db/queries/work";
import type { HolidayCalendar } from "@/lib/holiday-calendar";
import { AssignmentTable } from "./assignment-table";

/** 待分办, for the unit's office: what the unit accepted and has not yet divided to a 科室 and a 承办人. */
export async function DivisionQueue({ db, unitId, today, calendar }: { db: Db; unitId: number; today: string; calendar: HolidayCalendar }) {
  const q = await divisionQueue(db, unitId);
  return (
    <QueueSection title="待分办" count={q.total} shown={q.rows.length} empty="没有待分办的提案。">
      <AssignmentTable rows={q.rows} today={today} calendar={calendar} dueOf={(r) => r.due} />
    </QueueSection>
  );
}
