import { BulkForm } from "@/components/ui/bulk-form";
import type { Db } from "@/db/client";
import { proposalsToAssign } from "@/db/queries/bulk";
import { proposalLabel } from "@/lib/format";
import { bulkAssignAction } from "./actions";
import { BatchSection, RowCheck } from "./batch-section";

/** 批量交办: each ticked proposal to the lead unit and co-handling units chosen on its row. */
export async function AssignBatch({ db, units }: { db: Db; units: { id: number; name: string }[] }) {
  const rows = await proposalsToAssign(db);
  return (
    <BatchSection
      title="批量交办"
      note="为每件勾选的提案选择主办单位（必选）和协办单位（可多选，按住 Ctrl 选择）。"
      empty={rows.length === 0 ? "没有待交办的提案。" : null}
    >
      <BulkForm action={bulkAssignAction} label="交办所选提案">
        <div className="overflow-x-auto" role="region" aria-label="待交办的提案" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">选择</th>
                <th scope="col">提案</th>
                <th scope="col">主办单位</th>
                <th scope="col">协办单位</th>
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
                    <td data-label="主办单位">
                      <select name={`lead-${r.proposalId}`} aria-label={`${label}的主办单位`} defaultValue="" className="input">
                        <option value="">请选择</option>
                        {units.map((u) => (
                          <option key={u.id} value={u.id}>
                            {u.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td data-label="协办单位">
                      <select name={`co-${r.proposalId}`} aria-label={`${label}的协办单位`} multiple size={3} className="input">
                        {units.map((u) => (
                          <option key={u.id} value={u.id}>
                            {u.name}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </BulkForm>
    </BatchSection>
  );
}
