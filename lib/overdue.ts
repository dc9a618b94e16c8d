/**
 * When a proposal's reply is overdue: the one definition the statistics, the 督办 board, the ledger and
 * the member's page share (each reads the lead unit's reply deadline in force now, an approved
 * extension included). Pure.
 */
import type { ProposalState } from "./domain";

/** The states in which a proposal waits for its lead unit's reply of this round: from 交办 until the reply is signed. */
export const AWAITING_REPLY_STATES = ["assigned", "handling", "in_review", "rehandling"] as const satisfies readonly ProposalState[];

/** A deadline is missed from the day after it: what is done on the due day is on time. */
export function isPastDue(due: string | null, today: string): boolean {
  return due !== null && due < today;
}

/** The reply the proposal waits for is past its deadline. */
export function replyOverdue(proposal: { status: ProposalState; replyDue: string | null }, today: string): boolean {
  return (AWAITING_REPLY_STATES as readonly ProposalState[]).includes(proposal.status) && isPastDue(proposal.replyDue, today);
}

/** Calendar days past a deadline (0 when it is not past), as the 督办 board's 超期N天 counts them. */
export function daysOverdue(due: string, today: string): number {
  // ISO dates parse as UTC midnights, so the difference is whole days.
  return isPastDue(due, today) ? Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000) : 0;
}

/** The latest reply deadline that is overdue by at least `days` days on `today` (daysOverdue ≥ days exactly when due ≤ it). */
export function latestDueOverdueBy(today: string, days: number): string {
  return new Date(Date.parse(today) - Math.max(1, days) * 86_400_000).toISOString().slice(0, 10);
}
