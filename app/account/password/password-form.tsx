"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionState } from "react";
import { changePassword } from "./actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate className="space-y-4">
      <Field label="当前密码" name="currentPassword" error={errors?.currentPassword} required>
        {(p) => <input {...p} type="password" autoComplete="current-password" className="input" />}
      </Field>
      <Field label="新密码" name="password" error={errors?.password} hint="至少 8 位，须同时包含字母和数字，不能与用户名相同" required>
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" />}
      </Field>
      <Field label="确认新密码" name="passwordConfirm" error={errors?.passwordConfirm} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" />}
      </Field>
      <FormStatus state={state} />
      <SubmitButton>修改密码</SubmitButton>
    </form>
  );
}
