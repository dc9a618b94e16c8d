"use client";
/**
 * 办理情况征询意见表: the feedback receipt on one reply, answered in two steps (fill in, then review and
 * 提交回执). Self-contained: the page passes the server action and the hidden fields it needs (the
 * proposal and reply, a member or a token), so the member's page, the coordinator's paper-receipt panel
 * and the signed link on the printed letter all use the same form. The server checks everything again.
 */
import { useEffect, useId, useRef, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";
import { CONTACT_REPORTS, CONTACT_REPORT_LABELS, SATISFACTION, SATISFACTION_LABELS } from "@/lib/domain";
import { RECEIPT_OPINION_MAX } from "@/lib/receipts";

type Answers = { contactReport: string; attitude: string; result: string; opinion: string };
type Errors = Partial<Record<keyof Answers, string>>;

const EMPTY: Answers = { contactReport: "", attitude: "", result: "", opinion: "" };

/** The same rules as lib/validation/receipt.ts, checked before the review step. */
function check(a: Answers): Errors {
  const errors: Errors = {};
  if (!a.contactReport) errors.contactReport = "请选择走访/沟通情况";
  if (!a.attitude) errors.attitude = "请选择对办理态度的评价";
  if (!a.result) errors.result = "请选择对办理结果的评价";
  const opinion = a.opinion.trim();
  if ((a.attitude === "unsatisfied" || a.result === "unsatisfied") && !opinion) errors.opinion = "选择“不满意”时，请填写具体意见";
  if (opinion.length > RECEIPT_OPINION_MAX) errors.opinion = `意见和建议不能超过 ${RECEIPT_OPINION_MAX} 个字`;
  return errors;
}

type Choice = { value: string; label: string };

const CONTACT_CHOICES: Choice[] = CONTACT_REPORTS.map((v) => ({ value: v, label: CONTACT_REPORT_LABELS[v] }));
const SATISFACTION_CHOICES: Choice[] = SATISFACTION.map((v) => ({ value: v, label: SATISFACTION_LABELS[v] }));

function ChoiceGroup({
  name,
  legend,
  hint,
  choices,
  value,
  error,
  onChange,
}: {
  name: keyof Answers;
  legend: string;
  hint?: string;
  choices: Choice[];
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">
        {legend}
        <span className="ml-0.5 text-red-700" aria-hidden="true">
          *
        </span>
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <div className="mt-1.5 grid gap-2 sm:grid-cols-3">
        {choices.map((c) => (
          <label
            key={c.value}
            className={`flex min-h-11 cursor-pointer items-center gap-2 rounded border px-3 py-2 text-sm ${
              value === c.value ? "border-brand-600 bg-brand-50 font-medium" : "border-slate-300 bg-white"
            }`}
          >
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              aria-invalid={Boolean(error)}
              className="h-4 w-4"
            />
            {c.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export type ReceiptFormProps = {
  /** A server action taking the form's fields: the hidden ones and contactReport, attitude, result, opinion. */
  action: FormActionFn;
  /** Fields the action needs besides the answers, e.g. proposalId and replyId, or a token. */
  hidden: Record<string, string | number>;
  /** Who the receipt is from, as shown on the review step (刘新荣委员). */
  respondent: string;
  /** A paper receipt the coordinating office records on the respondent's behalf. */
  onPaper?: boolean;
  /** The level of the form's own heading on the page. */
  headingLevel?: 2 | 3;
};

export function ReceiptForm({ action, hidden, respondent, onPaper = false, headingLevel = 2 }: ReceiptFormProps) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [step, setStep] = useState<"fill" | "review">("fill");
  const [seen, setSeen] = useState(state);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const opinionId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SubHeading = headingLevel === 2 ? "h3" : "h4";

  // A refusal naming fields sends the respondent back to the answers to correct.
  if (state !== seen) {
    setSeen(state);
    if (state && !state.ok && state.fieldErrors) {
      setErrors(state.fieldErrors);
      setStep("fill");
    }
  }

  useEffect(() => {
    if (step === "review") reviewHeading.current?.focus();
  }, [step]);

  const set = (field: keyof Answers) => (value: string) => setAnswers((a) => ({ ...a, [field]: value }));
  const unsatisfied = answers.attitude === "unsatisfied" || answers.result === "unsatisfied";
  const errorCount = Object.keys(errors).length;

  function review() {
    const found = check(answers);
    setErrors(found);
    if (Object.keys(found).length === 0) setStep("review");
  }

  if (state?.ok) {
    return (
      <div role="status" aria-live="polite" className="rounded border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
        {state.message ?? "回执已提交。"}
      </div>
    );
  }

  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <Heading className="font-semibold text-slate-900">办理情况征询意见表（回执）</Heading>
        <p className="mt-1 text-sm text-slate-600">
          {onPaper ? `按${respondent}交回的纸质回执代为录入。` : `请${respondent}对照答复函填写。`}每轮答复填写一次，提交后不能修改。
        </p>
      </div>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div hidden={step !== "fill"} className="space-y-5">
        <ChoiceGroup
          name="contactReport"
          legend="走访/沟通情况"
          hint="答复前，承办单位是否与您走访面商或沟通"
          choices={CONTACT_CHOICES}
          value={answers.contactReport}
          error={errors.contactReport}
          onChange={set("contactReport")}
        />
        <ChoiceGroup
          name="attitude"
          legend="办理态度"
          choices={SATISFACTION_CHOICES}
          value={answers.attitude}
          error={errors.attitude}
          onChange={set("attitude")}
        />
        <ChoiceGroup
          name="result"
          legend="办理结果"
          choices={SATISFACTION_CHOICES}
          value={answers.result}
          error={errors.result}
          onChange={set("result")}
        />
        <div className="space-y-1">
          <label htmlFor={opinionId} className="block text-sm font-medium text-slate-800">
            意见和建议
            {unsatisfied && (
              <span className="ml-0.5 text-red-700" aria-hidden="true">
                *
              </span>
            )}
          </label>
          <textarea
            id={opinionId}
            name="opinion"
            rows={5}
            value={answers.opinion}
            onChange={(e) => set("opinion")(e.target.value)}
            maxLength={RECEIPT_OPINION_MAX}
            aria-invalid={Boolean(errors.opinion)}
            aria-describedby={`${opinionId}-hint${errors.opinion ? ` ${opinionId}-error` : ""}`}
            className="input text-base"
          />
          <p id={`${opinionId}-hint`} className="text-xs text-slate-600">
            {unsatisfied ? "您选择了“不满意”，请写明具体意见，承办单位将据此重新办理。" : "选填。"}
            已输入 {answers.opinion.trim().length} / {RECEIPT_OPINION_MAX} 字。
          </p>
          {errors.opinion && (
            <p id={`${opinionId}-error`} className="text-xs text-red-700">
              {errors.opinion}
            </p>
          )}
        </div>
        <div aria-live="polite" className="text-sm text-red-800">
          {errorCount > 0 && `还有 ${errorCount} 处需要填写或修改。`}
        </div>
        <button type="button" onClick={review} className="btn btn-primary min-h-11 w-full justify-center sm:w-auto">
          下一步：核对回执
        </button>
      </div>
      {step === "review" && (
        <div className="space-y-4">
          <SubHeading ref={reviewHeading} tabIndex={-1} className="font-semibold text-slate-900 outline-none">
            请核对回执内容
          </SubHeading>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded border border-slate-200 bg-white p-3 text-sm">
            <dt className="text-slate-500">填表人</dt>
            <dd>
              {respondent}
              {onPaper && <span className="ml-2 text-xs text-slate-600">（纸质回执，代为录入）</span>}
            </dd>
            <dt className="text-slate-500">走访/沟通情况</dt>
            <dd>{CONTACT_CHOICES.find((c) => c.value === answers.contactReport)?.label}</dd>
            <dt className="text-slate-500">办理态度</dt>
            <dd>{SATISFACTION_CHOICES.find((c) => c.value === answers.attitude)?.label}</dd>
            <dt className="text-slate-500">办理结果</dt>
            <dd>{SATISFACTION_CHOICES.find((c) => c.value === answers.result)?.label}</dd>
            <dt className="text-slate-500">意见和建议</dt>
            <dd className="whitespace-pre-line break-words">{answers.opinion.trim() || "（未填写）"}</dd>
          </dl>
          <p className="text-sm text-slate-700">
            {unsatisfied ? "选择“不满意”后，提案将交承办单位重新办理并再次答复。" : "提交后，承办单位和交办单位将收到通知。"}
            回执提交后不能修改。
          </p>
          <div className="flex flex-col gap-2 sm:flex-row [&_.btn]:min-h-11 [&_.btn]:justify-center">
            <SubmitButton>{onPaper ? "录入纸质回执" : "提交回执"}</SubmitButton>
            <button type="button" onClick={() => setStep("fill")} className="btn btn-secondary">
              返回修改
            </button>
          </div>
        </div>
      )}
      <FormStatus state={state} />
    </form>
  );
}
