/**
 * 从 Word 导入: a .docx read back into a reply draft's body. The system's own Word letter round-trips to its
 * body; a document written the Word way (heading styles, automatic numbering, a table, an image) comes out
 * with its 一、/（一） written and a warning for what was turned into text or left out; anything that is not
 * a .docx is refused with a Chinese reason, a zip bomb before it is unpacked.
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { checkWordDraftFile } from "@/lib/import/word-file";
import { readWordDraft } from "@/lib/import/word-read";
import { composeLetter, type LetterInput } from "@/lib/letter";
import { normaliseBody, parseBody } from "@/lib/letter-body";
import { letterDocx } from "@/lib/letter-docx";
import { chineseNumeral, draftFromHtml } from "@/lib/word-draft";
import { LETTER_180 } from "./letter-180";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const LETTER: LetterInput = { ...LETTER_180, coUnits: ["重庆高新区党群工作部", "重庆高新区创新服务中心"], signer: null };

async function read(bytes: Uint8Array) {
  const result = await readWordDraft(bytes);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("the system's own Word letter", () => {
  it("reads back as the draft's body, headings and all, with the parts the system writes left out", async () => {
    const letter = composeLetter(LETTER, { showResultClass: true });
    const docx = await letterDocx([{ letter, docNumber: null, draft: true, receipt: null }], "答复函");
    const draft = await read(docx);
    expect(draft.body).toBe(normaliseBody(LETTER.body));
    expect(parseBody(draft.body)).toEqual(letter.body);
    expect(
      parseBody(draft.body)
        .filter((b) => b.kind !== "p")
        .map((b) => b.text),
    ).toEqual([
      "一、工作开展情况",
      "(一)加强政策保障",
      "(二)支持技术研发",
      "(三)推动成果转化",
      "二、下一步工作计划",
      "(一)加大政策落实力度",
      "(二)支持人才创新创业",
      "(三)促进科技成果转化",
    ]);
    expect(draft.omitted).toEqual(["“草稿”标记", "办理结果类别", "标题", "称呼", "开头语", "联系人", "日期", "落款单位", "结尾语"]);
    expect(draft.warnings).toEqual([]);
  });

  it("reads back from a signed letter with its number and receipt note too", async () => {
    const letter = composeLetter({ ...LETTER, signer: { name: "邓敏军", title: "局长" } });
    const receipt = { url: "https://tian.example.gov.cn/receipt/abc", qrSvg: "", qrPng: PNG, validUntil: "2023年6月30日" };
    const docx = await letterDocx([{ letter, docNumber: "渝高新科函〔2023〕12号", draft: false, receipt }], "答复函");
    const draft = await read(docx);
    expect(draft.body).toBe(normaliseBody(LETTER.body));
    expect(draft.omitted).toEqual(expect.arrayContaining(["发文字号", "标题", "回执说明", "结尾语"]));
  });
});

/** Word's multilevel list of a letter: 一、, （一）, 1. */
const SECTIONS_NUMBERING = {
  reference: "sections",
  levels: [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
    { level: 2, format: LevelFormat.DECIMAL, text: "%3.", alignment: AlignmentType.LEFT },
  ],
};

/** A document as a Word user writes one: heading styles, automatic numbering in 一、/（一） and decimal formats, a table, an image. */
async function wordStyleDocument(): Promise<Buffer> {
  const cell = (...lines: string[]) => new TableCell({ children: lines.map((line) => new Paragraph(line)) });
  const document = new Document({
    numbering: {
      config: [
        SECTIONS_NUMBERING,
        { reference: "points", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ style: "Title", children: [new TextRun("重庆高新区科技创新局关于第180号提案的答复函")] }),
          new Paragraph("刘新荣委员："),
          new Paragraph("您提出的《关于抢抓人才红利机遇的建议》收悉，现答复如下："),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("工作开展情况")] }),
          new Paragraph({ children: [new TextRun("今年以来，   我局围绕  人才引育开展工作。")] }),
          new Paragraph(""),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("加强政策保障")] }),
          new Paragraph("发布“金凤凰”人才支持政策。"),
          // Numbered by Word inside the section the heading style opened: its （二）, continuing the count.
          new Paragraph({ numbering: { reference: "points", level: 0 }, children: [new TextRun("强化服务保障")] }),
          new Table({
            rows: [
              new TableRow({ children: [cell("指标"), cell("完成情况")] }),
              new TableRow({ children: [cell("服务企业"), cell("120", "家")] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: "png", data: PNG, transformation: { width: 20, height: 20 } })] }),
          // Typed as text: kept, and the count goes on from it.
          new Paragraph("二、下一步打算"),
          new Paragraph({ numbering: { reference: "points", level: 0 }, children: [new TextRun("完善人才政策")] }),
          new Paragraph({ numbering: { reference: "points", level: 0 }, children: [new TextRun("深化产教融合")] }),
          new Paragraph({ children: [new TextRun("感谢您对科技创新工作的关心和支持。")] }),
          new Paragraph("重庆高新区科技创新局"),
          new Paragraph("2026年5月16日"),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A document numbered by Word throughout (一、 and （一） from one multilevel list), its lists broken by paragraphs. */
