import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { statisticsFacts } from "@/db/queries/statistics";
import { proposals, publications, replies } from "@/db/schema";
import { computeFigures } from "@/lib/statistics";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

describe("statistics facts from the database", () => {
  it("read each proposal's facts, and a withdrawn publication stops counting as published", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const facts = statisticsFacts(t.db);
    expect(facts).toHaveLength(t.db.select().from(proposals).all().length);
    const id180 = t.db.select().from(proposals).where(eq(proposals.number, 180)).get()!.id;
    expect(facts.find((f) => f.id === id180)).toMatchObject({ status: "in_review", leadUnit: "重庆高新区科技创新局", repliedOnTime: null, contacted: true, published: false, receipts: [] });
    for (const f of facts.filter((x) => x.status === "registered")) expect(f).toMatchObject({ leadUnitId: null, acceptedOnTime: null });
    for (const f of facts.filter((x) => x.status === "closed")) expect(f.receipts.length).toBeGreaterThan(0);

    const published = facts.find((f) => f.published)!;
    const reply = t.db.select().from(replies).where(eq(replies.proposalId, published.id)).all().at(-1)!;
    const before = computeFigures(facts).publicationRate;
    t.db.update(publications).set({ status: "withdrawn", withdrawnReason: "测试", withdrawnAt: new Date() }).where(eq(publications.replyId, reply.id)).run();
    const after = computeFigures(statisticsFacts(t.db)).publicationRate;
    expect(after).toEqual({ count: before.count - 1, of: before.of });

    const byKind = statisticsFacts(t.db, { kind: "suggestion" });
    expect(byKind.length).toBeGreaterThan(0);
    expect(byKind.length).toBeLessThan(facts.length);
    const unit = statisticsFacts(t.db, { unitId: t.unit("重庆高新区科技创新局") });
    expect(unit.every((f) => f.leadUnit === "重庆高新区科技创新局")).toBe(true);
  });
});
