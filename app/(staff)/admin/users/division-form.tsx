"use client";
import { useId } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveUserDivision } from "./actions";

/** A handler's 科室 in their unit, and 可分办 (the office's right to divide the unit's proposals). */
export function DivisionForm({
  userId,
  sectionId,
  canDivide,
  sections,
}: {
  userId: number;
  sectionId: number | null;
  canDivide: boolean;
  sections: { id: number; label: string }[];
}) {
  const { state, dispatch, onSubmit } = useFormAction(saveUserDivision);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const hintId = useId();
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="id" value={userId} />
      <Field label="所在科室" name="sectionId" error={errors?.sectionId} hint="分办时只能选择科室里的承办人">
        {(p) => (
          <select {...p} defaultValue={sectionId ?? ""} className="input">
            <option value="">（不在科室，如单位办公室）</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="canDivide" defaultChecked={canDivide} aria-describedby={hintId} className="size-4" />
          可分办
        </label>
        <p id={hintId} className="text-xs text-slate-600">
          可将本单位签收的提案分办、改派到科室和承办人（单位负责人始终可以）。
        </p>
      </div>
      <SubmitButton variant="secondary">设置科室与分办</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
