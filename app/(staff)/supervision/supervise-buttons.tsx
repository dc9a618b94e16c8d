"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { superviseUnit } from "../proposals/[id]/actions";
import { superviseAll } from "./actions";

/** 督办 one step: the notice names the step and its deadline. */
export function SuperviseButton({ proposalId, unitId, comment }: { proposalId: number; unitId: number; comment: string }) {
  const { state, dispatch, onSubmit } = useFormAction(superviseUnit);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="comment" value={comment} />
      <SubmitButton variant="secondary">督办</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}

/** 督办 everything listed for one unit at once. */
export function SuperviseUnitButton({ unitId, unit, proposalIds }: { unitId: number; unit: string; proposalIds: number[] }) {
  const { state, dispatch, onSubmit } = useFormAction(superviseAll);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="unitId" value={unitId} />
      {proposalIds.map((id) => (
        <input key={id} type="hidden" name="proposalIds" value={id} />
      ))}
      <input type="hidden" name="comment" value={`${unit}有 ${proposalIds.length} 件事项临近或超过期限，请抓紧办理。`} />
      <SubmitButton variant="secondary">全部督办</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
