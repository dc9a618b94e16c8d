/**
 * The reply's files on a real SQLite file (db/handling/reply-files.ts): 答复附件 attached and removed while
 * drafting, the scan of the sealed letter only after sign-off and only by the lead unit, replaced with a
 * reason, the PDF check of the upload route, and who may read which file (the letter's rule).
 */

import fs from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, getDb } from "@/db/client";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { loadFacts } from "@/db/handling/facts";
import { decideReplyPublication } from "@/db/handling/publication";
import { attachReplyFiles, removeReplyFile, uploadSealedScan } from "@/db/handling/reply-files";
import { approveReply } from "@/db/handling/sign-off";
import { incomingPath } from "@/db/handling/uploads";
import { waiveCoOpinion } from "@/db/handling/waivers";
import { leadUnitOf, loadProposalParties } from "@/db/queries/proposals";
import { filesOfRound, publishedSealedScan, replyFileForDownload, replyFilesOf } from "@/db/queries/reply-files";
import { events, notifications, replies, replyFiles, uploads } from "@/db/schema";
import { canReadLetter } from "@/lib/authz";
import type { UploadPurpose } from "@/lib/uploads";
import { answerRound, demoDatabase, handleProposal, ok, SAMPLE_DRAFT } from "./demo-db";
import { indexes, inOrder } from "./in-order";
import { useAsAppDatabase } from "./temp-db";
import { uploadedFile } from "./uploaded-file";

// The upload route asks the guard who calls; here the caller is whoever the test says.
const caller = vi.hoisted(() => ({ user: null as null | { id: number; role: string; unitId: number | null } }));
vi.mock("@/app/_server/guard", () => ({ uploadCaller: async () => caller.user }));

let t: Awaited<ReturnType<typeof demoDatabase>>;
const LEAD = "重庆高新区科技创新局";
const CO = "重庆高新区党群工作部";
let number = 7000;

beforeAll(async () => {
  t = await demoDatabase();
  useAsAppDatabase(t);
  vi.stubEnv("ATTACHMENTS_DIR", path.join(t.dir, "attachments"));
});
afterAll(async () => {
  await closeDatabase(getDb());
  vi.unstubAllEnvs();
  return t.cleanup();
});

const PDF = new TextEncoder().encode("%PDF-1.7\n盖章件");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** A file as the upload route leaves it, for `login`; returns its reference. */
async function uploaded(login: string, purpose: UploadPurpose, fileName: string, bytes: Uint8Array, mimeType = "application/pdf") {
  return uploadedFile(t.db, { userId: (await t.user(login)).id, purpose, fileName, bytes, mimeType });
}

const stored = (storagePath: string) => path.join(process.env.ATTACHMENTS_DIR!, storagePath);
const actions = async (proposalId: number) =>
  t.db
    .select({ action: events.action, comment: events.comment })
    .from(events)
    .where(eq(events.proposalId, proposalId))
    .orderBy(asc(events.id))
    .all();

/**
 * A new proposal of 刘新荣 with 李晓燕 (member-002) co-signing, led by 科技创新局 with 党群工作部 co-handling
 * (its opinion waived), answered up to a draft or the signed reply.
 */
async function proposal(until: "drafted" | "replied"): Promise<number> {
  const id = ok(await t.register(number++, { coSignerIds: [(await t.user("member-002")).id] })).id;
  ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: await t.unit(LEAD), coUnitIds: [await t.unit(CO)] }));
  ok(await acceptAssignment(t.db, await t.user("jiangmj"), id, await t.unit(LEAD)));
  await ok(await waiveCoOpinion(t.db, await t.user("coordinator"), id, { unitId: await t.unit(CO), reason: "测试免于协办意见" }));
  await answerRound(t.db, t, id, { until });
  return id;
}

