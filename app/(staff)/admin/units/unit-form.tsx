"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Unit } from "@/db/schema";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain";
import { ActiveCheckbox } from "../_shared/active-checkbox";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";

/** Creates a unit, or edits one (with the 启用 switch) when `unit` is given. */
export function UnitForm({ action, unit }: { action: FormActionFn; unit?: Unit }) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded border border-slate-200 bg-white p-5">
      {unit && <input type="hidden" name="id" value={unit.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="单位名称" name="name" error={errors?.name} hint="全称，如：重庆高新区科技创新局" required>
          {(p) => <input {...p} defaultValue={unit?.name} maxLength={60} className="input" />}
        </Field>
        <Field label="单位简称" name="shortName" error={errors?.shortName} hint="列表中显示，如：科技创新局" required>
          {(p) => <input {...p} defaultValue={unit?.shortName} maxLength={30} className="input" />}
        </Field>
        <Field label="发文字号前缀" name="docPrefix" error={errors?.docPrefix} hint="如：渝高新科函；〔年份〕和序号由系统生成" required>
          {(p) => <input {...p} defaultValue={unit?.docPrefix} maxLength={20} className="input" />}
        </Field>
        <Field
          label="索引号前缀"
          name="indexPrefix"
          error={errors?.indexPrefix}
          hint="10–30 位大写字母或数字，如：1150010700927688XM"
          required
        >
          {(p) => (
            <input
              {...p}
              defaultValue={unit?.indexPrefix}
              maxLength={30}
              autoCapitalize="characters"
              spellCheck={false}
              className="input font-mono"
            />
          )}
        </Field>
        <Field label="单位类型" name="kind" error={errors?.kind} required>
          {(p) => (
            <select {...p} defaultValue={unit?.kind ?? ""} className="input">
              <option value="" disabled>
                请选择
              </option>
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {UNIT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {unit && <ActiveCheckbox defaultChecked={unit.active} hint="停用后不能再交办给该单位；已有的办理记录和用户不受影响。" />}
      <FormStatus state={state} />
      <SubmitButton>{unit ? "保存" : "创建单位"}</SubmitButton>
    </form>
  );
}
