import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { signOffCoOpinion, writeCoOpinion } from "@/db/handling/co-opinion";
import { addContact, saveDraft, submitForSignOff, type DraftInput } from "@/db/handling/drafting";
import { linkProposals, unlinkProposals } from "@/db/handling/link";
import { linkedProposals, similarProposals } from "@/db/queries/similar";
import { approveReply, returnReply } from "@/db/handling/sign-off";
import { events, notifications, proposals, replies } from "@/db/schema";
import { isoDateInChina } from "@/lib/format";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const draft: DraftInput = {
  body: "一、工作开展情况\n\n(一)加强政策保障\n\n已出台专项政策。",
  resultClass: "A",
  contactPerson: "蒋明杰",
  contactPhone: "023—68511253",
  disclosure: "full",
  disclosureSummary: null,
  disclosureReason: null,
};

async function setup() {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const lead = await t.unit("重庆高新区科技创新局");
  const co = await Promise.all(["重庆高新区党群工作部", "重庆高新区创新服务中心", "重庆高新区政务服务和社会事务中心"].map(t.unit));
  const registered = await t.register(901, {
    title: "关于引进高校人才赋能科学城产业发展的建议",
    body: "建议加快高校人才与科学城产业的对接。",
    wantsMeeting: true,
  });
  if (!registered.ok) throw new Error(registered.reason);
  return { ...t, id: registered.data.id, lead, co };
}

const ok = (r: { ok: boolean; reason?: string }) => expect(r.ok, "reason" in r ? r.reason : "").toBe(true);

describe("the handling workflow on a real database", () => {
  it("takes a registered proposal to a signed reply with the next document number", async () => {
    const t = await setup();
    const { db, id, user } = t;
    ok(await assignProposal(db, await user("coordinator"), id, { leadUnitId: t.lead, coUnitIds: t.co }, 0));
    // The demo data is dated DEMO_TODAY; the actions in this test happen today.
    const today = isoDateInChina(new Date());
    expect(await db.select().from(proposals).where(eq(proposals.id, id)).get()).toMatchObject({ status: "assigned", assignedOn: today });

    for (const [handler, director, unitId] of [
      ["dqgzb", "dqgzb-fz", t.co[0]!],
      ["cxfwzx", "cxfwzx-fz", t.co[1]!],
      ["zwfwzx", "zwfwzx-fz", t.co[2]!],
    ] as const) {
      ok(await acceptAssignment(db, await user(handler), id, unitId));
      ok(await writeCoOpinion(db, await user(handler), id, { unitId, body: "我单位将积极配合。", submit: true }));
      ok(await signOffCoOpinion(db, await user(director), id, { unitId, approve: true, comment: null }));
    }
    ok(await acceptAssignment(db, await user("jiangmj"), id, t.lead));
    ok(
      await addContact(db, await user("jiangmj"), id, {
        contactedOn: DEMO_TODAY,
        method: "face",
        participants: "蒋明杰与刘新荣委员",
        summary: "当面听取意见",
      }),
    );
    const saved = await saveDraft(db, await user("jiangmj"), id, draft);
    expect(saved).toEqual({ ok: true, data: { version: 1 } });
    ok(await submitForSignOff(db, await user("jiangmj"), id));

    ok(await returnReply(db, await user("dengmj"), id, "请补充下一步计划"));
    expect(await submitForSignOff(db, await user("jiangmj"), id)).toEqual({
      ok: false,
      reason: "答复函已被退回，请按审签意见修改并保存后再提交",
    });
    expect(await saveDraft(db, await user("jiangmj"), id, { ...draft, body: `${draft.body}\n\n二、下一步工作计划\n\n继续推进。` })).toEqual(
      { ok: true, data: { version: 2 } },
    );
    ok(await submitForSignOff(db, await user("jiangmj"), id));

    const year = Number(today.slice(0, 4));
    const before = await db
      .select()
      .from(replies)
      .where(and(eq(replies.unitId, t.lead), eq(replies.docYear, year)))
      .all();
    const approved = await approveReply(db, await user("dengmj"), id, null);
    const serial = Math.max(0, ...before.map((r) => r.docSerial)) + 1;
    expect(approved).toEqual({ ok: true, data: { docNumber: `渝高新科函〔${year}〕${serial}号`, replyId: expect.any(Number) } });
    expect(await approveReply(db, await user("dengmj"), id, null)).toEqual({ ok: false, reason: "此答复函已签发" });

    const reply = (await db.select().from(replies).where(eq(replies.proposalId, id)).get())!;
    expect(reply).toMatchObject({ writtenOn: today, round: 1, docYear: year, docSerial: serial });
    const timeline = (
      await db.select({ action: events.action }).from(events).where(eq(events.proposalId, id)).orderBy(asc(events.id)).all()
    ).map((e) => e.action);
    expect(timeline[0]).toBe("register");
    expect(timeline.slice(-5)).toEqual(["submit", "return", "save_draft", "submit", "approve"]);
    expect(timeline.filter((a) => a === "co_opinion_sent")).toHaveLength(3);
    expect(timeline.at(-1)).toBe("approve");
    const liu = (await user("liuxr")).id;
    const { number, title } = (await db.select().from(proposals).where(eq(proposals.id, id)).get())!;
    expect(
      (
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, liu), eq(notifications.proposalId, id)))
          .all()
      ).map((n) => n.message),
    ).toContain(`第${number}号提案《${title}》：您的提案已答复，请阅读答复函并提交回执`);
  });

  it("refuses a handler of another unit and changes nothing", async () => {
    const t = await setup();
    ok(await assignProposal(t.db, await t.user("coordinator"), t.id, { leadUnitId: t.lead, coUnitIds: [] }));
    const before = await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get();
    const eventsBefore = (await t.db.select().from(events).all()).length;
    expect(await acceptAssignment(t.db, await t.user("dqgzb"), t.id, t.lead)).toEqual({ ok: false, reason: "只有本单位承办人可以签收" });
    expect(await saveDraft(t.db, await t.user("dqgzb"), t.id, draft)).toEqual({ ok: false, reason: "只有主办单位的承办人可以执行此操作" });
    expect(await t.db.select().from(proposals).where(eq(proposals.id, t.id)).get()).toEqual(before);
    expect(await t.db.select().from(events).all()).toHaveLength(eventsBefore);
  });

  it("refuses a save started from an older draft instead of overwriting the newer one", async () => {
    const t = await setup();
    ok(await assignProposal(t.db, await t.user("coordinator"), t.id, { leadUnitId: t.lead, coUnitIds: [] }));
    ok(await acceptAssignment(t.db, await t.user("jiangmj"), t.id, t.lead));
    ok(await saveDraft(t.db, await t.user("jiangmj"), t.id, draft, { basedOn: null }));
    const refused = await saveDraft(t.db, await t.user("jiangmj"), t.id, { ...draft, body: "另一个窗口里的修改" }, { basedOn: null });
    expect(refused).toMatchObject({
      ok: false,
      conflict: true,
      reason: expect.stringMatching(/^您已于 .+ 保存了第 1 稿，本次修改未保存，以免覆盖。/),
    });
  });

  it("refuses a duplicate number in the session", async () => {
    const t = await setup();
    const again = await t.register(901, { title: "重复", body: "重复" });
    expect(again).toEqual({ ok: false, reason: "本届次会议已有第901号提案" });
  });
});

