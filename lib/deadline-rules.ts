/** The kinds of deadline and their default rules (docs/domain.md "Deadlines"). Constants only, safe in the browser. */

export type DeadlineRule = { amount: number; unit: "workdays" | "months" };

export const DEADLINE_KINDS = [
  "accept",
  "coOpinion",
  "reply",
  "urgentReply",
  "secondRound",
  "adjustmentDecision",
  "receipt",
  "publication",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** docs/domain.md "Deadlines"; the settings may override any of them. */
export const DEFAULT_DEADLINES: Record<DeadlineKind, DeadlineRule> = {
  accept: { amount: 5, unit: "workdays" },
  coOpinion: { amount: 1, unit: "months" },
  reply: { amount: 3, unit: "months" },
  urgentReply: { amount: 15, unit: "workdays" },
  secondRound: { amount: 1, unit: "months" },
  adjustmentDecision: { amount: 7, unit: "workdays" },
  receipt: { amount: 20, unit: "workdays" },
  publication: { amount: 20, unit: "workdays" },
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  accept: "签收或申请调整",
  coOpinion: "协办意见",
  reply: "办复",
  urgentReply: "紧急提案办复",
  secondRound: "不满意后重新办复",
  adjustmentDecision: "审批调整申请",
  receipt: "反馈回执",
  publication: "答复公开",
};

export function ruleText(rule: DeadlineRule): string {
  return rule.unit === "workdays" ? `${rule.amount}个工作日` : `${rule.amount}个月`;
}
