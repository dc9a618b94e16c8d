"use client";
import { Field } from "@/components/ui/field";
import { sentence } from "@/lib/format";
import { close, decideExtensionRequest, assign, superviseUnit, waiveContactRequirement, waiveOpinion } from "../actions";
import { ActionForm } from "./action-form";
import { AdjustmentDecision, type PendingAdjustment } from "./adjustment-decision";
import { Panel } from "./panel";
import { TextField, UnitSelect, type UnitOption } from "./text-field";

/** 交办: one lead unit and any co-handling units. */
export function AssignPanel({ proposalId, units }: { proposalId: number; units: UnitOption[] }) {
  return (
    <Panel title="交办" tone="action">
      <ActionForm action={assign} hidden={{ proposalId }} buttons={[{ label: "交办" }]}>
        {(errors) => (
          <>
            <UnitSelect label="主办单位" name="leadUnitId" units={units} emptyLabel="请选择" error={errors?.leadUnitId} required />
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">协办单位（可多选）</legend>
              <div className="grid max-h-48 grid-cols-1 gap-1 overflow-y-auto rounded border border-slate-300 bg-white p-2 text-sm sm:grid-cols-2">
                {units.map((u) => (
                  <label key={u.id} className="flex items-center gap-2">
                    <input type="checkbox" name="coUnitIds" value={u.id} />
                    {u.name}
                  </label>
                ))}
              </div>
              {errors?.coUnitIds && <p className="text-xs text-red-700">{errors.coUnitIds}</p>}
            </fieldset>
          </>
        )}
      </ActionForm>
    </Panel>
  );
}

/** How each adjustment's 审批期限 was counted (DeadlineNote, rendered on the server), by unit. */
export type DeadlineNotes = Record<number, React.ReactNode>;
export type PendingExtension = { unitId: number; unit: string; reason: string; requestedUntil: string; due: string };

/** The coordinator decides 申请调整 and 申请延期. */
export function RequestDecisions({
  proposalId,
  adjustments,
  extensions,
  units,
  notes,
  leadUnit,
  liveUnitIds,
}: {
  proposalId: number;
  adjustments: PendingAdjustment[];
  notes: DeadlineNotes;
  extensions: PendingExtension[];
  units: UnitOption[];
  leadUnit: string;
  liveUnitIds: number[];
}) {
  return (
    <>
      {adjustments.map((a) => (
        <AdjustmentDecision
          key={`adj-${a.unitId}`}
          proposalId={proposalId}
          request={a}
          leadUnit={leadUnit}
          units={units}
          liveUnitIds={liveUnitIds}
          note={notes[a.unitId]}
        />
      ))}
      {extensions.map((e) => (
        <Panel key={`ext-${e.unitId}`} title={`延期申请：${e.unit}`} tone="action">
          <p className="mb-2 text-sm">
            理由：{sentence(e.reason)}原期限 {e.due}，申请延至 {e.requestedUntil}（最多延期三个月）。
          </p>
          <ActionForm
            action={decideExtensionRequest}
            hidden={{ proposalId, unitId: e.unitId }}
            buttons={[
              { label: "同意延期", name: "decision", value: "grant" },
              { label: "不同意", name: "decision", value: "refuse", variant: "secondary" },
            ]}
          >
            {(errors) => (
              <>
                <Field label="同意延至" name="until" error={errors?.until}>
                  {(p) => <input {...p} type="date" defaultValue={e.requestedUntil} className="input" />}
                </Field>
                <TextField label="审批意见" name="comment" rows={2} error={errors?.comment} />
              </>
            )}
          </ActionForm>
        </Panel>
      ))}
    </>
  );
}

/** One of the coordinator's occasional steps, closed until needed so that the page leads with what to decide. */
function Step({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <details className="group rounded border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-700 group-open:border-b group-open:border-slate-200">
        {title}
      </summary>
      <div className="p-3">{children}</div>
    </details>
  );
}

/** 督办, exemptions and closing, as far as the proposal's state allows them; each opens on demand. */
export function CoordinatorTools({
  proposalId,
  liveUnits,
  missingCoUnits,
  canWaiveContact,
  canClose,
}: {
  proposalId: number;
  liveUnits: UnitOption[];
  missingCoUnits: UnitOption[];
  canWaiveContact: boolean;
  canClose: boolean;
}) {
  return (
    <Panel title="督办与协调">
      <div className="space-y-2">
        {liveUnits.length > 0 && (
          <Step title="督办">
            <ActionForm action={superviseUnit} hidden={{ proposalId }} buttons={[{ label: "督办", variant: "secondary" }]}>
              {(errors) => (
                <>
                  <UnitSelect label="督办单位" name="unitId" units={liveUnits} error={errors?.unitId} required />
                  <TextField label="督办意见" name="comment" rows={2} error={errors?.comment} required />
                </>
              )}
            </ActionForm>
          </Step>
        )}
        {missingCoUnits.length > 0 && (
          <Step title="免除协办意见">
            <ActionForm action={waiveOpinion} hidden={{ proposalId }} buttons={[{ label: "免除协办意见", variant: "secondary" }]}>
              {(errors) => (
                <>
                  <UnitSelect label="协办单位" name="unitId" units={missingCoUnits} error={errors?.unitId} required />
                  <TextField label="免除理由" name="reason" rows={2} error={errors?.reason} required />
                </>
              )}
            </ActionForm>
          </Step>
        )}
        {canWaiveContact && (
          <Step title="免除沟通要求">
            <ActionForm
              action={waiveContactRequirement}
              hidden={{ proposalId }}
              buttons={[{ label: "免除沟通要求", variant: "secondary" }]}
            >
              {(errors) => <TextField label="免除沟通的理由" name="reason" rows={2} error={errors?.reason} required />}
            </ActionForm>
          </Step>
        )}
        {canClose && (
          <Step title="办结">
            <ActionForm action={close} hidden={{ proposalId }} buttons={[{ label: "办结", variant: "secondary" }]}>
              {(errors) => <TextField label="办结理由" name="reason" rows={2} error={errors?.reason} required />}
            </ActionForm>
          </Step>
        )}
      </div>
    </Panel>
  );
}
