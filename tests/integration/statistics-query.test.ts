import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { statisticsFacts, statisticsFigures, type StatisticsFilter } from "@/db/queries/statistics";
import { proposals, publications, replies } from "@/db/schema";
import { computeFigures, figuresByUnit } from "@/lib/statistics";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

describe("statistics facts from the database", () => {
  it("read each proposal's facts, and a withdrawn publication stops counting as published", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const facts = await statisticsFacts(t.db, {}, DEMO_TODAY);
    expect(facts).toHaveLength((await t.db.select().from(proposals).all()).length);
    const id180 = (await t.db.select().from(proposals).where(eq(proposals.number, 180)).get())!.id;
    expect(facts.find((f) => f.id === id180)).toMatchObject({
      status: "in_review",
      leadUnit: "重庆高新区科技创新局",
      repliedOnTime: null,
      replyOverdue: false,
      contacted: true,
      published: false,
      receipts: [],
    });
    // Dated later, past its reply deadline (2026-06-30) without a reply: late, and overdue.
    expect((await statisticsFacts(t.db, {}, "2026-07-01")).find((f) => f.id === id180)).toMatchObject({
      replied: false,
      repliedOnTime: false,
      replyOverdue: true,
    });
    for (const f of facts.filter((x) => x.status === "registered")) expect(f).toMatchObject({ leadUnitId: null, acceptedOnTime: null });
    for (const f of facts.filter((x) => x.status === "closed")) expect(f.receipts.length).toBeGreaterThan(0);

    const published = facts.find((f) => f.published)!;
    const reply = (await t.db.select().from(replies).where(eq(replies.proposalId, published.id)).all()).at(-1)!;
    const before = computeFigures(facts).publicationRate;
    await t.db
      .update(publications)
      .set({ status: "withdrawn", withdrawnReason: "测试", withdrawnAt: new Date() })
      .where(eq(publications.replyId, reply.id))
      .run();
    const after = computeFigures(await statisticsFacts(t.db)).publicationRate;
    expect(after).toEqual({ count: before.count - 1, of: before.of });

    const byKind = await statisticsFacts(t.db, { kind: "suggestion" });
    expect(byKind.length).toBeGreaterThan(0);
    expect(byKind.length).toBeLessThan(facts.length);
    const unit = await statisticsFacts(t.db, { unitId: await t.unit("重庆高新区科技创新局") });
    expect(unit.every((f) => f.leadUnit === "重庆高新区科技创新局")).toBe(true);
  });
});

describe("statistics counted in the database", () => {
  const raw = (t: { db: Db }, from: string) => t.db.all(sql.raw(`select * from ${from} order by proposal_id`));

  it("keep proposal_statistics equal to its view, and give the figures computeFigures gives from each proposal's facts", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    expect(await raw(t, "proposal_statistics")).toEqual(await raw(t, "proposal_statistics_source"));
    const filters: StatisticsFilter[] = [
      {},
      { sessionId: await t.session("第二次会议") },
      { kind: "suggestion" },
      { kind: "proposal", unitId: await t.unit("重庆高新区科技创新局") },
    ];
    for (const filter of filters) {
      const facts = await statisticsFacts(t.db, filter, DEMO_TODAY);
      const counted = await statisticsFigures(t.db, filter, DEMO_TODAY);
      expect(counted.figures).toEqual(computeFigures(facts));
      expect(counted.units).toEqual(figuresByUnit(facts));
    }
  });

  it("count a write at once: the triggers refresh the proposal's facts and the session's version", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const sessionId = await t.session("第二次会议");
    const before = (await statisticsFigures(t.db, { sessionId }, DEMO_TODAY)).figures;
    const registered = await t.register(990);
    if (!registered.ok) throw new Error(registered.reason);
    const lead = await t.unit("重庆高新区科技创新局");
    const assigned = await assignProposal(t.db, await t.user("coordinator"), registered.data.id, { leadUnitId: lead, coUnitIds: [] });
    if (!assigned.ok) throw new Error(assigned.reason);
    expect((await acceptAssignment(t.db, await t.user("jiangmj"), registered.data.id, lead)).ok).toBe(true);
    const after = (await statisticsFigures(t.db, { sessionId }, DEMO_TODAY)).figures;
    expect(after.total).toBe(before.total + 1);
    expect(after.assigned).toBe(before.assigned + 1);
    expect(after.acceptedOnTime).toEqual({ count: before.acceptedOnTime.count + 1, of: before.acceptedOnTime.of + 1 });
    expect(after).toEqual(computeFigures(await statisticsFacts(t.db, { sessionId }, DEMO_TODAY)));
    expect(await raw(t, "proposal_statistics")).toEqual(await raw(t, "proposal_statistics_source"));
  });
});
