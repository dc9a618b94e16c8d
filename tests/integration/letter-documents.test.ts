/**
 * The reply letter as documents, from the demo data: the PDF (printed by Chromium from the print
 * view) and the DOCX are generated, then opened again with pdfjs-dist and JSZip, and must carry the
 * letter's parts. Also who gets which letters, and the receipt links on them.
 */
import { and, eq, sql } from "drizzle-orm";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closePdfBrowser, lettersPdf } from "@/app/letters/_server/letter-pdf";
import { approveReply } from "@/db/handling/sign-off";
import { letterDocuments, type LetterDocuments, type LetterRequest } from "@/db/queries/letter-documents";
import { proposals, replies, replyDrafts, sessions } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { chineseDate } from "@/lib/format";
import { letterDocx } from "@/lib/letter-docx";
import { DOCX_FONTS } from "@/lib/official-docx";
import { demoDatabase } from "./demo-db";

const TITLE_180 = "重庆高新区科技创新局关于政协重庆市九龙坡区第十一届委员会第二次会议第180号提案的答复函";
const CLOSING_180 = "此答复函已经邓敏军局长审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。";
const CONTACT_180 = "(联系人:蒋明杰,联系电话:023—68511253)";
const ORIGIN = "https://tian.example.gov.cn";

let t: Awaited<ReturnType<typeof demoDatabase>>;
let reply180: { id: number; docNumber: string; writtenOn: string };
let draft180: number;
/** 关于提升科技企业孵化器运营水平的建议: replied, a lead proposer and a co-signer, no receipts yet. */
let jointReply: number;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "integration-test-secret-0123456789");
  t = await demoDatabase();
  const id180 = (await t.db
    .select({ id: proposals.id })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(and(eq(proposals.number, 180), eq(sessions.meeting, "第二次会议")))
    .get())!.id;
  draft180 = (await t.db
    .select({ id: replyDrafts.id })
    .from(replyDrafts)
    .where(and(eq(replyDrafts.proposalId, id180), eq(replyDrafts.version, 2)))
    .get())!.id;
  const approved = await approveReply(t.db, await t.user("dengmj"), id180, null);
  if (!approved.ok) throw new Error(approved.reason);
  reply180 = (await t.db.select().from(replies).where(eq(replies.proposalId, id180)).get())!;
  const joint = (await t.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.title, "关于提升科技企业孵化器运营水平的建议"))
    .get())!.id;
  jointReply = (await t.db.select({ id: replies.id }).from(replies).where(eq(replies.proposalId, joint)).get())!.id;
});

afterAll(async () => {
  await closePdfBrowser();
  t.cleanup();
  vi.unstubAllEnvs();
});

const request = (source: LetterRequest["source"], more: Partial<LetterRequest> = {}): LetterRequest => ({
  source,
  scope: "all",
  to: null,
  showResultClass: false,
  origin: ORIGIN,
  ...more,
});

async function documents(actor: Actor, req: LetterRequest): Promise<LetterDocuments> {
  const result = await letterDocuments(t.db, actor, req);
  if (!result.ok) throw new Error(result.message);
  return result.docs;
}

/** Every page's size and text (whitespace removed: the PDF places characters one by one). */
async function readPdf(data: Uint8Array) {
  const pdf = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join("");
    pages.push({
      width: Math.round(page.view[2]! - page.view[0]!),
      height: Math.round(page.view[3]! - page.view[1]!),
      text: text.replace(/\s+/g, ""),
    });
  }
  return pages;
}

/** A page's text without its page number, which Chromium draws first. */
const withoutPageNumber = (text: string) => text.replace(/—\d+—/, "");

/** The text of every w:t in a part of the .docx, paragraph by paragraph. */
async function readDocx(data: Uint8Array) {
  const zip = await JSZip.loadAsync(data);
  const xml = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const document = await xml("word/document.xml");
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
  );
  return { zip, document, styles: await xml("word/styles.xml"), paragraphs };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');

