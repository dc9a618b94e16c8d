"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Session } from "@/db/schema";
import { SESSION_KINDS, SESSION_KIND_LABELS } from "@/lib/domain";
import { ActiveCheckbox } from "../_shared/active-checkbox";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";

/** Creates a session (届次会议), or edits one (with the 启用 switch) when `session` is given. */
export function SessionForm({ action, session, defaultYear }: { action: FormActionFn; session?: Session; defaultYear?: number }) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded border border-slate-200 bg-white p-5">
      {session && <input type="hidden" name="id" value={session.id} />}
      <Field label="召集机构" name="body" error={errors?.body} hint="如：政协重庆市九龙坡区委员会、重庆市九龙坡区人民代表大会" required>
        {(p) => <input {...p} defaultValue={session?.body} maxLength={60} className="input" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="届次" name="term" error={errors?.term} hint="如：第十一届" required>
          {(p) => <input {...p} defaultValue={session?.term} maxLength={10} className="input" />}
        </Field>
        <Field label="会议" name="meeting" error={errors?.meeting} hint="如：第二次会议" required>
          {(p) => <input {...p} defaultValue={session?.meeting} maxLength={12} className="input" />}
        </Field>
        <Field label="年度" name="year" error={errors?.year} hint="2000–2100" required>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={2000}
              max={2100}
              defaultValue={session?.year ?? defaultYear}
              className="input"
            />
          )}
        </Field>
        <Field label="办理类型" name="kind" error={errors?.kind} required>
          {(p) => (
            <select {...p} defaultValue={session?.kind ?? ""} className="input">
              <option value="" disabled>
                请选择
              </option>
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SESSION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {session && <ActiveCheckbox defaultChecked={session.active} hint="停用后登记提案时不再可选；已登记的提案不受影响。" />}
      <FormStatus state={state} />
      <SubmitButton>{session ? "保存" : "创建届次会议"}</SubmitButton>
    </form>
  );
}
