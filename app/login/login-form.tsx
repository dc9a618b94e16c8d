"use client";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div className="space-y-1">
        <label htmlFor="username" className="block text-sm font-medium text-slate-700">
          用户名
        </label>
        {/* biome-ignore lint/a11y/noAutofocus: the sign-in page has one task; its first field takes the cursor */}
        <input id="username" name="username" autoComplete="username" required className="input" autoFocus />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          密码
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input" />
      </div>
      <FormStatus state={state} />
      <SubmitButton>登录</SubmitButton>
    </form>
  );
}
