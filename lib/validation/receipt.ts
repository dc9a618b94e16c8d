/** Form inputs of the feedback receipt (回执) and its follow-up by the coordinating office. Pure zod schemas. */
import { z } from "zod";
import { CONTACT_REPORTS, SATISFACTION } from "../domain";
import { RECEIPT_OPINION_MAX } from "../receipts";
import { optionalText, wholeNumber } from "./common";

const answers = {
  proposalId: wholeNumber("提案编号"),
  /** The reply the member read: the receipt answers that reply's round. */
  replyId: wholeNumber("答复函"),
  contactReport: z.enum(CONTACT_REPORTS, { error: "请选择走访/沟通情况" }),
  attitude: z.enum(SATISFACTION, { error: "请选择对办理态度的评价" }),
  result: z.enum(SATISFACTION, { error: "请选择对办理结果的评价" }),
  opinion: optionalText("意见和建议", RECEIPT_OPINION_MAX),
};

type Answers = { attitude: string; result: string; opinion: string | null };

/** 不满意 must say why: the unit handles the proposal again on the strength of it. */
function requireOpinionWhenUnsatisfied(v: Answers, ctx: z.RefinementCtx) {
  if ((v.attitude === "unsatisfied" || v.result === "unsatisfied") && !v.opinion) {
    ctx.addIssue({ code: "custom", path: ["opinion"], message: "选择“不满意”时，请填写具体意见" });
  }
}

export const receiptInput = z.object(answers).superRefine(requireOpinionWhenUnsatisfied);

/** A paper receipt the coordinator records on a proposer's behalf. */
export const paperReceiptInput = z.object({ ...answers, memberId: wholeNumber("提案人") }).superRefine(requireOpinionWhenUnsatisfied);

/** 催告: remind one proposer of a receipt still owed on one reply. */
export const remindReceiptInput = z.object({
  proposalId: wholeNumber("提案编号"),
  memberId: wholeNumber("提案人"),
  replyId: wholeNumber("答复函"),
});

export type ReceiptAnswers = Omit<z.output<typeof receiptInput>, "proposalId">;
