/**
 * The holiday calendar deadlines are counted on: per year, the days off and the make-up working days (调休)
 * of the State Council's notice. The years the administrator maintained come first; beneath them lies the
 * `chinese-days` package's data, which stops at the last notice it shipped with. A date in a year neither
 * knows is counted on weekends alone, and every date that depends on such a year is provisional.
 * Pure: the maintained years are passed in (the server reads them from the database).
 */
import packageData from "chinese-days/dist/chinese-days.json" with { type: "json" };

/** A weekday off (or any day of a holiday period) or a weekend day worked. */
export type CalendarDay = { date: string; kind: "holiday" | "makeup"; name: string };

/** One year as the administrator entered it. `days` may reach into the neighbouring year (元旦 from 12月31日). */
export type MaintainedYear = { year: number; days: CalendarDay[]; source: string };

export type DayKind = { work: boolean; kind: "holiday" | "makeup" | "plain"; name: string | null };

export type HolidayCalendar = {
  /** The last year up to which every year is known (from the package or maintained). */
  readonly lastKnownYear: number;
  /** The last year the package's own data covers. */
  readonly packageLastYear: number;
  readonly maintainedYears: readonly number[];
  day(iso: string): DayKind;
  /** Whether the day starting at this UTC epoch millisecond is a working day: for loops over many days. */
  isWorkdayAt(ms: number): boolean;
};

type PackageData = { holidays: Record<string, string>; workdays: Record<string, string> };
const PACKAGE = packageData as PackageData;

/** "New Year's Day,元旦,1" → 元旦. */
const chineseName = (detail: string) => detail.split(",")[1] ?? detail;

const yearOf = (iso: string) => Number(iso.slice(0, 4));

function isWeekend(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return day === 0 || day === 6;
}

export const PACKAGE_LAST_YEAR = Math.max(...Object.keys(PACKAGE.holidays).map(yearOf));

/** The package's days of one year, as the administrator's screen lists them. */
export function packageYearDays(year: number): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const [date, detail] of Object.entries(PACKAGE.holidays))
    if (yearOf(date) === year) days.push({ date, kind: "holiday", name: chineseName(detail) });
  for (const [date, detail] of Object.entries(PACKAGE.workdays))
    if (yearOf(date) === year) days.push({ date, kind: "makeup", name: chineseName(detail) });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

function classify(iso: string, entered: CalendarDay | undefined, yearMaintained: boolean): DayKind {
  const weekend = isWeekend(iso);
  if (entered || yearMaintained) {
    if (entered?.kind === "holiday")
      return weekend ? { work: false, kind: "plain", name: null } : { work: false, kind: "holiday", name: entered.name };
    if (entered?.kind === "makeup" && weekend) return { work: true, kind: "makeup", name: `${entered.name}调休上班` };
    return { work: !weekend, kind: "plain", name: null };
  }
  const holiday = PACKAGE.holidays[iso];
  if (holiday && !weekend) return { work: false, kind: "holiday", name: chineseName(holiday) };
  const workday = PACKAGE.workdays[iso];
  if (workday && weekend) return { work: true, kind: "makeup", name: `${chineseName(workday)}调休上班` };
  return { work: !weekend, kind: "plain", name: null };
}

/** The calendar with these maintained years over the package's data. Answers are remembered per calendar. */
export function holidayCalendar(maintained: readonly MaintainedYear[]): HolidayCalendar {
  const years = new Set(maintained.map((y) => y.year));
  const entered = new Map<string, CalendarDay>();
  for (const y of maintained) for (const d of y.days) entered.set(d.date, d);
  let lastKnownYear = PACKAGE_LAST_YEAR;
  while (years.has(lastKnownYear + 1)) lastKnownYear++;
  const memo = new Map<string, DayKind>();
  const workAt = new Map<number, boolean>();
  return {
    lastKnownYear,
    packageLastYear: PACKAGE_LAST_YEAR,
    maintainedYears: [...years].sort((a, b) => a - b),
    day(iso) {
      let kind = memo.get(iso);
      if (!kind) {
        kind = classify(iso, entered.get(iso), years.has(yearOf(iso)));
        memo.set(iso, kind);
      }
      return kind;
    },
    isWorkdayAt(ms) {
      let work = workAt.get(ms);
      if (work === undefined) {
        work = this.day(new Date(ms).toISOString().slice(0, 10)).work;
        workAt.set(ms, work);
      }
      return work;
    },
  };
}

/** The package's data alone: for the demo data and the benchmark, which run before any year is maintained. */
export const PACKAGE_CALENDAR = holidayCalendar([]);

/** The years after the last known one up to a date's year: a date there is counted on weekends alone. */
export function unknownYears(calendar: HolidayCalendar, iso: string): number[] {
  const years: number[] = [];
  for (let y = calendar.lastKnownYear + 1; y <= yearOf(iso); y++) years.push(y);
  return years;
}

/** Why a date is provisional, for the screen; null when the calendar knows its year. */
export function provisionalReason(calendar: HolidayCalendar, iso: string): string | null {
  const years = unknownYears(calendar, iso);
  return years.length === 0 ? null : `${years.join("、")}年节假日安排尚未录入，期限按周末推算，可能变动`;
}

export type HolidayPeriod = { name: string; from: string; to: string; days: number; makeUpDays: string[] };

/**
 * A year's days as the notice reads: each run of days off (one run may hold two holidays, 中秋节、国庆节),
 * with the make-up working days of its holidays.
 */
export function holidayPeriods(days: readonly CalendarDay[]): HolidayPeriod[] {
  const runs: { names: string[]; from: string; to: string; days: number }[] = [];
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (d.kind !== "holiday") continue;
    const last = runs[runs.length - 1];
    if (last && new Date(Date.parse(last.to) + 86_400_000).toISOString().slice(0, 10) === d.date) {
      last.to = d.date;
      last.days++;
      if (!last.names.includes(d.name)) last.names.push(d.name);
    } else runs.push({ names: [d.name], from: d.date, to: d.date, days: 1 });
  }
  return runs.map((r) => ({
    name: r.names.join("、"),
    from: r.from,
    to: r.to,
    days: r.days,
    makeUpDays: days
      .filter((d) => d.kind === "makeup" && r.names.includes(d.name))
      .map((d) => d.date)
      .sort(),
  }));
}