describe("答复附件", () => {
  it("the lead unit's handler attaches files to the reply in the making: stored outside public/, uploads used up, logged", async () => {
    const id = await proposal("drafted");
    const refs = [
      await uploaded("jiangmj", "attachment", "办理方案.pdf", PDF),
      await uploaded("jiangmj", "attachment", "现场照片.png", PNG, "image/png"),
    ];
    expect(ok(await attachReplyFiles(t.db, await t.user("jiangmj"), id, refs))).toEqual({ count: 2 });
    const rows = await t.db.select().from(replyFiles).where(eq(replyFiles.proposalId, id)).all();
    expect(rows.map((r) => [r.kind, r.round, r.fileName, r.mimeType])).toEqual([
      ["attachment", 1, "办理方案.pdf", "application/pdf"],
      ["attachment", 1, "现场照片.png", "image/png"],
    ]);
    for (const r of rows) expect(r.storagePath).toMatch(new RegExp(`^${id}/[0-9a-f]{32}$`));
    expect(fs.readFileSync(stored(rows[1]!.storagePath))).toEqual(Buffer.from(PNG));
    expect(refs.every((ref) => !fs.existsSync(incomingPath(ref)))).toBe(true);
    expect(
      await t.db
        .select()
        .from(uploads)
        .where(eq(uploads.userId, (await t.user("jiangmj")).id))
        .all(),
    ).toEqual([]);
    expect((await actions(id)).at(-1)).toEqual({ action: "reply_file_attached", comment: null });
    expect((await loadFacts(t.db, id))!.replyFilesThisRound).toBe(2);
  });

  it("is refused to a co-handling unit, and the upload stays usable", async () => {
    const id = await proposal("drafted");
    const ref = await uploaded("dqgzb", "attachment", "材料.pdf", PDF);
    expect(await attachReplyFiles(t.db, await t.user("dqgzb"), id, [ref])).toEqual({
      ok: false,
      reason: "只有主办单位的承办人可以执行此操作",
    });
    expect(fs.existsSync(incomingPath(ref))).toBe(true);
    // Another user's upload is not the caller's to use.
    expect(await attachReplyFiles(t.db, await t.user("jiangmj"), id, [ref])).toEqual({
      ok: false,
      reason: "上传的文件已失效或已被使用，请移除后重新上传",
    });
    expect(await t.db.select().from(replyFiles).where(eq(replyFiles.proposalId, id)).all()).toEqual([]);
  });

  it("takes at most five per round", async () => {
    const id = await proposal("drafted");
    const refs = await inOrder(indexes(6), async (i) => uploaded("jiangmj", "attachment", `材料${i}.pdf`, PDF));
    expect(await attachReplyFiles(t.db, await t.user("jiangmj"), id, refs)).toEqual({
      ok: false,
      reason: "答复附件最多 5 个，还可添加 5 个",
    });
    ok(await attachReplyFiles(t.db, await t.user("jiangmj"), id, refs.slice(0, 4)));
    expect(await attachReplyFiles(t.db, await t.user("jiangmj"), id, refs.slice(4))).toEqual({
      ok: false,
      reason: "答复附件最多 5 个，还可添加 1 个",
    });
  });

  it("is removed again while drafting (row and file), and neither added nor removed once submitted for sign-off", async () => {
    const id = await proposal("drafted");
    ok(
      await attachReplyFiles(t.db, await t.user("jiangmj"), id, [
        await uploaded("jiangmj", "attachment", "旧方案.pdf", PDF),
        await uploaded("jiangmj", "attachment", "新方案.pdf", PDF),
      ]),
    );
    const [first, second] = await replyFilesOf(t.db, id);
    ok(await removeReplyFile(t.db, await t.user("jiangmj"), id, first!.id));
    expect(fs.existsSync(stored((await t.db.select().from(replyFiles).where(eq(replyFiles.id, second!.id)).get())!.storagePath))).toBe(
      true,
    );
    expect((await replyFilesOf(t.db, id)).map((f) => f.fileName)).toEqual(["新方案.pdf"]);
    expect(await removeReplyFile(t.db, await t.user("jiangmj"), id, first!.id)).toEqual({ ok: false, reason: "该答复附件不存在或已删除" });
    // A file named under another proposal the handler may edit is not that proposal's.
    const other = await proposal("drafted");
    expect(await removeReplyFile(t.db, await t.user("jiangmj"), other, second!.id)).toEqual({
      ok: false,
      reason: "该答复附件不存在或已删除",
    });
    expect((await actions(id)).slice(-1)).toEqual([{ action: "reply_file_removed", comment: null }]);
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), id));
    expect(await removeReplyFile(t.db, await t.user("jiangmj"), id, second!.id)).toEqual({
      ok: false,
      reason: "答复函正在审签，不能修改附件",
    });
    expect(await attachReplyFiles(t.db, await t.user("jiangmj"), id, [await uploaded("jiangmj", "attachment", "迟到.pdf", PDF)])).toEqual({
      ok: false,
      reason: "答复函正在审签，不能修改附件",
    });
  });
});

