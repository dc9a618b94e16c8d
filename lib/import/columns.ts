/**
 * The assignment list (交办清单) as an .xlsx sheet: its columns, in template order, and the limits of
 * one import. Pure constants shared by the template, the parser and the import page.
 */

export const IMPORT_COLUMNS = [
  { key: "number", header: "编号", required: true, width: 8, hint: "本届次会议的提案编号，正整数，同一届次内不能重复" },
  { key: "title", header: "标题", required: true, width: 40, hint: "提案标题，不超过 200 字" },
  {
    key: "proposer",
    header: "提案人",
    required: true,
    width: 12,
    hint: "领衔提案人姓名；系统中没有的姓名将新建委员/代表账户（无登录密码）",
  },
  { key: "coSigners", header: "联名人", required: false, width: 20, hint: "多人以“、”“，”“,”或空格分隔" },
  { key: "category", header: "主题分类", required: false, width: 12, hint: "须与系统中的主题分类名称一致" },
  { key: "leadUnit", header: "主办单位", required: true, width: 28, hint: "单位全称或简称，只能填一个" },
  { key: "coUnits", header: "协办单位", required: false, width: 36, hint: "单位全称或简称，多个以“、”“，”“,”或空格分隔；不能包含主办单位" },
  { key: "body", header: "内容", required: false, width: 40, hint: "提案正文，不超过 20000 字；不填时以标题作为内容，可在登记后补充" },
  { key: "receivedOn", header: "收到日期", required: false, width: 12, hint: "如 2026-01-15；不填时为导入当天" },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type ImportColumnKey = ImportColumn["key"];
export type ImportColumnHeader = ImportColumn["header"];

/** Data rows in one file, not counting the header. */
export const MAX_IMPORT_ROWS = 2000;
/** Size of an uploaded .xlsx. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Row errors sent back to the page; the total is always reported. */
export const MAX_REPORTED_ERRORS = 200;

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const NAME_MAX = 40;

/** One problem with the file: its sheet row (1-based, as Excel numbers it), the column, and what is wrong. */
export type RowError = { row: number | null; column: ImportColumnHeader | null; message: string };

/** Separators between names in one cell: 、，, ； ; and any whitespace (also the full-width space). */
const NAME_SEPARATORS = /[、，,；;\s\u3000]+/u;

/** "李晓燕、王海涛, 陈静" → ["李晓燕", "王海涛", "陈静"] */
export function splitNames(cell: string): string[] {
  return cell.split(NAME_SEPARATORS).filter((s) => s !== "");
}
