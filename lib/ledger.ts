/** The 台账 workbook: its columns, how each row's cells read, and the .xlsx bytes. No I/O. */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { PROPOSAL_STATE_LABELS, type ProposalState, type SessionKind } from "./domain";
import { sessionTitle } from "./format";
import { daysOverdue, replyOverdue } from "./overdue";

export type LedgerInput = {
  sessionBody: string;
  sessionTerm: string;
  sessionMeeting: string;
  sessionKind: SessionKind;
  number: number;
  title: string;
  proposer: string | null;
  coSigners: string | null;
  category: string | null;
  isKey: boolean;
  leadUnit: string | null;
  coUnits: string | null;
  receivedOn: string;
  assignedOn: string | null;
  acceptDue: string | null;
  due: string | null;
  status: ProposalState;
  round: number;
  docNumber: string | null;
  writtenOn: string | null;
  resultClass: string | null;
  indexNumber: string | null;
  satisfaction: string | null;
};

/** A row's cells; `today` decides what is overdue. */
export const LEDGER_COLUMNS: { header: string; width: number; cell: (r: LedgerInput, today: string) => string | number }[] = [
  { header: "届次会议", width: 34, cell: (r) => sessionTitle({ body: r.sessionBody, term: r.sessionTerm, meeting: r.sessionMeeting }) },
  { header: "编号", width: 7, cell: (r) => r.number },
  { header: "标题", width: 44, cell: (r) => r.title },
  { header: "提案人", width: 10, cell: (r) => r.proposer ?? "" },
  { header: "联名人", width: 18, cell: (r) => r.coSigners ?? "" },
  { header: "主题分类", width: 12, cell: (r) => r.category ?? "" },
  { header: "重点提案", width: 8, cell: (r) => (r.isKey ? "是" : "") },
  { header: "主办单位", width: 26, cell: (r) => r.leadUnit ?? "" },
  { header: "协办单位", width: 34, cell: (r) => r.coUnits ?? "" },
  { header: "收到日期", width: 12, cell: (r) => r.receivedOn },
  { header: "交办日期", width: 12, cell: (r) => r.assignedOn ?? "" },
  { header: "签收期限", width: 12, cell: (r) => r.acceptDue ?? "" },
  { header: "办复期限", width: 12, cell: (r) => r.due ?? "" },
  {
    header: "办复超期",
    width: 10,
    cell: (r, today) =>
      r.due !== null && replyOverdue({ status: r.status, replyDue: r.due }, today) ? `超期${daysOverdue(r.due, today)}天` : "",
  },
  { header: "办理状态", width: 10, cell: (r) => PROPOSAL_STATE_LABELS[r.status] + (r.round > 1 ? `（第${r.round}轮）` : "") },
  { header: "答复日期", width: 12, cell: (r) => r.writtenOn ?? "" },
  { header: "办理结果类别", width: 10, cell: (r) => r.resultClass ?? "" },
  { header: "发文字号", width: 22, cell: (r) => r.docNumber ?? "" },
  { header: "索引号", width: 32, cell: (r) => r.indexNumber ?? "" },
  { header: "满意度", width: 14, cell: (r) => r.satisfaction ?? "" },
];

/**
 * The workbook, written row by row (exceljs' streaming writer): a ledger of 100,000 proposals built as an
 * in-memory workbook takes more than 384 MB of heap; streamed, only the finished file is held.
 */
export async function ledgerWorkbook(rows: readonly LedgerInput[], today: string): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("办理台账", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(LEDGER_COLUMNS.map((c) => c.cell(row, today))).commit();
  sheet.commit();
  await workbook.commit();
  const file = Buffer.concat(chunks);
  return new Uint8Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
}
