/**
 * 公开审查's findings in a reply's texts, each highlighted in its sentence (docs/domain.md "公开审查"):
 * shown where a draft is submitted and where a reply is published. The kind is read out with the mark.
 */
import { excerpt, FIELD_LABELS, FINDING_LABELS, type Finding, type ReviewedField } from "@/lib/disclosure-review";

export type ReviewedTexts = Record<ReviewedField, string | null>;

export function DisclosureFindings({ findings, texts }: { findings: readonly Finding[]; texts: ReviewedTexts }) {
  if (findings.length === 0)
    return <p className="mb-3 text-sm text-slate-700">公开审查：未发现身份证号、手机号码、银行卡号、电子邮箱或个人姓名。</p>;
  return (
    <div className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">公开审查发现 {findings.length} 处可能的个人信息，公开前请删除，或确认公开并填写理由：</p>
      <ul className="mt-2 space-y-1">
        {findings.map((f) => {
          const part = excerpt(texts[f.field] ?? "", f);
          return (
            <li key={`${f.field}-${f.start}`} className="[overflow-wrap:anywhere]">
              <span className="font-medium">{FINDING_LABELS[f.kind]}</span>（{FIELD_LABELS[f.field]}）：{part.before}
              <mark className="rounded bg-amber-300 px-0.5 text-slate-950">
                {part.marked}
                <span className="sr-only">（{FINDING_LABELS[f.kind]}）</span>
              </mark>
              {part.after}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
