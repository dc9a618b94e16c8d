import { ProposalLink } from "@/components/proposal-link";
import { QueueSection } from "@/components/queue-section";
import { directorQueue } from "@/db/queries/work";
import { AssignmentTable } from "./assignment-table";
import { queuePaging, type UnitQueueProps } from "./queue-pages";

export async function DirectorQueue({ db, unitId, today, calendar, pages }: UnitQueueProps) {
  const q = await directorQueue(db, unitId, pages);
  return (
    <>
      <QueueSection
        title="待审签答复函"
        count={q.toSignOff.total}
        paging={queuePaging(pages, "toSignOff", q.toSignOff)}
        empty="没有待审签的答复函。"
      >
        <AssignmentTable rows={q.toSignOff.rows} today={today} calendar={calendar} dueOf={(r) => r.due} />
      </QueueSection>
      <QueueSection
        title="待审签协办意见"
        count={q.opinionsToApprove.total}
        paging={queuePaging(pages, "opinionsToApprove", q.opinionsToApprove)}
        empty="没有待审签的协办意见。"
      >
        <AssignmentTable rows={q.opinionsToApprove.rows} today={today} calendar={calendar} dueOf={(r) => r.due} />
      </QueueSection>
      <QueueSection title="近期签发" count={q.recentlySigned.length} empty="本单位尚未签发答复函。">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">提案</th>
              <th scope="col">发文字号</th>
              <th scope="col">成文日期</th>
            </tr>
          </thead>
          <tbody>
            {q.recentlySigned.map((r) => (
              <tr key={r.docNumber}>
                <td>
                  <ProposalLink id={r.proposalId} number={r.number} title={r.title} kind={r.sessionKind} />
                </td>
                <td data-label="发文字号">{r.docNumber}</td>
                <td data-label="成文日期">{r.writtenOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueueSection>
    </>
  );
}
