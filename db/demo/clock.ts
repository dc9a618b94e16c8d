/**
 * Working-day arithmetic for the demo timelines, on the package's holiday calendar (the demo database is
 * written before any year is maintained). The answers are remembered: a hundred thousand stories (the
 * benchmark's data) ask about the same few hundred days again and again.
 */
import type { DeadlineRule } from "@/lib/deadline-rules";
import { addCalendarDays, dueDate as computeDueDate, isWorkday as computeIsWorkday } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import type { Rng } from "./random";

function remembered<A extends unknown[], R>(compute: (...args: A) => R, key: (...args: A) => string): (...args: A) => R {
  const answers = new Map<string, R>();
  return (...args) => {
    const k = key(...args);
    let answer = answers.get(k);
    if (answer === undefined) {
      answer = compute(...args);
      answers.set(k, answer);
    }
    return answer;
  };
}

const isWorkday = (iso: string) => computeIsWorkday(PACKAGE_CALENDAR, iso);

/** lib/deadlines' dueDate, remembered. */
export const dueDate = remembered(
  (start: string, rule: DeadlineRule) => computeDueDate(PACKAGE_CALENDAR, start, rule),
  (start: string, rule: DeadlineRule) => `${start}|${rule.amount}|${rule.unit}`,
);

/** The working day `count` working days before `iso` (which itself is not counted). */
export const workdaysBefore = remembered(
  (iso: string, count: number): string => {
    let day = iso;
    for (let counted = 0; counted < count; ) {
      day = addCalendarDays(day, -1);
      if (isWorkday(day)) counted++;
    }
    return day;
  },
  (iso, count) => `${iso}|${count}`,
);

/** The working day `count` working days after `iso`; `iso` itself when count is 0. */
function workdaysAfter(iso: string, count: number): string {
  return count === 0 ? iso : dueDate(iso, { amount: count, unit: "workdays" });
}

/** The instant `minute` minutes after midnight of a calendar day in China. */
export function chinaInstant(iso: string, minute: number): Date {
  return new Date(Date.parse(`${iso}T00:00:00+08:00`) + minute * 60_000);
}

const FIRST_MINUTE = 8 * 60 + 40;
const LAST_FIRST_MINUTE = 16 * 60 + 30;

/**
 * One line of acts in a proposal's timeline. It moves forward in working days, keeps acts on the same
 * day in order, and refuses to reach `today`, so every demo act lies in the past.
 */
export class Clock {
  private constructor(
    private readonly rng: Rng,
    private readonly today: string,
    private day: string,
    private minute: number,
  ) {}

  /** A clock whose first act falls on `start`. */
  static startingOn(rng: Rng, today: string, start: string): Clock {
    return new Clock(rng, today, start, -1);
  }

  get date(): string {
    return this.day;
  }

  /** The next act, `workdays` working days after the previous one (0: later the same day). */
  next(workdays: number): Date {
    if (workdays > 0) this.moveTo(workdaysAfter(this.day, workdays));
    return this.tick();
  }

  /** The next act, on the working day `ago` working days before today. */
  onWorkdayAgo(ago: number): Date {
    const day = workdaysBefore(this.today, ago);
    if (day < this.day) throw new Error(`Demo timeline: ${day} is before the previous act on ${this.day}`);
    if (day > this.day) this.moveTo(day);
    return this.tick();
  }

  /** The next act, `workdays` working days after a date (or after the previous act, if that is later). */
  after(date: string, workdays: number): Date {
    const day = workdaysAfter(date, workdays);
    if (day > this.day) this.moveTo(day);
    return this.tick();
  }

  /** A second line of acts starting where this one stands (work done in parallel, e.g. by co-handling units). */
  fork(): Clock {
    return new Clock(this.rng, this.today, this.day, this.minute);
  }

  /** Moves to the latest of these clocks (the parallel work is finished). */
  join(others: readonly Clock[]): void {
    for (const other of others) {
      if (other.day > this.day || (other.day === this.day && other.minute > this.minute)) {
        this.day = other.day;
        this.minute = other.minute;
      }
    }
  }

  private moveTo(day: string) {
    this.day = day;
    this.minute = -1;
  }

  private tick(): Date {
    if (this.day >= this.today) throw new Error(`Demo timeline: an act on ${this.day} is not before today (${this.today})`);
    this.minute = this.minute < 0 ? this.rng.int(FIRST_MINUTE, LAST_FIRST_MINUTE) : this.minute + this.rng.int(3, 20);
    return chinaInstant(this.day, this.minute);
  }
}
