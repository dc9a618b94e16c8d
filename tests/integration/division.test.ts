/**
 * 分办 inside a unit on a real database (demo data): 科技创新局 has two 科室, its office (何静, 可分办)
 * divides, 周文斌 is its 分管领导 and the unit asks for the 分管领导's review; 党群工作部 has neither.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { divideAssignment } from "@/db/handling/division";
import { addContact, saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { loadFacts } from "@/db/handling/facts";
import { reviewAsLeader } from "@/db/handling/leader-review";
import { approveReply, returnReply } from "@/db/handling/sign-off";
import { proposalTimeline } from "@/db/queries/proposals";
import { sectionsOf } from "@/db/queries/sections";
import { directorQueue, divisionQueue, handlerQueue, leaderQueue } from "@/db/queries/work";
import { assignments, events, leaderReviews, notifications, proposals } from "@/db/schema";
import { DEMO_TODAY, demoDatabase, ok, SAMPLE_DRAFT } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const contact = { contactedOn: DEMO_TODAY, method: "phone", participants: "蒋明杰与刘新荣委员", summary: "电话沟通" } as const;

/** A proposal assigned to 科技创新局 and accepted by its office; the 科室 by name; its unit deadline. */
async function accepted() {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const unit = await t.unit("重庆高新区科技创新局");
  const id = ok(await t.register(9501, { title: "关于加快科技成果转化的建议" })).id;
  ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: unit, coUnitIds: [] }));
  ok(await acceptAssignment(t.db, await t.user("hej"), id, unit));
  const section = async (name: string) => (await sectionsOf(t.db, unit)).find((s) => s.name === name)!.id;
  const lead = async () =>
    (await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, id), eq(assignments.unitId, unit)))
      .get())!;
  const division = {
    unitId: unit,
    sectionId: await section("科技综合科"),
    assigneeId: (await t.user("jiangmj")).id,
    due: (await lead()).due,
  };
  return { ...t, unit, party: await t.unit("重庆高新区党群工作部"), id, section, lead, division };
}

const actionsOf = async (t: Awaited<ReturnType<typeof accepted>>) =>
  (await t.db.select({ action: events.action }).from(events).where(eq(events.proposalId, t.id)).orderBy(asc(events.id)).all()).map(
    (e) => e.action,
  );

const unread = async (t: Awaited<ReturnType<typeof accepted>>, login: string) =>
  t.db
    .select({ message: notifications.message, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, (await t.user(login)).id), eq(notifications.proposalId, t.id)))
    .all();

