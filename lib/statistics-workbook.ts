/** The statistics as an .xlsx workbook: the main figures with their definitions, and the per-unit table. No I/O. */
import ExcelJS from "exceljs";
import { RESULT_CLASSES } from "./domain";
import { FIGURE_DEFINITIONS, type Figures, percent, RATES, type Ratio, type UnitFigures } from "./statistics";

export const FIGURE_HEADERS = ["指标", "数值", "件数（份数）", "基数", "口径"] as const;

export const UNIT_COLUMNS: { header: string; width: number; cell: (u: UnitFigures) => string | number }[] = [
  { header: "单位", width: 30, cell: (u) => u.unit },
  { header: "主办件数", width: 10, cell: (u) => u.figures.total },
  { header: "已答复", width: 10, cell: (u) => u.figures.replied },
  { header: "按时签收率", width: 12, cell: (u) => percent(u.figures.acceptedOnTime) },
  { header: "按时办复率", width: 12, cell: (u) => percent(u.figures.repliedOnTime) },
  { header: "办复超期", width: 10, cell: (u) => u.figures.replyOverdue },
  { header: "沟通率", width: 10, cell: (u) => percent(u.figures.contactRate) },
  { header: "见面率", width: 10, cell: (u) => percent(u.figures.faceToFaceRate) },
  { header: "满意率（结果）", width: 14, cell: (u) => percent(u.figures.satisfiedByResult) },
];

const countRow = (key: "total" | "assigned" | "replied" | "replyOverdue" | "secondRound", figures: Figures) => [
  FIGURE_DEFINITIONS[key].label,
  figures[key],
  figures[key],
  "",
  FIGURE_DEFINITIONS[key].definition,
];
const ratioRow = (label: string, r: Ratio, definition: string) => [label, percent(r), r.count, r.of, definition];

export async function statisticsWorkbook(figures: Figures, units: readonly UnitFigures[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const main = workbook.addWorksheet("主要指标", { views: [{ state: "frozen", ySplit: 1 }] });
  main.columns = FIGURE_HEADERS.map((header, i) => ({ header, width: [18, 10, 12, 8, 70][i] }));
  main.getRow(1).font = { bold: true };
  main.addRow(countRow("total", figures));
  main.addRow(countRow("assigned", figures));
  main.addRow(countRow("replied", figures));
  main.addRow(countRow("replyOverdue", figures));
  for (const key of RATES) main.addRow(ratioRow(FIGURE_DEFINITIONS[key].label, figures[key], FIGURE_DEFINITIONS[key].definition));
  for (const c of RESULT_CLASSES)
    main.addRow(
      ratioRow(`${FIGURE_DEFINITIONS.resultClasses.label} ${c}类`, figures.resultClasses[c], FIGURE_DEFINITIONS.resultClasses.definition),
    );
  main.addRow(countRow("secondRound", figures));

  const byUnit = workbook.addWorksheet("各单位", { views: [{ state: "frozen", ySplit: 1 }] });
  byUnit.columns = UNIT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  byUnit.getRow(1).font = { bold: true };
  for (const u of units) byUnit.addRow(UNIT_COLUMNS.map((c) => c.cell(u)));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
