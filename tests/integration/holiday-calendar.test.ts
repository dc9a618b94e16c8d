import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { openAt } from "./open-at";
import { runCommand } from "@/db/handling/run";
import { holidayCalendarOf, maintainedYears, removeMaintainedYear, saveMaintainedYear } from "@/db/queries/holiday-calendar";
import { deadlineRules } from "@/db/queries/settings";
import { openSteps } from "@/db/queries/supervision";
import { assignments, events, settings } from "@/db/schema";
import { auditDetail } from "@/lib/audit";
import { reviewFrom, stepsToReview } from "@/lib/calendar-review";
import { holidayYearInput } from "@/lib/validation/holiday-calendar";
import { demoDatabase, ok } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

/** 元旦 2027 as an administrator would enter it (1月1日 is the holiday by law; a Friday). */
const NEW_YEAR_2027 = { year: "2027", source: "测试录入", noticeText: "一、元旦：1月1日（周五）放假，共1天。" };

describe("the maintained holiday calendar", () => {
  it("an admin-entered year changes the deadlines computed after it, in every connection, and lists the earlier provisional ones", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const lead = await t.unit("重庆高新区科技创新局");
    const assignOn = async (number: number) => {
      const id = ok(await t.register(number)).id;
      // Monday 2026-12-28: 签收 within 5 working days reaches into 2027.
      ok(
        await runCommand(t.db, {
          proposalId: id,
          actor: await t.user("coordinator"),
          today: "2026-12-28",
          command: { type: "assign", leadUnitId: lead, coUnitIds: [] },
        }),
      );
      return (await t.db.select().from(assignments).where(eq(assignments.proposalId, id)).get())!;
    };

    const before = await assignOn(991);
    expect(before.acceptDue).toBe("2027-01-04"); // 12-29, 12-30, 12-31, 01-01 (counted: unknown), 01-04
    const provisional = stepsToReview(
      await openSteps(t.db, { from: reviewFrom(await holidayCalendarOf(t.db)) }),
      await holidayCalendarOf(t.db),
      await deadlineRules(t.db),
    );
    expect(provisional.find((s) => s.proposalId === before.proposalId && s.stage === "accept")).toMatchObject({
      due: "2027-01-04",
      provisional: "2027年节假日安排尚未录入，期限按周末推算，可能变动",
    });

    // The administrator saves 2027 through another connection, as another server process would.
    const other = openAt(t.location);
    try {
      await saveMaintainedYear(other, holidayYearInput.parse(NEW_YEAR_2027), (await t.user("admin")).id);
    } finally {
      void closeDatabase(other);
    }
    expect((await holidayCalendarOf(t.db)).lastKnownYear).toBe(2027);
    expect((await maintainedYears(t.db)).map((y) => [y.year, y.source, y.days])).toEqual([
      [2027, "测试录入", [{ date: "2027-01-01", kind: "holiday", name: "元旦" }]],
    ]);

    const after = await assignOn(992);
    expect(after.acceptDue).toBe("2027-01-05"); // 元旦 skipped
    // The deadline set before stays as announced, and is listed with the date the calendar now gives.
    expect((await t.db.select().from(assignments).where(eq(assignments.id, before.id)).get())!.acceptDue).toBe("2027-01-04");
    const calendar = await holidayCalendarOf(t.db);
    const review = stepsToReview(await openSteps(t.db, { from: reviewFrom(calendar) }), calendar, await deadlineRules(t.db));
    expect(review.filter((s) => s.stage === "accept" && [before.proposalId, after.proposalId].includes(s.proposalId))).toEqual([
      expect.objectContaining({ proposalId: before.proposalId, due: "2027-01-04", recomputed: "2027-01-05", provisional: null }),
    ]);

    const logged = await t.db.select().from(events).where(eq(events.action, "holiday_calendar_update")).all();
    expect(logged).toHaveLength(1);
    expect(auditDetail(logged[0]!.action, logged[0]!.data as Record<string, unknown>, { target: null })).toBe(
      "2027年：放假 1 天，调休上班 0 天",
    );

    expect(await removeMaintainedYear(t.db, 2027, (await t.user("admin")).id)).toBe(true);
    expect((await holidayCalendarOf(t.db)).lastKnownYear).toBe(2026);
    expect(await t.db.select().from(settings).where(eq(settings.key, "holidayCalendar")).all()).toEqual([]);
    expect((await assignOn(993)).acceptDue).toBe("2027-01-04");
  });

  it("refuses a notice that does not add up, naming the holiday", () => {
    const result = holidayYearInput.safeParse({ ...NEW_YEAR_2027, noticeText: "一、元旦：1月1日（周五）放假，共2天。" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["noticeText"], message: "元旦：1月1日共1天，与通知所写“共2天”不符" });
  });
});