describe("盖章件", () => {
  it("only after sign-off: refused while the letter is in review, taken once it is signed, and the proposers are told", async () => {
    const id = await proposal("drafted");
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), id));
    const early = await uploaded("jiangmj", "sealed", "盖章件.pdf", PDF);
    expect(await uploadSealedScan(t.db, await t.user("jiangmj"), id, { round: 1, uploadId: early, reason: null })).toEqual({
      ok: false,
      reason: "答复函签发后才能上传盖章件扫描件",
    });
    expect(fs.existsSync(incomingPath(early))).toBe(true);
    await ok(await approveReply(t.db, await t.user("dengmj"), id, null));
    expect(ok(await uploadSealedScan(t.db, await t.user("jiangmj"), id, { round: 1, uploadId: early, reason: null }))).toEqual({
      replaced: false,
    });
    const { sealed } = filesOfRound(await replyFilesOf(t.db, id), 1);
    expect(sealed).toMatchObject({ kind: "sealed", fileName: "盖章件.pdf", round: 1 });
    expect((await actions(id)).at(-1)).toEqual({ action: "sealed_scan_uploaded", comment: null });
    const told = await t.db
      .select({ userId: notifications.userId, message: notifications.message })
      .from(notifications)
      .where(and(eq(notifications.proposalId, id)))
      .all();
    expect(
      told
        .filter((n) => n.message.includes("盖章"))
        .map((n) => n.userId)
        .sort(),
    ).toEqual([(await t.user("liuxr")).id, (await t.user("member-002")).id].sort());
  });

  it("only the lead unit (its handler or its director), not a co-handling or unrelated unit", async () => {
    const id = await proposal("replied");
    for (const login of ["dqgzb", "cxfwzx", "sthjj-fz"]) {
      const ref = await uploaded(login, "sealed", "盖章件.pdf", PDF);
      expect(await uploadSealedScan(t.db, await t.user(login), id, { round: 1, uploadId: ref, reason: null })).toEqual({
        ok: false,
        reason: "只有主办单位可以上传盖章答复函扫描件",
      });
    }
    expect(
      ok(
        await uploadSealedScan(t.db, await t.user("dengmj"), id, {
          round: 1,
          uploadId: await uploaded("dengmj", "sealed", "局长上传.pdf", PDF),
          reason: null,
        }),
      ),
    ).toEqual({ replaced: false });
  });

  it("is replaced only with a reason: the old scan is kept (row and file) but no longer current, and the replacement is logged", async () => {
    const id = await proposal("replied");
    ok(
      await uploadSealedScan(t.db, await t.user("jiangmj"), id, {
        round: 1,
        uploadId: await uploaded("jiangmj", "sealed", "第一次扫描.pdf", PDF),
        reason: null,
      }),
    );
    const again = await uploaded("jiangmj", "sealed", "重新扫描.pdf", PDF);
    expect(await uploadSealedScan(t.db, await t.user("jiangmj"), id, { round: 1, uploadId: again, reason: null })).toEqual({
      ok: false,
      reason: "请填写替换盖章件的原因",
    });
    expect(
      ok(await uploadSealedScan(t.db, await t.user("jiangmj"), id, { round: 1, uploadId: again, reason: "原扫描件缺第二页" })),
    ).toEqual({ replaced: true });
    const rows = await t.db
      .select()
      .from(replyFiles)
      .where(and(eq(replyFiles.proposalId, id), eq(replyFiles.kind, "sealed")))
      .all();
    expect(rows.map((r) => [r.fileName, r.replacedAt !== null])).toEqual([
      ["第一次扫描.pdf", true],
      ["重新扫描.pdf", false],
    ]);
    expect(fs.existsSync(stored(rows[0]!.storagePath))).toBe(true);
    expect(filesOfRound(await replyFilesOf(t.db, id), 1).sealed?.fileName).toBe("重新扫描.pdf");
    expect((await actions(id)).at(-1)).toEqual({ action: "sealed_scan_replaced", comment: "原扫描件缺第二页" });
    // The replaced scan is no longer served.
    expect(await replyFileForDownload(t.db, rows[0]!.id)).toBeNull();
  });

  it("takes only an upload checked as a sealed scan: a file uploaded as an attachment (where images pass) is not one", async () => {
    const id = await proposal("replied");
    const asAttachment = await uploaded("jiangmj", "attachment", "照片.png", PNG, "image/png");
    expect(await uploadSealedScan(t.db, await t.user("jiangmj"), id, { round: 1, uploadId: asAttachment, reason: null })).toEqual({
      ok: false,
      reason: "上传的文件已失效或已被使用，请移除后重新上传",
    });
  });
});