async function numberedDocument(): Promise<Buffer> {
  const item = (level: number, text: string) =>
    new Paragraph({ numbering: { reference: "sections", level }, children: [new TextRun(text)] });
  const document = new Document({
    numbering: {
      config: [SECTIONS_NUMBERING],
    },
    sections: [
      {
        children: [
          item(0, "工作开展情况"),
          item(1, "加强政策保障"),
          new Paragraph("发布人才支持政策。"),
          item(1, "强化人才引育"),
          item(2, "引进博士"),
          item(2, "培养工程师"),
          item(0, "下一步打算"),
          item(1, "完善机制"),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe("a document written in Word", () => {
  it("gets its heading styles and automatic numbers written as 一、 and （一）, the count going on from typed numbers", async () => {
    const draft = await read(await wordStyleDocument());
    expect(draft.body.split("\n\n")).toEqual([
      "一、工作开展情况",
      "今年以来， 我局围绕 人才引育开展工作。",
      "（一）加强政策保障",
      "发布“金凤凰”人才支持政策。",
      "（二）强化服务保障",
      "指标｜完成情况",
      "服务企业｜120 家",
      "二、下一步打算",
      "（一）完善人才政策",
      "（二）深化产教融合",
      "感谢您对科技创新工作的关心和支持。",
    ]);
    expect(parseBody(draft.body).map((b) => b.kind)).toEqual(["h1", "p", "h2", "p", "h2", "p", "p", "h1", "h2", "h2", "p"]);
    expect(draft.omitted).toEqual(["标题", "称呼", "开头语", "日期", "落款单位"]);
  });

  it("warns that the table became text and the image was left out", async () => {
    const draft = await read(await wordStyleDocument());
    expect(draft.warnings).toEqual([
      "文档中的 1 个表格已转为文字（每行一段，单元格之间以“｜”分隔），请核对。",
      "文档中的 1 张图片未导入；如需随答复提供，请作为答复附件上传。",
    ]);
  });

  it("numbers a multilevel list across the paragraphs that break it: 一、 (一) 1. by level", async () => {
    const draft = await read(await numberedDocument());
    expect(draft.body.split("\n\n")).toEqual([
      "一、工作开展情况",
      "（一）加强政策保障",
      "发布人才支持政策。",
      "（二）强化人才引育",
      "1.引进博士",
      "2.培养工程师",
      "二、下一步打算",
      "（一）完善机制",
    ]);
    expect(draft.warnings).toEqual([]);
  });

  it("knows the heading styles by the names WPS gives them (标题 1, 标题 2)", async () => {
    const document = new Document({
      styles: {
        paragraphStyles: [
          { id: "wps1", name: "标题 1", basedOn: "Normal", run: { bold: true } },
          { id: "wps2", name: "标题 2", basedOn: "Normal", run: { bold: true } },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ style: "wps1", children: [new TextRun("工作开展情况")] }),
            new Paragraph({ style: "wps2", children: [new TextRun("加强政策保障")] }),
            new Paragraph("已出台专项政策。"),
          ],
        },
      ],
    });
    expect((await read(await Packer.toBuffer(document))).body).toBe("一、工作开展情况\n\n（一）加强政策保障\n\n已出台专项政策。");
  });
});

describe("the HTML mammoth writes", () => {
  it("keeps typed numbers as typed and replaces a typed decimal number in a styled heading", () => {
    const draft = draftFromHtml("<h1>1. 总体情况</h1><p>一、</p><h2>（三）已有编号</h2><h2>新的小节</h2><p>第一行<br />第二行</p>");
    expect(draft.body.split("\n\n")).toEqual(["一、总体情况", "一、", "（三）已有编号", "（四）新的小节", "第一行", "第二行"]);
  });

  it("takes a short line ending in a colon for a salutation only under a title or when it names a member", () => {
    expect(draftFromHtml("<p>针对此提案，已重点开展以下工作：</p><p>一、工作开展情况</p>")).toMatchObject({
      body: "针对此提案，已重点开展以下工作：\n\n一、工作开展情况",
      omitted: [],
    });
    expect(draftFromHtml("<p>有关情况如下：</p><p>正文。</p>").omitted).toEqual([]);
    expect(draftFromHtml("<p>刘新荣代表：</p><p>正文。</p>")).toEqual({ body: "正文。", warnings: [], omitted: ["称呼"] });
    expect(draftFromHtml('<p class="title">关于第5号建议的办理情况</p><p>各位领导：</p><p>正文。</p>').omitted).toEqual(["标题", "称呼"]);
  });

  it("leaves footnotes out with a warning, and passes on what mammoth could not read but not its style remarks", () => {
    const html =
      '<p>正文<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>。</p><ol><li id="footnote-1"><p>注释 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    const draft = draftFromHtml(html, [
      { type: "warning", message: "Unrecognised paragraph style: 'Body' (Style ID: Body)" },
      { type: "warning", message: "An unrecognised element was ignored: w:foo" },
    ]);
    expect(draft.body).toBe("正文。");
    expect(draft.warnings).toEqual(["文档中的 1 条脚注或尾注未导入，请核对正文。", "文档中有 1 处内容未能完全识别，请核对导入的正文。"]);
  });

  it("writes section numbers as official documents do", () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(["一", "九", "十", "十一", "二十", "二十一", "九十九"]);
  });
});

