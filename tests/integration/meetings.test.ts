/**
 * 面商 / 座谈会 on a real database: one meeting covers several proposals, each gets its 见面 contact record
 * through the workflow, the statistics count each as met in person; anything refused leaves nothing behind.
 */
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { recordMeeting, type MeetingInput } from "@/db/handling/meetings";
import { meetingCandidates, meetingDetail, meetingsOf } from "@/db/queries/meetings";
import { statisticsFacts } from "@/db/queries/statistics";
import { contactRecords, meetings } from "@/db/schema";
import { DEMO_TODAY, demoDatabase, ok } from "./demo-db";
import { inOrder } from "./in-order";

let cleanup = () => {};
afterEach(() => cleanup());

async function twoInHand() {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const lead = await t.unit("重庆高新区科技创新局");
  const ids = (await inOrder(
    [911, 912, 913],
    async (n) =>
      ok(await t.register(n, { title: `关于科学城孵化器建设的建议${n}`, coSignerIds: n === 912 ? [(await t.user("member-001")).id] : [] }))
        .id,
  )) as [number, number, number];
  for (const id of ids) ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: lead, coUnitIds: [] }));
  // The third stays 待签收: nothing may be recorded on it yet.
  for (const id of ids.slice(0, 2)) ok(await acceptAssignment(t.db, await t.user("jiangmj"), id, lead));
  return { ...t, lead, ids };
}

const input = (proposalIds: number[], memberIds: number[]): MeetingInput => ({
  kind: "forum",
  heldOn: DEMO_TODAY,
  place: "科技创新局三楼会议室",
  proposalIds,
  memberIds,
  officials: "邓敏军局长、蒋明杰",
  minutes: "委员介绍了孵化器建设的建议，局里介绍了已开展的工作和明年的计划。",
});

const contactsOfMeeting = async (t: Awaited<ReturnType<typeof twoInHand>>, meetingId: number) =>
  t.db.select().from(contactRecords).where(eq(contactRecords.meetingId, meetingId)).all();

describe("面商 / 座谈会", () => {
  it("offers the proposals the unit handles now, with their proposers", async () => {
    const t = await twoInHand();
    const candidates = (await meetingCandidates(t.db, t.lead)).filter((c) => t.ids.includes(c.id));
    expect(candidates.map((c) => c.id)).toEqual(t.ids.slice(0, 2));
    expect(candidates[1]!.proposers.map((p) => p.name)).toEqual(["刘新荣", (await t.user("member-001")).displayName]);
  });

  it("records one meeting on every proposal it covers, each counted as met in person", async () => {
    const t = await twoInHand();
    const members = [(await t.user("liuxr")).id, (await t.user("member-001")).id];
    const { meetingId } = ok(await recordMeeting(t.db, await t.user("jiangmj"), input(t.ids.slice(0, 2), members)));
    const contacts = await contactsOfMeeting(t, meetingId);
    expect(contacts.map((c) => [c.proposalId, c.method, c.contactedOn])).toEqual(t.ids.slice(0, 2).map((id) => [id, "forum", DEMO_TODAY]));
    expect(contacts[0]!.participants).toBe(`邓敏军局长、蒋明杰；刘新荣、${(await t.user("member-001")).displayName}`);
    const met = (await statisticsFacts(t.db, {}, DEMO_TODAY)).filter((f) => t.ids.includes(f.id));
    expect(met.map((f) => [f.id, f.contacted, f.metInPerson])).toEqual([
      [t.ids[0], true, true],
      [t.ids[1], true, true],
      [t.ids[2], false, false],
    ]);
    const detail = (await meetingDetail(t.db, meetingId))!;
    expect(detail.members.map((m) => m.id)).toEqual(members);
    expect(detail.proposals.map((p) => p.id)).toEqual(t.ids.slice(0, 2));
    expect((await meetingsOf(t.db, t.lead)).map((m) => [m.id, m.proposals])).toEqual([[meetingId, 2]]);
    expect(await meetingsOf(t.db, await t.unit("重庆高新区党群工作部"))).toEqual([]);
  });

  it("is all or nothing: one proposal refused, nothing is kept, and the refusal names it", async () => {
    const t = await twoInHand();
    const result = await recordMeeting(t.db, await t.user("jiangmj"), input(t.ids, [(await t.user("liuxr")).id]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("有 1 件提案不能记入此次座谈会，未保存");
    expect(result.refusals?.map((r) => [r.proposalId, r.label, r.reason])).toEqual([
      [t.ids[2], "第913号提案", "签收后、提交审签前才能记录沟通"],
    ]);
    expect((await t.db.select({ n: count() }).from(meetings).get())!.n).toBe(0);
    expect((await t.db.select({ n: count() }).from(contactRecords).where(eq(contactRecords.proposalId, t.ids[0])).get())!.n).toBe(0);
  });

  it("refuses another unit's handler, a unit director, and a participant who is not a member", async () => {
    const t = await twoInHand();
    expect((await recordMeeting(t.db, await t.user("dqgzb"), input(t.ids.slice(0, 1), []))).ok).toBe(false);
    expect((await recordMeeting(t.db, await t.user("dengmj"), input(t.ids.slice(0, 1), []))).ok).toBe(false);
    expect(await recordMeeting(t.db, await t.user("jiangmj"), input(t.ids.slice(0, 1), [(await t.user("dengmj")).id]))).toEqual({
      ok: false,
      reason: "参加的委员/代表有误，请重新选择",
    });
    expect((await t.db.select({ n: count() }).from(meetings).get())!.n).toBe(0);
  });
});
