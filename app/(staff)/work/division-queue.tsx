import { QueueSection } from "@/components/queue-section";
import { divisionQueue } from "@/db/queries/work";
import { AssignmentTable } from "./assignment-table";
import { queuePaging, type UnitQueueProps } from "./queue-pages";

/** 待分办, for the unit's office: what the unit accepted and has not yet divided to a 科室 and a 承办人. */
export async function DivisionQueue({ db, unitId, today, calendar, pages }: UnitQueueProps) {
  const q = await divisionQueue(db, unitId, pages);
  return (
    <QueueSection title="待分办" count={q.total} paging={queuePaging(pages, "toDivide", q)} empty="没有待分办的提案。">
      <AssignmentTable rows={q.rows} today={today} calendar={calendar} dueOf={(r) => r.due} />
    </QueueSection>
  );
}