describe("a file that is not a .docx", () => {
  const received = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, head: bytes.subarray(0, 12) });
  const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

  it("is refused at upload by its first bytes, whatever its name says", () => {
    expect(checkWordDraftFile(received("答复.doc", OLE))).toEqual({ ok: false, message: expect.stringContaining("旧版 Word（.doc）") });
    expect(checkWordDraftFile(received("答复.docx", OLE))).toEqual({ ok: false, message: expect.stringContaining("旧版 Word（.doc）") });
    expect(checkWordDraftFile(received("答复.docx", new TextEncoder().encode("%PDF-1.7 …")))).toEqual({
      ok: false,
      message: expect.stringContaining("不是 Word 文档"),
    });
    expect(checkWordDraftFile(received("答复.zip", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).toEqual({
      ok: false,
      message: expect.stringContaining("不是 Word 文档"),
    });
    expect(checkWordDraftFile(received("答复.docx", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).toMatchObject({
      ok: true,
      fileName: "答复.docx",
    });
  });

  it("is refused when read: a broken zip, a zip without a document, a renamed .doc", async () => {
    const docx = await wordStyleDocument();
    expect(await readWordDraft(docx.subarray(0, docx.length - 100))).toEqual({ ok: false, message: expect.stringContaining("无法读取") });
    const other = await new JSZip().file("a.txt", "不是 Word").generateAsync({ type: "uint8array" });
    expect(await readWordDraft(other)).toEqual({ ok: false, message: expect.stringContaining("不是 Word 文档") });
    expect(await readWordDraft(OLE)).toEqual({ ok: false, message: expect.stringContaining("旧版 Word") });
    expect(await readWordDraft(new Uint8Array())).toEqual({ ok: false, message: "上传的文件是空的" });
  });

  it("refuses a zip bomb before mammoth unpacks it", async () => {
    // 64 MB of zeros deflate to about 64 KB.
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    zip.file("word/media/zeros.bin", zeros);
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await readWordDraft(bomb)).toEqual({ ok: false, message: expect.stringContaining("解压后过大") });
  });

  it("refuses a document without text", async () => {
    const empty = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("")] }] }));
    expect(await readWordDraft(empty)).toEqual({ ok: false, message: "文档中没有可导入的正文" });
  });
});
