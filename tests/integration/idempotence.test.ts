/**
 * Commands sent twice — a double click, two tabs, two colleagues at once — take effect once: the second
 * is answered with what happened ("此答复函已签发"), and nothing is written twice (no second event, no
 * second 发文字号 or 索引号, no second receipt). "At once" runs each command in its own worker thread on
 * its own connection, all released at the same moment, as the server's requests would be.
 */
import { Worker } from "node:worker_threads";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { decideReplyPublication } from "@/db/handling/publication";
import { RECEIPT_ALREADY_SUBMITTED, submitReceipt } from "@/db/handling/receipt";
import { consumeReceiptToken, issueReceiptToken } from "@/db/handling/receipt-tokens";
import { STALE_VERSION } from "@/db/handling/run";
import { approveReply } from "@/db/handling/sign-off";
import { supervise } from "@/db/handling/supervision";
import { events, proposals, publications, receipts, replies, replyDrafts, signOffs, users } from "@/db/schema";
import type { WorkerCommand } from "./command-worker";
import { demoDatabase, handleProposal, ok, SAMPLE_DRAFT } from "./demo-db";

const SECRET = "integration-test-secret-0123456789";
let cleanup = () => {};
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

/** Runs the commands at the same moment, each in its own worker with its own connection. */
async function together(location: string, commands: WorkerCommand[]): Promise<unknown[]> {
  const go = new SharedArrayBuffer(4);
  const workers = commands.map((command) => {
    const entry = new URL("./command-worker.ts", import.meta.url).href;
    return new Worker(new URL("./ts-worker.mjs", import.meta.url), {
      workerData: { entry, location, command, go, env: { AUTH_SECRET: SECRET } },
    });
  });
  const outcome = (w: Worker, key: "ready" | "result") =>
    new Promise<unknown>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (key in m) {
          w.off("message", onMessage);
          resolve(m[key]);
        }
      };
      w.on("message", onMessage);
      w.once("error", reject);
    });
  const ready = workers.map(async (w) => outcome(w, "ready"));
  const results = workers.map(async (w) => outcome(w, "result"));
  await Promise.all(ready);
  Atomics.store(new Int32Array(go), 0, 1);
  Atomics.notify(new Int32Array(go), 0);
  return Promise.all(results);
}

/** A proposal of 刘新荣 handled by 科技创新局 up to 提交审签 (or just before it). */
async function setup(stage: "drafted" | "in_review" | "replied" = "in_review") {
  vi.stubEnv("AUTH_SECRET", SECRET);
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const { db } = t;
  const lead = await t.unit("重庆高新区科技创新局");
  const id = ok(await t.register(960, { title: "幂等测试提案" })).id;
  await handleProposal(db, t, id, lead, { until: stage });
  const version = async () => (await db.select({ v: proposals.version }).from(proposals).where(eq(proposals.id, id)).get())!.v;
  const actions = async (action: string) =>
    db
      .select()
      .from(events)
      .where(and(eq(events.proposalId, id), eq(events.action, action)))
      .all();
  const replyOf = async () => db.select().from(replies).where(eq(replies.proposalId, id)).all();
  return { ...t, id, lead, version, actions, replyOf };
}

const reasonOf = (r: unknown) => (r as { ok: boolean; reason?: string; refusal?: string }).reason ?? (r as { refusal?: string }).refusal;
const successes = (results: unknown[]) => results.filter((r) => (r as { ok: boolean }).ok);

