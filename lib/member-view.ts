/** How a proposal's state reads to its proposer, and what happens next. Pure. */
import type { ProposalState } from "./domain";
import { AWAITING_REPLY_STATES, daysOverdue, replyOverdue } from "./overdue";

export type MemberState = "registered" | "assigned" | "handling" | "replied" | "awaiting_receipt" | "closed" | "rehandling";

export const MEMBER_STATE_LABELS: Record<MemberState, string> = {
  registered: "已登记",
  assigned: "已交办",
  handling: "办理中",
  replied: "已答复",
  awaiting_receipt: "待回执",
  closed: "已办结",
  rehandling: "重新办理中",
};

/**
 * The member's word for a proposal's state. A reply waiting for this member's receipt is 待回执;
 * internal steps (drafting, sign-off) are simply 办理中.
 */
export function memberState(status: ProposalState, receiptOwed: boolean): MemberState {
  switch (status) {
    case "registered":
      return "registered";
    case "assigned":
      return "assigned";
    case "handling":
    case "in_review":
      return "handling";
    case "replied":
      return receiptOwed ? "awaiting_receipt" : "replied";
    case "rehandling":
      return "rehandling";
    case "closed":
      return "closed";
  }
}

/**
 * The reply deadline a member sees while the reply is awaited, and how many days it is overdue
 * (lib/overdue.ts, as the 督办 board counts them); null once the reply is signed.
 */
export function memberDue(p: { status: ProposalState; due: string | null }, today: string): { due: string; overdueDays: number } | null {
  if (p.due === null || !(AWAITING_REPLY_STATES as readonly ProposalState[]).includes(p.status)) return null;
  return { due: p.due, overdueDays: replyOverdue({ status: p.status, replyDue: p.due }, today) ? daysOverdue(p.due, today) : 0 };
}

export const MEMBER_NEXT_STEP: Record<MemberState, string> = {
  registered: "等待交办单位确定承办单位",
  assigned: "等待承办单位签收",
  handling: "承办单位正在办理，将与您沟通后答复",
  replied: "已收到答复，等待办结",
  awaiting_receipt: "请阅读答复函并提交回执",
  closed: "办理完毕",
  rehandling: "承办单位正在重新办理，将再次答复",
};

/** Timeline entries a member sees: what happened to their proposal, not the unit's internal drafting. */
export const MEMBER_TIMELINE_ACTIONS: readonly string[] = [
  "register",
  "import",
  "assign",
  "accept",
  "adjustment_approved",
  "extension_granted",
  "contact",
  "approve",
  "sealed_scan_uploaded",
  "sealed_scan_replaced",
  "publish",
  "receipt",
  "reopen",
  "close",
];
