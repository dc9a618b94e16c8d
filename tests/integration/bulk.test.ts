/**
 * Bulk work on a real database: every row decided as it would be alone, all kept or none, each row reported
 * by its proposal's number, each carried-out row logged on its own proposal.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { bulkAccept, bulkAssign, bulkPublish, bulkRemind } from "@/db/handling/bulk";
import { assignments, events, proposals, publications, replies } from "@/db/schema";
import { DEMO_TODAY, demoDatabase, handleProposal, ok } from "./demo-db";
import { indexes, inOrder } from "./in-order";

let cleanup = () => {};
afterEach(() => cleanup());

async function registered(count: number) {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const ids = await inOrder(indexes(count), async (i) => ok(await t.register(920 + i, { title: `关于批量办理测试的建议${i}` })).id);
  return {
    ...t,
    ids,
    kjcx: await t.unit("重庆高新区科技创新局"),
    cxfw: await t.unit("重庆高新区创新服务中心"),
    dqgz: await t.unit("重庆高新区党群工作部"),
  };
}

const actions = async (t: Awaited<ReturnType<typeof registered>>, action: string) =>
  (
    await t.db
      .select({ proposalId: events.proposalId })
      .from(events)
      .where(and(eq(events.action, action), inArray(events.proposalId, t.ids)))
      .all()
  ).map((e) => e.proposalId);

describe("bulk work", () => {
  it("批量交办: each row to its own units, each logged on its proposal", async () => {
    const t = await registered(3);
    const result = await bulkAssign(t.db, await t.user("coordinator"), [
      { proposalId: t.ids[0]!, leadUnitId: t.kjcx, coUnitIds: [t.cxfw] },
      { proposalId: t.ids[1]!, leadUnitId: t.cxfw, coUnitIds: [] },
      { proposalId: t.ids[2]!, leadUnitId: t.dqgz, coUnitIds: [t.kjcx, t.cxfw] },
    ]);
    expect(result).toEqual({
      ok: true,
      rows: t.ids.map((id, i) => ({ proposalId: id, label: `第${920 + i}号提案`, ok: true, reason: null })),
    });
    expect((await actions(t, "assign")).sort()).toEqual([...t.ids].sort());
    const leads = await t.db
      .select({ p: assignments.proposalId, u: assignments.unitId })
      .from(assignments)
      .where(and(inArray(assignments.proposalId, t.ids), eq(assignments.role, "lead")))
      .all();
    expect(new Map(leads.map((l) => [l.p, l.u]))).toEqual(
      new Map([
        [t.ids[0], t.kjcx],
        [t.ids[1], t.cxfw],
        [t.ids[2], t.dqgz],
      ]),
    );
  });

  it("one refused row keeps none, and the report names it", async () => {
    const t = await registered(3);
    expect((await bulkAssign(t.db, await t.user("coordinator"), [{ proposalId: t.ids[2]!, leadUnitId: t.kjcx, coUnitIds: [] }])).ok).toBe(
      true,
    );
    const before = await t.db.select().from(proposals).where(inArray(proposals.id, t.ids)).all();
    const result = await bulkAssign(
      t.db,
      await t.user("coordinator"),
      t.ids.map((proposalId) => ({ proposalId, leadUnitId: t.cxfw, coUnitIds: [] })),
    );
    expect(result.ok).toBe(false);
    expect(result.rows.filter((r) => !r.ok).map((r) => r.label)).toEqual(["第922号提案"]);
    expect(result.rows.find((r) => !r.ok)!.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(await t.db.select().from(proposals).where(inArray(proposals.id, t.ids)).all()).toEqual(before);
    expect(await actions(t, "assign")).toEqual([t.ids[2]]);
  });

  it("批量签收: the handler's unit accepts each; an assignment of another unit spoils the batch", async () => {
    const t = await registered(3);
    expect(
      (
        await bulkAssign(
          t.db,
          await t.user("coordinator"),
          t.ids.map((proposalId, i) => ({ proposalId, leadUnitId: i < 2 ? t.kjcx : t.dqgz, coUnitIds: [] })),
        )
      ).ok,
    ).toBe(true);
    const refused = await bulkAccept(t.db, await t.user("jiangmj"), t.ids);
    expect(refused.ok).toBe(false);
    expect(await actions(t, "accept")).toEqual([]);
    expect((await bulkAccept(t.db, await t.user("jiangmj"), t.ids.slice(0, 2))).ok).toBe(true);
    expect((await actions(t, "accept")).sort()).toEqual(t.ids.slice(0, 2).sort());
  });

  it("批量催告 and 批量发布 on replied proposals; a batch with a reply already published is refused whole", async () => {
    const t = await registered(2);
    for (const id of t.ids) await handleProposal(t.db, t, id, t.kjcx);
    const coordinator = await t.user("coordinator");
    const replyOf = async (id: number) => (await t.db.select({ id: replies.id }).from(replies).where(eq(replies.proposalId, id)).get())!.id;
    const reminded = await bulkRemind(
      t.db,
      coordinator,
      await Promise.all(
        t.ids.map(async (proposalId) => ({ proposalId, memberId: (await t.user("liuxr")).id, replyId: await replyOf(proposalId) })),
      ),
      DEMO_TODAY,
    );
    expect(reminded.ok).toBe(true);
    expect((await actions(t, "remind_receipt")).sort()).toEqual([...t.ids].sort());
    // Not the coordinator: nothing at all.
    expect(
      (
        await bulkRemind(t.db, await t.user("jiangmj"), [
          { proposalId: t.ids[0]!, memberId: (await t.user("liuxr")).id, replyId: await replyOf(t.ids[0]!) },
        ])
      ).ok,
    ).toBe(false);

    const published = await bulkPublish(t.db, coordinator, t.ids, DEMO_TODAY);
    expect(published.ok).toBe(true);
    const numbers = (
      await t.db
        .select({ n: publications.indexSerial })
        .from(publications)
        .innerJoin(replies, eq(replies.id, publications.replyId))
        .where(inArray(replies.proposalId, t.ids))
        .all()
    ).map((r) => r.n);
    expect(numbers[1]! - numbers[0]!).toBe(1);
    // Published already: a second batch is refused as a whole and names both.
    expect((await bulkPublish(t.db, coordinator, t.ids, DEMO_TODAY)).rows.map((r) => [r.ok, r.reason])).toEqual([
      [false, "此答复函已发布"],
      [false, "此答复函已发布"],
    ]);
  });
});
