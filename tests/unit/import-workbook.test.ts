/** The .xlsx side of the import: the template, reading uploaded files cell by cell, attachments and the registration form. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { checkAttachment, checkMeetingPhoto, checkSealedScan, MAX_ATTACHMENT_BYTES } from "@/lib/import/attachments";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "@/lib/import/columns";
import { registrationInput } from "@/lib/import/forms";
import { buildTemplate, cellText, readSheetRows } from "@/lib/import/workbook";
import { fieldErrorsOf } from "@/lib/validation/common";

async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("清单"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("the template", () => {
  it("has the header row in column order, the units and categories, and the notes", async () => {
    const bytes = await buildTemplate({
      units: [{ name: "重庆高新区科技创新局", shortName: "高新区科技创新局" }],
      categories: [{ name: "科技、教育" }, { name: "城乡建设" }],
    });
    const read = await readSheetRows(bytes);
    expect(read).toEqual({ ok: true, rows: [IMPORT_COLUMNS.map((c) => c.header)] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["交办清单", "单位和分类", "填写说明"]);
    const ref = workbook.getWorksheet("单位和分类")!;
    expect(ref.getCell("A2").value).toBe("重庆高新区科技创新局");
    expect(ref.getCell("B2").value).toBe("高新区科技创新局");
    expect(ref.getCell("C3").value).toBe("城乡建设");
    expect(String(workbook.getWorksheet("交办清单")!.getCell("A1").note)).toContain("必填");
  });
});

describe("reading an uploaded file", () => {
  it("turns every kind of cell into the text it shows", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(["编号", "标题", "收到日期"]);
      sheet.addRow([7, { richText: [{ text: "关于" }, { text: "停车", font: { bold: true } }] }, new Date(Date.UTC(2026, 0, 15))]);
      sheet.addRow([]);
      sheet.addRow([{ formula: "4+4", result: 8 }, { text: "链接标题", hyperlink: "https://example.org" }, "2026/1/16"]);
      sheet.getCell("E5").value = "远处的单元格";
    });
    expect(await readSheetRows(bytes)).toEqual({
      ok: true,
      rows: [
        ["编号", "标题", "收到日期"],
        ["7", "关于停车", "2026-01-15"],
        [],
        ["8", "链接标题", "2026/1/16"],
        ["", "", "", "", "远处的单元格"],
      ],
    });
  });

  it("shows an error cell as its error code", () => {
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("true");
  });

  it("refuses empty, old-format, foreign and broken files with a Chinese message", async () => {
    expect(await readSheetRows(new Uint8Array())).toEqual({ ok: false, message: "上传的文件是空的" });
    expect(await readSheetRows(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({
      ok: false,
      message: "这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再上传",
    });
    expect(await readSheetRows(new TextEncoder().encode("编号,标题\n1,关于"))).toEqual({
      ok: false,
      message: "无法识别文件格式，请上传 .xlsx 格式的 Excel 文件",
    });
    const truncated = (await xlsx((s) => s.addRow(["编号"]))).slice(0, 200);
    expect(await readSheetRows(truncated)).toEqual({ ok: false, message: expect.stringContaining("文件无法读取") });
    expect(await readSheetRows(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x50))).toEqual({
      ok: false,
      message: "文件超过 5 MB，请拆分后分批导入",
    });
  });
});

/** A small workbook whose first sheet's XML is replaced by `sheetXml` (exceljs writes the rest). */
async function withSheet(sheetXml: string, extraSheets = 0): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await xlsx((s) => s.addRow(["编号"])));
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  for (let i = 0; i < extraSheets; i++) zip.file(`xl/worksheets/extra${i}.xml`, "<worksheet/>");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

