"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { remindReceiptAction } from "../receipt-actions";

/** 催告: a notification to one proposer whose receipt on one reply is still owed, logged on the proposal. `label` completes the button's name for screen readers. */
export function RemindButton({
  proposalId,
  replyId,
  memberId,
  label,
}: {
  proposalId: number;
  replyId: number;
  memberId: number;
  label: string;
}) {
  const { state, dispatch, onSubmit } = useFormAction(remindReceiptAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="replyId" value={replyId} />
      <SubmitButton variant="secondary">
        催告<span className="sr-only">{label}</span>
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
