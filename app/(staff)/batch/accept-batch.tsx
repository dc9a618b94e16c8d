import { DueBadge } from "@/components/due-badge";
import { BulkForm } from "@/components/ui/bulk-form";
import type { Db } from "@/db/client";
import { assignmentsToAccept } from "@/db/queries/bulk";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/domain";
import { isoDateInChina, proposalLabel } from "@/lib/format";
import { bulkAcceptAction } from "./actions";
import { BatchSection, RowCheck } from "./batch-section";

/** 批量签收: the unit accepts the ticked assignments (as lead or co-handling unit). */
export async function AcceptBatch({ db, unitId }: { db: Db; unitId: number }) {
  const rows = await assignmentsToAccept(db, unitId);
  const today = isoDateInChina(new Date());
  const calendar = await holidayCalendarOf(db);
  return (
    <BatchSection
      title="批量签收"
      note="签收本单位所选的交办；需要调整的，请在提案页申请调整。"
      empty={rows.length === 0 ? "没有待签收的交办。" : null}
    >
      <BulkForm action={bulkAcceptAction} label="签收所选提案">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">选择</th>
              <th scope="col">提案</th>
              <th scope="col">承办方式</th>
              <th scope="col">签收期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = proposalLabel(r.number, r.kind);
              return (
                <tr key={r.proposalId}>
                  <td data-label="选择">
                    <RowCheck name="ids" value={r.proposalId} label={label} />
                  </td>
                  <td data-label="提案">
                    <span className="mr-1 text-slate-600">{label}</span>
                    {r.title}
                  </td>
                  <td data-label="承办方式">{ASSIGNMENT_ROLE_LABELS[r.role]}</td>
                  <td data-label="签收期限">
                    <DueBadge due={r.acceptDue} today={today} calendar={calendar} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </BulkForm>
    </BatchSection>
  );
}
