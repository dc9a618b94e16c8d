"use client";
import { useId } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createSection, saveLeaderReview, updateSection } from "./actions";

export type SectionRow = { id: number; name: string; active: boolean; staff: string[] };

/** A labelled checkbox with its explanation. */
function Check({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  const hintId = useId();
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={hintId} className="size-4" />
        {label}
      </label>
      <p id={hintId} className="text-xs text-slate-600">
        {hint}
      </p>
    </div>
  );
}

/** One 科室: rename it, or abolish (撤销) or restore it. */
function SectionForm({ section }: { section: SectionRow }) {
  const { state, dispatch, onSubmit } = useFormAction(updateSection);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <li className="rounded border border-slate-200 p-3">
      <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-2">
        <input type="hidden" name="id" value={section.id} />
        <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <Field label="科室名称" name="name" error={errors?.name} required>
            {(p) => <input {...p} defaultValue={section.name} maxLength={30} className="input" />}
          </Field>
          <SubmitButton variant="secondary">保存</SubmitButton>
        </div>
        <Check
          name="active"
          label="在用"
          defaultChecked={section.active}
          hint="取消后为已撤销：不能再分办到该科室，已分办的提案不受影响。"
        />
        <p className="text-xs text-slate-600">承办人：{section.staff.length > 0 ? section.staff.join("、") : "（尚无）"}</p>
        <FormStatus state={state} />
      </form>
    </li>
  );
}

/** 科室 of the unit, a new one, and the unit's 分管领导 step. */
export function DivisionSettings({
  unitId,
  sections,
  leaders,
  leaderReview,
}: {
  unitId: number;
  sections: SectionRow[];
  leaders: string[];
  leaderReview: boolean;
}) {
  const create = useFormAction(createSection);
  const review = useFormAction(saveLeaderReview);
  const createErrors = create.state && !create.state.ok ? create.state.fieldErrors : undefined;
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600">
        单位签收后，本单位负责人或有“可分办”权限的承办人将提案分办到科室和承办人，并定内部办理期限。没有科室的单位照常办理。
      </p>
      {sections.length > 0 ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {sections.map((s) => (
            <SectionForm key={s.id} section={s} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">本单位还没有科室。</p>
      )}
      <form action={create.dispatch} onSubmit={create.onSubmit} noValidate className="space-y-2">
        <input type="hidden" name="unitId" value={unitId} />
        <Field label="新科室名称" name="name" error={createErrors?.name} hint="如：科技综合科" required>
          {(p) => <input {...p} maxLength={30} className="input" />}
        </Field>
        <SubmitButton variant="secondary">添加科室</SubmitButton>
        <FormStatus state={create.state} />
      </form>
      <form action={review.dispatch} onSubmit={review.onSubmit} noValidate className="space-y-2 border-t border-slate-200 pt-4">
        <input type="hidden" name="id" value={unitId} />
        <Check
          name="leaderReview"
          label="分管领导审核"
          defaultChecked={leaderReview}
          hint="开启后，分办到科室的提案，其答复函先经本单位分管领导审核（可退回承办人），再由单位负责人审签。已提交审签的答复函不受影响。"
        />
        <p className="text-sm text-slate-700">
          本单位分管领导：{leaders.length > 0 ? leaders.join("、") : "（尚无，请先在用户管理中新建角色为“分管领导”的用户）"}
        </p>
        <SubmitButton variant="secondary">保存审核设置</SubmitButton>
        <FormStatus state={review.state} />
      </form>
    </div>
  );
}
