import { DueBadge } from "@/components/due-badge";
import { Link } from "@/components/link";
import { ProposalLink } from "@/components/proposal-link";
import { QueueSection } from "@/components/queue-section";
import { coordinatorQueue } from "@/db/queries/work";
import { AssignmentTable } from "./assignment-table";
import { OverdueReceipts } from "./overdue-receipts";
import { type QueueProps, queuePaging } from "./queue-pages";

export async function CoordinatorQueue({ db, today, calendar, pages }: QueueProps) {
  const q = await coordinatorQueue(db, today, pages);
  return (
    <>
      <p className="mb-4 flex gap-2">
        <Link href="/proposals/new" className="btn btn-primary">
          登记提案
        </Link>
        <Link href="/proposals/import" className="btn btn-secondary">
          导入交办清单
        </Link>
      </p>
      <QueueSection title="待交办" count={q.toAssign.total} paging={queuePaging(pages, "toAssign", q.toAssign)} empty="没有待交办的提案。">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">提案</th>
              <th scope="col">收到日期</th>
            </tr>
          </thead>
          <tbody>
            {q.toAssign.rows.map((p) => (
              <tr key={p.proposalId}>
                <td>
                  <ProposalLink id={p.proposalId} number={p.number} title={p.title} kind={p.sessionKind} />
                </td>
                <td data-label="收到日期">{p.receivedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueueSection>
      <QueueSection
        title="待审批的调整申请"
        count={q.adjustments.total}
        paging={queuePaging(pages, "adjustments", q.adjustments)}
        empty="没有待审批的调整申请。"
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">提案</th>
              <th scope="col">申请单位</th>
              <th scope="col">理由</th>
              <th scope="col">审批期限</th>
            </tr>
          </thead>
          <tbody>
            {q.adjustments.rows.map((a) => (
              <tr key={a.requestId}>
                <td>
                  <ProposalLink id={a.proposalId} number={a.number} title={a.title} kind={a.sessionKind} />
                </td>
                <td data-label="申请单位">
                  {a.unit}（{a.requester}）
                </td>
                <td data-label="理由" className="max-w-md">
                  {a.reason}
                </td>
                <td data-label="审批期限">
                  <DueBadge due={a.decideBy} today={today} calendar={calendar} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueueSection>
      <QueueSection
        title="待审批的延期申请"
        count={q.extensions.total}
        paging={queuePaging(pages, "extensions", q.extensions)}
        empty="没有待审批的延期申请。"
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">提案</th>
              <th scope="col">申请单位</th>
              <th scope="col">理由</th>
              <th scope="col">申请延至</th>
            </tr>
          </thead>
          <tbody>
            {q.extensions.rows.map((e) => (
              <tr key={e.requestId}>
                <td>
                  <ProposalLink id={e.proposalId} number={e.number} title={e.title} kind={e.sessionKind} />
                </td>
                <td data-label="申请单位">{e.unit}</td>
                <td data-label="理由" className="max-w-md">
                  {e.reason}
                </td>
                <td data-label="申请延至">{e.requestedUntil}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueueSection>
      <QueueSection
        title="超期未签收"
        count={q.lateAcceptance.total}
        paging={queuePaging(pages, "lateAcceptance", q.lateAcceptance)}
        empty="没有超期未签收的交办。"
      >
        <AssignmentTable rows={q.lateAcceptance.rows} today={today} calendar={calendar} dueOf={(r) => r.acceptDue} />
      </QueueSection>
      <QueueSection
        title="超期未办结（督办）"
        count={q.overdue.total}
        paging={queuePaging(pages, "overdue", q.overdue)}
        empty="没有超期的办理事项。"
      >
        <AssignmentTable rows={q.overdue.rows} today={today} calendar={calendar} dueOf={(r) => r.due} />
      </QueueSection>
      <OverdueReceipts db={db} today={today} calendar={calendar} pages={pages} />
    </>
  );
}
