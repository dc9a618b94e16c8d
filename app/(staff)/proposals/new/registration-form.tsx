"use client";
import { SessionSelect } from "@/components/session-select";
import { UploadField, useUploadGate } from "@/components/upload-field";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/import/attachments";
import { BODY_MAX, TITLE_MAX } from "@/lib/import/columns";

type Props = {
  action: FormActionFn;
  sessions: { id: number; title: string }[];
  categories: { id: number; name: string }[];
  memberNames: string[];
  today: string;
};

const MEMBER_LIST = "member-names";
const NAMES_HINT = "多人以“、”或逗号分隔；须为委员/代表的姓名";

/** 登记提案: the proposal as received on paper, its people, flags and files. */
export function RegistrationForm({ action, sessions, categories, memberNames, today }: Props) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  // The attachments go up as they are chosen; the form is sent once they all have.
  const uploads = useUploadGate(onSubmit);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={dispatch}
      onSubmit={uploads.onSubmit}
      noValidate
      className="max-w-4xl space-y-4 rounded border border-slate-200 bg-white p-5"
    >
      <datalist id={MEMBER_LIST}>
        {memberNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem_10rem]">
        <SessionSelect sessions={sessions} error={errors?.sessionId} />
        <Field label="编号" name="number" error={errors?.number} hint="第 N 号" required>
          {(p) => <input {...p} type="number" inputMode="numeric" min={1} max={999999} className="input" />}
        </Field>
        <Field label="收到日期" name="receivedOn" error={errors?.receivedOn} required>
          {(p) => <input {...p} type="date" defaultValue={today} max={today} className="input" />}
        </Field>
      </div>
      <Field label="标题" name="title" error={errors?.title} required>
        {(p) => <input {...p} maxLength={TITLE_MAX} className="input" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="提案人（领衔）" name="proposer" error={errors?.proposer} hint="从列表中选择，或输入姓名" required>
          {(p) => <input {...p} list={MEMBER_LIST} maxLength={40} autoComplete="off" className="input" />}
        </Field>
        <Field label="联名人" name="coSigners" error={errors?.coSigners} hint={NAMES_HINT}>
          {(p) => <input {...p} maxLength={2000} autoComplete="off" className="input" />}
        </Field>
        <Field label="附议人" name="seconders" error={errors?.seconders} hint={`${NAMES_HINT}；附议人不收答复`}>
          {(p) => <input {...p} maxLength={2000} autoComplete="off" className="input" />}
        </Field>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" name="createMembers" className="mt-1" />
        <span>
          为未登记的姓名新建委员/代表账户
          <span className="block text-xs text-slate-500">新账户没有登录密码；需要登录时由系统管理员设置。</span>
        </span>
      </label>
      <Field label="主题分类" name="categoryId" error={errors?.categoryId}>
        {(p) => (
          <select {...p} defaultValue="" className="input sm:max-w-xs">
            <option value="">未分类</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="提案内容" name="body" error={errors?.body} hint={`不超过 ${BODY_MAX} 字`} required>
        {(p) => <textarea {...p} rows={12} maxLength={BODY_MAX} className="input font-serif leading-7" />}
      </Field>
      <UploadField
        label="附件"
        name="attachments"
        purpose="attachment"
        accept={ATTACHMENT_ACCEPT}
        hint={ATTACHMENT_HINT}
        maxBytes={MAX_ATTACHMENT_BYTES}
        maxFiles={MAX_ATTACHMENTS}
        error={uploads.notice ?? errors?.attachments}
        onBusyChange={uploads.onBusyChange}
      />
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700">
        <legend className="mb-1 text-sm font-medium text-slate-700">标记</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isKey" /> 重点提案
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isUrgent" /> 紧急（办复期限按紧急提案计算）
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="wantsMeeting" /> 希望面商
        </label>
      </fieldset>
      <FormStatus state={state} />
      <SubmitButton>登记提案</SubmitButton>
    </form>
  );
}
