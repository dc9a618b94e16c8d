"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveHolidayYear } from "./actions";

const EXAMPLE = "一、元旦：1月1日（周五）放假，共1天。\n二、春节：2月…日至…日放假调休，共…天。…月…日（周日）上班。";

/** 录入节假日安排: pick the year and paste the State Council's notice; it is read and checked on the server. */
export function YearForm({ years, defaultYear }: { years: number[]; defaultYear: number }) {
  const { state, dispatch, onSubmit } = useFormAction(saveHolidayYear);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4 rounded border border-slate-200 bg-white p-5">
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field label="年份" name="year" error={errors?.year} required>
          {(p) => (
            <select {...p} defaultValue={defaultYear} className="input">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="通知文号或来源"
          name="source"
          error={errors?.source}
          hint="如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）"
        >
          {(p) => <input {...p} className="input" />}
        </Field>
      </div>
      <Field
        label="通知原文"
        name="noticeText"
        error={errors?.noticeText}
        required
        hint="粘贴通知中“一、元旦：……”起的各条安排（可连同标题和正文一起粘贴）。每条须写明放假日期和“共N天”，调休上班日写在“上班”之前；系统逐条核对天数和星期。"
      >
        {(p) => <textarea {...p} rows={9} placeholder={EXAMPLE} className="input font-mono text-sm" />}
      </Field>
      <FormStatus state={state} />
      <SubmitButton>保存该年安排</SubmitButton>
    </form>
  );
}
