"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { divide } from "../actions";
import { ActionForm } from "./action-form";
import { Panel } from "./panel";
import { TextField } from "./text-field";

/** Who the unit divided its assignment to, as the page names them. */
export type DivisionView = { section: string; assignee: string; due: string };

/** What the office chooses from: the unit's 科室 in use, the handlers working in them, and the unit's own deadline. */
export type DivisionChoices = {
  sections: { id: number; name: string }[];
  staff: { id: number; name: string; sectionId: number }[];
  unitDue: string;
  today: string;
  /** The division in force, to change (改派); null before the first 分办. */
  current: { sectionId: number; assigneeId: number; due: string } | null;
};

/** The 科室, then one of the handlers working in it (the list follows the 科室 chosen). */
function SectionAndAssignee({ choices, errors }: { choices: DivisionChoices; errors?: Record<string, string> }) {
  const [sectionId, setSectionId] = useState(choices.current?.sectionId ?? choices.sections[0]?.id ?? 0);
  const staff = choices.staff.filter((s) => s.sectionId === sectionId);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="科室" name="sectionId" error={errors?.sectionId} required>
        {(p) => (
          <select {...p} value={sectionId} onChange={(e) => setSectionId(Number(e.target.value))} className="input">
            {choices.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="承办人"
        name="assigneeId"
        error={errors?.assigneeId}
        hint={staff.length === 0 ? "该科室还没有承办人" : undefined}
        required
      >
        {(p) => (
          // Keyed by the 科室, so that choosing another 科室 starts from its first handler.
          <select
            key={sectionId}
            {...p}
            defaultValue={choices.current?.sectionId === sectionId ? choices.current.assigneeId : staff[0]?.id}
            className="input"
          >
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/**
 * 分办 inside the unit: to whom the unit's assignment is divided, for every staff member of the unit to read,
 * and for its office (the director, a handler with 可分办) the form that divides or reassigns it.
 */
export function DivisionPanel({
  proposalId,
  current,
  choices,
}: {
  proposalId: number;
  current: DivisionView | null;
  choices: DivisionChoices | null;
}) {
  const reassign = current !== null;
  return (
    <Panel title={reassign ? "本单位分办" : "分办"} tone={choices && !reassign ? "action" : "plain"}>
      {current ? (
        <p className="mb-3 text-sm text-slate-800">
          已分办至<strong>{current.section}</strong>，承办人<strong>{current.assignee}</strong>，内部办理期限 {current.due}。
          {!choices && "由该承办人办理，本单位其他人员可查看。"}
        </p>
      ) : (
        <p className="mb-3 text-sm text-slate-700">本单位已签收，请分办到科室和承办人，并确定内部办理期限。</p>
      )}
      {choices &&
        (reassign ? (
          <details>
            <summary className="cursor-pointer text-sm text-brand-700">改派</summary>
            <div className="mt-3">
              <DivisionForm proposalId={proposalId} choices={choices} reassign />
            </div>
          </details>
        ) : (
          <DivisionForm proposalId={proposalId} choices={choices} reassign={false} />
        ))}
    </Panel>
  );
}

function DivisionForm({ proposalId, choices, reassign }: { proposalId: number; choices: DivisionChoices; reassign: boolean }) {
  return (
    <ActionForm
      action={divide}
      hidden={{ proposalId, ...(reassign ? { reassign: "true" } : {}) }}
      buttons={[{ label: reassign ? "改派" : "分办", variant: reassign ? "secondary" : "primary" }]}
    >
      {(errors) => (
        <>
          <SectionAndAssignee choices={choices} errors={errors} />
          <Field label="内部办理期限" name="due" error={errors?.due} hint={`须在本单位的办理期限 ${choices.unitDue} 之内`} required>
            {(p) => (
              <input
                {...p}
                type="date"
                min={choices.today}
                max={choices.unitDue}
                defaultValue={choices.current?.due ?? choices.unitDue}
                className="input"
              />
            )}
          </Field>
          {reassign && <TextField label="改派理由" name="reason" error={errors?.reason} rows={2} required />}
        </>
      )}
    </ActionForm>
  );
}
