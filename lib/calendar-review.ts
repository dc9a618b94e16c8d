/**
 * Which stored deadlines the administrator must look at after the holiday calendar changed, or while a
 * year is missing from it. Deadlines are stored when set (docs/decisions/001): one counted through a year
 * not yet entered stays provisional until that year is entered, and once it is, may differ from what the
 * calendar now gives. Both are listed; none is moved here (docs/decisions/005).
 */
import type { DeadlineKind, DeadlineRule } from "./deadline-rules";
import { dueDate } from "./deadlines";
import { provisionalReason, type HolidayCalendar } from "./holiday-calendar";

type Step = { due: string; start: string; rule: DeadlineKind | null };

export type ReviewedStep<S extends Step> = S & {
  /** The date on today's calendar and rules; null when the stored one was set otherwise (an extension). */
  recomputed: string | null;
  /** Why it may still move, while its year is not entered. */
  provisional: string | null;
};

/** The first day from which a stored deadline may be provisional or counted on a since-changed year. */
export function reviewFrom(calendar: HolidayCalendar): string {
  return `${Math.min(calendar.lastKnownYear + 1, ...calendar.maintainedYears)}-01-01`;
}

/** The steps whose deadline is provisional now, or differs from the one the maintained calendar gives. */
export function stepsToReview<S extends Step>(
  steps: readonly S[],
  calendar: HolidayCalendar,
  rules: Record<DeadlineKind, DeadlineRule>,
): ReviewedStep<S>[] {
  const out: ReviewedStep<S>[] = [];
  for (const step of steps) {
    const provisional = provisionalReason(calendar, step.due);
    const recomputed = step.rule ? dueDate(calendar, step.start, rules[step.rule]) : null;
    if (provisional || (recomputed && recomputed !== step.due)) out.push({ ...step, recomputed, provisional });
  }
  return out;
}
