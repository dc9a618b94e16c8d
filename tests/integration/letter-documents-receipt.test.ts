/**
 * The receipt link printed on a letter, against a real database: issued once per reply and member
 * (only its hash kept), opening the form until it is used or expired, whatever round the proposal is
 * in now; using it submits that member's receipt through the workflow.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkReceiptLink, consumeReceiptToken, issueReceiptToken } from "@/db/handling/receipt-tokens";
import { proposalSigners, proposals, receiptTokens, receipts, replies } from "@/db/schema";
import { receiptTokenHash } from "@/lib/receipt-token";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
/** 关于提升科技企业孵化器运营水平的建议: replied, a lead proposer and a co-signer, no receipts yet. */
let joint: { proposalId: number; replyId: number; lead: number; cosigner: number };

const satisfied = { contactReport: "visited", attitude: "satisfied", result: "satisfied", opinion: null } as const;
/** The demo data are dated around DEMO_TODAY. */
const NOW = new Date(`${DEMO_TODAY}T12:00:00+08:00`);

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "integration-test-secret-0123456789");
  t = await demoDatabase();
  const proposalId = (await t.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.title, "关于提升科技企业孵化器运营水平的建议"))
    .get())!.id;
  const replyId = (await t.db.select({ id: replies.id }).from(replies).where(eq(replies.proposalId, proposalId)).get())!.id;
  const signers = await t.db.select().from(proposalSigners).where(eq(proposalSigners.proposalId, proposalId)).all();
  joint = {
    proposalId,
    replyId,
    lead: signers.find((s) => s.role === "lead")!.userId,
    cosigner: signers.find((s) => s.role === "cosigner")!.userId,
  };
});

afterAll(() => {
  t.cleanup();
  vi.unstubAllEnvs();
});

const receiptCount = async () => (await t.db.select().from(receipts).where(eq(receipts.replyId, joint.replyId)).all()).length;

describe("receipt links", () => {
  it("are issued once per reply and member, the same token each time, stored only as its hash", async () => {
    const first = await issueReceiptToken(t.db, joint.replyId, joint.lead, NOW);
    expect(await issueReceiptToken(t.db, joint.replyId, joint.lead, NOW)).toBe(first);
    const rows = await t.db
      .select()
      .from(receiptTokens)
      .where(and(eq(receiptTokens.replyId, joint.replyId), eq(receiptTokens.memberId, joint.lead)))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(receiptTokenHash(first));
    expect(JSON.stringify(rows)).not.toContain(first);
    expect(await issueReceiptToken(t.db, joint.replyId, joint.cosigner, NOW)).not.toBe(first);
    await expect((async () => issueReceiptToken(t.db, joint.replyId, (await t.user("jiangmj")).id, NOW))()).rejects.toThrow();
  });

  it("open the form with the proposal, the 发文字号 and the member", async () => {
    const check = await checkReceiptLink(t.db, await issueReceiptToken(t.db, joint.replyId, joint.lead, NOW), NOW);
    expect(check).toMatchObject({
      ok: true,
      context: { proposalId: joint.proposalId, proposalTitle: "关于提升科技企业孵化器运营水平的建议", member: { id: joint.lead } },
    });
    if (check.ok) expect(check.context.docNumber).toMatch(/〔\d{4}〕\d+号$/);
  });

  it("are refused when altered, or never issued, and change nothing", async () => {
    const token = await issueReceiptToken(t.db, joint.replyId, joint.lead, NOW);
    const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await consumeReceiptToken(t.db, altered, satisfied, NOW)).toEqual({ ok: false, refusal: "invalid" });
    await t.db
      .delete(receiptTokens)
      .where(eq(receiptTokens.tokenHash, receiptTokenHash(token)))
      .run();
    expect(await checkReceiptLink(t.db, token, NOW)).toEqual({ ok: false, refusal: "invalid" });
    expect(await receiptCount()).toBe(0);
  });

  it("are refused once expired, and change nothing", async () => {
    const token = await issueReceiptToken(t.db, joint.replyId, joint.lead, NOW);
    const check = await checkReceiptLink(t.db, token, NOW);
    if (!check.ok) throw new Error(check.refusal);
    const later = new Date(check.context.claims.expiresAt.getTime() + 1000);
    expect(await consumeReceiptToken(t.db, token, satisfied, later)).toEqual({ ok: false, refusal: "expired" });
    expect(await receiptCount()).toBe(0);
  });

  it("submit the member's receipt once; a second use is refused", async () => {
    const token = await issueReceiptToken(t.db, joint.replyId, joint.lead, NOW);
    const used = await consumeReceiptToken(t.db, token, satisfied, NOW);
    expect(used).toMatchObject({ ok: true, data: { status: "replied" } });
    const row = (await t.db.select().from(receipts).where(eq(receipts.replyId, joint.replyId)).get())!;
    expect(row).toMatchObject({ memberId: joint.lead, recordedBy: joint.lead, onPaper: false, attitude: "satisfied" });
    expect(await consumeReceiptToken(t.db, token, satisfied, NOW)).toEqual({ ok: false, refusal: "used" });
    expect(await checkReceiptLink(t.db, token, NOW)).toEqual({ ok: false, refusal: "used" });
    expect(await receiptCount()).toBe(1);
  });

  it("stay open for their own reply whatever the others answered: after a 不满意 reopened the proposal, and after it closed", async () => {
    // The lead proposer answered above; the co-signer's 不满意 reopens the proposal for a second round.
    const cosignerToken = await issueReceiptToken(t.db, joint.replyId, joint.cosigner, NOW);
    const unsatisfied = await consumeReceiptToken(
      t.db,
      cosignerToken,
      { contactReport: "none", attitude: "unsatisfied", result: "unsatisfied", opinion: "未解决孵化器场地问题。" },
      NOW,
    );
    expect(unsatisfied).toMatchObject({ ok: true, data: { status: "rehandling" } });
    const other = (await t.db
      .select({ id: proposals.id })
      .from(proposals)
      .where(eq(proposals.title, "关于深化“一网通办”提升政务服务效能的建议"))
      .get())!.id;
    const otherReply = (await t.db.select({ id: replies.id }).from(replies).where(eq(replies.proposalId, other)).get())!.id;
    const otherLead = (await t.db
      .select()
      .from(proposalSigners)
      .where(and(eq(proposalSigners.proposalId, other), eq(proposalSigners.role, "lead")))
      .get())!.userId;
    await t.db.update(proposals).set({ status: "closed" }).where(eq(proposals.id, other)).run();
    const late = await issueReceiptToken(t.db, otherReply, otherLead, NOW);
    expect(await consumeReceiptToken(t.db, late, satisfied, NOW)).toMatchObject({ ok: true, data: { status: "closed" } });
    expect(await t.db.select().from(receipts).where(eq(receipts.replyId, otherReply)).all()).toHaveLength(1);
  });
});
