"use client";
/** A bulk action's form: the rows to choose from (checkboxes, as children), one button, and the per-row report. */
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { useFormAction, type FormActionFn } from "./use-form-action";

export type BulkReportRow = { proposalId: number; label: string; ok: boolean; reason: string | null };

export function BulkForm({ action, label, children }: { action: FormActionFn<BulkReportRow[]>; label: string; children: React.ReactNode }) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const report = state?.ok ? state.data : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-3">
      {children}
      <SubmitButton>{label}</SubmitButton>
      <FormStatus state={state} />
      {report && report.length > 0 && (
        <ul className="text-sm" aria-label="逐件结果">
          {report.map((r) => (
            <li key={r.proposalId} className={r.ok ? "text-green-800" : "text-red-800"}>
              {r.label}：{r.ok ? "已完成" : r.reason}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
