import { BulkForm } from "@/components/ui/bulk-form";
import type { Db } from "@/db/client";
import { overdueReceipts } from "@/db/queries/work";
import { SIGNER_ROLE_LABELS } from "@/lib/domain";
import { proposalLabel } from "@/lib/format";
import { BULK_MAX_ROWS } from "@/lib/validation/bulk";
import { bulkRemindAction } from "./actions";
import { BatchSection, RowCheck } from "./batch-section";

/** 批量催告: a reminder to each ticked proposer or co-signer whose receipt is overdue. */
export async function RemindBatch({ db, today }: { db: Db; today: string }) {
  const { rows } = await overdueReceipts(db, today, { pageSize: BULK_MAX_ROWS });
  return (
    <BatchSection title="批量催告" note="向所选委员/代表发出回执催告通知。" empty={rows.length === 0 ? "没有超期未交回的回执。" : null}>
      <BulkForm action={bulkRemindAction} label="催告所选回执">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">选择</th>
              <th scope="col">提案</th>
              <th scope="col">提案人</th>
              <th scope="col">回执期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = `${proposalLabel(r.number, r.sessionKind)}${r.member}`;
              return (
                <tr key={`${r.replyId}-${r.memberId}`}>
                  <td data-label="选择">
                    <RowCheck name="items" value={`${r.proposalId}:${r.memberId}:${r.replyId}`} label={label} />
                  </td>
                  <td data-label="提案">
                    <span className="mr-1 text-slate-600">{proposalLabel(r.number, r.sessionKind)}</span>
                    {r.title}
                  </td>
                  <td data-label="提案人">
                    {r.member}（{SIGNER_ROLE_LABELS[r.signerRole]}）
                  </td>
                  <td data-label="回执期限">{r.receiptDue}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </BulkForm>
    </BatchSection>
  );
}
