import { QueueSection } from "@/components/queue-section";
import { leaderQueue } from "@/db/queries/work";
import { AssignmentTable } from "./assignment-table";
import { queuePaging, type UnitQueueProps } from "./queue-pages";

/** The 分管领导's 待办: drafts of the unit's 科室 waiting for their review before the director signs. */
export async function ReviewQueue({ db, unitId, today, calendar, pages }: UnitQueueProps) {
  const q = await leaderQueue(db, unitId, pages);
  return (
    <QueueSection title="待审核答复函" count={q.total} paging={queuePaging(pages, "toReview", q)} empty="没有待审核的答复函。">
      <AssignmentTable rows={q.rows} today={today} calendar={calendar} dueOf={(r) => r.due} />
    </QueueSection>
  );
}
