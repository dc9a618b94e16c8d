"use client";
import { DisclosureFindings, type ReviewedTexts } from "@/components/disclosure-findings";
import { Link } from "@/components/link";
import { Field } from "@/components/ui/field";
import type { Finding } from "@/lib/disclosure-review";
import { CONTACT_METHOD_LABELS, CONTACT_METHODS } from "@/lib/domain";
import { accept, askForAdjustment, askForExtension, recordContact, submitDraft, writeOpinion } from "../actions";
import { ActionForm } from "./action-form";
import { ChoiceGroup } from "./choice-group";
import { DisclosureConfirmation } from "./disclosure-confirmation";
import { Panel } from "./panel";
import { TextField, type UnitOption, UnitSelect } from "./text-field";

/**
 * 签收 or 申请调整 for the handler's own unit. A lead unit suggests who should lead instead; a
 * co-handling unit asks to leave (suggesting a replacement or not) or to lead the proposal itself.
 */
export function AcceptPanel({
  proposalId,
  role,
  isLead,
  acceptDue,
  units,
}: {
  proposalId: number;
  role: string;
  isLead: boolean;
  acceptDue: string;
  units: UnitOption[];
}) {
  return (
    <Panel title={`本单位${role}：签收或申请调整`} tone="action">
      <p className="mb-3 text-sm">请于 {acceptDue} 前签收；如不属于本单位职责，请申请调整并说明理由。</p>
      <ActionForm action={accept} hidden={{ proposalId }} buttons={[{ label: "签收" }]} />
      <details className="mt-4">
        <summary className="cursor-pointer text-sm text-brand-700">申请调整</summary>
        <div className="mt-3">
          <ActionForm action={askForAdjustment} hidden={{ proposalId }} buttons={[{ label: "申请调整", variant: "secondary" }]}>
            {(errors) => (
              <>
                {!isLead && (
                  <ChoiceGroup
                    legend="申请事项"
                    name="ask"
                    defaultValue="withdraw"
                    choices={[
                      { value: "withdraw", label: "不再作为协办单位" },
                      { value: "lead", label: "改由本单位主办" },
                    ]}
                  />
                )}
                <TextField label="申请调整的理由" name="reason" error={errors?.reason} required />
                <UnitSelect
                  label={isLead ? "建议主办单位" : "建议改由哪个单位协办（不再协办时）"}
                  name="suggestedUnitId"
                  units={units}
                  emptyLabel="不建议"
                  error={errors?.suggestedUnitId}
                />
              </>
            )}
          </ActionForm>
        </div>
      </details>
    </Panel>
  );
}

export type OpinionView = { body: string; status: string; directorComment: string | null } | null;

/** 填写协办意见: saved as a draft, then submitted to the unit's own director. */
export function CoOpinionPanel({ proposalId, opinion }: { proposalId: number; opinion: OpinionView }) {
  return (
    <Panel title="填写协办意见" tone="action">
      {opinion?.status === "returned" && opinion.directorComment && (
        <p className="mb-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          本单位负责人退回意见：{opinion.directorComment}
        </p>
      )}
      <ActionForm
        action={writeOpinion}
        hidden={{ proposalId }}
        buttons={[
          { label: "保存草稿", name: "intent", value: "save", variant: "secondary" },
          { label: "提交审签", name: "intent", value: "submit" },
        ]}
      >
        {(errors) => (
          <TextField
            label="协办意见"
            name="body"
            rows={8}
            defaultValue={opinion?.body}
            error={errors?.body}
            hint="经本单位负责人审签后送主办单位"
            required
          />
        )}
      </ActionForm>
    </Panel>
  );
}

/** 添加沟通记录 with the proposer. */
export function ContactPanel({
  proposalId,
  today,
  defaultParticipants,
}: {
  proposalId: number;
  today: string;
  defaultParticipants: string;
}) {
  return (
    <Panel title="添加沟通记录">
      <ActionForm action={recordContact} hidden={{ proposalId }} buttons={[{ label: "添加沟通记录", variant: "secondary" }]}>
        {(errors) => (
          <>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="沟通日期" name="contactedOn" error={errors?.contactedOn} required>
                {(p) => <input {...p} type="date" defaultValue={today} max={today} className="input" />}
              </Field>
              <Field label="沟通方式" name="method" error={errors?.method} required>
                {(p) => (
                  <select {...p} defaultValue="face" className="input">
                    {CONTACT_METHODS.map((m) => (
                      <option key={m} value={m}>
                        {CONTACT_METHOD_LABELS[m]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field label="参加人员" name="participants" error={errors?.participants} required>
              {(p) => <input {...p} defaultValue={defaultParticipants} className="input" />}
            </Field>
            <TextField label="沟通情况" name="summary" rows={3} error={errors?.summary} required />
            <p className="text-sm">
              <Link href={`/meetings/new?proposal=${proposalId}`} className="text-brand-700 hover:underline">
                记录面商/座谈会（可同时涵盖本单位主办的多件提案）
              </Link>
            </p>
          </>
        )}
      </ActionForm>
    </Panel>
  );
}

/** 公开审查 of the draft to be submitted: null when it is not to be made public. */
export type DraftReview = { findings: Finding[]; texts: ReviewedTexts } | null;

/**
 * 提交审签, with what still stands in the way and what 公开审查 found in the saved draft; with findings,
 * the handler either removes them and saves again, or gives the reason for submitting as it is.
 */
export function SubmitPanel({
  proposalId,
  proposalVersion,
  blockers,
  review,
}: {
  proposalId: number;
  proposalVersion: number;
  blockers: string[];
  review: DraftReview;
}) {
  const findings = review?.findings.length ?? 0;
  return (
    <Panel title="提交审签">
      {blockers.length > 0 ? (
        <ul className="mb-3 list-disc pl-5 text-sm text-amber-900">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-700">协办意见已齐，已与提案人沟通，可以提交本单位负责人审签。</p>
      )}
      {review && <DisclosureFindings findings={review.findings} texts={review.texts} />}
      <ActionForm action={submitDraft} hidden={{ proposalId, version: proposalVersion }} buttons={[{ label: "提交审签" }]}>
        {(errors) => findings > 0 && <DisclosureConfirmation when="仍按所选公开方式提交时填写" error={errors?.confirmation} />}
      </ActionForm>
    </Panel>
  );
}

/** 申请延期, up to three months. */
export function ExtensionPanel({ proposalId, due }: { proposalId: number; due: string }) {
  return (
    <Panel title="申请延期">
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">现期限 {due}，如需延期请申请</summary>
        <div className="mt-3">
          <ActionForm action={askForExtension} hidden={{ proposalId }} buttons={[{ label: "申请延期", variant: "secondary" }]}>
            {(errors) => (
              <>
                <Field label="申请延至" name="until" error={errors?.until} required>
                  {(p) => <input {...p} type="date" min={due} className="input" />}
                </Field>
                <TextField label="申请延期的理由" name="reason" error={errors?.reason} required />
              </>
            )}
          </ActionForm>
        </div>
      </details>
    </Panel>
  );
}
