/**
 * Reads an assignment list (交办清单) given as rows of cell strings: finds the header, checks every row
 * against the session's reference data, and returns either one record per proposal or every problem
 * found, each with its row, column and a Chinese message. Pure: the caller loads the reference data.
 */
import { requiredText } from "@/lib/validation/common";
import {
  BODY_MAX,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  TITLE_MAX,
  splitNames,
  type ImportColumnHeader,
  type ImportColumnKey,
  type RowError,
} from "./columns";
import { parseDate, receivedOnProblem } from "./dates";
import { memberDirectory, newMemberNames, resolvePerson, type KnownMember, type PersonRef } from "./people";

export type ReferenceUnit = { id: number; name: string; shortName: string; active: boolean };
export type ReferenceCategory = { id: number; name: string; active: boolean };

/** What the rows are checked against: one session's taken numbers and the organisation's names. */
export type ImportReference = {
  units: readonly ReferenceUnit[];
  categories: readonly ReferenceCategory[];
  members: readonly KnownMember[];
  /** Numbers already registered in the session the file is imported into. */
  takenNumbers: ReadonlySet<number>;
  /** Today in China (ISO): the default received date and the latest one allowed. */
  today: string;
};

export type ImportRecord = {
  /** The sheet row it came from. */
  row: number;
  number: number;
  title: string;
  body: string;
  categoryId: number | null;
  receivedOn: string;
  proposer: PersonRef;
  coSigners: PersonRef[];
  leadUnitId: number;
  coUnitIds: number[];
};

export type ParsedList = { ok: true; records: ImportRecord[]; newMembers: string[] } | { ok: false; errors: RowError[] };

/** The header row is looked for among the first rows (a title row such as “2026年提案交办清单” may come first). */
const HEADER_SEARCH_ROWS = 10;
const MAX_NUMBER = 999_999;

const HEADER_BY_KEY = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<ImportColumnKey, ImportColumnHeader>;

/** A header cell as written, without spaces, a required-mark asterisk or a trailing “（必填）”. */
function headerText(cell: string): string {
  return cell.replace(/[\s\u3000*＊]/gu, "").replace(/[（(](必填|选填)[）)]$/u, "");
}

type Layout = { headerRow: number; index: Map<ImportColumnKey, number> };

function findLayout(sheet: readonly (readonly string[])[]): Layout | RowError[] {
  const at = sheet.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => {
    const texts = cells.map(headerText);
    return texts.includes(HEADER_BY_KEY.number) && texts.includes(HEADER_BY_KEY.title);
  });
  if (at < 0) {
    const headers = IMPORT_COLUMNS.map((c) => c.header).join("、");
    return [{ row: null, column: null, message: `未找到表头行：表头应包含 ${headers} 等列，请使用“下载模板”得到的文件填写` }];
  }
  const texts = sheet[at]!.map(headerText);
  const index = new Map<ImportColumnKey, number>();
  const errors: RowError[] = [];
  for (const column of IMPORT_COLUMNS) {
    const positions = texts.flatMap((t, i) => (t === column.header ? [i] : []));
    if (positions.length > 1)
      errors.push({ row: at + 1, column: column.header, message: `表头中“${column.header}”列出现了 ${positions.length} 次` });
    else if (positions.length === 1) index.set(column.key, positions[0]!);
    else if (column.required) errors.push({ row: at + 1, column: column.header, message: `缺少“${column.header}”列` });
  }
  return errors.length > 0 ? errors : { headerRow: at + 1, index };
}

/** Looks units up by full name or short name. */
function unitFinder(units: readonly ReferenceUnit[]) {
  const byName = new Map<string, ReferenceUnit>();
  for (const u of units) {
    byName.set(u.name, u);
    byName.set(u.shortName, u);
  }
  return (name: string): { ok: true; id: number } | { ok: false; message: string } => {
    const unit = byName.get(name);
    if (!unit) return { ok: false, message: `未找到单位“${name}”，请填写系统中的单位全称或简称` };
    if (!unit.active) return { ok: false, message: `单位“${unit.name}”已停用，不能交办` };
    return { ok: true, id: unit.id };
  };
}

function firstMessage(
  schema: ReturnType<typeof requiredText>,
  value: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "内容无效" };
}

const titleText = requiredText("标题", TITLE_MAX);
const bodyText = requiredText("内容", BODY_MAX);

