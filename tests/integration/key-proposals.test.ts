/**
 * 重点提案 on a real database: the coordinating office marks a proposal for a 区领导, the lead unit reports
 * progress that the office and the leader read, the 督办 board, the leader's list and the statistics show it,
 * and every refusal leaves the database as it was.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { markKeyProposal, reportProgress, unmarkKeyProposal } from "@/db/handling/key-proposals";
import { keyProposalOf, keyProposalRows } from "@/db/queries/key-proposals";
import { loadProposalParties } from "@/db/queries/proposals";
import { statisticsFacts, statisticsFigures } from "@/db/queries/statistics";
import { events, notifications, progressReports, proposals } from "@/db/schema";
import { canViewProposal } from "@/lib/authz";
import { computeFigures } from "@/lib/statistics";
import { DEMO_TODAY, demoDatabase, ok } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

async function assigned() {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const lead = await t.unit("重庆高新区科技创新局");
  const { id } = ok(await t.register(903, { title: "关于建设科学城重大科技基础设施集群的建议" }));
  ok(
    await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: lead, coUnitIds: [await t.unit("重庆高新区创新服务中心")] }),
  );
  return { ...t, id, lead, leader: await t.user("wangjh"), other: await t.user("liwd") };
}

const plan = "由王建华副区长领办，科技创新局牵头，每季度报送进展。";

describe("重点提案", () => {
  it("the office marks it for a 区领导, who alone among the leaders may then open it and is told", async () => {
    const t = await assigned();
    ok(await markKeyProposal(t.db, await t.user("coordinator"), t.id, { leaderId: t.leader.id, plan }));
    const row = (await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get())!;
    expect([row.isKey, row.keyLeaderId, row.keyPlan]).toEqual([true, t.leader.id, plan]);
    const parties = (await loadProposalParties(t.db, t.id))!;
    expect(canViewProposal(t.leader, parties)).toBe(true);
    expect(canViewProposal(t.other, parties)).toBe(false);
    // The demo's own 重点提案 are led by him too: only this proposal's notices count here.
    const notice = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, t.leader.id), eq(notifications.proposalId, t.id)))
      .all();
    expect(notice.map((n) => n.link)).toEqual([`/proposals/${t.id}`]);
    expect(await t.db.select().from(events).where(eq(events.proposalId, t.id)).orderBy(desc(events.id)).get()).toMatchObject({
      action: "mark_key",
      comment: plan,
    });
  });

  it("refuses a leader who is not an active 区领导, and a unit's staff, changing nothing", async () => {
    const t = await assigned();
    const before = await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get();
    expect(await markKeyProposal(t.db, await t.user("coordinator"), t.id, { leaderId: (await t.user("dengmj")).id, plan })).toEqual({
      ok: false,
      reason: "请选择一位在任的区领导领办",
    });
    expect(await markKeyProposal(t.db, await t.user("jiangmj"), t.id, { leaderId: t.leader.id, plan })).toEqual({
      ok: false,
      reason: "只有交办单位可以执行此操作",
    });
    expect(await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get()).toEqual(before);
  });

  it("the lead unit's handler reports progress once it handles the proposal; the office and the leader are told", async () => {
    const t = await assigned();
    ok(await markKeyProposal(t.db, await t.user("coordinator"), t.id, { leaderId: t.leader.id, plan }));
    // Not yet accepted: nothing to report on.
    expect((await reportProgress(t.db, await t.user("jiangmj"), t.id, "已调研")).ok).toBe(false);
    ok(await acceptAssignment(t.db, await t.user("jiangmj"), t.id, t.lead));
    expect(await reportProgress(t.db, await t.user("cxfwzx"), t.id, "协办单位的进展")).toEqual({
      ok: false,
      reason: "只有主办单位的承办人可以执行此操作",
    });
    expect(await reportProgress(t.db, await t.user("dengmj"), t.id, "局长报送")).toEqual({
      ok: false,
      reason: "只有主办单位的承办人可以执行此操作",
    });
    ok(await reportProgress(t.db, await t.user("jiangmj"), t.id, "已完成选址论证，正在编制建设方案。"));
    const key = (await keyProposalOf(t.db, t.id))!;
    expect(key.leader?.name).toBe("王建华");
    expect(key.reports.map((r) => [r.body, r.unitName, r.author, r.round])).toEqual([
      ["已完成选址论证，正在编制建设方案。", "重庆高新区科技创新局", "蒋明杰", 1],
    ]);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, t.leader.id), eq(notifications.proposalId, t.id)))
      .all();
    expect(told.map((n) => n.message.includes("中期进展"))).toEqual([false, true]);
    const row = (await keyProposalRows(t.db, { leaderId: t.leader.id })).find((r) => r.id === t.id);
    expect(row).toMatchObject({ id: t.id, leader: "王建华", leadUnit: "重庆高新区科技创新局" });
    expect(row!.lastReportAt).toBeInstanceOf(Date);
    expect((await keyProposalRows(t.db, { open: true })).map((r) => r.id)).toContain(t.id);
  });

  it("unmarking needs a reason, ends the leader's access and takes it off the board", async () => {
    const t = await assigned();
    ok(await markKeyProposal(t.db, await t.user("coordinator"), t.id, { leaderId: t.leader.id, plan }));
    expect(await unmarkKeyProposal(t.db, await t.user("coordinator"), t.id, " ")).toEqual({ ok: false, reason: "请填写取消重点的理由" });
    ok(await unmarkKeyProposal(t.db, await t.user("coordinator"), t.id, "经研究并入另一件重点提案办理"));
    expect(canViewProposal(t.leader, (await loadProposalParties(t.db, t.id))!)).toBe(false);
    expect(await keyProposalOf(t.db, t.id)).toBeNull();
    expect((await keyProposalRows(t.db, { open: true })).map((r) => r.id)).not.toContain(t.id);
    expect(await t.db.select().from(progressReports).where(eq(progressReports.proposalId, t.id)).all()).toEqual([]);
  });

  it("the 重点提案 figures follow every mark and unmark at once, though the page keeps each session's totals", async () => {
    const t = await assigned();
    const coordinator = await t.user("coordinator");
    const keyFigures = async () => (await statisticsFigures(t.db, { keyOnly: true }, DEMO_TODAY)).figures;
    const facts = async () => computeFigures(await statisticsFacts(t.db, { keyOnly: true }, DEMO_TODAY));
    const before = await keyFigures();
    ok(await markKeyProposal(t.db, coordinator, t.id, { leaderId: t.leader.id, plan }));
    expect(await keyFigures()).toEqual(await facts());
    expect((await keyFigures()).total).toBe(before.total + 1);
    ok(await unmarkKeyProposal(t.db, coordinator, t.id, "经研究并入另一件重点提案办理"));
    expect(await keyFigures()).toEqual(before);
    // Whatever writes the flag (here a bare update, no state written with it), the database moves the version.
    await t.db.update(proposals).set({ isKey: true }).where(eq(proposals.id, t.id)).run();
    expect((await keyFigures()).total).toBe(before.total + 1);
  });

  it("the statistics count 重点提案 apart, as the one-by-one facts do", async () => {
    const t = await assigned();
    ok(await markKeyProposal(t.db, await t.user("coordinator"), t.id, { leaderId: t.leader.id, plan }));
    const keyIds = (await t.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.isKey, true)).all()).map((r) => r.id);
    const facts = await statisticsFacts(t.db, { keyOnly: true }, DEMO_TODAY);
    expect(facts.map((f) => f.id).sort((a, b) => a - b)).toEqual(keyIds.sort((a, b) => a - b));
    expect((await statisticsFigures(t.db, { keyOnly: true }, DEMO_TODAY)).figures).toEqual(computeFigures(facts));
    expect((await statisticsFigures(t.db, { keyOnly: true }, DEMO_TODAY)).figures.total).toBeLessThan(
      (await statisticsFigures(t.db, {}, DEMO_TODAY)).figures.total,
    );
  });
});
