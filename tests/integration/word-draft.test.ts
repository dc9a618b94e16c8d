/**
 * 从 Word 导入 on a real database (db/handling/word-draft.ts): the upload route takes a .docx by its first
 * bytes; reading it saves nothing, only the confirmation (保存草稿 with the document's name) saves a new
 * version, logged as coming from Word; whoever may not save a draft of the proposal now may not import one.
 */

import fs from "node:fs";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, getDb } from "@/db/client";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { incomingPath } from "@/db/handling/uploads";
import { importWordDraft } from "@/db/handling/word-draft";
import { events, replyDrafts, uploads } from "@/db/schema";
import { DOCX_MIME } from "@/lib/import/word-file";
import { answerRound, demoDatabase, ok, SAMPLE_DRAFT } from "./demo-db";
import { useAsAppDatabase } from "./temp-db";
import { uploadedFile } from "./uploaded-file";

const caller = vi.hoisted(() => ({ user: null as null | { id: number; role: string; unitId: number | null } }));
vi.mock("@/app/_server/guard", () => ({ uploadCaller: async () => caller.user }));

let t: Awaited<ReturnType<typeof demoDatabase>>;
let number = 7300;

beforeAll(async () => {
  t = await demoDatabase();
  useAsAppDatabase(t);
});
afterAll(async () => {
  await closeDatabase(getDb());
  return t.cleanup();
});

/** A letter written in Word: a heading style, a paragraph, a table. */
async function wordDocument(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("工作开展情况")] }),
          new Paragraph("已在全区中小学配齐心理健康教师。"),
          new Table({ rows: [new TableRow({ children: [cell("学校"), cell("48 所")] })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
const IMPORTED_BODY = "一、工作开展情况\n\n已在全区中小学配齐心理健康教师。\n\n学校｜48 所";

/** A file as the upload route leaves it, for `login`; returns its reference. */
async function uploaded(login: string, fileName: string, bytes: Uint8Array) {
  return uploadedFile(t.db, { userId: (await t.user(login)).id, purpose: "wordDraft", fileName, bytes, mimeType: DOCX_MIME });
}

/** A proposal of 刘新荣 led by 科技创新局, accepted by 蒋明杰, with a contact record and the first draft. */
async function drafted(): Promise<number> {
  const id = ok(await t.register(number++)).id;
  const lead = await t.unit("重庆高新区科技创新局");
  ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: lead, coUnitIds: [] }));
  ok(await acceptAssignment(t.db, await t.user("jiangmj"), id, lead));
  await answerRound(t.db, t, id, { until: "drafted" });
  return id;
}

const draftsOf = async (id: number) =>
  t.db
    .select({ id: replyDrafts.id, version: replyDrafts.version, body: replyDrafts.body })
    .from(replyDrafts)
    .where(eq(replyDrafts.proposalId, id))
    .orderBy(asc(replyDrafts.version))
    .all();
const lastEvent = async (id: number) =>
  (
    await t.db
      .select({ action: events.action, comment: events.comment })
      .from(events)
      .where(eq(events.proposalId, id))
      .orderBy(asc(events.id))
      .all()
  ).at(-1);
const uploadRow = async (ref: string) => t.db.select().from(uploads).where(eq(uploads.id, ref)).get();

