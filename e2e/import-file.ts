/**
 * 交办清单 files for the import in Chromium: rows generated with a tag in their titles (so that a search finds
 * exactly one file's proposals), written as .xlsx under test-results/.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { IMPORT_COLUMNS } from "../lib/import/columns";

export const IMPORT_OUT = path.join("test-results", "import-e2e");

export type ImportCells = Partial<Record<(typeof IMPORT_COLUMNS)[number]["key"], string>>;

const LEADS = ["重庆高新区科技创新局", "高新区建设局", "高新区生态环境局", "高新区社会事业局"];

/** `count` rows (20 unless told) whose titles carry `tag`, led by `leads` in turn; co-units on two rows of three unless `leads` is given. */
export function importRows(
  firstNumber: number,
  tag: string,
  { count = 20, leads }: { count?: number; leads?: string[] } = {},
): ImportCells[] {
  return Array.from({ length: count }, (_, i) => ({
    number: String(firstNumber + i),
    title: `关于${tag}第${i + 1}件的建议`,
    proposer: ["刘新荣", "李晓燕", "王海涛"][i % 3],
    coSigners: i % 2 ? "陈静、杨帆" : "",
    category: "科技、教育",
    leadUnit: (leads ?? LEADS)[i % (leads ?? LEADS).length],
    coUnits: leads ? "" : ["", "高新区党群工作部", "高新区党群工作部、高新区创新服务中心"][i % 3],
    receivedOn: "2026-01-15",
  }));
}

/** Writes the rows as an .xlsx under test-results/ and returns its path. */
export async function importFile(name: string, data: ImportCells[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("交办清单");
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of data) sheet.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? ""));
  fs.mkdirSync(IMPORT_OUT, { recursive: true });
  const file = path.join(IMPORT_OUT, name);
  await workbook.xlsx.writeFile(file);
  return file;
}