describe("分办", () => {
  it("the office divides the accepted assignment to a 科室 and a named 承办人 with an internal deadline, logged and notified", async () => {
    const t = await accepted();
    expect((await divisionQueue(t.db, t.unit)).rows.map((r) => r.proposalId)).toContain(t.id);
    const due = t.division.due;
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, due })).toEqual({ ok: true, data: undefined });
    expect(await t.lead()).toMatchObject({
      sectionId: await t.section("科技综合科"),
      assigneeId: (await t.user("jiangmj")).id,
      internalDue: due,
    });
    const logged = await t.db
      .select()
      .from(events)
      .where(and(eq(events.proposalId, t.id), eq(events.action, "assign_internal")))
      .get();
    expect(logged).toMatchObject({
      actorId: (await t.user("hej")).id,
      fromState: "handling",
      toState: "handling",
      data: { unitId: t.unit, sectionId: await t.section("科技综合科"), assigneeId: (await t.user("jiangmj")).id, due },
    });
    expect(await unread(t, "jiangmj")).toContainEqual({
      message: expect.stringContaining(`本单位将此提案分办给您，内部办理期限${due}`),
      link: `/proposals/${t.id}`,
    });
    expect((await divisionQueue(t.db, t.unit)).rows.map((r) => r.proposalId)).not.toContain(t.id);
    expect((await proposalTimeline(t.db, t.id)).at(-1)).toMatchObject({
      action: "assign_internal",
      detail: `科技综合科 · 承办人蒋明杰 · 内部期限${due}`,
    });
  });

  it("only the director or a 可分办 handler divides", async () => {
    const t = await accepted();
    expect(await divideAssignment(t.db, await t.user("jiangmj"), t.id, t.division)).toEqual({
      ok: false,
      reason: "只有本单位负责人或有分办权限的承办人可以分办",
    });
    expect(await divideAssignment(t.db, await t.user("zhouwb"), t.id, t.division)).toEqual({
      ok: false,
      reason: "只有本单位负责人或有分办权限的承办人可以分办",
    });
    expect(await divideAssignment(t.db, await t.user("dqgzb-fz"), t.id, { ...t.division, unitId: t.party })).toEqual({
      ok: false,
      reason: "该单位没有承办此提案",
    });
    ok(await divideAssignment(t.db, await t.user("dengmj"), t.id, t.division));
  });

  it("keeps the internal deadline inside the unit's deadline, and the 承办人 inside the 科室", async () => {
    const t = await accepted();
    const unitDue = (await t.lead()).due;
    const later = `${Number(unitDue.slice(0, 4)) + 1}${unitDue.slice(4)}`;
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, due: later })).toEqual({
      ok: false,
      reason: `内部办理期限须在本单位的办理期限（${unitDue}）之内`,
    });
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, due: "2020-01-01" })).toEqual({
      ok: false,
      reason: "内部办理期限不能早于今天",
    });
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, sectionId: await t.section("成果转化科") })).toEqual({
      ok: false,
      reason: "所选承办人不在该科室",
    });
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, assigneeId: (await t.user("hej")).id })).toEqual({
      ok: false,
      reason: "所选承办人不在该科室",
    });
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, assigneeId: (await t.user("dengmj")).id })).toEqual({
      ok: false,
      reason: "承办人须是本单位在岗的承办人",
    });
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, sectionId: 2_000_000 })).toEqual({
      ok: false,
      reason: "所选科室不存在",
    });
    expect(await t.lead()).toMatchObject({ sectionId: null, assigneeId: null, internalDue: null });
    expect(await actionsOf(t)).not.toContain("assign_internal");
    expect((await divideAssignment(t.db, await t.user("hej"), t.id, { ...t.division, due: unitDue })).ok).toBe(true);
  });

  it("reassigns with a reason; every assignment stays in the log, and both 承办人 hear of it", async () => {
    const t = await accepted();
    ok(await divideAssignment(t.db, await t.user("hej"), t.id, t.division));
    expect(await divideAssignment(t.db, await t.user("hej"), t.id, t.division)).toEqual({
      ok: false,
      reason: "已分办；如需更换科室、承办人或期限，请改派",
    });
    const toWang = {
      ...t.division,
      sectionId: await t.section("成果转化科"),
      assigneeId: (await t.user("wangl")).id,
      reason: "涉及成果转化，改由成果转化科办理",
    };
    ok(await divideAssignment(t.db, await t.user("hej"), t.id, toWang));
    expect(await t.lead()).toMatchObject({ sectionId: await t.section("成果转化科"), assigneeId: (await t.user("wangl")).id });
    ok(await divideAssignment(t.db, await t.user("dengmj"), t.id, { ...t.division, reason: "王磊出差，改回蒋明杰" }));
    const log = (await t.db.select().from(events).where(eq(events.proposalId, t.id)).orderBy(asc(events.id)).all()).filter((e) =>
      e.action.endsWith("_internal"),
    );
    expect(
      log.map((e) => [
        e.action,
        e.comment,
        (e.data as { assigneeId: number }).assigneeId,
        (e.data as { previousAssigneeId?: number }).previousAssigneeId,
      ]),
    ).toEqual([
      ["assign_internal", null, (await t.user("jiangmj")).id, undefined],
      ["reassign_internal", "涉及成果转化，改由成果转化科办理", (await t.user("wangl")).id, (await t.user("jiangmj")).id],
      ["reassign_internal", "王磊出差，改回蒋明杰", (await t.user("jiangmj")).id, (await t.user("wangl")).id],
    ]);
    expect((await unread(t, "wangl")).map((n) => n.message).filter((m) => /分办|改派/.test(m))).toEqual([
      expect.stringContaining("分办给您"),
      expect.stringContaining("已改派本单位其他承办人办理"),
    ]);
    expect((await proposalTimeline(t.db, t.id)).filter((e) => e.action === "reassign_internal").map((e) => e.detail)).toEqual([
      `成果转化科 · 承办人王磊 · 内部期限${t.division.due}`,
      `科技综合科 · 承办人蒋明杰 · 内部期限${t.division.due}`,
    ]);
  });

  it("gives the named 承办人 alone the contact, the draft and 提交审签; the proposal is on their 待办 only", async () => {
    const t = await accepted();
    ok(await divideAssignment(t.db, await t.user("hej"), t.id, t.division));
    const refusal = { ok: false, reason: "此提案已分办给本单位其他承办人，由该承办人办理" };
    for (const other of ["wangl", "hej"]) {
      expect(await addContact(t.db, await t.user(other), t.id, contact)).toEqual(refusal);
      expect(await saveDraft(t.db, await t.user(other), t.id, SAMPLE_DRAFT)).toEqual(refusal);
    }
    await ok(await addContact(t.db, await t.user("jiangmj"), t.id, contact));
    ok(await saveDraft(t.db, await t.user("jiangmj"), t.id, SAMPLE_DRAFT));
    expect(await submitForSignOff(t.db, await t.user("wangl"), t.id)).toEqual(refusal);
    const toReply = async (login: string) =>
      (await handlerQueue(t.db, { id: (await t.user(login)).id, unitId: t.unit })).toReply.rows.map((r) => r.proposalId);
    expect(await toReply("jiangmj")).toContain(t.id);
    expect(await toReply("wangl")).not.toContain(t.id);
    expect(await toReply("hej")).not.toContain(t.id);
    expect(
      (await handlerQueue(t.db, { id: (await t.user("jiangmj")).id, unitId: t.unit })).toReply.rows.find((r) => r.proposalId === t.id)
        ?.internalDue,
    ).toBe(t.division.due);
  });

  it("sends the 科室's draft to the 分管领导, who returns it once with a comment and then passes it; the director signs", async () => {
    const t = await accepted();
    ok(await divideAssignment(t.db, await t.user("hej"), t.id, t.division));
    const jiang = await t.user("jiangmj");
    await ok(await addContact(t.db, jiang, t.id, contact));
    ok(await saveDraft(t.db, jiang, t.id, SAMPLE_DRAFT));
    ok(await submitForSignOff(t.db, jiang, t.id));
    expect(await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get()).toMatchObject({
      status: "in_review",
      reviewStage: "leader",
    });
    expect((await leaderQueue(t.db, t.unit)).rows.map((r) => r.proposalId)).toContain(t.id);
    expect((await directorQueue(t.db, t.unit)).toSignOff.rows.map((r) => r.proposalId)).not.toContain(t.id);
    expect((await unread(t, "zhouwb")).map((n) => n.message)).toEqual([expect.stringContaining("有答复函待分管领导审核")]);
    expect(await approveReply(t.db, await t.user("dengmj"), t.id, null)).toEqual({ ok: false, reason: "答复函尚待分管领导审核" });
    expect(await returnReply(t.db, await t.user("dengmj"), t.id, "越级退回")).toEqual({ ok: false, reason: "答复函尚待分管领导审核" });

    await ok(await reviewAsLeader(t.db, await t.user("zhouwb"), t.id, { approve: false, comment: "请补充成果转化的具体数据" }));
    expect(await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get()).toMatchObject({
      status: "handling",
      reviewStage: null,
    });
    expect(await loadFacts(t.db, t.id)).toMatchObject({ draftReturned: true });
    expect(await t.db.select().from(leaderReviews).where(eq(leaderReviews.proposalId, t.id)).all()).toMatchObject([
      { decision: "return", comment: "请补充成果转化的具体数据", leaderName: "周文斌" },
    ]);
    expect((await unread(t, "jiangmj")).map((n) => n.message)).toContainEqual(expect.stringContaining("答复函被分管领导退回修改"));
    expect((await handlerQueue(t.db, { id: jiang.id, unitId: t.unit })).toReply.rows.find((r) => r.proposalId === t.id)?.returned).toBe(
      true,
    );
    expect(await submitForSignOff(t.db, jiang, t.id)).toEqual({ ok: false, reason: "答复函已被退回，请按审签意见修改并保存后再提交" });

    ok(await saveDraft(t.db, jiang, t.id, { ...SAMPLE_DRAFT, body: `${SAMPLE_DRAFT.body}\n\n二、成果转化数据\n\n今年转化成果 12 项。` }));
    ok(await submitForSignOff(t.db, jiang, t.id));
    expect(await reviewAsLeader(t.db, await t.user("dengmj"), t.id, { approve: true, comment: null })).toEqual({
      ok: false,
      reason: "只有主办单位的分管领导可以审核",
    });
    await ok(await reviewAsLeader(t.db, await t.user("zhouwb"), t.id, { approve: true, comment: "同意，请局长审签" }));
    expect(await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get()).toMatchObject({
      status: "in_review",
      reviewStage: "director",
    });
    expect((await directorQueue(t.db, t.unit)).toSignOff.rows.map((r) => r.proposalId)).toContain(t.id);
    expect(await reviewAsLeader(t.db, await t.user("zhouwb"), t.id, { approve: true, comment: null })).toEqual({
      ok: false,
      reason: "没有待分管领导审核的答复函",
    });
    expect((await approveReply(t.db, await t.user("dengmj"), t.id, null)).ok).toBe(true);
    expect(await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get()).toMatchObject({ status: "replied", reviewStage: null });
    expect(
      (await t.db.select({ decision: leaderReviews.decision }).from(leaderReviews).where(eq(leaderReviews.proposalId, t.id)).all()).map(
        (r) => r.decision,
      ),
    ).toEqual(["return", "approve"]);
    expect((await actionsOf(t)).slice(-8)).toEqual([
      "contact",
      "save_draft",
      "submit",
      "leader_return",
      "save_draft",
      "submit",
      "leader_approve",
      "approve",
    ]);
  });
});

