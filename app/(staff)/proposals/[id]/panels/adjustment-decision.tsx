"use client";
import { useState } from "react";
import { sentence } from "@/lib/format";
import { decideAdjustmentRequest } from "../actions";
import { ActionForm } from "./action-form";
import { ChoiceGroup } from "./choice-group";
import { Panel } from "./panel";
import { TextField, UnitSelect, type UnitOption } from "./text-field";

export type PendingAdjustment = {
  unitId: number;
  unit: string;
  role: "lead" | "co";
  reason: string;
  /** The unit the requester proposed: the new lead (lead's request) or its replacement (co-handling unit's). */
  suggestedUnitId: number | null;
  suggestedUnit: string | null;
  /** A co-handling unit asks to lead itself. */
  asksToLead: boolean;
  decideBy: string;
  requestedAt: Date;
};

type Outcome = "change_lead" | "withdraw";

const FORMER_LEAD = [
  { value: "co" as const, label: "改为协办单位" },
  { value: "withdrawn" as const, label: "不再承办此提案" },
];

/**
 * 申请调整 decided by the coordinator. Offers only what the workflow accepts: a lead unit's request
 * names a new lead (any other unit, a co-handling one included), a co-handling unit's either leads
 * itself or leaves (replaced by a unit not yet handling it, or by none); when the lead changes hands the
 * former lead stays as co-handling unit or leaves. What the requester proposed is preselected.
 */
export function AdjustmentDecision({
  proposalId,
  request: a,
  leadUnit,
  units,
  liveUnitIds,
  note,
}: {
  proposalId: number;
  request: PendingAdjustment;
  /** The current lead unit's name. */
  leadUnit: string;
  units: UnitOption[];
  liveUnitIds: number[];
  /** How the 审批期限 was counted (rendered on the server). */
  note?: React.ReactNode;
}) {
  const [outcome, setOutcome] = useState<Outcome>(a.role === "lead" || a.asksToLead ? "change_lead" : "withdraw");
  const asked =
    a.role === "lead"
      ? a.suggestedUnit
        ? `建议改由${a.suggestedUnit}主办`
        : "未建议新的主办单位"
      : a.asksToLead
        ? "申请改由本单位主办"
        : `申请不再作为协办单位${a.suggestedUnit ? `，建议改由${a.suggestedUnit}协办` : ""}`;
  const newLeads = units.filter((u) => u.id !== a.unitId);
  const replacements = units.filter((u) => !liveUnitIds.includes(u.id));
  return (
    <Panel title={`调整申请：${a.unit}`} tone="action">
      <p className="text-sm">
        {a.role === "lead" ? "主办" : "协办"}单位申请调整（{asked}）。理由：{sentence(a.reason)}
      </p>
      <p className="mb-2 text-sm">请于 {a.decideBy} 前审批。</p>
      {note && <div className="mb-2">{note}</div>}
      <ActionForm
        action={decideAdjustmentRequest}
        hidden={{ proposalId, unitId: a.unitId, ...(a.role === "lead" ? { outcome: "change_lead" } : { leadUnitId: a.unitId }) }}
        buttons={[
          { label: "同意调整", name: "decision", value: "approve" },
          { label: "驳回", name: "decision", value: "reject", variant: "secondary" },
        ]}
      >
        {(errors) => (
          <>
            {a.role === "co" && (
              <ChoiceGroup<Outcome>
                legend="调整方式"
                name="outcome"
                defaultValue={outcome}
                onChange={setOutcome}
                choices={[
                  { value: "change_lead", label: `改由${a.unit}主办` },
                  { value: "withdraw", label: "不再作为协办单位" },
                ]}
                error={errors?.outcome}
              />
            )}
            {a.role === "lead" && (
              <UnitSelect
                label="新的主办单位"
                name="leadUnitId"
                units={newLeads}
                emptyLabel="请选择"
                defaultValue={a.suggestedUnitId}
                error={errors?.leadUnitId}
                required
              />
            )}
            {outcome === "change_lead" ? (
              <ChoiceGroup
                legend={`原主办单位（${leadUnit}）`}
                name="formerLead"
                defaultValue="co"
                choices={FORMER_LEAD}
                error={errors?.formerLead}
              />
            ) : (
              <UnitSelect
                label="改由其他单位协办（可不选）"
                name="replacementUnitId"
                units={replacements}
                emptyLabel="不另行指定"
                defaultValue={a.suggestedUnitId !== null && !liveUnitIds.includes(a.suggestedUnitId) ? a.suggestedUnitId : null}
                error={errors?.replacementUnitId}
              />
            )}
            <TextField label="审批意见" name="comment" rows={2} error={errors?.comment} />
          </>
        )}
      </ActionForm>
    </Panel>
  );
}
