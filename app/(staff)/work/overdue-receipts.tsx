import { DueBadge } from "@/components/due-badge";
import { Link } from "@/components/link";
import { ProposalLink } from "@/components/proposal-link";
import { QueueSection } from "@/components/queue-section";
import { overdueReceipts } from "@/db/queries/work";
import { SIGNER_ROLE_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import { RemindButton } from "../proposals/[id]/panels/remind-button";
import { type QueueProps, queuePaging } from "./queue-pages";

/** 超期未回执: proposers whose receipt is past its deadline, with 催告 and the way to record a paper receipt. */
export async function OverdueReceipts({ db, today, calendar, pages }: QueueProps) {
  const listed = await overdueReceipts(db, today, { page: pages.overdueReceipts });
  const { rows, total } = listed;
  return (
    <QueueSection
      title="超期未回执（催告）"
      count={total}
      paging={queuePaging(pages, "overdueReceipts", listed)}
      empty="没有超期未交回的回执。"
    >
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">提案</th>
            <th scope="col">提案人</th>
            <th scope="col">回执期限</th>
            <th scope="col">上次催告</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.replyId}-${r.memberId}`}>
              <td>
                <ProposalLink id={r.proposalId} number={r.number} title={r.title} kind={r.sessionKind} />
                {r.round > 1 && <span className="ml-1 text-xs text-orange-800">第{r.round}轮答复</span>}
              </td>
              <td data-label="提案人" className="whitespace-nowrap">
                {r.member}（{SIGNER_ROLE_LABELS[r.signerRole]}）
              </td>
              <td data-label="回执期限">
                <DueBadge due={r.receiptDue} today={today} calendar={calendar} />
              </td>
              <td data-label="上次催告" className="whitespace-nowrap">
                {r.lastReminded ? dateTimeInChina(new Date(r.lastReminded)) : "—"}
              </td>
              <td>
                <div className="flex flex-wrap items-start gap-2">
                  <RemindButton proposalId={r.proposalId} replyId={r.replyId} memberId={r.memberId} label={`${r.member}提交回执`} />
                  <Link href={`/proposals/${r.proposalId}#paper-receipt`} className="pt-1.5 text-sm text-brand-700 hover:underline">
                    代录纸质回执
                  </Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </QueueSection>
  );
}