const sheetOf = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe("a workbook that unpacks to more than the server can hold", () => {
  it("refuses a zip bomb (120 MB of sheet in a few hundred KB) before unpacking it", async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>';
    const bomb = await withSheet(sheetOf(rows.repeat(Math.ceil((120 * 1024 * 1024) / rows.length))));
    expect(bomb.byteLength).toBeLessThan(MAX_IMPORT_BYTES);
    const started = performance.now();
    expect(await readSheetRows(bomb)).toEqual({ ok: false, message: expect.stringMatching(/^文件解压后过大（约 120 MB，最多 40 MB）/) });
    expect(performance.now() - started).toBeLessThan(1000);
  }, 90_000);

  it("refuses a bomb whose directory understates the unpacked size", async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const bomb = Buffer.from(await withSheet(sheetOf(rows.repeat(Math.ceil((60 * 1024 * 1024) / rows.length)))));
    // Both the central directory's and the local header's size of sheet1.xml say 1 KB.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let i = bomb.indexOf(name); i >= 0; i = bomb.indexOf(name, i + 1)) {
      if (bomb.readUInt32LE(i - 46) === 0x02014b50) bomb.writeUInt32LE(1024, i - 46 + 24);
      else if (bomb.readUInt32LE(i - 30) === 0x04034b50) bomb.writeUInt32LE(1024, i - 30 + 22);
    }
    expect(await readSheetRows(bomb)).toEqual({ ok: false, message: expect.stringContaining("文件无法读取") });
  }, 90_000);

  it("refuses too many cells, rows or sheets before exceljs builds them", async () => {
    const cells = Array.from({ length: 120_000 }, (_, i) => `<c r="A${i + 1}"/>`).join("");
    expect(await readSheetRows(await withSheet(sheetOf(`<row r="1">${cells}</row>`)))).toEqual({
      ok: false,
      message: expect.stringMatching(/^文件中的单元格过多（120000 个/),
    });
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    expect(await readSheetRows(await withSheet(sheetOf(rows)))).toEqual({
      ok: false,
      message: expect.stringMatching(/^文件中的行数过多（20000 行/),
    });
    expect(await readSheetRows(await withSheet(sheetOf(""), 12))).toEqual({
      ok: false,
      message: expect.stringMatching(/^文件中的工作表过多（13 个/),
    });
  }, 90_000);

  it("still reads a full list of 2000 rows", async () => {
    const bytes = await xlsx((sheet) => {
      for (let i = 0; i < 2001; i++) sheet.addRow(Array.from({ length: 12 }, (_, c) => `第${i}行第${c}列`));
    });
    const read = await readSheetRows(bytes);
    expect(read.ok && read.rows.length).toBe(2001);
  }, 90_000);
});