describe("the upload route with purpose=sealed", () => {
  async function post(purpose: string, name: string, bytes: Uint8Array) {
    const { POST } = await import("@/app/api/uploads/route");
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), name);
    const response = await POST(
      new Request(`http://app.test/api/uploads?purpose=${purpose}`, {
        method: "POST",
        body: form,
        headers: { origin: "http://app.test", host: "app.test" },
      }),
    );
    return { status: response.status, body: await response.text() };
  }
  beforeEach(async () => {
    caller.user = { ...(await t.user("jiangmj")) };
  });

  it("sniffs the file: a PDF is taken, an image or an image named .pdf is refused and not kept", async () => {
    const taken = await post("sealed", "盖章件.pdf", PDF);
    expect(taken.status).toBe(200);
    const { id } = JSON.parse(taken.body) as { id: string };
    expect(
      await t.db.select({ purpose: uploads.purpose, mimeType: uploads.mimeType }).from(uploads).where(eq(uploads.id, id)).get(),
    ).toEqual({ purpose: "sealed", mimeType: "application/pdf" });
    const incoming = () => fs.readdirSync(path.dirname(incomingPath(id))).length;
    const before = incoming();
    expect(await post("sealed", "盖章件.png", PNG)).toEqual({ status: 422, body: "盖章件扫描件“盖章件.png”的类型不支持；只接受 PDF 文件" });
    expect(await post("sealed", "伪装.pdf", PNG)).toEqual({
      status: 422,
      body: "盖章件扫描件“伪装.pdf”的内容与扩展名不符，请确认文件未损坏",
    });
    expect(incoming()).toBe(before);
    // The same image is a valid reply attachment.
    expect((await post("attachment", "现场.png", PNG)).status).toBe(200);
  });

  it("refuses a purpose the caller may not upload for: a director attaches nothing, a coordinator uploads no sealed scan", async () => {
    caller.user = { ...(await t.user("dengmj")) };
    expect(await post("attachment", "a.pdf", PDF)).toEqual({ status: 403, body: "您没有上传此类文件的权限" });
    expect((await post("sealed", "a.pdf", PDF)).status).toBe(200);
    caller.user = { ...(await t.user("coordinator")) };
    expect(await post("sealed", "a.pdf", PDF)).toEqual({ status: 403, body: "您没有上传此类文件的权限" });
  });
});

describe("who may read the files, and the public 原文下载", () => {
  // 党群工作部 (dqgzb) co-handles, 创新服务中心 (cxfwzx) has no part; 李晓燕 (member-002) co-signs, 张志强 (member-001) not.
  const readers = ["coordinator", "jiangmj", "dengmj", "dqgzb", "cxfwzx", "liuxr", "member-002", "member-001"] as const;
  const mayRead = async (fileId: number) => {
    const found = (await replyFileForDownload(t.db, fileId))!;
    const parties = (await loadProposalParties(t.db, found.file.proposalId))!;
    const lead = await leadUnitOf(t.db, found.file.proposalId);
    const may = await Promise.all(readers.map(async (login) => canReadLetter(await t.user(login), parties, lead, found.signed)));
    return readers.filter((_, i) => may[i]);
  };

  it("a draft's attachment as drafts are read; once signed, as the letter is: every party, the co-handling unit and the co-signer included", async () => {
    const id = await proposal("drafted");
    ok(await attachReplyFiles(t.db, await t.user("jiangmj"), id, [await uploaded("jiangmj", "attachment", "方案.pdf", PDF)]));
    const fileId = (await replyFilesOf(t.db, id))[0]!.id;
    expect(await mayRead(fileId)).toEqual(["coordinator", "jiangmj", "dengmj"]);
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), id));
    await ok(await approveReply(t.db, await t.user("dengmj"), id, null));
    expect(await mayRead(fileId)).toEqual(["coordinator", "jiangmj", "dengmj", "dqgzb", "liuxr", "member-002"]);
  });

  it("the scan is public only while the reply is published in full", async () => {
    const full = await proposal("replied");
    ok(
      await uploadSealedScan(t.db, await t.user("jiangmj"), full, {
        round: 1,
        uploadId: await uploaded("jiangmj", "sealed", "盖章件.pdf", PDF),
        reason: null,
      }),
    );
    const publish = async (id: number) =>
      ok(await decideReplyPublication(t.db, await t.user("coordinator"), id, { type: "publish" })).publicationId;
    const publicationId = await publish(full);
    expect((await publishedSealedScan(t.db, publicationId))?.fileName).toBe("盖章件.pdf");
    ok(await decideReplyPublication(t.db, await t.user("coordinator"), full, { type: "withdraw", reason: "核对数据" }));
    expect(await publishedSealedScan(t.db, publicationId)).toBeNull();

    const summary = ok(await t.register(number++)).id;
    await handleProposal(t.db, t, summary, await t.unit(LEAD), { until: "drafted" });
    ok(
      await saveDraft(t.db, await t.user("jiangmj"), summary, {
        ...SAMPLE_DRAFT,
        disclosure: "summary",
        disclosureSummary: "已出台专项政策。",
      }),
    );
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), summary));
    await ok(await approveReply(t.db, await t.user("dengmj"), summary, null));
    ok(
      await uploadSealedScan(t.db, await t.user("jiangmj"), summary, {
        round: 1,
        uploadId: await uploaded("jiangmj", "sealed", "盖章件.pdf", PDF),
        reason: null,
      }),
    );
    expect(await publishedSealedScan(t.db, await publish(summary))).toBeNull();
    expect(await t.db.select().from(replies).where(eq(replies.proposalId, summary)).all()).toHaveLength(1);
  });
});
