/**
 * Deadlines in working days on the State Council's holiday schedule (with make-up workdays, 调休), on the
 * holiday calendar passed in (lib/holiday-calendar.ts). Pure: dates in, dates and explanations out.
 * All dates are ISO `YYYY-MM-DD` calendar dates in China.
 */
import { ruleText, type DeadlineRule } from "./deadline-rules";
import { provisionalReason, type HolidayCalendar } from "./holiday-calendar";

export type DayNote = { date: string; name: string };

export type DeadlineExplanation = {
  start: string;
  rule: DeadlineRule;
  due: string;
  /** Working days counted after the start (for workday rules). */
  workdaysCounted: number;
  /** Weekdays skipped because they were holidays. */
  holidaysSkipped: DayNote[];
  /** Weekend days counted because they were make-up workdays (调休). */
  makeUpDaysCounted: DayNote[];
  /** For month rules that end on a day off: the day it fell on before moving to the next workday. */
  rolledFrom: string | null;
  /** Why the due date may still move: it was counted through a year whose holidays are not known yet. */
  provisional: string | null;
};

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

function note(calendar: HolidayCalendar, iso: string, kind: "holiday" | "makeup"): DayNote | null {
  const day = calendar.day(iso);
  return day.kind === kind && day.name ? { date: iso, name: day.name } : null;
}

export function isWorkday(calendar: HolidayCalendar, iso: string): boolean {
  return calendar.day(iso).work;
}

/** The first working day on or after a date. */
export function nextWorkdayOnOrAfter(calendar: HolidayCalendar, iso: string): string {
  let day = iso;
  while (!isWorkday(calendar, day)) day = addCalendarDays(day, 1);
  return day;
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (1月31日 + 1个月 = 2月28日). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(y!, m! - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d!, lastDay));
  return fromUtc(target.getTime());
}

/**
 * The due date of a rule counted from a start date, with what was skipped and counted.
 * Workday rules: the start day itself is not counted; the Nth working day after it is the due date.
 * Month rules: the same day N months later, moved to the next working day if it is a day off.
 */
export function explainDeadline(calendar: HolidayCalendar, start: string, rule: DeadlineRule): DeadlineExplanation {
  const holidaysSkipped: DayNote[] = [];
  const makeUpDaysCounted: DayNote[] = [];
  if (rule.unit === "months") {
    const raw = addMonths(start, rule.amount);
    const due = nextWorkdayOnOrAfter(calendar, raw);
    for (let day = raw; day < due; day = addCalendarDays(day, 1)) {
      const holiday = note(calendar, day, "holiday");
      if (holiday) holidaysSkipped.push(holiday);
    }
    const rolledFrom = due === raw ? null : raw;
    return {
      start,
      rule,
      due,
      workdaysCounted: 0,
      holidaysSkipped,
      makeUpDaysCounted,
      rolledFrom,
      provisional: provisionalReason(calendar, due),
    };
  }
  let day = start;
  let counted = 0;
  while (counted < rule.amount) {
    day = addCalendarDays(day, 1);
    const holiday = note(calendar, day, "holiday");
    const makeUp = note(calendar, day, "makeup");
    if (holiday) holidaysSkipped.push(holiday);
    if (makeUp) makeUpDaysCounted.push(makeUp);
    if (isWorkday(calendar, day)) counted++;
  }
  return {
    start,
    rule,
    due: day,
    workdaysCounted: counted,
    holidaysSkipped,
    makeUpDaysCounted,
    rolledFrom: null,
    provisional: provisionalReason(calendar, day),
  };
}

export function dueDate(calendar: HolidayCalendar, start: string, rule: DeadlineRule): string {
  return explainDeadline(calendar, start, rule).due;
}

/** Working days from `today` (exclusive) to `due` (inclusive); negative when overdue, counting calendar days past due. */
export function daysLeft(calendar: HolidayCalendar, today: string, due: string): { workdays: number; overdueDays: number } {
  if (due < today) return { workdays: 0, overdueDays: Math.round((toUtc(today) - toUtc(due)) / DAY_MS) };
  let workdays = 0;
  // Counted on epoch days rather than by parsing date strings: a 待办 page asks this for every row.
  for (let ms = toUtc(today) + DAY_MS, end = toUtc(due); ms <= end; ms += DAY_MS) if (calendar.isWorkdayAt(ms)) workdays++;
  return { workdays, overdueDays: 0 };
}

/** One line a person can check: 自2023-09-27起5个工作日，跳过国庆节…，截止2023-10-09. */
export function explanationText(e: DeadlineExplanation): string {
  const parts = [`自${e.start}起${ruleText(e.rule)}`];
  if (e.rule.unit === "workdays") parts.push(`计${e.workdaysCounted}个工作日`);
  if (e.holidaysSkipped.length) parts.push(`跳过法定节假日${e.holidaysSkipped.map((h) => `${h.date}(${h.name})`).join("、")}`);
  if (e.makeUpDaysCounted.length) parts.push(`计入调休上班日${e.makeUpDaysCounted.map((h) => h.date).join("、")}`);
  if (e.rolledFrom) parts.push(`${e.rolledFrom}为休息日，顺延至下一个工作日`);
  parts.push(`截止${e.due}`);
  if (e.provisional) parts.push(`暂定（${e.provisional}）`);
  return parts.join("，");
}
