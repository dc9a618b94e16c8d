/**
 * The reply's files on a real SQLite file (db/handling/reply-files.ts): 答复附件 attached and removed while
 * drafting, the scan of the sealed letter only after sign-off and only by the lead unit, replaced with a
 * reason, the PDF check of the upload route, and who may read which file (the letter's rule).
 */
import { and, asc, eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadFacts } from "@/db/handling/facts";
import { decideReplyPublication } from "@/db/handling/publication";
import { attachReplyFiles, removeReplyFile, uploadSealedScan } from "@/db/handling/reply-files";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { approveReply } from "@/db/handling/sign-off";
import { waiveCoOpinion } from "@/db/handling/waivers";
import { saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { incomingPath, newUploadId, recordUpload } from "@/db/handling/uploads";
import { leadUnitOf, loadProposalParties } from "@/db/queries/proposals";
import { filesOfRound, publishedSealedScan, replyFileForDownload, replyFilesOf } from "@/db/queries/reply-files";
import { events, notifications, replies, replyFiles, uploads } from "@/db/schema";
import { canReadLetter } from "@/lib/authz";
import type { UploadPurpose } from "@/lib/uploads";
import { answerRound, demoDatabase, handleProposal, ok, SAMPLE_DRAFT } from "./demo-db";

// The upload route asks the guard who calls; here the caller is whoever the test says.
const caller = vi.hoisted(() => ({ user: null as null | { id: number; role: string; unitId: number | null } }));
vi.mock("@/app/_server/guard", () => ({ uploadCaller: async () => caller.user }));

let t: Awaited<ReturnType<typeof demoDatabase>>;
const LEAD = "重庆高新区科技创新局";
const CO = "重庆高新区党群工作部";
let number = 7000;

beforeAll(async () => {
  t = await demoDatabase();
  process.env.DATABASE_PATH = t.file;
  process.env.ATTACHMENTS_DIR = path.join(path.dirname(t.file), "attachments");
});
afterAll(() => {
  delete process.env.DATABASE_PATH;
  delete process.env.ATTACHMENTS_DIR;
  t.cleanup();
});

const PDF = new TextEncoder().encode("%PDF-1.7\n盖章件");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** A file as the upload route leaves it: in the incoming folder, recorded for its uploader; returns its reference. */
function uploaded(login: string, purpose: UploadPurpose, fileName: string, bytes: Uint8Array, mimeType = "application/pdf"): string {
  const id = newUploadId();
  fs.mkdirSync(path.dirname(incomingPath(id)), { recursive: true });
  fs.writeFileSync(incomingPath(id), bytes);
  recordUpload(t.db, { id, userId: t.user(login).id, purpose, fileName, mimeType, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") });
  return id;
}

const stored = (storagePath: string) => path.join(process.env.ATTACHMENTS_DIR!, storagePath);
const actions = (proposalId: number) => t.db.select({ action: events.action, comment: events.comment }).from(events).where(eq(events.proposalId, proposalId)).orderBy(asc(events.id)).all();

/**
 * A new proposal of 刘新荣 with 李晓燕 (member-002) co-signing, led by 科技创新局 with 党群工作部 co-handling
 * (its opinion waived), answered up to a draft or the signed reply.
 */
function proposal(until: "drafted" | "replied"): number {
  const id = ok(t.register(number++, { coSignerIds: [t.user("member-002").id] })).id;
  ok(assignProposal(t.db, t.user("coordinator"), id, { leadUnitId: t.unit(LEAD), coUnitIds: [t.unit(CO)] }));
  ok(acceptAssignment(t.db, t.user("jiangmj"), id, t.unit(LEAD)));
  ok(waiveCoOpinion(t.db, t.user("coordinator"), id, { unitId: t.unit(CO), reason: "测试免于协办意见" }));
  answerRound(t.db, t, id, { until });
  return id;
}

describe("答复附件", () => {
  it("the lead unit's handler attaches files to the reply in the making: stored outside public/, uploads used up, logged", () => {
    const id = proposal("drafted");
    const refs = [uploaded("jiangmj", "attachment", "办理方案.pdf", PDF), uploaded("jiangmj", "attachment", "现场照片.png", PNG, "image/png")];
    expect(ok(attachReplyFiles(t.db, t.user("jiangmj"), id, refs))).toEqual({ count: 2 });
    const rows = t.db.select().from(replyFiles).where(eq(replyFiles.proposalId, id)).all();
    expect(rows.map((r) => [r.kind, r.round, r.fileName, r.mimeType])).toEqual([
      ["attachment", 1, "办理方案.pdf", "application/pdf"],
      ["attachment", 1, "现场照片.png", "image/png"],
    ]);
    for (const r of rows) expect(r.storagePath).toMatch(new RegExp(`^${id}/[0-9a-f]{32}$`));
    expect(fs.readFileSync(stored(rows[1]!.storagePath))).toEqual(Buffer.from(PNG));
    expect(refs.every((ref) => !fs.existsSync(incomingPath(ref)))).toBe(true);
    expect(t.db.select().from(uploads).where(eq(uploads.userId, t.user("jiangmj").id)).all()).toEqual([]);
    expect(actions(id).at(-1)).toEqual({ action: "reply_file_attached", comment: null });
    expect(loadFacts(t.db, id)!.replyFilesThisRound).toBe(2);
  });

  it("is refused to a co-handling unit, and the upload stays usable", () => {
    const id = proposal("drafted");
    const ref = uploaded("dqgzb", "attachment", "材料.pdf", PDF);
    expect(attachReplyFiles(t.db, t.user("dqgzb"), id, [ref])).toEqual({ ok: false, reason: "只有主办单位的承办人可以执行此操作" });
    expect(fs.existsSync(incomingPath(ref))).toBe(true);
    // Another user's upload is not the caller's to use.
    expect(attachReplyFiles(t.db, t.user("jiangmj"), id, [ref])).toEqual({ ok: false, reason: "上传的文件已失效或已被使用，请移除后重新上传" });
    expect(t.db.select().from(replyFiles).where(eq(replyFiles.proposalId, id)).all()).toEqual([]);
  });

  it("takes at most five per round", () => {
    const id = proposal("drafted");
    const refs = Array.from({ length: 6 }, (_, i) => uploaded("jiangmj", "attachment", `材料${i}.pdf`, PDF));
    expect(attachReplyFiles(t.db, t.user("jiangmj"), id, refs)).toEqual({ ok: false, reason: "答复附件最多 5 个，还可添加 5 个" });
    ok(attachReplyFiles(t.db, t.user("jiangmj"), id, refs.slice(0, 4)));
    expect(attachReplyFiles(t.db, t.user("jiangmj"), id, refs.slice(4))).toEqual({ ok: false, reason: "答复附件最多 5 个，还可添加 1 个" });
  });

  it("is removed again while drafting (row and file), and neither added nor removed once submitted for sign-off", () => {
    const id = proposal("drafted");
    ok(attachReplyFiles(t.db, t.user("jiangmj"), id, [uploaded("jiangmj", "attachment", "旧方案.pdf", PDF), uploaded("jiangmj", "attachment", "新方案.pdf", PDF)]));
    const [first, second] = replyFilesOf(t.db, id);
    ok(removeReplyFile(t.db, t.user("jiangmj"), id, first!.id));
    expect(fs.existsSync(stored(t.db.select().from(replyFiles).where(eq(replyFiles.id, second!.id)).get()!.storagePath))).toBe(true);
    expect(replyFilesOf(t.db, id).map((f) => f.fileName)).toEqual(["新方案.pdf"]);
    expect(removeReplyFile(t.db, t.user("jiangmj"), id, first!.id)).toEqual({ ok: false, reason: "该答复附件不存在或已删除" });
    // A file named under another proposal the handler may edit is not that proposal's.
    const other = proposal("drafted");
    expect(removeReplyFile(t.db, t.user("jiangmj"), other, second!.id)).toEqual({ ok: false, reason: "该答复附件不存在或已删除" });
    expect(actions(id).slice(-1)).toEqual([{ action: "reply_file_removed", comment: null }]);
    ok(submitForSignOff(t.db, t.user("jiangmj"), id));
    expect(removeReplyFile(t.db, t.user("jiangmj"), id, second!.id)).toEqual({ ok: false, reason: "答复函正在审签，不能修改附件" });
    expect(attachReplyFiles(t.db, t.user("jiangmj"), id, [uploaded("jiangmj", "attachment", "迟到.pdf", PDF)])).toEqual({ ok: false, reason: "答复函正在审签，不能修改附件" });
  });
});

describe("盖章件", () => {
  it("only after sign-off: refused while the letter is in review, taken once it is signed, and the proposers are told", () => {
    const id = proposal("drafted");
    ok(submitForSignOff(t.db, t.user("jiangmj"), id));
    const early = uploaded("jiangmj", "sealed", "盖章件.pdf", PDF);
    expect(uploadSealedScan(t.db, t.user("jiangmj"), id, { round: 1, uploadId: early, reason: null })).toEqual({ ok: false, reason: "答复函签发后才能上传盖章件扫描件" });
    expect(fs.existsSync(incomingPath(early))).toBe(true);
    ok(approveReply(t.db, t.user("dengmj"), id, null));
    expect(ok(uploadSealedScan(t.db, t.user("jiangmj"), id, { round: 1, uploadId: early, reason: null }))).toEqual({ replaced: false });
    const { sealed } = filesOfRound(replyFilesOf(t.db, id), 1);
    expect(sealed).toMatchObject({ kind: "sealed", fileName: "盖章件.pdf", round: 1 });
    expect(actions(id).at(-1)).toEqual({ action: "sealed_scan_uploaded", comment: null });
    const told = t.db.select({ userId: notifications.userId, message: notifications.message }).from(notifications).where(and(eq(notifications.proposalId, id))).all();
    expect(told.filter((n) => n.message.includes("盖章")).map((n) => n.userId).sort()).toEqual([t.user("liuxr").id, t.user("member-002").id].sort());
  });

  it("only the lead unit (its handler or its director), not a co-handling or unrelated unit", () => {
    const id = proposal("replied");
    for (const login of ["dqgzb", "cxfwzx", "sthjj-fz"]) {
      const ref = uploaded(login, "sealed", "盖章件.pdf", PDF);
      expect(uploadSealedScan(t.db, t.user(login), id, { round: 1, uploadId: ref, reason: null })).toEqual({ ok: false, reason: "只有主办单位可以上传盖章答复函扫描件" });
    }
    expect(ok(uploadSealedScan(t.db, t.user("dengmj"), id, { round: 1, uploadId: uploaded("dengmj", "sealed", "局长上传.pdf", PDF), reason: null }))).toEqual({ replaced: false });
  });

  it("is replaced only with a reason: the old scan is kept (row and file) but no longer current, and the replacement is logged", () => {
    const id = proposal("replied");
    ok(uploadSealedScan(t.db, t.user("jiangmj"), id, { round: 1, uploadId: uploaded("jiangmj", "sealed", "第一次扫描.pdf", PDF), reason: null }));
    const again = uploaded("jiangmj", "sealed", "重新扫描.pdf", PDF);
    expect(uploadSealedScan(t.db, t.user("jiangmj"), id, { round: 1, uploadId: again, reason: null })).toEqual({ ok: false, reason: "请填写替换盖章件的原因" });
    expect(ok(uploadSealedScan(t.db, t.user("jiangmj"), id, { round: 1, uploadId: again, reason: "原扫描件缺第二页" }))).toEqual({ replaced: true });
    const rows = t.db.select().from(replyFiles).where(and(eq(replyFiles.proposalId, id), eq(replyFiles.kind, "sealed"))).all();
    expect(rows.map((r) => [r.fileName, r.replacedAt !== null])).toEqual([
      ["第一次扫描.pdf", true],
      ["重新扫描.pdf", false],
    ]);
    expect(fs.existsSync(stored(rows[0]!.storagePath))).toBe(true);
    expect(filesOfRound(replyFilesOf(t.db, id), 1).sealed?.fileName).toBe("重新扫描.pdf");
    expect(actions(id).at(-1)).toEqual({ action: "sealed_scan_replaced", comment: "原扫描件缺第二页" });
    // The replaced scan is no longer served.
    expect(replyFileForDownload(t.db, rows[0]!.id)).toBeNull();
  });

  it("takes only an upload checked as a sealed scan: a file uploaded as an attachment (where images pass) is not one", () => {
    const id = proposal("replied");
    const asAttachment = uploaded("jiangmj", "attachment", "照片.png", PNG, "image/png");
    expect(uploadSealedScan(t.db, t.user("jiangmj"), id, { round: 1, uploadId: asAttachment, reason: null })).toEqual({
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
    const response = await POST(new Request(`http://app.test/api/uploads?purpose=${purpose}`, { method: "POST", body: form, headers: { origin: "http://app.test", host: "app.test" } }));
    return { status: response.status, body: await response.text() };
  }
  beforeEach(() => {
    caller.user = { ...t.user("jiangmj") };
  });

  it("sniffs the file: a PDF is taken, an image or an image named .pdf is refused and not kept", async () => {
    const taken = await post("sealed", "盖章件.pdf", PDF);
    expect(taken.status).toBe(200);
    const { id } = JSON.parse(taken.body) as { id: string };
    expect(t.db.select({ purpose: uploads.purpose, mimeType: uploads.mimeType }).from(uploads).where(eq(uploads.id, id)).get()).toEqual({ purpose: "sealed", mimeType: "application/pdf" });
    const incoming = () => fs.readdirSync(path.dirname(incomingPath(id))).length;
    const before = incoming();
    expect(await post("sealed", "盖章件.png", PNG)).toEqual({ status: 422, body: "盖章件扫描件“盖章件.png”的类型不支持；只接受 PDF 文件" });
    expect(await post("sealed", "伪装.pdf", PNG)).toEqual({ status: 422, body: "盖章件扫描件“伪装.pdf”的内容与扩展名不符，请确认文件未损坏" });
    expect(incoming()).toBe(before);
    // The same image is a valid reply attachment.
    expect((await post("attachment", "现场.png", PNG)).status).toBe(200);
  });

  it("refuses a purpose the caller may not upload for: a director attaches nothing, a coordinator uploads no sealed scan", async () => {
    caller.user = { ...t.user("dengmj") };
    expect(await post("attachment", "a.pdf", PDF)).toEqual({ status: 403, body: "您没有上传此类文件的权限" });
    expect((await post("sealed", "a.pdf", PDF)).status).toBe(200);
    caller.user = { ...t.user("coordinator") };
    expect(await post("sealed", "a.pdf", PDF)).toEqual({ status: 403, body: "您没有上传此类文件的权限" });
  });
});

describe("who may read the files, and the public 原文下载", () => {
  // 党群工作部 (dqgzb) co-handles, 创新服务中心 (cxfwzx) has no part; 李晓燕 (member-002) co-signs, 张志强 (member-001) not.
  const readers = ["coordinator", "jiangmj", "dengmj", "dqgzb", "cxfwzx", "liuxr", "member-002", "member-001"] as const;
  const mayRead = (fileId: number) => {
    const found = replyFileForDownload(t.db, fileId)!;
    const parties = loadProposalParties(t.db, found.file.proposalId)!;
    return readers.filter((login) => canReadLetter(t.user(login), parties, leadUnitOf(t.db, found.file.proposalId), found.signed));
  };

  it("a draft's attachment as drafts are read; once signed, as the letter is: every party, the co-handling unit and the co-signer included", () => {
    const id = proposal("drafted");
    ok(attachReplyFiles(t.db, t.user("jiangmj"), id, [uploaded("jiangmj", "attachment", "方案.pdf", PDF)]));
    const fileId = replyFilesOf(t.db, id)[0]!.id;
    expect(mayRead(fileId)).toEqual(["coordinator", "jiangmj", "dengmj"]);
    ok(submitForSignOff(t.db, t.user("jiangmj"), id));
    ok(approveReply(t.db, t.user("dengmj"), id, null));
    expect(mayRead(fileId)).toEqual(["coordinator", "jiangmj", "dengmj", "dqgzb", "liuxr", "member-002"]);
  });

  it("the scan is public only while the reply is published in full", () => {
    const full = proposal("replied");
    ok(uploadSealedScan(t.db, t.user("jiangmj"), full, { round: 1, uploadId: uploaded("jiangmj", "sealed", "盖章件.pdf", PDF), reason: null }));
    const publish = (id: number) => ok(decideReplyPublication(t.db, t.user("coordinator"), id, { type: "publish" })).publicationId;
    const publicationId = publish(full);
    expect(publishedSealedScan(t.db, publicationId)?.fileName).toBe("盖章件.pdf");
    ok(decideReplyPublication(t.db, t.user("coordinator"), full, { type: "withdraw", reason: "核对数据" }));
    expect(publishedSealedScan(t.db, publicationId)).toBeNull();

    const summary = ok(t.register(number++)).id;
    handleProposal(t.db, t, summary, t.unit(LEAD), { until: "drafted" });
    ok(saveDraft(t.db, t.user("jiangmj"), summary, { ...SAMPLE_DRAFT, disclosure: "summary", disclosureSummary: "已出台专项政策。" }));
    ok(submitForSignOff(t.db, t.user("jiangmj"), summary));
    ok(approveReply(t.db, t.user("dengmj"), summary, null));
    ok(uploadSealedScan(t.db, t.user("jiangmj"), summary, { round: 1, uploadId: uploaded("jiangmj", "sealed", "盖章件.pdf", PDF), reason: null }));
    expect(publishedSealedScan(t.db, publish(summary))).toBeNull();
    expect(t.db.select().from(replies).where(eq(replies.proposalId, summary)).all()).toHaveLength(1);
  });
});
