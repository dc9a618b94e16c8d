"use client";
import { DisclosureFindings } from "@/components/disclosure-findings";
import type { PublicationAction } from "@/lib/publication";
import { decidePublicationAction } from "../publication-actions";
import { ActionForm } from "./action-form";
import { DisclosureConfirmation } from "./disclosure-confirmation";
import { Panel } from "./panel";
import type { DraftReview } from "./handler-panels";
import { TextField } from "./text-field";

const BUTTONS: Record<PublicationAction, { label: string; variant?: "secondary" | "danger" }> = {
  publish: { label: "发布" },
  withhold: { label: "不予公开", variant: "secondary" },
  withdraw: { label: "撤回公开", variant: "danger" },
  republish: { label: "重新发布" },
};

const REASON_LABELS: Partial<Record<PublicationAction, string>> = {
  withdraw: "撤回公开的理由",
  republish: "重新发布的理由",
};

/**
 * 发布 / 不予公开 / 撤回公开 / 重新发布 of one signed reply, with the decision so far and the disclosure the
 * director approved. `round` names the reply round when the proposal has several.
 */
export function PublicationPanel({
  proposalId,
  replyId,
  round,
  status,
  approved,
  actions,
  defaultReason,
  review,
}: {
  proposalId: number;
  replyId: number;
  round: number | null;
  /** What has been decided so far, as a sentence. */
  status: React.ReactNode;
  /** The disclosure mode approved with the reply, e.g. 全文公开. */
  approved: string;
  actions: PublicationAction[];
  defaultReason: string;
  /** 公开审查 of the signed texts, while 发布 or 重新发布 is offered and the reply is to be public. */
  review: DraftReview;
}) {
  const needsReason = actions.some((a) => a !== "publish");
  const needsConfirmation = (review?.findings.length ?? 0) > 0;
  return (
    <Panel title={round === null ? "政府信息公开" : `政府信息公开（第${round}轮答复）`} tone={actions.length > 0 ? "action" : "plain"}>
      <div className="mb-3 space-y-1 text-sm">
        <p>审签确定的公开方式：{approved}</p>
        {/* 索引号 is one long word: it may break anywhere rather than widen the page on a phone. */}
        <div className="[overflow-wrap:anywhere]">{status}</div>
      </div>
      {review && <DisclosureFindings findings={review.findings} texts={review.texts} />}
      {actions.length > 0 && (
        <ActionForm
          action={decidePublicationAction}
          hidden={{ proposalId, replyId }}
          buttons={actions.map((a) => ({ ...BUTTONS[a], name: "decision", value: a }))}
        >
          {(errors) => (
            <>
              {needsReason && (
                <TextField
                  // A new decision offers new actions: the reason starts afresh, not with the last one typed.
                  key={actions.join()}
                  label={actions.map((a) => REASON_LABELS[a]).find(Boolean) ?? "不予公开的理由（选择不予公开时必填）"}
                  name="reason"
                  rows={2}
                  defaultValue={defaultReason}
                  error={errors?.reason}
                />
              )}
              {needsConfirmation && <DisclosureConfirmation when="含上述个人信息仍要发布时填写" error={errors?.confirmation} />}
            </>
          )}
        </ActionForm>
      )}
    </Panel>
  );
}
