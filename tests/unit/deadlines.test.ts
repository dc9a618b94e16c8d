import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { addMonths, daysLeft, dueDate, explainDeadline, explanationText, isWorkday } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";

describe("working-day calendar", () => {
  it("knows holidays and make-up workdays", () => {
    expect(isWorkday(PACKAGE_CALENDAR, "2023-10-02")).toBe(false); // 国庆节, a Monday
    expect(isWorkday(PACKAGE_CALENDAR, "2023-10-07")).toBe(true); // make-up Saturday
    expect(isWorkday(PACKAGE_CALENDAR, "2023-10-08")).toBe(true); // make-up Sunday
    expect(isWorkday(PACKAGE_CALENDAR, "2024-02-04")).toBe(true); // 春节 make-up Sunday
    expect(isWorkday(PACKAGE_CALENDAR, "2024-02-12")).toBe(false); // 春节, a Monday
    expect(isWorkday(PACKAGE_CALENDAR, "2025-05-01")).toBe(false); // 劳动节
    expect(isWorkday(PACKAGE_CALENDAR, "2025-04-27")).toBe(true); // 劳动节 make-up Sunday
    expect(isWorkday(PACKAGE_CALENDAR, "2026-01-01")).toBe(false);
    expect(isWorkday(PACKAGE_CALENDAR, "2026-06-13")).toBe(false); // an ordinary Saturday
  });
});

describe("workday deadlines", () => {
  it("assigned 2023-09-27, before the National Day week: 5 working days ends 2023-10-10", () => {
    const e = explainDeadline(PACKAGE_CALENDAR, "2023-09-27", DEFAULT_DEADLINES.accept);
    expect(e.due).toBe("2023-10-10");
    expect(e.workdaysCounted).toBe(5);
    expect(e.holidaysSkipped.map((h) => h.date)).toEqual([
      "2023-09-29",
      "2023-10-02",
      "2023-10-03",
      "2023-10-04",
      "2023-10-05",
      "2023-10-06",
    ]);
    expect(e.makeUpDaysCounted.map((h) => h.date)).toEqual(["2023-10-07", "2023-10-08"]);
    expect(explanationText(e)).toContain("截止2023-10-10");
    expect(explanationText(e)).toContain("国庆节");
  });

  it("does not count the start day and skips ordinary weekends", () => {
    // Monday 2024-06-03 + 5 working days = Monday 2024-06-10 is 端午节, so Tuesday 2024-06-11.
    expect(dueDate(PACKAGE_CALENDAR, "2024-06-03", { amount: 5, unit: "workdays" })).toBe("2024-06-11");
    expect(dueDate(PACKAGE_CALENDAR, "2024-06-17", { amount: 5, unit: "workdays" })).toBe("2024-06-24");
  });

  it("counts make-up Saturdays as workdays (2024 春节)", () => {
    // Friday 2024-02-02; Sunday 2024-02-04 is a make-up workday; 2024-02-09 is the first Spring Festival day off.
    const e = explainDeadline(PACKAGE_CALENDAR, "2024-02-02", { amount: 3, unit: "workdays" });
    expect(e.makeUpDaysCounted.map((d) => d.date)).toContain("2024-02-04");
    expect(e.due).toBe("2024-02-06");
  });

  it("spans the Spring Festival: 20 working days from 2025-01-20", () => {
    const e = explainDeadline(PACKAGE_CALENDAR, "2025-01-20", DEFAULT_DEADLINES.receipt);
    // 2025-01-28..02-04 off; 01-26 (Sun) and 02-08 (Sat) are make-up workdays.
    expect(e.holidaysSkipped.some((h) => h.date === "2025-01-29")).toBe(true);
    expect(e.makeUpDaysCounted.map((d) => d.date)).toEqual(["2025-01-26", "2025-02-08"]);
    // Counted by hand: 01-21..24 (4), 01-26 (5), 01-27 (6), 02-05..07 (9), 02-08 (10), 02-10..14 (15), 02-17..21 (20).
    expect(e.due).toBe("2025-02-21");
  });
});

describe("month deadlines", () => {
  it("adds calendar months and clamps to the month's end", () => {
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-11-30", 3)).toBe("2024-02-29");
  });

  it("a month deadline on a day off moves to the next working day", () => {
    // 2023-07-01 + 3 months = 2023-10-01 (国庆节) → 2023-10-07 (make-up Saturday).
    const e = explainDeadline(PACKAGE_CALENDAR, "2023-07-01", DEFAULT_DEADLINES.reply);
    expect(e.rolledFrom).toBe("2023-10-01");
    expect(e.due).toBe("2023-10-07");
  });

  it("a month deadline on a workday stays", () => {
    expect(dueDate(PACKAGE_CALENDAR, "2023-07-08", DEFAULT_DEADLINES.reply)).toBe("2023-10-08"); // make-up Sunday
    expect(dueDate(PACKAGE_CALENDAR, "2026-03-16", DEFAULT_DEADLINES.coOpinion)).toBe("2026-04-16");
  });
});

describe("days left", () => {
  it("counts working days ahead and calendar days overdue", () => {
    expect(daysLeft(PACKAGE_CALENDAR, "2023-09-27", "2023-10-10")).toEqual({ workdays: 5, overdueDays: 0 });
    expect(daysLeft(PACKAGE_CALENDAR, "2023-10-10", "2023-10-10")).toEqual({ workdays: 0, overdueDays: 0 });
    expect(daysLeft(PACKAGE_CALENDAR, "2023-10-13", "2023-10-10")).toEqual({ workdays: 0, overdueDays: 3 });
  });
});