describe("同意签发 twice", { timeout: 60_000 }, () => {
  it("one after the other (a double click): one 发文字号, one event; the second hears it is signed already", async () => {
    const t = await setup();
    const seen = await t.version();
    const director = await t.user("dengmj");
    const first = await approveReply(t.db, director, t.id, null, seen);
    expect(first.ok).toBe(true);
    expect(await approveReply(t.db, director, t.id, null, seen)).toEqual({ ok: false, reason: "此答复函已签发" });
    expect(await t.replyOf()).toHaveLength(1);
    expect(await t.actions("approve")).toHaveLength(1);
    expect(await t.db.select().from(signOffs).where(eq(signOffs.proposalId, t.id)).all()).toHaveLength(1);
  });

  it("at the same moment, three times: exactly one succeeds, one 发文字号 is used and the next approval gets the next one", async () => {
    const t = await setup();
    const seen = await t.version();
    const director = await t.user("dengmj");
    const results = await together(
      t.location,
      [1, 2, 3].map(() => ({ type: "approve" as const, signer: director, proposalId: t.id, version: seen })),
    );
    expect(successes(results)).toHaveLength(1);
    expect(results.filter((r) => reasonOf(r) === "此答复函已签发")).toHaveLength(2);
    const [reply] = await t.replyOf();
    expect(await t.replyOf()).toHaveLength(1);
    expect((successes(results)[0] as { data: { docNumber: string } }).data.docNumber).toBe(reply!.docNumber);
    expect(await t.actions("approve")).toHaveLength(1);
    // No number was burnt: the next approval of the unit takes the very next serial.
    const other = ok(await t.register(961, { title: "另一件提案" })).id;
    await handleProposal(t.db, t, other, t.lead);
    const next = (await t.db.select().from(replies).where(eq(replies.proposalId, other)).get())!;
    expect(next.docSerial).toBe(reply!.docSerial + 1);
  });

  it("after someone else changed the proposal the director is told to refresh, and nothing is signed", async () => {
    const t = await setup();
    const seen = await t.version();
    ok(await supervise(t.db, await t.user("coordinator"), t.id, { unitId: t.lead, comment: "请加快审签" }));
    expect(await approveReply(t.db, await t.user("dengmj"), t.id, null, seen)).toEqual({
      ok: false,
      reason: STALE_VERSION,
      conflict: true,
    });
    expect(await t.replyOf()).toHaveLength(0);
  });
});

describe("提交审签 twice", { timeout: 60_000 }, () => {
  it("one after the other (a double click): one submit event; the second hears it is submitted already", async () => {
    const t = await setup("drafted");
    const seen = await t.version();
    const handler = await t.user("jiangmj");
    expect((await submitForSignOff(t.db, handler, t.id, seen)).ok).toBe(true);
    expect(await submitForSignOff(t.db, handler, t.id, seen)).toEqual({ ok: false, reason: "答复函已提交审签" });
    expect(await t.actions("submit")).toHaveLength(1);
  });

  it("at the same moment", async () => {
    const t = await setup("drafted");
    const seen = await t.version();
    const results = await together(
      t.location,
      await Promise.all(
        [1, 2].map(async () => ({ type: "submit" as const, actor: await t.user("jiangmj"), proposalId: t.id, version: seen })),
      ),
    );
    expect(successes(results)).toHaveLength(1);
    expect(results.map(reasonOf).filter(Boolean)).toEqual(["答复函已提交审签"]);
    expect(await t.actions("submit")).toHaveLength(1);
  });
});