export function parseAssignmentList(sheet: readonly (readonly string[])[], reference: ImportReference): ParsedList {
  const layout = findLayout(sheet);
  if (Array.isArray(layout)) return { ok: false, errors: layout };

  const dataRows = sheet
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(layout.headerRow)
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (dataRows.length === 0)
    return { ok: false, errors: [{ row: null, column: null, message: "文件中没有提案数据：表头下方的行都是空的" }] };
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      errors: [
        { row: null, column: null, message: `文件中有 ${dataRows.length} 行提案，每次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分后分批导入` },
      ],
    };
  }

  const directory = memberDirectory(reference.members);
  const findUnit = unitFinder(reference.units);
  const categories = new Map(reference.categories.map((c) => [c.name, c]));
  const firstRowOfNumber = new Map<number, number>();
  const errors: RowError[] = [];
  const records: ImportRecord[] = [];

  for (const { row, cells } of dataRows) {
    const cell = (key: ImportColumnKey) => {
      const i = layout.index.get(key);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const rowErrors: RowError[] = [];
    const fail = (key: ImportColumnKey, message: string) => rowErrors.push({ row, column: HEADER_BY_KEY[key], message });

    // 编号
    const numberText = cell("number");
    const numberMatch = /^第?\s*(\d+)\s*号?$/u.exec(numberText);
    const number = numberMatch ? Number(numberMatch[1]) : NaN;
    if (numberText === "") fail("number", "请填写编号");
    else if (!Number.isSafeInteger(number) || number < 1 || number > MAX_NUMBER)
      fail("number", `编号“${numberText}”无效，应为 1–${MAX_NUMBER} 的整数`);
    else if (reference.takenNumbers.has(number)) fail("number", `本届次会议已有第${number}号提案`);
    else if (firstRowOfNumber.has(number)) fail("number", `编号 ${number} 与第 ${firstRowOfNumber.get(number)} 行重复`);
    else firstRowOfNumber.set(number, row);

    // 标题 and 内容: runs of whitespace in a title (line breaks typed into the cell) become one space.
    const title = firstMessage(titleText, cell("title").replace(/\s+/gu, " "));
    if (!title.ok) fail("title", title.message);
    const bodyCell = cell("body");
    const body = bodyCell === "" ? null : firstMessage(bodyText, bodyCell);
    if (body && !body.ok) fail("body", body.message);

    // 提案人 and 联名人
    const proposer = resolvePerson(cell("proposer"), directory, "提案人");
    if (!proposer.ok) fail("proposer", proposer.message);
    const coSigners: PersonRef[] = [];
    for (const name of splitNames(cell("coSigners"))) {
      const found = resolvePerson(name, directory, "联名人");
      if (!found.ok) fail("coSigners", found.message);
      // The proposer named again, or a co-signer named twice, counts once.
      else if (found.person.name !== (proposer.ok ? proposer.person.name : "") && !coSigners.some((p) => p.name === found.person.name)) {
        coSigners.push(found.person);
      }
    }

    // 主题分类
    const categoryName = cell("category");
    const category = categoryName === "" ? null : categories.get(categoryName);
    if (category === undefined)
      fail(
        "category",
        `未找到主题分类“${categoryName}”，可选：${reference.categories
          .filter((c) => c.active)
          .map((c) => c.name)
          .join("；")}`,
      );
    else if (category && !category.active) fail("category", `主题分类“${categoryName}”已停用`);

    // 主办单位 and 协办单位
    const leadNames = splitNames(cell("leadUnit"));
    const lead = leadNames.length === 1 ? findUnit(leadNames[0]!) : null;
    if (leadNames.length === 0) fail("leadUnit", "请填写主办单位");
    else if (leadNames.length > 1) fail("leadUnit", "主办单位只能填一个，其他单位请填入“协办单位”");
    else if (lead && !lead.ok) fail("leadUnit", lead.message);
    const coUnitIds: number[] = [];
    for (const name of splitNames(cell("coUnits"))) {
      const found = findUnit(name);
      if (!found.ok) fail("coUnits", found.message);
      else if (lead?.ok && found.id === lead.id) fail("coUnits", `主办单位“${leadNames[0]}”不能同时列为协办单位`);
      else if (!coUnitIds.includes(found.id)) coUnitIds.push(found.id);
    }

    // 收到日期
    const receivedText = cell("receivedOn");
    const receivedProblem = receivedText === "" ? null : receivedOnProblem(receivedText, reference.today);
    if (receivedProblem) fail("receivedOn", receivedProblem);

    if (rowErrors.length > 0 || !title.ok || !proposer.ok || !lead?.ok || category === undefined) {
      errors.push(...rowErrors);
      continue;
    }
    records.push({
      row,
      number,
      title: title.value,
      // A list often carries no text: the title stands for the body until the paper proposal is typed in.
      body: body?.ok ? body.value : title.value,
      categoryId: category?.id ?? null,
      receivedOn: receivedText === "" ? reference.today : parseDate(receivedText)!,
      proposer: proposer.person,
      coSigners,
      leadUnitId: lead.id,
      coUnitIds,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, records, newMembers: newMemberNames(records.flatMap((r) => [r.proposer, ...r.coSigners])) };
}
