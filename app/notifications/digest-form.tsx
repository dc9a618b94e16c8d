"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { chooseDigest } from "./actions";

/** Whether mail comes once per notice or once a day. */
export function DigestForm({ email, digest }: { email: string | null; digest: boolean }) {
  const { state, dispatch, onSubmit } = useFormAction(chooseDigest);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="mb-6 rounded border border-slate-200 bg-white p-4 text-sm">
      <p className="mb-2 text-slate-700">
        {email ? `邮件通知发送至 ${email}（系统启用邮件通知时）。` : "您的账户未登记电子邮箱，只在系统内接收消息。"}
      </p>
      <label className="mr-4 inline-flex items-center gap-2">
        <input type="checkbox" name="digest" defaultChecked={digest} />
        每天汇总为一封邮件（不逐条发送）
      </label>
      <SubmitButton variant="secondary">保存</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
