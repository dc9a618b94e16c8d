"use client";
/** The forms of the 重点提案 section: the coordinating office's marking and the lead unit's 中期进展. */
import { Field } from "@/components/ui/field";
import { fileProgressAction, markKeyAction, unmarkKeyAction } from "../key-actions";
import { ActionForm } from "./action-form";
import { TextField } from "./text-field";

export type LeaderOption = { id: number; name: string; title: string | null };

export function MarkKeyForm({
  proposalId,
  leaders,
  current,
}: {
  proposalId: number;
  leaders: LeaderOption[];
  current: { leaderId: number | null; plan: string | null } | null;
}) {
  return (
    <ActionForm action={markKeyAction} hidden={{ proposalId }} buttons={[{ label: current ? "保存领办安排" : "列为重点提案" }]}>
      {(errors) => (
        <>
          <Field label="领办区领导" name="leaderId" error={errors?.leaderId} required>
            {(p) => (
              <select {...p} defaultValue={current?.leaderId ?? ""} className="input">
                <option value="">请选择</option>
                {leaders.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                    {l.title ? `（${l.title}）` : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label="办理方案"
            name="plan"
            rows={4}
            required
            defaultValue={current?.plan ?? ""}
            error={errors?.plan}
            hint="领办方式、牵头部门、时间安排和报送进展的要求"
          />
        </>
      )}
    </ActionForm>
  );
}

export function UnmarkKeyForm({ proposalId }: { proposalId: number }) {
  return (
    <ActionForm action={unmarkKeyAction} hidden={{ proposalId }} buttons={[{ label: "取消重点", variant: "danger" }]}>
      {(errors) => <TextField label="取消重点的理由" name="reason" rows={2} required error={errors?.reason} />}
    </ActionForm>
  );
}

export function ProgressForm({ proposalId }: { proposalId: number }) {
  return (
    <ActionForm action={fileProgressAction} hidden={{ proposalId }} buttons={[{ label: "报送中期进展" }]}>
      {(errors) => (
        <TextField
          label="中期进展"
          name="body"
          rows={5}
          required
          error={errors?.body}
          hint="已开展的工作、取得的进展、存在的困难和下一步安排"
        />
      )}
    </ActionForm>
  );
}
