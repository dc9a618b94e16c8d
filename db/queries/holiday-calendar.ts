/**
 * 节假日与调休: the years the administrator maintained, kept in `settings` under one key, and the holiday
 * calendar built from them over the package's data. Every deadline computation reads the row again (one
 * indexed lookup), so an edit made through any server process counts in every other at once; the calendar
 * itself is rebuilt only when the stored text changed.
 */
import { eq } from "drizzle-orm";
import { holidayCalendar, type CalendarDay, type HolidayCalendar, type MaintainedYear } from "@/lib/holiday-calendar";
import type { Db } from "../client";
import { jsonText } from "../dialect";
import { preparedOnce } from "../prepared";
import { settings } from "../schema";
import { logEvent } from "./events";
import { now } from "../clock";

type Reader = Pick<Db, "select">;

/** The settings' key of the maintained years. */
export const HOLIDAY_CALENDAR_KEY = "holidayCalendar";

/** One maintained year as stored: the days, the notice it came from, and who entered it when. */
export type StoredYear = MaintainedYear & { noticeText: string; updatedAt: number; updatedBy: number };

type Stored = { years: StoredYear[] };

// The raw text, not the parsed value: it is the cache key, compared as a string.
const storedText = preparedOnce((db: Reader) =>
  db
    .select({ raw: jsonText(settings.value) })
    .from(settings)
    .where(eq(settings.key, HOLIDAY_CALENDAR_KEY))
    .prepare(),
);

function parse(raw: string | undefined): Stored {
  if (!raw) return { years: [] };
  const value = JSON.parse(raw) as Partial<Stored>;
  return { years: Array.isArray(value.years) ? value.years : [] };
}

export async function maintainedYears(db: Reader): Promise<StoredYear[]> {
  return parse((await storedText(db).get())?.raw).years.sort((a, b) => a.year - b.year);
}

let cached: { raw: string; calendar: HolidayCalendar } | null = null;

/** The holiday calendar in force: the maintained years over the package's data. */
export async function holidayCalendarOf(db: Reader): Promise<HolidayCalendar> {
  return holidayCalendarOfText((await storedText(db).get())?.raw ?? "");
}

/** The holiday calendar in force given the stored text (settings' HOLIDAY_CALENDAR_KEY; none: ""). */
export function holidayCalendarOfText(raw: string): HolidayCalendar {
  if (cached?.raw !== raw) cached = { raw, calendar: holidayCalendar(parse(raw).years) };
  return cached.calendar;
}

async function write(db: Db, actorId: number, change: (years: StoredYear[]) => StoredYear[], data: Record<string, unknown>) {
  await db.transaction(async (tx) => {
    const years = change(parse((await storedText(tx).get())?.raw).years);
    const value: Stored = { years };
    // No year left: no row, as before any was entered.
    if (years.length === 0) await tx.delete(settings).where(eq(settings.key, HOLIDAY_CALENDAR_KEY)).run();
    else
      await tx
        .insert(settings)
        .values({ key: HOLIDAY_CALENDAR_KEY, value, updatedBy: actorId, updatedAt: now() })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: now() } })
        .run();
    await logEvent(tx, { action: "holiday_calendar_update", actorId, data });
  });
}

/** Enters (or replaces) one year's holidays and make-up working days. */
export async function saveMaintainedYear(
  db: Db,
  input: { year: number; days: CalendarDay[]; source: string; noticeText: string },
  actorId: number,
): Promise<void> {
  const entry: StoredYear = { ...input, updatedAt: Date.now(), updatedBy: actorId };
  await write(db, actorId, (years) => [...years.filter((y) => y.year !== input.year), entry], {
    year: input.year,
    source: input.source,
    holidays: input.days.filter((d) => d.kind === "holiday").map((d) => d.date),
    makeUpDays: input.days.filter((d) => d.kind === "makeup").map((d) => d.date),
  });
}

/** Removes a maintained year: the package's data (or weekends alone) count for it again. */
export async function removeMaintainedYear(db: Db, year: number, actorId: number): Promise<boolean> {
  if (!(await maintainedYears(db)).some((y) => y.year === year)) return false;
  await write(db, actorId, (years) => years.filter((y) => y.year !== year), { year, removed: true });
  return true;
}
