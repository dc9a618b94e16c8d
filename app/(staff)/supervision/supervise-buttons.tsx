"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { SupervisableStage } from "@/lib/supervision-board";
import { superviseAll } from "./actions";

/** 督办 one step: the notice names the step and its deadline, or how many days it is overdue. */
export function SuperviseButton({ proposalId, unitId, stage }: { proposalId: number; unitId: number; stage: SupervisableStage }) {
  const { state, dispatch, onSubmit } = useFormAction(superviseAll);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="proposalIds" value={proposalId} />
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="stage" value={stage} />
      <SubmitButton variant="secondary">督办</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}

/** 督办 everything listed for one unit at once. */
export function SuperviseUnitButton({ unitId, proposalIds }: { unitId: number; proposalIds: number[] }) {
  const { state, dispatch, onSubmit } = useFormAction(superviseAll);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="unitId" value={unitId} />
      {proposalIds.map((id) => (
        <input key={id} type="hidden" name="proposalIds" value={id} />
      ))}
      <SubmitButton variant="secondary">全部督办</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
