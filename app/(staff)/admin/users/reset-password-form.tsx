"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { resetPassword } from "./actions";
import { PASSWORD_HINT } from "./password-hint";

/** Sets a new password; the fields clear after every submission, so no password stays on screen. */
export function ResetPasswordForm({ userId }: { userId: number }) {
  const [state, action] = useActionState(resetPassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={userId} />
      <Field label="新密码" name="password" error={errors?.password} hint={PASSWORD_HINT} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={128} className="input" />}
      </Field>
      <Field label="确认新密码" name="passwordConfirm" error={errors?.passwordConfirm} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={128} className="input" />}
      </Field>
      <FormStatus state={state} />
      <SubmitButton variant="secondary">重置密码</SubmitButton>
    </form>
  );
}