describe("the reply draft edited by two", { timeout: 60_000 }, () => {
  async function twoHandlers() {
    const t = await setup("drafted");
    const colleague = await t.db
      .insert(users)
      .values({ username: "kjj-cb2", displayName: "王晓琳", role: "handler", unitId: t.lead })
      .returning()
      .get();
    const first = (await t.db.select().from(replyDrafts).where(eq(replyDrafts.proposalId, t.id)).get())!;
    return { ...t, colleague: { id: colleague.id, role: "handler" as const, unitId: t.lead }, basedOn: first.id };
  }
  const drafts = async (db: Db, id: number) => db.select().from(replyDrafts).where(eq(replyDrafts.proposalId, id)).all();

  it("the second save, started from the same version, is refused with who saved what; nothing is overwritten", async () => {
    const t = await twoHandlers();
    expect(await saveDraft(t.db, await t.user("jiangmj"), t.id, { ...SAMPLE_DRAFT, body: "蒋明杰的修改" }, { basedOn: t.basedOn })).toEqual(
      { ok: true, data: { version: 2 } },
    );
    const refused = await saveDraft(t.db, t.colleague, t.id, { ...SAMPLE_DRAFT, body: "王晓琳的修改" }, { basedOn: t.basedOn });
    expect(refused).toMatchObject({ ok: false, conflict: true });
    expect(reasonOf(refused)).toMatch(
      /^蒋明杰已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 保存了第 2 稿，本次修改未保存，以免覆盖。请先复制您的修改，刷新页面查看第 2 稿后再保存。$/,
    );
    expect((await drafts(t.db, t.id)).map((d) => [d.version, d.body])).toEqual([
      [1, SAMPLE_DRAFT.body],
      [2, "蒋明杰的修改"],
    ]);
    expect(await t.actions("save_draft")).toHaveLength(2);
    // Having seen version 2, the colleague saves version 3.
    const second = (await drafts(t.db, t.id)).find((d) => d.version === 2)!;
    expect(await saveDraft(t.db, t.colleague, t.id, { ...SAMPLE_DRAFT, body: "王晓琳的修改" }, { basedOn: second.id })).toEqual({
      ok: true,
      data: { version: 3 },
    });
  });

  it("two saves at the same moment from two people: one is saved, the other refused", async () => {
    const t = await twoHandlers();
    const results = await together(t.location, [
      { type: "saveDraft", actor: await t.user("jiangmj"), proposalId: t.id, input: { ...SAMPLE_DRAFT, body: "甲" }, basedOn: t.basedOn },
      { type: "saveDraft", actor: t.colleague, proposalId: t.id, input: { ...SAMPLE_DRAFT, body: "乙" }, basedOn: t.basedOn },
    ]);
    expect(successes(results)).toEqual([{ ok: true, data: { version: 2 } }]);
    expect(results.find((r) => !(r as { ok: boolean }).ok)).toMatchObject({ ok: false, conflict: true });
    expect(await drafts(t.db, t.id)).toHaveLength(2);
  });

  it("the same draft sent twice by its author (a double click) is saved once and both answers name that version", async () => {
    const t = await twoHandlers();
    const edited = { ...SAMPLE_DRAFT, body: "修改后的答复" };
    expect(await saveDraft(t.db, await t.user("jiangmj"), t.id, edited, { basedOn: t.basedOn })).toEqual({
      ok: true,
      data: { version: 2 },
    });
    expect(await saveDraft(t.db, await t.user("jiangmj"), t.id, edited, { basedOn: t.basedOn })).toEqual({
      ok: true,
      data: { version: 2 },
    });
    const results = await together(
      t.location,
      await Promise.all(
        [1, 2].map(async () => ({
          type: "saveDraft" as const,
          actor: await t.user("jiangmj"),
          proposalId: t.id,
          input: { ...edited, body: "再改一次" },
          basedOn: (await drafts(t.db, t.id)).at(-1)!.id,
        })),
      ),
    );
    expect(results).toEqual([
      { ok: true, data: { version: 3 } },
      { ok: true, data: { version: 3 } },
    ]);
    expect(await drafts(t.db, t.id)).toHaveLength(3);
    expect(await t.actions("save_draft")).toHaveLength(3);
  });

  it("once submitted, a save is refused by the workflow, not as a conflict", async () => {
    const t = await twoHandlers();
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), t.id));
    expect(await saveDraft(t.db, t.colleague, t.id, SAMPLE_DRAFT, { basedOn: t.basedOn })).toEqual({
      ok: false,
      reason: "答复函正在审签，不能修改",
    });
  });
});

