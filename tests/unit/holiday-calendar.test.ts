import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { daysLeft, dueDate, explainDeadline, explanationText, isWorkday } from "@/lib/deadlines";
import {
  PACKAGE_CALENDAR,
  PACKAGE_LAST_YEAR,
  holidayCalendar,
  holidayPeriods,
  packageYearDays,
  provisionalReason,
  type MaintainedYear,
} from "@/lib/holiday-calendar";
import { parseHolidayNotice } from "@/lib/holiday-notice";

/** 元旦 is 1月1日 by law (全国年节及纪念日放假办法); the rest of 2027's schedule is not published in the package. */
const NEW_YEAR_2027: MaintainedYear = { year: 2027, source: "测试", days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }] };

describe("the package's calendar alone", () => {
  it("knows up to 2026 and counts 2027 on weekends alone, saying so", () => {
    expect(PACKAGE_LAST_YEAR).toBe(2026);
    expect(PACKAGE_CALENDAR.lastKnownYear).toBe(2026);
    expect(isWorkday(PACKAGE_CALENDAR, "2027-01-01")).toBe(true); // a Friday, unknown as 元旦
    const e = explainDeadline(PACKAGE_CALENDAR, "2026-12-31", { amount: 1, unit: "workdays" });
    expect(e.due).toBe("2027-01-01");
    expect(e.provisional).toBe("2027年节假日安排尚未录入，期限按周末推算，可能变动");
    expect(explanationText(e)).toContain("暂定（2027年节假日安排尚未录入");
  });

  it("a date in a known year is not provisional", () => {
    expect(provisionalReason(PACKAGE_CALENDAR, "2026-12-31")).toBeNull();
    expect(explainDeadline(PACKAGE_CALENDAR, "2026-06-01", DEFAULT_DEADLINES.receipt).provisional).toBeNull();
  });
});

describe("a deadline across 2027 元旦", () => {
  // Thursday 2026-12-10 + 20 working days: 12-11, 12-14..18, 12-21..25, 12-28..31 (15), then 2027.
  it("without the maintained year: lands a day early and is marked provisional", () => {
    const e = explainDeadline(PACKAGE_CALENDAR, "2026-12-10", DEFAULT_DEADLINES.receipt);
    expect(e.due).toBe("2027-01-07"); // 01-01 counted as the 16th working day
    expect(e.holidaysSkipped).toEqual([]);
    expect(e.provisional).not.toBeNull();
  });

  it("with 2027 maintained: skips 元旦 and is final", () => {
    const calendar = holidayCalendar([NEW_YEAR_2027]);
    expect(calendar.lastKnownYear).toBe(2027);
    const e = explainDeadline(calendar, "2026-12-10", DEFAULT_DEADLINES.receipt);
    expect(e.due).toBe("2027-01-08");
    expect(e.holidaysSkipped).toEqual([{ date: "2027-01-01", name: "元旦" }]);
    expect(e.provisional).toBeNull();
    expect(dueDate(calendar, "2026-12-31", { amount: 1, unit: "workdays" })).toBe("2027-01-04");
    expect(daysLeft(calendar, "2026-12-30", "2027-01-04")).toEqual({ workdays: 2, overdueDays: 0 });
    expect(daysLeft(PACKAGE_CALENDAR, "2026-12-30", "2027-01-04")).toEqual({ workdays: 3, overdueDays: 0 });
  });

  it("a month deadline rolling onto 2027-01-01 moves past it once the year is known", () => {
    // 2026-10-01 + 3 months = 2027-01-01.
    expect(dueDate(PACKAGE_CALENDAR, "2026-10-01", DEFAULT_DEADLINES.reply)).toBe("2027-01-01");
    expect(dueDate(holidayCalendar([NEW_YEAR_2027]), "2026-10-01", DEFAULT_DEADLINES.reply)).toBe("2027-01-04");
  });
});

