"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { DEADLINE_KINDS, DEADLINE_LABELS, type DeadlineKind, type DeadlineRule } from "@/lib/deadline-rules";
import { saveDeadlines } from "./actions";

const START: Record<DeadlineKind, string> = {
  accept: "自交办之日起",
  coOpinion: "自交办之日起",
  reply: "自交办之日起",
  urgentReply: "自交办之日起",
  secondRound: "自收到不满意回执起",
  adjustmentDecision: "自收到调整申请起",
  receipt: "自答复之日起",
  publication: "自答复之日起",
};

/** One row per deadline: the amount and whether it counts working days or calendar months. */
export function DeadlineForm({ rules }: { rules: Record<DeadlineKind, DeadlineRule> }) {
  const { state, dispatch, onSubmit } = useFormAction(saveDeadlines);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">事项</th>
            <th scope="col">起算</th>
            <th scope="col">期限</th>
            <th scope="col">单位</th>
          </tr>
        </thead>
        <tbody>
          {DEADLINE_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row" className="font-normal">
                {DEADLINE_LABELS[kind]}
              </th>
              <td data-label="起算">{START[kind]}</td>
              <td>
                <input
                  name={`${kind}Amount`}
                  type="number"
                  min={1}
                  max={250}
                  defaultValue={rules[kind].amount}
                  aria-label={`${DEADLINE_LABELS[kind]}期限`}
                  aria-invalid={Boolean(errors?.[`${kind}Amount`])}
                  className="input w-24"
                />
                {errors?.[`${kind}Amount`] && <p className="text-xs text-red-700">{errors[`${kind}Amount`]}</p>}
              </td>
              <td>
                <select
                  name={`${kind}Unit`}
                  defaultValue={rules[kind].unit}
                  aria-label={`${DEADLINE_LABELS[kind]}期限单位`}
                  className="input w-32"
                >
                  <option value="workdays">个工作日</option>
                  <option value="months">个月</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-slate-600">
        工作日按国务院办公厅公布的节假日安排计算（含调休上班日，各年安排在“节假日”页维护）；以月计的期限到期日如遇休息日顺延至下一个工作日。
      </p>
      <FormStatus state={state} />
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}