describe("回执 twice", { timeout: 60_000 }, () => {
  const satisfied = { contactReport: "contacted", attitude: "satisfied", result: "satisfied", opinion: null } as const;

  it("from the member page, one after the other: one receipt, one event", async () => {
    const t = await setup("replied");
    const replyId = (await t.replyOf())[0]!.id;
    const liu = await t.user("liuxr");
    expect((await submitReceipt(t.db, liu, t.id, { replyId, ...satisfied })).ok).toBe(true);
    expect(await submitReceipt(t.db, liu, t.id, { replyId, ...satisfied })).toEqual({ ok: false, reason: RECEIPT_ALREADY_SUBMITTED });
    expect(await t.db.select().from(receipts).where(eq(receipts.replyId, replyId)).all()).toHaveLength(1);
    expect(await t.actions("receipt")).toHaveLength(1);
    expect(await t.actions("close")).toHaveLength(1);
  });

  it("from the member page at the same moment", async () => {
    const t = await setup("replied");
    const replyId = (await t.replyOf())[0]!.id;
    const results = await together(
      t.location,
      await Promise.all(
        [1, 2, 3].map(async () => ({
          type: "receipt" as const,
          actor: await t.user("liuxr"),
          proposalId: t.id,
          answers: { replyId, ...satisfied },
        })),
      ),
    );
    expect(successes(results)).toHaveLength(1);
    expect(results.map(reasonOf).filter(Boolean)).toEqual([RECEIPT_ALREADY_SUBMITTED, RECEIPT_ALREADY_SUBMITTED]);
    expect(await t.db.select().from(receipts).where(eq(receipts.replyId, replyId)).all()).toHaveLength(1);
    expect(await t.actions("receipt")).toHaveLength(1);
  });

  it("through the letter's link at the same moment, and then again, and then from the member page", async () => {
    const t = await setup("replied");
    const replyId = (await t.replyOf())[0]!.id;
    const liu = await t.user("liuxr");
    const token = await issueReceiptToken(t.db, replyId, liu.id);
    const results = await together(
      t.location,
      [1, 2, 3].map(() => ({ type: "receiptLink" as const, token, answers: satisfied })),
    );
    expect(successes(results)).toHaveLength(1);
    expect(results.map(reasonOf).filter(Boolean)).toEqual(["used", "used"]);
    expect(await consumeReceiptToken(t.db, token, satisfied)).toEqual({ ok: false, refusal: "used" });
    expect(await submitReceipt(t.db, liu, t.id, { replyId, ...satisfied })).toEqual({ ok: false, reason: RECEIPT_ALREADY_SUBMITTED });
    expect(await t.db.select().from(receipts).where(eq(receipts.replyId, replyId)).all()).toHaveLength(1);
    expect(await t.actions("receipt")).toHaveLength(1);
  });
});

describe("发布 twice", { timeout: 60_000 }, () => {
  it("one after the other and at the same moment: one publication, one 索引号, one event", async () => {
    const t = await setup("replied");
    const coordinator = await t.user("coordinator");
    const first = await decideReplyPublication(t.db, coordinator, t.id, { type: "publish" });
    expect(first.ok).toBe(true);
    expect(await decideReplyPublication(t.db, coordinator, t.id, { type: "publish" })).toEqual({ ok: false, reason: "此答复函已发布" });
    const results = await together(
      t.location,
      [1, 2].map(() => ({ type: "publish" as const, actor: coordinator, proposalId: t.id })),
    );
    expect(results.map(reasonOf)).toEqual(["此答复函已发布", "此答复函已发布"]);
    const replyId = (await t.replyOf())[0]!.id;
    expect(await t.db.select().from(publications).where(eq(publications.replyId, replyId)).all()).toHaveLength(1);
    expect(await t.actions("publish")).toHaveLength(1);
  });

  it("at the same moment from the start", async () => {
    const t = await setup("replied");
    const results = await together(
      t.location,
      await Promise.all([1, 2, 3].map(async () => ({ type: "publish" as const, actor: await t.user("coordinator"), proposalId: t.id }))),
    );
    expect(successes(results)).toHaveLength(1);
    expect(results.map(reasonOf).filter(Boolean)).toEqual(["此答复函已发布", "此答复函已发布"]);
    expect(await t.actions("publish")).toHaveLength(1);
    const published = (await t.db.select().from(publications).all()).filter((p) => p.status === "published");
    expect(new Set(published.map((p) => `${p.publisherUnitId}-${p.indexYear}-${p.indexSerial}`)).size).toBe(published.length);
  });
});
