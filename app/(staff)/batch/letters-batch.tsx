import type { Db } from "@/db/client";
import { signedReplies } from "@/db/queries/bulk";
import { proposalLabel } from "@/lib/format";
import { LETTERS_MAX } from "@/lib/validation/bulk";
import { BatchSection, RowCheck } from "./batch-section";

/** 批量下载答复函: the ticked signed letters as one PDF, each letter starting on its own page 1. */
export async function LettersBatch({ db }: { db: Db }) {
  const rows = await signedReplies(db);
  return (
    <BatchSection
      title="批量下载答复函"
      note={`所选答复函合并为一个 PDF（每封从第 1 页起排），一次最多 ${LETTERS_MAX} 封。`}
      empty={rows.length === 0 ? "尚无已签发的答复函。" : null}
    >
      <form method="get" action="/batch/letters.pdf" className="space-y-3">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">选择</th>
              <th scope="col">提案</th>
              <th scope="col">发文字号</th>
              <th scope="col">承办单位</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = `${proposalLabel(r.number, r.kind)}答复函（${r.docNumber}）`;
              return (
                <tr key={r.replyId}>
                  <td data-label="选择">
                    <RowCheck name="replies" value={r.replyId} label={label} />
                  </td>
                  <td data-label="提案">
                    <span className="mr-1 text-slate-600">{proposalLabel(r.number, r.kind)}</span>
                    {r.title}
                  </td>
                  <td data-label="发文字号">{r.docNumber}</td>
                  <td data-label="承办单位">{r.unit}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="submit" className="btn btn-secondary">
          下载所选答复函（PDF）
        </button>
      </form>
    </BatchSection>
  );
}
