"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { remindReceiptAction } from "../receipt-actions";

/** 催告: a notification to one proposer whose receipt is still owed, logged on the proposal. */
export function RemindButton({ proposalId, memberId, memberName }: { proposalId: number; memberId: number; memberName: string }) {
  const { state, dispatch, onSubmit } = useFormAction(remindReceiptAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="memberId" value={memberId} />
      <SubmitButton variant="secondary">
        催告<span className="sr-only">{memberName}提交回执</span>
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
