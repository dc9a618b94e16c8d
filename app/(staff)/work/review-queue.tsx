import { QueueSection } from "@/components/queue-section";
import type { Db } from "@/db/client";
import { leaderQueue, type QueuePages } from "@/db/queries/work";
import type { HolidayCalendar } from "@/lib/holiday-calendar";
import { AssignmentTable } from "./assignment-table";
import { queuePaging } from "./queue-pages";

/** The 分管领导's 待办: drafts of the unit's 科室 waiting for their review before the director signs. */
export async function ReviewQueue({
  db,
  unitId,
  today,
  calendar,
  pages,
}: {
  db: Db;
  unitId: number;
  today: string;
  calendar: HolidayCalendar;
  pages: QueuePages;
}) {
  const q = await leaderQueue(db, unitId, pages);
  return (
    <QueueSection title="待审核答复函" count={q.total} paging={queuePaging(pages, "toReview", q)} empty="没有待审核的答复函。">
      <AssignmentTable rows={q.rows} today={today} calendar={calendar} dueOf={(r) => r.due} />
    </QueueSection>
  );
}
