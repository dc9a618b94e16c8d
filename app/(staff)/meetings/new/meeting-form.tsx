"use client";
/** The 面商/座谈会 form: which proposals it covered, who took part, the minutes, the photos. */
import { useState } from "react";
import { UploadField, useUploadGate } from "@/components/upload-field";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";
import { MEETING_KINDS, MEETING_KIND_LABELS } from "@/lib/domain";
import { proposalLabel } from "@/lib/format";
import { MAX_ATTACHMENT_BYTES, MAX_MEETING_PHOTOS, PHOTO_ACCEPT, photoHint } from "@/lib/import/attachments";

export type CandidateOption = {
  id: number;
  number: number;
  title: string;
  kind: "proposal" | "suggestion";
  proposers: { id: number; name: string }[];
};

export function MeetingForm({
  action,
  candidates,
  preselected,
  today,
}: {
  action: FormActionFn;
  candidates: CandidateOption[];
  preselected: number[];
  today: string;
}) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  // Sent once the photos have all gone up.
  const uploads = useUploadGate(onSubmit);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [chosen, setChosen] = useState<Set<number>>(new Set(preselected));
  // The members offered are the proposers and co-signers of the proposals ticked.
  const members = [
    ...new Map(candidates.filter((c) => chosen.has(c.id)).flatMap((c) => c.proposers.map((p) => [p.id, p] as const))).values(),
  ];
  const toggle = (id: number, on: boolean) => setChosen((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)));
  return (
    <form action={dispatch} onSubmit={uploads.onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">形式</legend>
        <div className="mt-1 flex gap-4">
          {MEETING_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-1 text-sm">
              <input type="radio" name="kind" value={k} defaultChecked={k === "forum"} />
              {MEETING_KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="日期" name="heldOn" error={errors?.heldOn} required>
          {(p) => <input {...p} type="date" defaultValue={today} max={today} className="input" />}
        </Field>
        <Field label="地点" name="place" error={errors?.place} required>
          {(p) => <input {...p} className="input" />}
        </Field>
      </div>
      <fieldset aria-describedby={errors?.proposalIds ? "proposal-ids-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">
          涵盖的提案
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        </legend>
        {candidates.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">本单位当前没有签收后、提交审签前的主办提案。</p>
        ) : (
          <ul className="mt-1 max-h-72 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="proposalIds"
                    value={c.id}
                    checked={chosen.has(c.id)}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                    className="mt-1"
                  />
                  <span>
                    <span className="mr-1 text-slate-600">{proposalLabel(c.number, c.kind)}</span>
                    {c.title}
                    <span className="ml-1 text-xs text-slate-500">（{c.proposers.map((p) => p.name).join("、")}）</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {errors?.proposalIds && (
          <p id="proposal-ids-error" className="mt-1 text-sm text-red-700">
            {errors.proposalIds}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">参加的委员/代表</legend>
        {members.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">先选择提案，这里列出其提案人和联名人。</p>
        ) : (
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {members.map((m) => (
              <label key={m.id} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name="memberIds" value={m.id} defaultChecked />
                {m.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <Field label="参加的单位人员" name="officials" error={errors?.officials} required hint="单位领导、承办人员和相关部门人员">
        {(p) => <input {...p} className="input" />}
      </Field>
      <Field
        label="会议纪要"
        name="minutes"
        error={errors?.minutes}
        required
        hint="沟通的主要内容、委员/代表的意见和单位的答复、下一步安排"
      >
        {(p) => <textarea {...p} rows={8} className="input" />}
      </Field>
      <UploadField
        label="会议照片"
        name="photos"
        purpose="photo"
        accept={PHOTO_ACCEPT}
        hint={photoHint(MAX_MEETING_PHOTOS)}
        maxBytes={MAX_ATTACHMENT_BYTES}
        maxFiles={MAX_MEETING_PHOTOS}
        error={uploads.notice ?? errors?.photos}
        onBusyChange={uploads.onBusyChange}
      />
      <SubmitButton>保存会议记录</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
