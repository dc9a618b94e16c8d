import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { assignProposal } from "@/db/handling/assignment";
import { deadlineRules, saveDeadlineRules } from "@/db/queries/settings";
import { assignments, events } from "@/db/schema";
import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { dueDate } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import { isoDateInChina } from "@/lib/format";
import { deadlineSettingsInput } from "@/lib/validation/settings";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

/** The settings form filled in with the defaults. */
const form = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(DEFAULT_DEADLINES).flatMap(([kind, rule]) => [
      [`${kind}Amount`, String(rule.amount)],
      [`${kind}Unit`, rule.unit],
    ]),
  );

describe("deadline settings", () => {
  it("validate the form", () => {
    expect(deadlineSettingsInput.parse(form())).toEqual(DEFAULT_DEADLINES);
    expect(deadlineSettingsInput.safeParse({ ...form(), acceptAmount: "0" }).success).toBe(false);
    expect(deadlineSettingsInput.safeParse({ ...form(), replyUnit: "weeks" }).success).toBe(false);
    expect(deadlineSettingsInput.safeParse({ ...form(), replyAmount: "13" }).error?.issues[0]?.message).toBe(
      "以月计的期限不能超过 12 个月",
    );
  });

  it("are saved, logged, and used by the next assignment", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    expect(await deadlineRules(t.db)).toEqual(DEFAULT_DEADLINES);
    const rules = deadlineSettingsInput.parse({ ...form(), acceptAmount: "3", replyAmount: "2" });
    await saveDeadlineRules(t.db, rules, (await t.user("admin")).id);
    expect(await deadlineRules(t.db)).toMatchObject({ accept: { amount: 3, unit: "workdays" }, reply: { amount: 2, unit: "months" } });
    expect(await t.db.select().from(events).where(eq(events.action, "settings_update")).all()).toHaveLength(1);

    const r = await t.register(990, { title: "期限测试" });
    if (!r.ok) throw new Error(r.reason);
    expect(
      (
        await assignProposal(t.db, await t.user("coordinator"), r.data.id, {
          leadUnitId: await t.unit("重庆高新区科技创新局"),
          coUnitIds: [],
        })
      ).ok,
    ).toBe(true);
    const today = isoDateInChina(new Date());
    expect(await t.db.select().from(assignments).where(eq(assignments.proposalId, r.data.id)).get()).toMatchObject({
      acceptDue: dueDate(PACKAGE_CALENDAR, today, { amount: 3, unit: "workdays" }),
      due: dueDate(PACKAGE_CALENDAR, today, { amount: 2, unit: "months" }),
    });
  });
});
