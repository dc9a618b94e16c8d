import { and, count, eq, like } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { recordPaperReceipt, remindReceipt, submitReceipt } from "@/db/handling/receipt";
import { checkReceiptLink, consumeReceiptToken, issueReceiptToken } from "@/db/handling/receipt-tokens";
import { closeProposal } from "@/db/handling/supervision";
import { memberReceiptsOf, receiptsOf } from "@/db/queries/receipts";
import { overdueReceipts } from "@/db/queries/work";
import { assignments, events, notifications, proposals, receipts, replies } from "@/db/schema";
import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { dueDate } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import { isoDateInChina } from "@/lib/format";
import { receiptInput, type ReceiptAnswers } from "@/lib/validation/receipt";
import { answerRound as answer, DEMO_TODAY, demoDatabase, handleProposal, ok } from "./demo-db";

let cleanup = () => {};
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

/** A joint proposal by 刘新荣 with one co-signer and one seconder, handled by 科技创新局 up to a signed reply. */
async function replied() {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const lead = await t.unit("重庆高新区科技创新局");
  const [liu, cosigner, seconder, outsider] = (await Promise.all(["liuxr", "member-001", "member-002", "member-003"].map(t.user))) as [
    Awaited<ReturnType<typeof t.user>>,
    Awaited<ReturnType<typeof t.user>>,
    Awaited<ReturnType<typeof t.user>>,
    Awaited<ReturnType<typeof t.user>>,
  ];
  const { id } = ok(
    await t.register(902, {
      title: "关于完善科学城人才公寓配套的建议",
      body: "建议完善人才公寓的交通与生活配套。",
      coSignerIds: [cosigner.id],
      seconderIds: [seconder.id],
    }),
  );
  const round = { participants: "蒋明杰与刘新荣委员", summary: "电话沟通办理思路" };
  await handleProposal(t.db, t, id, lead, round);
  const answerRound = async () => {
    await answer(t.db, t, id, round);
    return currentReplyId(t.db, id);
  };
  const replyId = await currentReplyId(t.db, id);
  return { ...t, id, lead, liu, cosigner, seconder, outsider, replyId, answerRound };
}

async function currentReplyId(db: Db, proposalId: number): Promise<number> {
  const p = (await db.select().from(proposals).where(eq(proposals.id, proposalId)).get())!;
  return (await db
    .select()
    .from(replies)
    .where(and(eq(replies.proposalId, proposalId), eq(replies.round, p.round)))
    .get())!.id;
}

const satisfied = () => ({ contactReport: "contacted", attitude: "satisfied", result: "satisfied", opinion: null }) as const;

const answers = (replyId: number, over: Partial<ReceiptAnswers> = {}): ReceiptAnswers => ({
  replyId,
  contactReport: "contacted",
  attitude: "satisfied",
  result: "satisfied",
  opinion: null,
  ...over,
});

/** Everything a refused receipt must leave alone. */
async function snapshot(db: Db, proposalId: number) {
  return {
    proposal: await db.select().from(proposals).where(eq(proposals.id, proposalId)).get(),
    assignments: await db.select().from(assignments).where(eq(assignments.proposalId, proposalId)).all(),
    receipts: (await db.select({ n: count() }).from(receipts).get())!.n,
    events: (await db.select({ n: count() }).from(events).get())!.n,
    notifications: (await db.select({ n: count() }).from(notifications).get())!.n,
  };
}

const statusOf = async (db: Db, id: number) => (await db.select().from(proposals).where(eq(proposals.id, id)).get())!;

