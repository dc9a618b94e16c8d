import { Link } from "@/components/link";
import { QueueSection } from "@/components/queue-section";
import type { Db } from "@/db/client";
import { handlerQueue, type QueuePages } from "@/db/queries/work";
import type { HolidayCalendar } from "@/lib/holiday-calendar";
import { AssignmentTable } from "./assignment-table";
import { queuePaging } from "./queue-pages";

/** A handler's 待办; once the unit has divided a proposal (分办) it is listed for its named 承办人 only, by the internal deadline. */
export async function HandlerQueue({
  db,
  user,
  today,
  calendar,
  pages,
}: {
  db: Db;
  user: { id: number; unitId: number };
  today: string;
  calendar: HolidayCalendar;
  pages: QueuePages;
}) {
  const q = await handlerQueue(db, user, pages);
  return (
    <>
      <QueueSection title="待签收" count={q.toAccept.total} paging={queuePaging(pages, "toAccept", q.toAccept)} empty="没有待签收的交办。">
        <AssignmentTable rows={q.toAccept.rows} today={today} calendar={calendar} dueOf={(r) => r.acceptDue} />
      </QueueSection>
      <QueueSection
        title="待答复（主办）"
        count={q.toReply.total}
        paging={queuePaging(pages, "toReply", q.toReply)}
        empty="没有需要答复的提案。"
      >
        <AssignmentTable
          rows={q.toReply.rows}
          today={today}
          calendar={calendar}
          dueOf={(r) => r.internalDue ?? r.due}
          note={(r) => (
            // Straight to 起草答复函, which also lists what still stands before 提交审签.
            <Link href={`/proposals/${r.proposalId}/reply`} className="text-brand-700 hover:underline">
              {r.returned ? (
                <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">审签退回，请修改</span>
              ) : r.status === "rehandling" ? (
                "重新办理"
              ) : (
                "起草答复"
              )}
            </Link>
          )}
        />
      </QueueSection>
      <QueueSection
        title="待填写协办意见"
        count={q.toGiveOpinion.total}
        paging={queuePaging(pages, "toGiveOpinion", q.toGiveOpinion)}
        empty="没有待填写的协办意见。"
      >
        <AssignmentTable rows={q.toGiveOpinion.rows} today={today} calendar={calendar} dueOf={(r) => r.internalDue ?? r.due} />
      </QueueSection>
    </>
  );
}
