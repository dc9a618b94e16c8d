"use client";
import { reviewDraftAsLeader } from "../actions";
import { ActionForm } from "./action-form";
import { Panel } from "./panel";
import { TextField } from "./text-field";

/** 分管领导审核: the draft of a 科室 passes on to the director, or goes back to its 承办人 with the reason. */
export function LeaderReviewPanel({
  proposalId,
  proposalVersion,
  draftVersion,
}: {
  proposalId: number;
  proposalVersion: number;
  draftVersion: number;
}) {
  return (
    <Panel title={`分管领导审核答复函（第 ${draftVersion} 稿）`} tone="action">
      <p className="mb-3 text-sm">审核通过后送单位负责人审签；退回的答复函由承办人修改后重新提交。</p>
      <ActionForm
        action={reviewDraftAsLeader}
        hidden={{ proposalId, version: proposalVersion }}
        buttons={[
          { label: "审核通过", name: "decision", value: "approve" },
          { label: "退回修改", name: "decision", value: "return", variant: "danger" },
        ]}
      >
        {(errors) => <TextField label="审核意见（退回修改时必填，承办人将在草稿旁看到）" name="comment" rows={3} error={errors?.comment} />}
      </ActionForm>
    </Panel>
  );
}
