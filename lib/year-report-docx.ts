/**
 * The year's report (lib/year-report.ts) as a Word document, on the 公文 page (lib/official-docx.ts):
 * the title in 小标宋, the date line under it, 一、 headings as 标题 1, （一） headings as 标题 2, body
 * paragraphs indented two characters, the tables in 仿宋 五号 with a 黑体 caption above each.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableRow,
  TableCell,
  TextRun,
  WidthType,
  type FileChild,
} from "docx";
import { DOCX_FONTS, docxFont, indented, OFFICIAL_PAGE, OFFICIAL_STYLES, officialFooters, TEXT_WIDTH } from "./official-docx";
import type { ReportBlock, ReportTable, YearReport } from "./year-report";

/** 五号 (10.5pt) in half-points, without the body's character squeeze. */
const TABLE_RUN = { size: 21, characterSpacing: 0 };
const TABLE_LINE = { line: 300, lineRule: LineRuleType.AUTO, before: 40, after: 40 };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/** The first column (names) takes what the figures leave. */
function columnWidths(count: number): number[] {
  const figure = Math.round(TEXT_WIDTH * (count > 3 ? 0.16 : 0.3));
  return [TEXT_WIDTH - figure * (count - 1), ...Array.from({ length: count - 1 }, () => figure)];
}

function cell(text: string, width: number, header: boolean, first: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        alignment: first && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: TABLE_LINE,
        children: [new TextRun({ text, ...TABLE_RUN, ...(header ? { font: docxFont(DOCX_FONTS.heading1) } : {}) })],
      }),
    ],
  });
}

function table(t: ReportTable): FileChild[] {
  const widths = columnWidths(t.columns.length);
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((text, i) => cell(text, widths[i]!, header, i === 0)) });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [new TextRun({ text: t.caption, font: docxFont(DOCX_FONTS.heading1), size: 24, characterSpacing: 0 })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [row(t.columns, true), ...t.rows.map((r) => row(r, false))],
    }),
    new Paragraph({ children: [] }),
  ];
}

function block(b: ReportBlock): FileChild[] {
  if (b.kind === "table") return table(b.table);
  return [indented(b.text, b.kind === "h2" ? "Heading2" : undefined)];
}

export async function yearReportDocx(report: YearReport, author: string): Promise<Buffer> {
  const document = new Document({
    title: report.title,
    creator: author,
    evenAndOddHeaderAndFooters: true,
    styles: OFFICIAL_STYLES,
    sections: [
      {
        properties: OFFICIAL_PAGE,
        footers: officialFooters(),
        children: [
          new Paragraph({ style: "Title", spacing: { after: 0 }, children: [new TextRun(report.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(report.subtitle)] }),
          new Paragraph({ children: [] }),
          ...report.sections.flatMap((s) => [indented(s.heading, "Heading1"), ...s.blocks.flatMap(block)]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
