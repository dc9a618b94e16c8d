"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { SmtpSettings } from "@/lib/mail";
import { saveSmtp } from "./actions";

/** The mail server for notices; the stored password is never sent back to the browser. */
export function SmtpForm({ smtp }: { smtp: Omit<SmtpSettings, "password"> & { hasPassword: boolean } }) {
  const { state, dispatch, onSubmit } = useFormAction(saveSmtp);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4 rounded border border-slate-200 bg-white p-5">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={smtp.enabled} />
        启用邮件通知（默认不启用；消息始终在系统内送达）
      </label>
      <div className="grid gap-4 sm:grid-cols-[1fr_7rem]">
        <Field label="SMTP 服务器" name="host" error={errors?.host}>
          {(p) => <input {...p} defaultValue={smtp.host} className="input" />}
        </Field>
        <Field label="端口" name="port" error={errors?.port} required>
          {(p) => <input {...p} type="number" defaultValue={smtp.port} className="input" />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="secure" defaultChecked={smtp.secure} />
        使用 SSL/TLS 连接
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="用户名" name="user" error={errors?.user}>
          {(p) => <input {...p} defaultValue={smtp.user ?? ""} autoComplete="off" className="input" />}
        </Field>
        <Field label="密码" name="password" error={errors?.password} hint={smtp.hasPassword ? "已保存；留空则不修改" : undefined}>
          {(p) => <input {...p} type="password" autoComplete="new-password" className="input" />}
        </Field>
        <Field label="发件人地址" name="from" error={errors?.from} required>
          {(p) => <input {...p} defaultValue={smtp.from} className="input" />}
        </Field>
        <Field label="系统访问地址" name="siteUrl" error={errors?.siteUrl} hint="邮件中的链接以此开头" required>
          {(p) => <input {...p} defaultValue={smtp.siteUrl} className="input" />}
        </Field>
      </div>
      <FormStatus state={state} />
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}
