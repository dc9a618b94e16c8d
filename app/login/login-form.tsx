"use client";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction } from "./actions";

/** The password form; `secondary` when 统一身份认证 is the main way in (its button then takes the focus, not this form). */
export function LoginForm({ callbackUrl, secondary = false }: { callbackUrl?: string; secondary?: boolean }) {
  const [state, action] = useActionState(signInAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div className="space-y-1">
        <label htmlFor="username" className="block text-sm font-medium text-slate-700">
          用户名
        </label>
        {/* biome-ignore lint/a11y/noAutofocus: the sign-in page has one task; its first field takes the cursor */}
        <input id="username" name="username" autoComplete="username" required className="input" autoFocus={!secondary} />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          密码
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input" />
      </div>
      <FormStatus state={state} />
      <SubmitButton variant={secondary ? "secondary" : "primary"}>登录</SubmitButton>
    </form>
  );
}