describe("maintained years over the package", () => {
  it("a maintained year replaces the package's days for that year, make-up days included", () => {
    const calendar = holidayCalendar([{ year: 2026, source: "更正", days: [{ date: "2026-10-10", kind: "makeup", name: "国庆节" }] }]);
    expect(isWorkday(calendar, "2026-10-01")).toBe(true); // no longer listed as a holiday
    expect(isWorkday(calendar, "2026-10-10")).toBe(true);
    expect(isWorkday(calendar, "2026-01-04")).toBe(false); // the package's 元旦 make-up Sunday is gone with it
    expect(isWorkday(calendar, "2025-10-01")).toBe(false); // other years stay the package's
  });

  it("the last known year stops at the first gap", () => {
    const only2028 = holidayCalendar([{ year: 2028, source: "测试", days: [] }]);
    expect(only2028.lastKnownYear).toBe(2026);
    expect(provisionalReason(only2028, "2028-03-01")).toBe("2027、2028年节假日安排尚未录入，期限按周末推算，可能变动");
  });

  it("a maintained day may reach into the year before (元旦 from 12月31日)", () => {
    const calendar = holidayCalendar([{ year: 2027, source: "测试", days: [{ date: "2026-12-31", kind: "holiday", name: "元旦" }] }]);
    expect(isWorkday(calendar, "2026-12-31")).toBe(false);
    expect(isWorkday(calendar, "2026-12-30")).toBe(true);
  });
});

describe("a year as the notice reads", () => {
  it("one run of days off holding two holidays is one period, with the make-up days of both", () => {
    expect(holidayPeriods(packageYearDays(2025)).at(-1)).toEqual({
      name: "国庆节、中秋",
      from: "2025-10-01",
      to: "2025-10-08",
      days: 8,
      makeUpDays: ["2025-09-28", "2025-10-11"],
    });
  });
});

describe("the State Council's notice", () => {
  const notice2026 = readFileSync("tests/fixtures/holiday-notice-2026.txt", "utf8");

  it("reads the 2026 notice into exactly the package's 2026 days", () => {
    const parsed = parseHolidayNotice(2026, notice2026);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    expect(parsed.holidays.map((h) => [h.name, h.days])).toEqual([
      ["元旦", 3],
      ["春节", 9],
      ["清明节", 3],
      ["劳动节", 5],
      ["端午节", 3],
      ["中秋节", 3],
      ["国庆节", 7],
    ]);
    const strip = (days: { date: string; kind: string }[]) => days.map((d) => `${d.date} ${d.kind}`);
    expect(strip(parsed.days)).toEqual(strip(packageYearDays(2026)));
  });

  it("reads a holiday of one day, one starting in December of the year before, and two holidays under one heading", () => {
    const parsed = parseHolidayNotice(
      2023,
      "一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。二、劳动节：4月29日至5月3日放假调休，共5天。4月23日（周日）、5月6日（周六）上班。六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（周六）、10月8日（周日）上班。",
    );
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    expect(parsed.holidays[0]).toMatchObject({ name: "元旦", from: "2022-12-31", to: "2023-01-02" });
    expect(parsed.holidays[2]).toMatchObject({ name: "中秋节、国庆节", days: 8, makeUpDays: ["2023-10-07", "2023-10-08"] });
    expect(parseHolidayNotice(2027, "元旦：1月1日（周五）放假，共1天。")).toMatchObject({
      ok: true,
      days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }],
    });
  });

  it("refuses what does not add up, in Chinese", () => {
    expect(parseHolidayNotice(2027, "随便写的文字")).toEqual({ ok: false, errors: [expect.stringContaining("未识别到节假日安排")] });
    expect(parseHolidayNotice(2027, notice2026)).toEqual({ ok: false, errors: ["这份通知是2026年的安排，与所选的2027年不符"] });
    const wrong = parseHolidayNotice(2026, "一、元旦：1月1日至3日放假调休，共4天。1月5日（周一）上班。二、春节：2月30日放假，共1天。");
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.errors).toEqual([
      "元旦：1月1日至1月3日共3天，与通知所写“共4天”不符",
      "元旦：1月5日不是周末，无需调休上班",
      "春节：放假日期“2月30日”不是有效的日期",
    ]);
  });
});