describe("units that do not divide", () => {
  it("a unit without 科室 nor the setting works as before: its handler drafts, the director signs right after 提交审签", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const party = await t.unit("重庆高新区党群工作部");
    const id = ok(await t.register(9502)).id;
    ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: party, coUnitIds: [] }));
    ok(await acceptAssignment(t.db, await t.user("dqgzb"), id, party));
    expect((await divisionQueue(t.db, party)).total).toBe(0);
    expect(
      await divideAssignment(t.db, await t.user("dqgzb-fz"), id, {
        unitId: party,
        sectionId: (await sectionsOf(t.db, await t.unit("重庆高新区科技创新局")))[0]!.id,
        assigneeId: (await t.user("dqgzb")).id,
        due: "2026-07-01",
      }),
    ).toEqual({
      ok: false,
      reason: "所选科室不属于本单位或已撤销",
    });
    await ok(await addContact(t.db, await t.user("dqgzb"), id, contact));
    ok(await saveDraft(t.db, await t.user("dqgzb"), id, SAMPLE_DRAFT));
    ok(await submitForSignOff(t.db, await t.user("dqgzb"), id));
    expect(await t.db.select().from(proposals).where(eq(proposals.id, id)).get()).toMatchObject({
      status: "in_review",
      reviewStage: "director",
    });
    expect((await directorQueue(t.db, party)).toSignOff.rows.map((r) => r.proposalId)).toContain(id);
    expect((await approveReply(t.db, await t.user("dqgzb-fz"), id, null)).ok).toBe(true);
    expect(await t.db.select().from(leaderReviews).where(eq(leaderReviews.proposalId, id)).all()).toEqual([]);
  });

  it("in 科技创新局 a proposal the office keeps (not divided) goes to the director directly, and any handler of the unit may draft it", async () => {
    const t = await accepted();
    await ok(await addContact(t.db, await t.user("wangl"), t.id, contact));
    ok(await saveDraft(t.db, await t.user("jiangmj"), t.id, SAMPLE_DRAFT));
    ok(await submitForSignOff(t.db, await t.user("hej"), t.id));
    expect(await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get()).toMatchObject({
      status: "in_review",
      reviewStage: "director",
    });
    expect((await approveReply(t.db, await t.user("dengmj"), t.id, null)).ok).toBe(true);
  });
});
