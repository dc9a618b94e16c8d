/** 登记提案 on a real database: names resolved or confirmed as new members, numbers kept unique, files stored with their hash. */
import { asc, count, eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { registerIntake } from "@/db/handling/import";
import { attachments, categories, events, proposalSigners, proposals, sessions, uploads, users } from "@/db/schema";
import { incomingPath, newUploadId, recordUpload } from "@/db/handling/uploads";
import type { RegistrationInput } from "@/lib/import/forms";
import { failInserts } from "./fail-inserts";
import { tempDatabase } from "./temp-db";

const TODAY = "2026-06-15";

let db: Db;
let cleanup: () => void;
let coordinatorId: number;
let input: RegistrationInput;

beforeEach(async () => {
  let dir: string;
  ({ db, dir, cleanup } = await tempDatabase());
  process.env.ATTACHMENTS_DIR = path.join(dir, "attachments");
  await seedDemo(db, { today: TODAY });
  coordinatorId = (await db.select().from(users).where(eq(users.username, "coordinator")).get())!.id;
  input = {
    sessionId: (await db.select().from(sessions).where(eq(sessions.meeting, "第二次会议")).get())!.id,
    number: 801,
    title: "关于建设科技孵化园区的建议",
    proposer: "刘新荣",
    coSigners: ["李晓燕", "王海涛"],
    seconders: ["陈静"],
    categoryId: (await db.select().from(categories).where(eq(categories.name, "科技、教育")).get())!.id,
    body: "一、现状\n二、建议",
    receivedOn: "2026-01-15",
    isKey: true,
    isUrgent: false,
    wantsMeeting: true,
    createMembers: false,
  };
});

afterEach(() => {
  delete process.env.ATTACHMENTS_DIR;
  cleanup();
});

const PDF = new TextEncoder().encode("%PDF-1.7 原件");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** A file as the upload route leaves it: in the incoming folder, recorded for its uploader; returns its reference. */
async function uploaded(fileName: string, mimeType: string, bytes: Uint8Array, userId = coordinatorId): Promise<string> {
  const id = newUploadId();
  fs.mkdirSync(path.dirname(incomingPath(id)), { recursive: true });
  fs.writeFileSync(incomingPath(id), bytes);
  await recordUpload(db, {
    id,
    userId,
    purpose: "attachment",
    fileName,
    mimeType,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  });
  return id;
}

const proposalCount = async () => (await db.select({ n: count() }).from(proposals).get())!.n;
const userCount = async () => (await db.select({ n: count() }).from(users).get())!.n;

describe("登记提案", () => {
  it("registers the proposal with its proposer, co-signers and seconders in order, and logs it", async () => {
    const result = await registerIntake(db, coordinatorId, input, [], TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const p = (await db.select().from(proposals).where(eq(proposals.id, result.id)).get())!;
    expect(p).toMatchObject({
      number: 801,
      status: "registered",
      isKey: true,
      wantsMeeting: true,
      receivedOn: "2026-01-15",
      registeredBy: coordinatorId,
    });
    const signers = await db
      .select({ name: users.displayName, role: proposalSigners.role })
      .from(proposalSigners)
      .innerJoin(users, eq(users.id, proposalSigners.userId))
      .where(eq(proposalSigners.proposalId, p.id))
      .orderBy(asc(proposalSigners.position))
      .all();
    expect(signers).toEqual([
      { name: "刘新荣", role: "lead" },
      { name: "李晓燕", role: "cosigner" },
      { name: "王海涛", role: "cosigner" },
      { name: "陈静", role: "seconder" },
    ]);
    expect((await db.select().from(events).where(eq(events.proposalId, p.id)).all()).map((e) => e.action)).toEqual(["register"]);
  });

  it("refuses a number the session already has, on the number field", async () => {
    const taken = (await db.select().from(proposals).where(eq(proposals.sessionId, input.sessionId)).get())!.number;
    const before = await proposalCount();
    expect(await registerIntake(db, coordinatorId, { ...input, number: taken }, [], TODAY)).toEqual({
      ok: false,
      error: "提交的内容有误，请按提示修改后重试。",
      fieldErrors: { number: `本届次会议已有第${taken}号提案` },
    });
    expect(await proposalCount()).toBe(before);
  });

  it("refuses a received date after today and an inactive session", async () => {
    expect(await registerIntake(db, coordinatorId, { ...input, receivedOn: "2026-06-16" }, [], TODAY)).toMatchObject({
      ok: false,
      fieldErrors: { receivedOn: "收到日期不能晚于今天" },
    });
    await db.update(sessions).set({ active: false }).where(eq(sessions.id, input.sessionId)).run();
    expect(await registerIntake(db, coordinatorId, input, [], TODAY)).toMatchObject({
      ok: false,
      fieldErrors: { sessionId: "请选择启用中的届次会议" },
    });
  });

  it("asks before creating members for unknown names, then creates them without a password", async () => {
    const before = { proposals: await proposalCount(), users: await userCount() };
    const withNew = { ...input, proposer: "欧阳新", coSigners: ["李晓燕", "司马新"] };
    expect(await registerIntake(db, coordinatorId, withNew, [], TODAY)).toEqual({
      ok: false,
      error: "欧阳新、司马新 不是已登记的委员/代表。请核对姓名；确为新委员/代表的，勾选“为未登记的姓名新建委员/代表账户”后再提交。",
      fieldErrors: { proposer: "“欧阳新”不是已登记的委员/代表", coSigners: "“司马新”不是已登记的委员/代表" },
    });
    expect({ proposals: await proposalCount(), users: await userCount() }).toEqual(before);

    const result = await registerIntake(db, coordinatorId, { ...withNew, createMembers: true }, [], TODAY);
    expect(result.ok).toBe(true);
    expect(await userCount()).toBe(before.users + 2);
    const created = (await db.select().from(users).where(eq(users.displayName, "欧阳新")).get())!;
    expect(created).toMatchObject({ role: "member", passwordHash: null, unitId: null });
    expect(created.username).toMatch(/^member-[0-9a-f]{10}$/);
  });

  it("moves the uploaded files beside the database under the proposal's id, with their SHA-256, and uses each reference once", async () => {
    const refs = [await uploaded("提案原件.pdf", "application/pdf", PDF), await uploaded("现场照片.png", "image/png", PNG)];
    const result = await registerIntake(db, coordinatorId, input, refs, TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const rows = await db.select().from(attachments).where(eq(attachments.proposalId, result.id)).orderBy(asc(attachments.id)).all();
    expect(rows.map((r) => [r.fileName, r.mimeType, r.size, r.uploadedBy])).toEqual([
      ["提案原件.pdf", "application/pdf", PDF.byteLength, coordinatorId],
      ["现场照片.png", "image/png", PNG.byteLength, coordinatorId],
    ]);
    for (const [i, row] of rows.entries()) {
      expect(row.storagePath).toMatch(new RegExp(`^${result.id}/[0-9a-f]{32}$`));
      const stored = fs.readFileSync(path.join(process.env.ATTACHMENTS_DIR!, row.storagePath));
      expect(Buffer.compare(stored, Buffer.from([PDF, PNG][i]!))).toBe(0);
      expect(row.sha256).toBe(createHash("sha256").update(stored).digest("hex"));
    }
    expect(refs.map((id) => fs.existsSync(incomingPath(id)))).toEqual([false, false]);
    expect(await db.select().from(uploads).all()).toEqual([]);
    // Used once: the same references again are refused on the attachments field.
    expect(await registerIntake(db, coordinatorId, { ...input, number: 802 }, refs, TODAY)).toMatchObject({
      ok: false,
      fieldErrors: { attachments: "上传的文件已失效或已被使用，请移除后重新上传" },
    });
  });

  it("refuses another user's upload, and keeps it", async () => {
    const handler = (await db.select().from(users).where(eq(users.username, "jiangmj")).get())!.id;
    const theirs = await uploaded("材料.pdf", "application/pdf", PDF, handler);
    const before = await proposalCount();
    expect(await registerIntake(db, coordinatorId, input, [theirs], TODAY)).toMatchObject({
      ok: false,
      fieldErrors: { attachments: "上传的文件已失效或已被使用，请移除后重新上传" },
    });
    expect(await proposalCount()).toBe(before);
    expect(fs.existsSync(incomingPath(theirs))).toBe(true);
  });

  it("puts the files back, still usable, when the transaction fails", async () => {
    await failInserts(db, "attachments", "new.mime_type = 'image/png'");
    const refs = [await uploaded("提案原件.pdf", "application/pdf", PDF), await uploaded("现场照片.png", "image/png", PNG)];
    const before = await proposalCount();
    await expect((async () => registerIntake(db, coordinatorId, input, refs, TODAY))()).rejects.toThrow(/simulated failure/);
    expect(await proposalCount()).toBe(before);
    const dir = process.env.ATTACHMENTS_DIR!;
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    expect(refs.map((id) => fs.existsSync(incomingPath(id)))).toEqual([true, true]);
    expect(await db.select().from(uploads).all()).toHaveLength(2);
  });
});
