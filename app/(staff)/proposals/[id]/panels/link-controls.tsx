"use client";
/**
 * 并案 and 取消并案, each a step the coordinator opens first: it says what will happen, and only its own
 * button carries it out. Native <details>, so it works by keyboard and before the page's script loads.
 */
import { link, unlink } from "../actions";
import { ActionForm } from "./action-form";
import { TextField } from "./text-field";

const SUMMARY = "inline-block cursor-pointer rounded border px-3 py-1 text-sm font-medium";

export function LinkConfirm({
  proposalId,
  relatedId,
  self,
  other,
}: {
  proposalId: number;
  relatedId: number;
  self: string;
  other: string;
}) {
  return (
    <details className="group">
      <summary className={`${SUMMARY} border-brand-700 text-brand-700 hover:bg-brand-50 group-open:bg-brand-50`}>并案…</summary>
      <div className="mt-2 rounded border border-brand-600 bg-brand-50 p-3 text-sm" role="group" aria-label={`确认与${other}并案`}>
        <p className="font-semibold">
          将本提案（{self}）与{other}并案办理？
        </p>
        <ul className="mb-3 mt-1 list-disc pl-5 text-slate-800">
          <li>两件提案仍各自交办、各自答复，页面上互相列出；</li>
          <li>两件提案的办理记录都记下此次并案；</li>
          <li>如并案有误，可以取消并案（须说明理由）。</li>
        </ul>
        <ActionForm action={link} hidden={{ proposalId, relatedId }} buttons={[{ label: "确认并案" }]} />
      </div>
    </details>
  );
}

export function UnlinkConfirm({ proposalId, relatedId, other }: { proposalId: number; relatedId: number; other: string }) {
  return (
    <details className="group">
      <summary className={`${SUMMARY} border-slate-400 text-slate-700 hover:bg-slate-50 group-open:bg-slate-50`}>取消并案…</summary>
      <div className="mt-2 rounded border border-slate-300 bg-slate-50 p-3 text-sm" role="group" aria-label={`确认取消与${other}并案`}>
        <p className="mb-2 font-semibold">取消本提案与{other}的并案？两件提案的办理记录都会记下取消和理由。</p>
        <ActionForm action={unlink} hidden={{ proposalId, relatedId }} buttons={[{ label: "确认取消并案", variant: "danger" }]}>
          {(errors) => <TextField label="取消并案的理由" name="reason" rows={2} error={errors?.reason} required />}
        </ActionForm>
      </div>
    </details>
  );
}
