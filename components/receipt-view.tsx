import { CONTACT_REPORT_LABELS, SATISFACTION_LABELS, type ContactReport, type Satisfaction } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";

export type ReceiptViewData = {
  memberName: string;
  contactReport: ContactReport;
  attitude: Satisfaction;
  result: Satisfaction;
  opinion: string | null;
  onPaper: boolean;
  recordedBy: string;
  submittedAt: Date;
};

const TONE: Record<Satisfaction, string> = {
  satisfied: "text-emerald-800",
  basically: "text-slate-800",
  unsatisfied: "font-semibold text-red-800",
};

/** A submitted receipt, read-only: the answers, who gave them and when, and whether it came on paper. */
export function ReceiptView({ receipt, showName = false }: { receipt: ReceiptViewData; showName?: boolean }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {showName && (
        <>
          <dt className="text-slate-500">填表人</dt>
          <dd>{receipt.memberName}</dd>
        </>
      )}
      <dt className="text-slate-500">走访/沟通情况</dt>
      <dd>{CONTACT_REPORT_LABELS[receipt.contactReport]}</dd>
      <dt className="text-slate-500">办理态度</dt>
      <dd className={TONE[receipt.attitude]}>{SATISFACTION_LABELS[receipt.attitude]}</dd>
      <dt className="text-slate-500">办理结果</dt>
      <dd className={TONE[receipt.result]}>{SATISFACTION_LABELS[receipt.result]}</dd>
      <dt className="text-slate-500">意见和建议</dt>
      <dd className="whitespace-pre-line break-words">{receipt.opinion ?? "（未填写）"}</dd>
      <dt className="text-slate-500">提交时间</dt>
      <dd>
        {dateTimeInChina(receipt.submittedAt)}
        {receipt.onPaper && (
          <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900">纸质回执，由{receipt.recordedBy}代录</span>
        )}
      </dd>
    </dl>
  );
}
