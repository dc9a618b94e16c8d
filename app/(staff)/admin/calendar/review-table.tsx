import { ScrollFrame } from "@/components/ui/scroll-frame";
import type { OpenStep } from "@/db/queries/supervision";
import { SUPERVISION_STAGE_LABELS } from "@/lib/supervision-board";
import type { ReviewedStep } from "@/lib/calendar-review";
import { proposalLabel } from "@/lib/format";

/** The stored deadlines to review: provisional ones, and those the calendar now gives otherwise. */
export function ReviewTable({ rows, total }: { rows: ReviewedStep<OpenStep>[]; total: number }) {
  if (total === 0) return <p className="rounded border border-dashed bg-white p-4 text-sm text-slate-500">没有需核对的期限。</p>;
  return (
    <>
      <ScrollFrame label="需核对的期限">
        <table className="data-table md:min-w-[44rem]">
          <thead>
            <tr>
              <th scope="col">提案</th>
              <th scope="col">单位</th>
              <th scope="col">环节</th>
              <th scope="col">已确定的期限</th>
              <th scope="col">按现行安排计算</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.proposalId}-${r.unitId}-${r.stage}`}>
                <td>
                  <span className="mr-1 whitespace-nowrap text-slate-600">{proposalLabel(r.number, r.kind)}</span>
                  {r.title}
                </td>
                <td data-label="单位" className="whitespace-nowrap">
                  {r.unit}
                </td>
                <td data-label="环节" className="whitespace-nowrap">
                  {SUPERVISION_STAGE_LABELS[r.stage]}
                </td>
                <td data-label="已确定的期限" className="whitespace-nowrap">
                  {r.due}
                </td>
                <td data-label="按现行安排计算" className="whitespace-nowrap">
                  {r.recomputed ?? "—"}
                </td>
                <td data-label="说明">
                  {r.provisional ? `暂定：${r.provisional}` : r.recomputed && r.recomputed !== r.due ? "与现行安排计算结果不同" : ""}
                  {!r.recomputed && <span className="block text-xs text-slate-500">期限经延期或重新办理确定，不按规则重算</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {rows.length < total && (
        <p className="mt-1 text-sm text-slate-600">
          以上为最早到期的 {rows.length} 项，共 {total} 项。
        </p>
      )}
    </>
  );
}