describe("the PDF of a signed reply", () => {
  it("is A4 with selectable text: 发文字号, title, salutation, closing naming the director, date, contact, receipt link, page numbers", async () => {
    const docs = await documents(await t.user("jiangmj"), request({ kind: "reply", replyId: reply180.id }));
    expect(docs.sheets).toHaveLength(1);
    const receiptUrl = docs.sheets[0]!.receipt!.url;
    expect(receiptUrl).toMatch(new RegExp(`^${ORIGIN}/receipt/[0-9a-z]+\\.[0-9a-z]+\\.[0-9a-z]+\\.[\\w-]{22}$`));
    const pages = await readPdf(await lettersPdf(docs.sheets, docs.baseName));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect([page.width, page.height]).toEqual([595, 842]);
    const first = pages[0]!.text;
    expect(reply180.docNumber).toMatch(/^渝高新科函〔\d{4}〕\d+号$/);
    expect(first).toContain(reply180.docNumber);
    expect(first.indexOf(reply180.docNumber)).toBeLessThan(first.indexOf(TITLE_180));
    expect(first).toContain("刘新荣委员:");
    expect(first).toContain("一、工作开展情况");
    expect(first).toContain("—1—");
    const all = pages.map((p) => p.text).join("");
    expect(all).toContain(CLOSING_180);
    expect(chineseDate(reply180.writtenOn)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(all).toContain(`重庆高新区科技创新局${chineseDate(reply180.writtenOn)}`);
    expect(all).toContain(CONTACT_180);
    expect(all).toContain(receiptUrl);
    for (const [i, page] of pages.entries()) expect(page.text).toContain(`—${i + 1}—`);
  });

  it("prints the result class at the top right only when asked", async () => {
    const plain = await documents(await t.user("jiangmj"), request({ kind: "reply", replyId: reply180.id }));
    const marked = await documents(await t.user("jiangmj"), request({ kind: "reply", replyId: reply180.id }, { showResultClass: true }));
    expect(plain.sheets[0]!.letter.resultClass).toBeNull();
    const resultClass = marked.sheets[0]!.letter.resultClass!;
    expect(resultClass).toMatch(/^[ABCD]$/);
    const [page] = await readPdf(await lettersPdf(marked.sheets, marked.baseName));
    expect(withoutPageNumber(page!.text).startsWith(`${resultClass}${reply180.docNumber}${TITLE_180}`)).toBe(true);
  });

  it("of a joint proposal has one letter per proposer and co-signer, each from page 1 with its own receipt link", async () => {
    const docs = await documents(await t.user("coordinator"), request({ kind: "reply", replyId: jointReply }));
    expect(docs.sheets).toHaveLength(2);
    const [lead, cosigner] = docs.sheets as [LetterDocuments["sheets"][number], LetterDocuments["sheets"][number]];
    expect(lead.letter.salutation).not.toBe(cosigner.letter.salutation);
    expect(lead.receipt!.url).not.toBe(cosigner.receipt!.url);
    const pages = await readPdf(await lettersPdf(docs.sheets, docs.baseName));
    const starts = pages.flatMap((p, i) => (p.text.includes("—1—") ? [i] : []));
    expect(starts).toHaveLength(2);
    expect(pages[starts[0]!]!.text).toContain(lead.letter.salutation);
    expect(pages[starts[1]!]!.text).toContain(cosigner.letter.salutation);
    expect(
      pages
        .slice(0, starts[1])
        .map((p) => p.text)
        .join(""),
    ).toContain(lead.receipt!.url);
    expect(
      pages
        .slice(starts[1])
        .map((p) => p.text)
        .join(""),
    ).toContain(cosigner.receipt!.url);
  });
});

describe("the DOCX of a signed reply", () => {
  it("has the letter's parts as paragraphs, heading styles, named fonts and an A4 section per letter", async () => {
    const docs = await documents(await t.user("jiangmj"), request({ kind: "reply", replyId: reply180.id }));
    const { paragraphs, document, styles, zip } = await readDocx(await letterDocx(docs.sheets, docs.baseName));
    const text = paragraphs.map(unescapeXml);
    expect(text).toContain(reply180.docNumber);
    expect(text).toContain(TITLE_180);
    expect(text).toContain("刘新荣委员:");
    expect(text).toContain(CLOSING_180);
    expect(text).toContain("重庆高新区科技创新局");
    expect(text).toContain(chineseDate(reply180.writtenOn));
    expect(text).toContain(CONTACT_180);
    expect(text.indexOf(reply180.docNumber)).toBeLessThan(text.indexOf(TITLE_180));
    expect(text.indexOf(CLOSING_180)).toBeLessThan(text.indexOf(CONTACT_180));
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?一、工作开展情况/);
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?\(一\)加强政策保障/);
    expect(document).toMatch(/<w:pStyle w:val="Title"\/>/);
    for (const name of Object.values(DOCX_FONTS))
      expect(styles + document + (await zip.file("word/footer1.xml")?.async("string"))).toContain(name);
    expect(document.match(/<w:sectPr/g)).toHaveLength(1);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgNumType w:start="1"/);
    expect(Object.keys(zip.files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    expect(document).toContain(docs.sheets[0]!.receipt!.url);
  });

  it("of a joint proposal has a section per addressee, each numbered from 1", async () => {
    const docs = await documents(await t.user("coordinator"), request({ kind: "reply", replyId: jointReply }));
    const { document } = await readDocx(await letterDocx(docs.sheets, docs.baseName));
    expect(document.match(/<w:sectPr/g)).toHaveLength(2);
    expect(document.match(/<w:pgNumType w:start="1"/g)).toHaveLength(2);
    for (const sheet of docs.sheets) expect(document).toContain(sheet.letter.salutation);
  });
});