describe("attachments", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n...");
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const received = (name: string, head: Uint8Array, size = head.length) => ({ name, head, size });

  it("accepts PDF, Word and images whose content matches the name, and sets the type itself", () => {
    expect(checkAttachment(received("C:\\材料\\提案原件.PDF", pdf))).toEqual({
      ok: true,
      fileName: "提案原件.PDF",
      mimeType: "application/pdf",
    });
    expect(checkAttachment(received("现场.png", png))).toEqual({ ok: true, fileName: "现场.png", mimeType: "image/png" });
  });

  it("keeps no control characters or bidi overrides in the name", () => {
    expect(checkAttachment(received("材料\u202Efdp.docx\u0000.pdf", pdf))).toMatchObject({ ok: true, fileName: "材料fdp.docx.pdf" });
  });

  it("refuses other types, disguised, empty and oversized files", () => {
    expect(checkAttachment(received("a.exe", pdf))).toMatchObject({ ok: false, message: expect.stringContaining("类型不支持") });
    expect(checkAttachment(received("a.pdf", png))).toEqual({ ok: false, message: "附件“a.pdf”的内容与扩展名不符，请确认文件未损坏" });
    expect(checkAttachment(received("a.pdf", pdf, MAX_ATTACHMENT_BYTES + 1))).toEqual({ ok: false, message: "附件“a.pdf”超过 10 MB" });
    expect(checkAttachment(received("a.pdf", new Uint8Array(0)))).toEqual({ ok: false, message: "附件“a.pdf”是空文件" });
  });

  it("takes only a PDF, by its first bytes, as the scan of the sealed letter", () => {
    expect(checkSealedScan(received("盖章件.PDF", pdf))).toEqual({ ok: true, fileName: "盖章件.PDF", mimeType: "application/pdf" });
    // A photo of the letter, or a photo renamed .pdf, is refused: the scan is served as 原文下载.
    expect(checkSealedScan(received("盖章件.png", png))).toEqual({
      ok: false,
      message: "盖章件扫描件“盖章件.png”的类型不支持；只接受 PDF 文件",
    });
    expect(checkSealedScan(received("盖章件.pdf", png))).toEqual({
      ok: false,
      message: "盖章件扫描件“盖章件.pdf”的内容与扩展名不符，请确认文件未损坏",
    });
    expect(checkSealedScan(received("盖章件.pdf", pdf, MAX_ATTACHMENT_BYTES + 1))).toMatchObject({
      ok: false,
      message: expect.stringContaining("超过 10 MB"),
    });
  });

  it("takes JPEG, PNG and WebP, by their first bytes, as a meeting's photos, each within the attachment limit", () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 0, 0, 0]);
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x10, 0x20, 0, 0, 0x57, 0x45, 0x42, 0x50]);
    expect(checkMeetingPhoto(received("合影.jpeg", jpeg))).toEqual({ ok: true, fileName: "合影.jpeg", mimeType: "image/jpeg" });
    expect(checkMeetingPhoto(received("会场.PNG", png))).toEqual({ ok: true, fileName: "会场.PNG", mimeType: "image/png" });
    expect(checkMeetingPhoto(received("签到.webp", webp))).toEqual({ ok: true, fileName: "签到.webp", mimeType: "image/webp" });
    expect(checkMeetingPhoto(received("纪要.pdf", pdf))).toEqual({
      ok: false,
      message: "照片“纪要.pdf”的类型不支持；只接受 JPG、PNG、WebP 照片",
    });
    // RIFF alone is not WebP (a WAV renamed), nor are its first 4 bytes when the file ends there.
    expect(
      checkMeetingPhoto(
        received(
          "录音.webp",
          webp.map((b, i) => (i === 9 ? 0x41 : b)),
        ),
      ),
    ).toMatchObject({ ok: false });
    expect(checkMeetingPhoto(received("短.webp", webp.subarray(0, 4)))).toMatchObject({ ok: false });
    expect(checkMeetingPhoto(received("合影.jpg", jpeg, MAX_ATTACHMENT_BYTES + 1))).toEqual({
      ok: false,
      message: "照片“合影.jpg”超过 10 MB",
    });
    // A WebP is not among a proposal's attachments.
    expect(checkAttachment(received("签到.webp", webp))).toMatchObject({ ok: false, message: expect.stringContaining("类型不支持") });
  });
});

describe("the registration form", () => {
  const form = {
    sessionId: "2",
    number: "181",
    title: "关于加快科技成果转化的建议",
    proposer: "刘新荣",
    coSigners: "李晓燕、王海涛",
    seconders: "",
    categoryId: "",
    body: "一、现状",
    receivedOn: "2026-01-15",
    isKey: "on",
  };

  it("reads the fields, splitting names and turning checkboxes into booleans", () => {
    expect(registrationInput.parse(form)).toEqual({
      sessionId: 2,
      number: 181,
      title: "关于加快科技成果转化的建议",
      proposer: "刘新荣",
      coSigners: ["李晓燕", "王海涛"],
      seconders: [],
      categoryId: null,
      body: "一、现状",
      receivedOn: "2026-01-15",
      isKey: true,
      isUrgent: false,
      wantsMeeting: false,
      createMembers: false,
    });
  });

  it("words every refusal in Chinese", () => {
    const parsed = registrationInput.safeParse({
      ...form,
      sessionId: "",
      number: "12a",
      title: "",
      proposer: " ",
      body: "",
      receivedOn: "",
    });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      sessionId: "请选择届次会议",
      number: "编号应为 1–999999 的整数",
      title: "请填写标题",
      proposer: "请填写提案人",
      body: "请填写提案内容",
      receivedOn: "请填写收到日期",
    });
    expect(fieldErrorsOf(registrationInput.safeParse({ ...form, number: "0" }).error!)).toEqual({ number: "编号应为 1–999999 的整数" });
    // A date is short: a long text is refused here rather than echoed back in the date's message.
    expect(fieldErrorsOf(registrationInput.safeParse({ ...form, receivedOn: "长".repeat(100_000) }).error!)).toEqual({
      receivedOn: "收到日期不能超过 20 个字",
    });
  });
});