describe("从 Word 导入", () => {
  it("reads the document without saving; the confirmation saves it as a new version, logged as from Word", async () => {
    const id = await drafted();
    const [first] = await draftsOf(id);
    const before = await lastEvent(id);
    const ref = await uploaded("jiangmj", "答复函（修改稿）.docx", await wordDocument());

    const read = ok(await importWordDraft(t.db, await t.user("jiangmj"), id, ref));
    expect(read).toEqual({
      fileName: "答复函（修改稿）.docx",
      body: IMPORTED_BODY,
      warnings: [expect.stringContaining("1 个表格已转为文字")],
      omitted: [],
    });
    // Nothing saved, the upload used up.
    expect(await draftsOf(id)).toEqual([first]);
    expect(await lastEvent(id)).toEqual(before);
    expect(await uploadRow(ref)).toBeUndefined();
    expect(fs.existsSync(incomingPath(ref))).toBe(false);

    // 保存为新版本: 保存草稿 of the imported body, on top of the version it was compared with.
    const handler = await t.user("jiangmj");
    expect(
      ok(await saveDraft(t.db, handler, id, { ...SAMPLE_DRAFT, body: read.body }, { basedOn: first!.id }, { importedFrom: read.fileName })),
    ).toEqual({
      version: 2,
    });
    expect((await draftsOf(id)).map((d) => [d.version, d.body])).toEqual([
      [1, SAMPLE_DRAFT.body],
      [2, IMPORTED_BODY],
    ]);
    expect(await lastEvent(id)).toEqual({ action: "save_draft", comment: "正文从 Word 文档“答复函（修改稿）.docx”导入" });
  });

  it("is refused to whoever may not save the draft, and to anyone once it is in review; the upload stays theirs", async () => {
    const id = await drafted();
    // 党群工作部 has no part in this proposal; 邓敏军 signs drafts off but does not write them.
    for (const [login, reason] of [
      ["dqgzb", "只有主办单位的承办人可以执行此操作"],
      ["dengmj", "只有主办单位的承办人可以执行此操作"],
    ] as const) {
      const ref = await uploaded(login, "答复.docx", await wordDocument());
      expect(await importWordDraft(t.db, await t.user(login), id, ref)).toEqual({ ok: false, reason });
      expect(await uploadRow(ref)).toBeDefined();
    }
    // Another user's upload is not 蒋明杰's to read.
    const theirs = await uploaded("dqgzb", "答复.docx", await wordDocument());
    expect(await importWordDraft(t.db, await t.user("jiangmj"), id, theirs)).toEqual({
      ok: false,
      reason: "上传的文件已失效或已被使用，请移除后重新上传",
    });

    ok(await submitForSignOff(t.db, await t.user("jiangmj"), id));
    const ref = await uploaded("jiangmj", "答复.docx", await wordDocument());
    expect(await importWordDraft(t.db, await t.user("jiangmj"), id, ref)).toEqual({ ok: false, reason: "答复函正在审签，不能修改" });
    expect((await draftsOf(id)).map((d) => d.version)).toEqual([1]);
  });

  it("refuses a .doc renamed .docx with a Chinese reason, and uses the upload up", async () => {
    const id = await drafted();
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const ref = await uploaded("jiangmj", "答复.docx", ole);
    expect(await importWordDraft(t.db, await t.user("jiangmj"), id, ref)).toEqual({
      ok: false,
      reason: "这是旧版 Word（.doc）文件，请在 Word 或 WPS 中“另存为” .docx 格式后再上传",
    });
    expect(await uploadRow(ref)).toBeUndefined();
    expect((await draftsOf(id)).map((d) => d.version)).toEqual([1]);
  });
});

describe("the upload route with purpose=wordDraft", () => {
  async function post(name: string, bytes: Uint8Array) {
    const { POST } = await import("@/app/api/uploads/route");
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), name);
    const response = await POST(
      new Request("http://app.test/api/uploads?purpose=wordDraft", {
        method: "POST",
        body: form,
        headers: { origin: "http://app.test", host: "app.test" },
      }),
    );
    return { status: response.status, body: await response.text() };
  }

  it("takes a .docx by its first bytes and refuses a PDF named .docx; only handlers upload", async () => {
    caller.user = { ...(await t.user("jiangmj")) };
    const taken = await post("答复.docx", await wordDocument());
    expect(taken.status).toBe(200);
    const { id } = JSON.parse(taken.body) as { id: string };
    expect(
      await t.db.select({ purpose: uploads.purpose, mimeType: uploads.mimeType }).from(uploads).where(eq(uploads.id, id)).get(),
    ).toEqual({
      purpose: "wordDraft",
      mimeType: DOCX_MIME,
    });
    expect(await post("答复.docx", new TextEncoder().encode("%PDF-1.7\n"))).toEqual({
      status: 422,
      body: "文件不是 Word 文档（.docx），请在 Word 或 WPS 中打开后“另存为” .docx 格式再上传",
    });
    caller.user = { ...(await t.user("dengmj")) };
    expect(await post("答复.docx", await wordDocument())).toEqual({ status: 403, body: "您没有上传此类文件的权限" });
  });
});