describe("who gets which letters", () => {
  const refusal = async (login: string, req: LetterRequest) => {
    const result = await letterDocuments(t.db, await t.user(login), req);
    return result.ok ? "ok" : result.status;
  };

  it("a proposer gets only their own letter, whatever they ask for", async () => {
    const all = await documents(await t.user("coordinator"), request({ kind: "reply", replyId: jointReply }));
    const cosignerId = all.addressees[1]!.id;
    const cosigner = (await t.db.get<{ username: string }>(sql`select username from users where id = ${cosignerId}`))!;
    const own = await documents(
      await t.user(cosigner.username),
      request({ kind: "reply", replyId: jointReply }, { to: all.addressees[0]!.id }),
    );
    expect(own.sheets.map((s) => s.letter.salutation)).toEqual([all.sheets[1]!.letter.salutation]);
    expect(own.addressees.map((a) => a.id)).toEqual([cosignerId]);
    expect(own.sheets[0]!.receipt).not.toBeNull();
  });

  it("a member of another proposal, a unit not handling it and the admin are refused; a co-handling unit gets no receipt link", async () => {
    expect(await refusal("liuxr", request({ kind: "reply", replyId: jointReply }))).toBe(403);
    expect(await refusal("jsj", request({ kind: "reply", replyId: reply180.id }))).toBe(403);
    expect(await refusal("admin", request({ kind: "reply", replyId: reply180.id }))).toBe(403);
    expect(await refusal("jiangmj", request({ kind: "reply", replyId: 999_999 }))).toBe(404);
    const coUnit = await documents(await t.user("dqgzb"), request({ kind: "reply", replyId: reply180.id }));
    expect(coUnit.sheets[0]!.receipt).toBeNull();
  });

  it("drafts only for the lead unit and the coordinating office, marked 草稿 without a number", async () => {
    expect(await refusal("dqgzb", request({ kind: "draft", draftId: draft180 }))).toBe(403);
    expect(await refusal("liuxr", request({ kind: "draft", draftId: draft180 }))).toBe(403);
    const draft = await documents(await t.user("jiangmj"), request({ kind: "draft", draftId: draft180 }));
    expect(draft.sheets).toMatchObject([{ draft: true, docNumber: null, receipt: null }]);
    expect((await documents(await t.user("coordinator"), request({ kind: "draft", draftId: draft180 }))).sheets).toHaveLength(1);
    const [page] = await readPdf(await lettersPdf(draft.sheets, draft.baseName));
    expect(withoutPageNumber(page!.text).startsWith(`草稿${TITLE_180}`)).toBe(true);
  });

  it("the print view shows one letter at a time: the lead proposer's unless another is named", async () => {
    const all = await documents(await t.user("coordinator"), request({ kind: "reply", replyId: jointReply }));
    const one = await documents(await t.user("coordinator"), request({ kind: "reply", replyId: jointReply }, { scope: "one" }));
    expect(one.sheets.map((s) => s.letter.salutation)).toEqual([all.sheets[0]!.letter.salutation]);
    const named = await documents(
      await t.user("coordinator"),
      request({ kind: "reply", replyId: jointReply }, { scope: "one", to: all.addressees[1]!.id }),
    );
    expect(named.sheets.map((s) => s.letter.salutation)).toEqual([all.sheets[1]!.letter.salutation]);
  });
});
