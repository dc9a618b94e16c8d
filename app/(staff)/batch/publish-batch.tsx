import { BulkForm } from "@/components/ui/bulk-form";
import type { Db } from "@/db/client";
import { repliesToPublish } from "@/db/queries/bulk";
import { proposalLabel } from "@/lib/format";
import { bulkPublishAction } from "./actions";
import { BatchSection, RowCheck } from "./batch-section";

/** 批量发布: the ticked signed replies, each as its director approved it for disclosure (全文 or 摘要). */
export async function PublishBatch({ db }: { db: Db }) {
  const rows = await repliesToPublish(db);
  return (
    <BatchSection
      title="批量发布"
      note="按审签时确定的公开方式发布所选答复函；审签时定为不予公开的，请在提案页决定不予公开。"
      empty={rows.length === 0 ? "没有待决定公开的答复函。" : null}
    >
      <BulkForm action={bulkPublishAction} label="发布所选答复函">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">选择</th>
              <th scope="col">提案</th>
              <th scope="col">发文字号</th>
              <th scope="col">成文日期</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = proposalLabel(r.number, r.kind);
              return (
                <tr key={r.replyId}>
                  <td data-label="选择">
                    <RowCheck name="ids" value={r.proposalId} label={label} />
                  </td>
                  <td data-label="提案">
                    <span className="mr-1 text-slate-600">{label}</span>
                    {r.title}
                  </td>
                  <td data-label="发文字号">{r.docNumber}</td>
                  <td data-label="成文日期">{r.writtenOn}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </BulkForm>
    </BatchSection>
  );
}