describe("并案", () => {
  it("links two proposals once, by the coordinator only, and logs it on both", async () => {
    const t = await setup();
    const other = (await t.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.number, 180)).get())!.id;
    expect(await linkProposals(t.db, await t.user("jiangmj"), t.id, other)).toEqual({ ok: false, reason: "只有交办单位可以并案" });
    expect(await linkProposals(t.db, await t.user("coordinator"), t.id, t.id)).toEqual({ ok: false, reason: "不能与自身并案" });
    expect(await linkProposals(t.db, await t.user("coordinator"), t.id, 999_999)).toEqual({ ok: false, reason: "要并案的提案不存在" });
    expect(await linkProposals(t.db, await t.user("coordinator"), t.id, other)).toEqual({ ok: true, data: undefined });
    expect(await linkProposals(t.db, await t.user("coordinator"), other, t.id)).toEqual({ ok: false, reason: "已并案" });
    expect((await linkedProposals(t.db, other)).map((p) => p.id)).toEqual([t.id]);
    for (const id of [t.id, other]) {
      expect(
        await t.db
          .select()
          .from(events)
          .where(and(eq(events.proposalId, id), eq(events.action, "link")))
          .all(),
      ).toHaveLength(1);
    }
  });

  it("undoes a link with a reason, logged on both proposals, after which they may be linked again", async () => {
    const t = await setup();
    const other = (await t.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.number, 180)).get())!.id;
    expect(await unlinkProposals(t.db, await t.user("coordinator"), t.id, other, "误并")).toEqual({
      ok: false,
      reason: "这两件提案没有并案",
    });
    ok(await linkProposals(t.db, await t.user("coordinator"), t.id, other));
    expect(await unlinkProposals(t.db, await t.user("coordinator"), other, t.id, "")).toEqual({
      ok: false,
      reason: "请填写取消并案的理由",
    });
    expect(await unlinkProposals(t.db, await t.user("jiangmj"), other, t.id, "误并")).toEqual({
      ok: false,
      reason: "只有交办单位可以取消并案",
    });
    ok(await unlinkProposals(t.db, await t.user("coordinator"), other, t.id, "两件提案所提事项不同"));
    expect(await linkedProposals(t.db, t.id)).toEqual([]);
    for (const id of [t.id, other]) {
      const logged = await t.db
        .select()
        .from(events)
        .where(and(eq(events.proposalId, id), eq(events.action, "unlink")))
        .all();
      expect(logged.map((e) => [e.comment, (e.data as { relatedId: number }).relatedId])).toEqual([
        ["两件提案所提事项不同", id === t.id ? other : t.id],
      ]);
    }
    ok(await linkProposals(t.db, await t.user("coordinator"), other, t.id));
  });

  it("suggests the demo's proposal 180 for a new proposal on the same subject", async () => {
    const t = await setup();
    const similar = await similarProposals(t.db, t.id);
    expect(similar[0]?.number).toBe(180);
  });
});
