"use client";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/components/ui/use-form-action";

/** One button acting on an account (停用, 启用, 解除锁定), with what it does explained beside it. */
export function AccountStatusForm({
  action,
  userId,
  label,
  explanation,
  variant = "secondary",
}: {
  action: FormActionFn;
  userId: number;
  label: string;
  explanation: string;
  variant?: "secondary" | "danger";
}) {
  const [state, dispatch] = useActionState(action, null);
  return (
    <form action={dispatch} className="space-y-2">
      <input type="hidden" name="id" value={userId} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant={variant}>{label}</SubmitButton>
        <p className="text-xs text-slate-600">{explanation}</p>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
