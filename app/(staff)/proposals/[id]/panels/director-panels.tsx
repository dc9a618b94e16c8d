"use client";
import { signOffOpinion, signOffReply } from "../actions";
import { ActionForm } from "./action-form";
import { Panel } from "./panel";
import { TextField } from "./text-field";

/** The co-handling unit's director signs off its opinion before it goes to the lead unit. */
export function CoSignOffPanel({ proposalId, body }: { proposalId: number; body: string }) {
  return (
    <Panel title="审签协办意见" tone="action">
      <div className="mb-3 whitespace-pre-line rounded border border-slate-200 bg-white p-3 font-serif text-sm leading-7">{body}</div>
      <ActionForm
        action={signOffOpinion}
        hidden={{ proposalId }}
        buttons={[
          { label: "同意并送主办单位", name: "decision", value: "approve" },
          { label: "退回修改", name: "decision", value: "return", variant: "danger" },
        ]}
      >
        {(errors) => <TextField label="审签意见（退回时必填）" name="comment" rows={2} error={errors?.comment} />}
      </ActionForm>
    </Panel>
  );
}

/** 同意签发 or 退回修改 of the lead unit's reply. */
export function SignOffPanel({
  proposalId,
  proposalVersion,
  draftVersion,
}: {
  proposalId: number;
  proposalVersion: number;
  draftVersion: number;
}) {
  return (
    <Panel title={`审签答复函（第 ${draftVersion} 稿）`} tone="action">
      <p className="mb-3 text-sm">同意签发即确定答复内容和公开方式，系统按本单位本年度顺序编发文字号。</p>
      <ActionForm
        action={signOffReply}
        hidden={{ proposalId, version: proposalVersion }}
        buttons={[
          { label: "同意签发", name: "decision", value: "approve" },
          { label: "退回修改", name: "decision", value: "return", variant: "danger" },
        ]}
      >
        {(errors) => <TextField label="审签意见（退回修改时必填，承办人将在草稿旁看到）" name="comment" rows={3} error={errors?.comment} />}
      </ActionForm>
    </Panel>
  );
}