describe("feedback receipts on a real database", () => {
  it("refuses a receipt from a handler or a director, online or as paper, and changes nothing", async () => {
    const t = await replied();
    const before = await snapshot(t.db, t.id);
    expect(await submitReceipt(t.db, await t.user("jiangmj"), t.id, answers(t.replyId))).toEqual({
      ok: false,
      reason: "只有提案人或联名人可以提交回执",
    });
    expect(await submitReceipt(t.db, await t.user("dengmj"), t.id, answers(t.replyId))).toEqual({
      ok: false,
      reason: "只有提案人或联名人可以提交回执",
    });
    expect(await recordPaperReceipt(t.db, await t.user("dengmj"), t.id, t.liu.id, answers(t.replyId))).toEqual({
      ok: false,
      reason: "只有交办单位可以代录纸质回执",
    });
    expect(await recordPaperReceipt(t.db, t.liu, t.id, t.liu.id, answers(t.replyId))).toEqual({
      ok: false,
      reason: "只有交办单位可以代录纸质回执",
    });
    expect(await snapshot(t.db, t.id)).toEqual(before);
  });

  it("refuses a crafted post on another member's proposal, and a seconder, and changes nothing", async () => {
    const t = await replied();
    // The form carries no member id: whoever is signed in answers for themself only.
    const crafted = receiptInput.parse({
      proposalId: String(t.id),
      replyId: String(t.replyId),
      memberId: String(t.liu.id),
      contactReport: "none",
      attitude: "satisfied",
      result: "satisfied",
    });
    expect(crafted).not.toHaveProperty("memberId");
    const before = await snapshot(t.db, t.id);
    const { proposalId, ...crafts } = crafted;
    expect(await submitReceipt(t.db, t.outsider, proposalId, crafts)).toEqual({ ok: false, reason: "只有提案人或联名人可以提交回执" });
    expect(await submitReceipt(t.db, t.seconder, proposalId, crafts)).toEqual({ ok: false, reason: "只有提案人或联名人可以提交回执" });
    expect(await snapshot(t.db, t.id)).toEqual(before);
  });

  it("requires an opinion with 不满意, in the form and in the workflow", async () => {
    const t = await replied();
    const parsed = receiptInput.safeParse({
      proposalId: t.id,
      replyId: t.replyId,
      contactReport: "none",
      attitude: "basically",
      result: "unsatisfied",
      opinion: "  ",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["opinion"], message: "选择“不满意”时，请填写具体意见" });
    expect(
      receiptInput.safeParse({
        proposalId: t.id,
        replyId: t.replyId,
        contactReport: "none",
        attitude: "satisfied",
        result: "satisfied",
        opinion: "很".repeat(2001),
      }).success,
    ).toBe(false);
    expect(await submitReceipt(t.db, t.liu, t.id, answers(t.replyId, { result: "unsatisfied" }))).toEqual({
      ok: false,
      reason: "请填写不满意的具体意见",
    });
  });

  it("lets a co-signer answer their own receipt once; a second submission (double click) is refused", async () => {
    const t = await replied();
    expect(await submitReceipt(t.db, t.cosigner, t.id, answers(t.replyId, { attitude: "basically" }))).toMatchObject({
      ok: true,
      data: { status: "replied" },
    });
    const before = await snapshot(t.db, t.id);
    expect(await submitReceipt(t.db, t.cosigner, t.id, answers(t.replyId, { result: "unsatisfied", opinion: "改主意了" }))).toEqual({
      ok: false,
      reason: "这份答复的回执已提交，不能重复提交",
    });
    expect(await snapshot(t.db, t.id)).toEqual(before);
    expect(await memberReceiptsOf(t.db, t.id, t.cosigner.id)).toMatchObject([
      { round: 1, attitude: "basically", result: "satisfied", onPaper: false, recordedBy: t.cosigner.displayName },
    ]);
    expect(await memberReceiptsOf(t.db, t.id, t.liu.id)).toEqual([]);
    // The lead unit's handlers (科技创新局 has three) and the coordinating office hear of it at once.
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.proposalId, t.id), like(notifications.message, "%》：提案人已提交回执")))
      .all();
    expect(told.map((n) => n.userId).sort()).toEqual(
      (await Promise.all(["jiangmj", "hej", "wangl", "coordinator"].map(async (login) => (await t.user(login)).id))).sort(),
    );
  });

  it("不满意 reopens the proposal for a second round with its own deadline; the second reply, once satisfied, closes it", async () => {
    const t = await replied();
    const today = isoDateInChina(new Date());
    ok(await submitReceipt(t.db, t.cosigner, t.id, answers(t.replyId)));
    expect(
      await submitReceipt(t.db, t.liu, t.id, answers(t.replyId, { result: "unsatisfied", opinion: "人才公寓的通勤问题没有具体措施。" })),
    ).toMatchObject({
      ok: true,
      data: { status: "rehandling" },
    });
    expect(await statusOf(t.db, t.id)).toMatchObject({ status: "rehandling", round: 2 });
    const lead = (await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, t.id), eq(assignments.role, "lead")))
      .get())!;
    expect(lead).toMatchObject({
      status: "accepted",
      due: dueDate(PACKAGE_CALENDAR, today, DEFAULT_DEADLINES.secondRound),
      extendedDue: null,
    });
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.proposalId, t.id), like(notifications.message, "%》：提案人不满意，请重新办理")))
        .all(),
    ).toHaveLength(3);

    // Nobody answers the first reply any more: not the co-signer again, not the lead proposer a second time.
    const frozen = await snapshot(t.db, t.id);
    expect(await submitReceipt(t.db, t.liu, t.id, answers(t.replyId))).toEqual({ ok: false, reason: "这份答复的回执已提交，不能重复提交" });
    expect(await snapshot(t.db, t.id)).toEqual(frozen);

    const second = await t.answerRound();
    expect(second).not.toBe(t.replyId);
    expect(await t.db.select().from(replies).where(eq(replies.id, second)).get()).toMatchObject({ round: 2 });
    // A receipt naming the first round's reply was given already; one naming any other reply is not one for this round.
    const before = await snapshot(t.db, t.id);
    expect(await submitReceipt(t.db, t.cosigner, t.id, answers(t.replyId))).toEqual({
      ok: false,
      reason: "这份答复的回执已提交，不能重复提交",
    });
    expect(await submitReceipt(t.db, t.cosigner, t.id, answers(second + 1000))).toEqual({ ok: false, reason: "答复函不存在" });
    expect(await snapshot(t.db, t.id)).toEqual(before);

    expect(await submitReceipt(t.db, t.liu, t.id, answers(second))).toMatchObject({ ok: true, data: { status: "replied" } });
    expect(await submitReceipt(t.db, t.cosigner, t.id, answers(second, { contactReport: "visited" }))).toMatchObject({
      ok: true,
      data: { status: "closed" },
    });
    expect(await statusOf(t.db, t.id)).toMatchObject({ status: "closed", round: 2 });
    expect((await receiptsOf(t.db, t.id)).map((r) => [r.round, r.memberName, r.result])).toEqual([
      [1, t.cosigner.displayName, "satisfied"],
      [1, "刘新荣", "unsatisfied"],
      [2, "刘新荣", "satisfied"],
      [2, t.cosigner.displayName, "satisfied"],
    ]);
  });

  it("one proposer's 不满意 leaves the co-signer's first-round QR link open: it submits while the second round is handled", async () => {
    vi.stubEnv("AUTH_SECRET", "integration-test-secret-0123456789");
    const t = await replied();
    const liuLink = await issueReceiptToken(t.db, t.replyId, t.liu.id);
    const cosignerLink = await issueReceiptToken(t.db, t.replyId, t.cosigner.id);
    expect(
      await consumeReceiptToken(t.db, liuLink, {
        contactReport: "none",
        attitude: "basically",
        result: "unsatisfied",
        opinion: "通勤问题没有具体措施。",
      }),
    ).toMatchObject({
      ok: true,
      data: { status: "rehandling", moved: true },
    });
    // The co-signer's own link still opens the form for the first round's letter, and submits.
    expect(await checkReceiptLink(t.db, cosignerLink)).toMatchObject({ ok: true, context: { member: { id: t.cosigner.id } } });
    expect(
      await consumeReceiptToken(t.db, cosignerLink, {
        contactReport: "contacted",
        attitude: "satisfied",
        result: "basically",
        opinion: null,
      }),
    ).toMatchObject({
      ok: true,
      data: { status: "rehandling", moved: false },
    });
    expect(await statusOf(t.db, t.id)).toMatchObject({ status: "rehandling", round: 2 });
    expect(await checkReceiptLink(t.db, cosignerLink)).toEqual({ ok: false, refusal: "used" });
    expect(
      (
        await t.db
          .select()
          .from(events)
          .where(and(eq(events.proposalId, t.id), eq(events.action, "receipt")))
          .all()
      ).map((e) => e.data),
    ).toMatchObject([
      { memberId: t.liu.id, round: 1 },
      { memberId: t.cosigner.id, round: 1 },
    ]);

    // Second round: both answer satisfied and it closes; the co-signer's round-2 link is the round-2 one.
    const second = await t.answerRound();
    ok(await submitReceipt(t.db, t.liu, t.id, answers(second)));
    expect(await consumeReceiptToken(t.db, await issueReceiptToken(t.db, second, t.cosigner.id), satisfied())).toMatchObject({
      ok: true,
      data: { status: "closed" },
    });
    expect((await statusOf(t.db, t.id)).status).toBe("closed");
    expect((await receiptsOf(t.db, t.id)).map((r) => [r.round, r.memberName])).toEqual([
      [1, "刘新荣"],
      [1, t.cosigner.displayName],
      [2, "刘新荣"],
      [2, t.cosigner.displayName],
    ]);
  });

  it("a receipt still owed on the first round is taken while the second is under way, and does not move it", async () => {
    const t = await replied();
    ok(await submitReceipt(t.db, t.liu, t.id, answers(t.replyId, { result: "unsatisfied", opinion: "没有具体措施。" })));
    const before = await statusOf(t.db, t.id);
    const handling = await t.db.select().from(assignments).where(eq(assignments.proposalId, t.id)).all();
    // The co-signer's first-round receipt is still chased (超期未回执) while the second round is handled.
    const owed = async () =>
      (await overdueReceipts(t.db, "2099-01-01", { pageSize: 10_000 })).rows
        .filter((r) => r.proposalId === t.id)
        .map((r) => [r.member, r.round]);
    expect(await owed()).toEqual([[t.cosigner.displayName, 1]]);
    ok(await remindReceipt(t.db, await t.user("coordinator"), t.id, t.cosigner.id, t.replyId));
    // Another 不满意 on the first round reopens nothing more: the proposal is already handled again.
    expect(
      await recordPaperReceipt(
        t.db,
        await t.user("coordinator"),
        t.id,
        t.cosigner.id,
        answers(t.replyId, { attitude: "unsatisfied", opinion: "同样不满意。" }),
      ),
    ).toMatchObject({
      ok: true,
      data: { status: "rehandling", moved: false },
    });
    expect(await statusOf(t.db, t.id)).toMatchObject({ status: before.status, round: 2 });
    expect(await t.db.select().from(assignments).where(eq(assignments.proposalId, t.id)).all()).toEqual(handling);
    expect(await owed()).toEqual([]);
  });

  it("the coordinator records a paper receipt on a proposer's behalf, and may close after the second round with a reason", async () => {
    const t = await replied();
    const coordinator = await t.user("coordinator");
    expect(await recordPaperReceipt(t.db, coordinator, t.id, t.seconder.id, answers(t.replyId))).toEqual({
      ok: false,
      reason: "只有提案人或联名人可以提交回执",
    });
    ok(
      await recordPaperReceipt(
        t.db,
        coordinator,
        t.id,
        t.liu.id,
        answers(t.replyId, { attitude: "unsatisfied", opinion: "纸质回执：答复过于笼统。" }),
      ),
    );
    expect(await memberReceiptsOf(t.db, t.id, t.liu.id)).toMatchObject([
      { onPaper: true, recordedBy: "督查室", opinion: "纸质回执：答复过于笼统。" },
    ]);
    expect((await statusOf(t.db, t.id)).status).toBe("rehandling");
    await t.answerRound();
    expect(await closeProposal(t.db, coordinator, t.id, "  ")).toEqual({ ok: false, reason: "请填写办结理由" });
    await ok(await closeProposal(t.db, coordinator, t.id, "第二轮答复后提案人未再反馈，经协商办结"));
    expect(await statusOf(t.db, t.id)).toMatchObject({ status: "closed", closedReason: "第二轮答复后提案人未再反馈，经协商办结" });
  });

  it("lists receipts past their deadline; 催告 is the coordinator's, logged and sent to the member", async () => {
    const t = await replied();
    const coordinator = await t.user("coordinator");
    const late = (await overdueReceipts(t.db, "2099-01-01", { pageSize: 10_000 })).rows.filter((r) => r.proposalId === t.id);
    expect(late.map((r) => [r.member, r.signerRole, r.lastReminded])).toEqual([
      ["刘新荣", "lead", null],
      [t.cosigner.displayName, "cosigner", null],
    ]);
    expect(await overdueReceipts(t.db, "2000-01-01")).toEqual({ rows: [], total: 0, page: 1 });

    expect(await remindReceipt(t.db, await t.user("jiangmj"), t.id, t.liu.id, t.replyId)).toEqual({
      ok: false,
      reason: "只有交办单位可以催告回执",
    });
    expect(await remindReceipt(t.db, coordinator, t.id, t.seconder.id, t.replyId)).toEqual({
      ok: false,
      reason: "该提案人没有待提交的回执",
    });
    const { receiptDue } = ok(await remindReceipt(t.db, coordinator, t.id, t.liu.id, t.replyId, DEMO_TODAY));
    const { number, title } = (await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get())!;
    expect(
      (
        await t.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, t.liu.id), eq(notifications.proposalId, t.id)))
          .all()
      ).map((n) => n.message),
    ).toContain(`第${number}号提案《${title}》：请阅读答复函并提交回执（回执期限 ${receiptDue}）`);
    expect(
      await t.db
        .select()
        .from(events)
        .where(and(eq(events.proposalId, t.id), eq(events.action, "remind_receipt")))
        .all(),
    ).toMatchObject([{ actorId: coordinator.id, data: { memberId: t.liu.id, round: 1 } }]);
    expect(
      (await overdueReceipts(t.db, "2099-01-01", { pageSize: 10_000 })).rows.find((r) => r.proposalId === t.id && r.memberId === t.liu.id)
        ?.lastReminded,
    ).toEqual(expect.any(Number));

    ok(await submitReceipt(t.db, t.cosigner, t.id, answers(t.replyId)));
    expect(await remindReceipt(t.db, coordinator, t.id, t.cosigner.id, t.replyId)).toEqual({
      ok: false,
      reason: "该提案人没有待提交的回执",
    });
    expect(
      (await overdueReceipts(t.db, "2099-01-01", { pageSize: 10_000 })).rows.filter((r) => r.proposalId === t.id).map((r) => r.member),
    ).toEqual(["刘新荣"]);
  });

  it("finds the demo's receipt that never came back", async () => {
    const t = await replied();
    expect((await overdueReceipts(t.db, DEMO_TODAY)).total).toBeGreaterThan(0);
  });
});
