"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Category } from "@/db/schema";
import { ActiveCheckbox } from "../_shared/active-checkbox";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";

/**
 * A category's name and sort order: inline above the list to add one, or on its own page to edit it
 * (with the 启用 switch) when `category` is given.
 */
export function CategoryForm({ action, category }: { action: FormActionFn; category?: Category }) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      noValidate
      aria-label={category ? "编辑主题分类" : "新增主题分类"}
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
    >
      {category && <input type="hidden" name="id" value={category.id} />}
      <div className="flex flex-wrap items-start gap-4">
        <div className="w-56">
          <Field label="分类名称" name="name" error={errors?.name} hint="如：科技、教育" required>
            {(p) => <input {...p} defaultValue={category?.name} maxLength={20} className="input" />}
          </Field>
        </div>
        <div className="w-32">
          <Field label="排序号" name="sortOrder" error={errors?.sortOrder} hint="小的在前，0–9999">
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={0}
                max={9999}
                defaultValue={category?.sortOrder ?? 0}
                className="input"
              />
            )}
          </Field>
        </div>
        {!category && (
          <div className="pt-6">
            <SubmitButton>新增分类</SubmitButton>
          </div>
        )}
      </div>
      {category && <ActiveCheckbox defaultChecked={category.active} hint="停用后登记提案时不再可选；已使用该分类的提案不受影响。" />}
      <FormStatus state={state} />
      {category && <SubmitButton>保存</SubmitButton>}
    </form>
  );
}
