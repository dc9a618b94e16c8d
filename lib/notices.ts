/**
 * How notices (in-app and mail) read: each names the proposal it is about, and a 督办 says how late the
 * step is rather than asking for it "before" a day already past. Pure.
 */
import type { SessionKind } from "./domain";
import { proposalLabel } from "./format";
import { daysOverdue, isPastDue } from "./overdue";

export type NoticeSubject = { number: number; title: string; kind: SessionKind };

/** 第180号提案《关于……的建议》：答复函已签发 */
export function noticeMessage(subject: NoticeSubject, message: string): string {
  return `${proposalLabel(subject.number, subject.kind)}《${subject.title}》：${message}`;
}

/** What a 督办 asks of the unit for one step (its name, e.g. 答复, and deadline), as of `today`. */
export function superviseComment(step: { step: string; due: string; provisional?: boolean }, today: string): string {
  if (isPastDue(step.due, today)) return `${step.step}已超期${daysOverdue(step.due, today)}天（期限${step.due}），请尽快办理。`;
  if (step.due === today) return `${step.step}今日到期（${step.due}），请于今日完成。`;
  // A date in a year whose holidays are not entered yet may still move (lib/holiday-calendar.ts).
  return `请于${step.due}${step.provisional ? "（暂定）" : ""}前完成${step.step}。`;
}

/** 催告 of a receipt owed to the member: by its deadline, or how many days past it. */
export function receiptReminder(receiptDue: string, today: string): string {
  if (isPastDue(receiptDue, today)) return `回执已超期${daysOverdue(receiptDue, today)}天（期限${receiptDue}），请阅读答复函并尽快提交回执`;
  return `请阅读答复函并提交回执（回执期限 ${receiptDue}）`;
}
