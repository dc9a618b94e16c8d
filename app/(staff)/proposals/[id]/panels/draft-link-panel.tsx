import { Link } from "@/components/link";
import { dateTimeInChina } from "@/lib/format";
import type { Drafting } from "../drafting";
import { Panel } from "./panel";
import { ReturnComment } from "./return-comment";

/** On the proposal page: where the reply stands, and the way to the 起草答复函 page where it is written. */
export function DraftLinkPanel({ proposalId, drafting }: { proposalId: number; drafting: Drafting }) {
  const { latest, returnComment } = drafting;
  return (
    <Panel title={latest ? `答复函草稿（当前第 ${latest.draft.version} 稿）` : "起草答复函"} tone="action">
      {returnComment && <ReturnComment {...returnComment} />}
      <p className="mb-3 text-sm text-slate-700">
        {latest
          ? `第 ${latest.draft.version} 稿由${latest.author}于 ${dateTimeInChina(latest.draft.createdAt)} 保存。`
          : "尚未保存答复函草稿。"}
        起草页面可边写边预览答复函。
      </p>
      <Link href={`/proposals/${proposalId}/reply`} className="btn btn-primary">
        {latest ? "修改答复函" : "起草答复函"}
      </Link>
    </Panel>
  );
}
