/**
 * 申请调整 on a real database: the demo's 第54号 (the lead unit asks to hand the lead to a co-handling
 * unit) granted as asked, and a co-handling unit that asks to lead. The units that change role get fresh
 * assignments with that role's deadlines; the others keep theirs.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal, decideAdjustment, requestAdjustment } from "@/db/handling/assignment";
import { signOffCoOpinion, writeCoOpinion } from "@/db/handling/co-opinion";
import { adjustmentRequests, assignments, events, notifications, proposalStatistics, proposals } from "@/db/schema";
import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { dueDate } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import { isoDateInChina } from "@/lib/format";
import { demoDatabase, ok } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

async function setup() {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const rolesOf = async (proposalId: number) =>
    Object.fromEntries(
      (await t.db.select().from(assignments).where(eq(assignments.proposalId, proposalId)).all()).map((a) => [
        a.unitId,
        a.status === "withdrawn" ? "withdrawn" : `${a.role}:${a.status}`,
      ]),
    );
  return { ...t, rolesOf };
}

describe("申请调整", () => {
  it("grants the demo's 第54号 as asked: 建设局 leads, 规划和自然资源局 stays as co-handling unit", async () => {
    const t = await setup();
    const today = isoDateInChina(new Date());
    const p = (await t.db.select().from(proposals).where(eq(proposals.number, 54)).get())!;
    const [planning, construction] = [await t.unit("重庆高新区规划和自然资源局"), await t.unit("重庆高新区建设局")];
    const request = (await t.db.select().from(adjustmentRequests).where(eq(adjustmentRequests.status, "pending")).all()).find(
      (r) => r.suggestedUnitId === construction,
    )!;
    expect(request).toBeDefined();
    const coBefore = (await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, p.id), eq(assignments.unitId, construction)))
      .get())!;

    await ok(
      await decideAdjustment(t.db, await t.user("coordinator"), p.id, {
        unitId: planning,
        outcome: { kind: "change_lead", leadUnitId: construction, formerLead: "co" },
        comment: "同意，由建设局主办",
      }),
    );

    expect(await t.rolesOf(p.id)).toEqual({ [construction]: "lead:pending", [planning]: "co:pending" });
    const lead = (await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, p.id), eq(assignments.unitId, construction)))
      .get())!;
    expect(lead).toMatchObject({
      id: coBefore.id,
      assignedOn: today,
      acceptDue: dueDate(PACKAGE_CALENDAR, today, DEFAULT_DEADLINES.accept),
      due: dueDate(PACKAGE_CALENDAR, today, DEFAULT_DEADLINES.reply),
      handlerId: null,
    });
    const former = (await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, p.id), eq(assignments.unitId, planning)))
      .get())!;
    expect(former).toMatchObject({ role: "co", assignedOn: today, due: dueDate(PACKAGE_CALENDAR, today, DEFAULT_DEADLINES.coOpinion) });
    expect(await t.db.select().from(adjustmentRequests).where(eq(adjustmentRequests.id, request.id)).get()).toMatchObject({
      status: "approved",
      decisionComment: "同意，由建设局主办",
    });
    expect(
      (
        await t.db
          .select()
          .from(events)
          .where(and(eq(events.proposalId, p.id), eq(events.action, "adjustment_approved")))
          .get()
      )?.data,
    ).toEqual({
      unitId: planning,
      leadUnitId: construction,
      formerLead: "co",
    });
    const told = await t.db
      .select({ message: notifications.message, userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.proposalId, p.id))
      .all();
    // Every notice names its proposal first (lib/notices.ts).
    const named = `第${p.number}号提案《${p.title}》：`;
    expect(told).toContainEqual({ userId: (await t.user("jsj")).id, message: `${named}主办单位已调整，本单位改为主办，请签收` });
    expect(told).toContainEqual({ userId: (await t.user("ghzyj")).id, message: `${named}调整申请已同意，本单位改为协办，请签收` });
    expect((await t.db.select().from(proposalStatistics).where(eq(proposalStatistics.proposalId, p.id)).get())?.leadUnitId).toBe(
      construction,
    );

    // The new lead accepts and handling starts; the former lead accepts its co-handling part.
    ok(await acceptAssignment(t.db, await t.user("jsj"), p.id, construction));
    ok(await acceptAssignment(t.db, await t.user("ghzyj"), p.id, planning));
    expect((await t.db.select().from(proposals).where(eq(proposals.id, p.id)).get())?.status).toBe("handling");
    await ok(await writeCoOpinion(t.db, await t.user("ghzyj"), p.id, { unitId: planning, body: "我局将配合做好规划保障。", submit: true }));
  });

  it("lets a co-handling unit lead: the former lead leaves, handling waits for the new lead's acceptance", async () => {
    const t = await setup();
    const [tech, party, innovation] = (await Promise.all(
      ["重庆高新区科技创新局", "重庆高新区党群工作部", "重庆高新区创新服务中心"].map(t.unit),
    )) as [number, number, number];
    const { id } = ok(await t.register(903, { title: "关于加强科学城党建引领人才服务的建议", body: "建议由党群部门统筹人才服务。" }));
    ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: tech, coUnitIds: [party, innovation] }));
    ok(await acceptAssignment(t.db, await t.user("cxfwzx"), id, innovation));
    await ok(await writeCoOpinion(t.db, await t.user("cxfwzx"), id, { unitId: innovation, body: "我中心将积极配合。", submit: true }));
    await ok(await signOffCoOpinion(t.db, await t.user("cxfwzx-fz"), id, { unitId: innovation, approve: true, comment: null }));
    await ok(
      await requestAdjustment(t.db, await t.user("dqgzb"), id, {
        unitId: party,
        reason: "该建议主要属于我部职责，申请由我部主办。",
        suggestedUnitId: null,
        asksToLead: true,
      }),
    );
    ok(await acceptAssignment(t.db, await t.user("jiangmj"), id, tech));
    expect((await t.db.select().from(proposals).where(eq(proposals.id, id)).get())?.status).toBe("handling");
    const innovationBefore = await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, id), eq(assignments.unitId, innovation)))
      .get();

    // A co-handling unit cannot be made to lead another unit's way, nor replaced by a unit already on it.
    expect(
      await decideAdjustment(t.db, await t.user("coordinator"), id, {
        unitId: party,
        outcome: { kind: "change_lead", leadUnitId: innovation, formerLead: "co" },
        comment: null,
      }),
    ).toEqual({
      ok: false,
      reason: "协办单位申请调整，只能改由该单位主办",
    });
    expect(
      await decideAdjustment(t.db, await t.user("coordinator"), id, {
        unitId: party,
        outcome: { kind: "withdraw", replacementUnitId: innovation },
        comment: null,
      }),
    ).toEqual({
      ok: false,
      reason: "新的承办单位已在承办此提案",
    });
    await ok(
      await decideAdjustment(t.db, await t.user("coordinator"), id, {
        unitId: party,
        outcome: { kind: "change_lead", leadUnitId: party, formerLead: "withdrawn" },
        comment: null,
      }),
    );
    expect(await t.rolesOf(id)).toEqual({ [tech]: "withdrawn", [party]: "lead:pending", [innovation]: "co:done" });
    expect(
      await t.db
        .select()
        .from(assignments)
        .where(and(eq(assignments.proposalId, id), eq(assignments.unitId, innovation)))
        .get(),
    ).toEqual(innovationBefore);
    expect((await t.db.select().from(proposals).where(eq(proposals.id, id)).get())?.status).toBe("assigned");
    ok(await acceptAssignment(t.db, await t.user("dqgzb"), id, party));
    expect((await t.db.select().from(proposals).where(eq(proposals.id, id)).get())?.status).toBe("handling");
  });
});
