/**
 * The .xlsx side of the assignment list: the template offered for download, and an uploaded file turned
 * into rows of cell strings for `parseAssignmentList`. Bytes in, bytes out; no file or database access.
 */
import ExcelJS from "exceljs";
import type { ReceivedFile } from "./attachments";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "./columns";
import { checkZipLimits } from "./zip-limits";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const TEMPLATE_FILE_NAME = "交办清单模板.xlsx";

const LIST_SHEET = "交办清单";
const REFERENCE_SHEET = "单位和分类";
const NOTES_SHEET = "填写说明";
/** Rows of the list sheet that offer the unit and category drop-downs. */
const TEMPLATE_ROWS = 2000;

export type TemplateReference = {
  units: readonly { name: string; shortName: string }[];
  categories: readonly { name: string }[];
};

/** The template: the list sheet with its header row, the units and categories to pick from, and how to fill it in. */
export async function buildTemplate(reference: TemplateReference): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "提案办理";

  // exceljs supports range-wide validations (worksheet.dataValidations) but its typings omit them.
  const list = workbook.addWorksheet(LIST_SHEET, { views: [{ state: "frozen", ySplit: 1 }] }) as ExcelJS.Worksheet & {
    dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
  };
  list.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = list.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFCE4D6" : "FFEEF2F7" } };
    cell.note = `${c.required ? "必填" : "选填"}：${c.hint}`;
  });
  // The received date is text, so that Excel does not turn 2026-01-15 into a serial number on some systems.
  list.getColumn("receivedOn").numFmt = "@";

  const ref = workbook.addWorksheet(REFERENCE_SHEET);
  ref.columns = [
    { header: "单位全称", width: 36 },
    { header: "单位简称", width: 30 },
    { header: "主题分类", width: 16 },
  ];
  ref.getRow(1).font = { bold: true };
  reference.units.forEach((u, i) => {
    ref.getCell(i + 2, 1).value = u.name;
    ref.getCell(i + 2, 2).value = u.shortName;
  });
  reference.categories.forEach((c, i) => {
    ref.getCell(i + 2, 3).value = c.name;
  });

  const columnLetter = (key: string) => String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.key === key));
  const dropDown = (key: string, source: string, count: number) => {
    if (count === 0) return;
    const letter = columnLetter(key);
    list.dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [`'${REFERENCE_SHEET}'!$${source}$2:$${source}$${count + 1}`],
      showErrorMessage: true,
      // A warning, not a stop: a unit's short name or full name may be typed instead of picked.
      errorStyle: "warning",
      errorTitle: "不在列表中",
      error: `请确认填写的名称与“${REFERENCE_SHEET}”表中的一致`,
    });
  };
  dropDown("leadUnit", "A", reference.units.length);
  dropDown("category", "C", reference.categories.length);

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [
    { header: "列", width: 12 },
    { header: "是否必填", width: 10 },
    { header: "填写要求", width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) notes.addRow([c.header, c.required ? "必填" : "选填", c.hint]);
  notes.addRow([]);
  notes.addRow([
    "说明",
    "",
    `在“${LIST_SHEET}”表中每行填写一件提案，表头行不要修改。有任何一行填写有误时整份文件都不会导入，请按页面提示修改后重新上传。`,
  ]);
  notes.addRow(["", "", `单位和主题分类的名称见“${REFERENCE_SHEET}”表。每次最多导入 2000 行，文件不超过 5 MB。`]);

  // Typed as an ArrayBuffer by exceljs, a Node Buffer at run time: copied into a plain byte array either way.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export type SheetRows = { ok: true; rows: string[][] } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What is wrong with a workbook by its size and first bytes, if anything. */
function workbookProblem(size: number, head: Uint8Array): string | null {
  if (size === 0) return "上传的文件是空的";
  if (size > MAX_IMPORT_BYTES) return "文件超过 5 MB，请拆分后分批导入";
  if (startsWith(head, OLE_MAGIC)) return "这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再上传";
  if (!startsWith(head, ZIP_MAGIC)) return "无法识别文件格式，请上传 .xlsx 格式的 Excel 文件";
  return null;
}

/**
 * An uploaded list as the upload route received it (name, size, first bytes): its name as shown and
 * logged, or why it cannot be a workbook. The content is read by `readSheetRows` when it is imported.
 */
export function checkWorkbookFile(file: ReceivedFile): { ok: true; fileName: string; mimeType: string } | { ok: false; message: string } {
  if (!/\.xlsx$/i.test(file.name)) return { ok: false, message: "请上传 .xlsx 格式的 Excel 文件（可先下载模板填写）" };
  const problem = workbookProblem(file.size, file.head);
  if (problem) return { ok: false, message: problem };
  return {
    ok: true,
    fileName: file.name
      .split(/[\\/]/)
      .pop()!
      .replace(/[\u0000-\u001F\u007F]/g, "")
      .slice(-100),
    mimeType: XLSX_MIME,
  };
}

/** The first worksheet of an uploaded .xlsx as rows of cell strings (row 1 first; empty rows stay as empty arrays). */
export async function readSheetRows(bytes: Uint8Array): Promise<SheetRows> {
  const problem = workbookProblem(bytes.byteLength, bytes);
  if (problem) return { ok: false, message: problem };
  // exceljs unpacks everything and keeps an object per cell: measure first (a zip bomb, a million cells).
  const measured = checkZipLimits(bytes);
  if (!measured.ok) return measured;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return { ok: false, message: "文件无法读取，可能已损坏或不是 .xlsx 格式，请用 Excel 打开确认后重新保存再上传" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: "文件中没有工作表" };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return { ok: true, rows: Array.from(rows, (r) => r ?? []) };
}

/** What a cell shows, as text: dates as 2026-01-15, formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // Excel dates carry no time zone; exceljs reads them as UTC midnight of the written day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result ?? null);
  if ("error" in value) return value.error;
  return "";
}
