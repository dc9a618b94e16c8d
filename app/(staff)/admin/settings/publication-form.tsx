"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { Publisher } from "@/lib/publication";
import { savePublication } from "./actions";

const CHOICES: { value: Publisher; label: string; hint: string }[] = [
  { value: "coordinator", label: "由督查室决定", hint: "答复函审签后，由督查室发布、不予公开或撤回。" },
  { value: "unit", label: "承办单位也可决定", hint: "主办单位的承办人、负责人可发布本单位的答复函；督查室仍可决定。" },
];

/** 信息公开: who decides 发布 / 不予公开 / 撤回公开 of signed replies. */
export function PublicationForm({ publisher }: { publisher: Publisher }) {
  const { state, dispatch, onSubmit } = useFormAction(savePublication);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="max-w-3xl space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">答复函公开由谁决定</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2">
            <input type="radio" name="publisher" value={choice.value} defaultChecked={publisher === choice.value} className="mt-1" />
            <span>
              {choice.label}
              <span className="block text-sm text-slate-600">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormStatus state={state} />
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}
