/** Reading an assignment list (交办清单) from rows of cell strings: good rows, every kind of bad row, and the messages. */
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, splitNames } from "@/lib/import/columns";
import { parseDate, receivedOnProblem } from "@/lib/import/dates";
import { memberDirectory, resolvePerson } from "@/lib/import/people";
import { parseAssignmentList, type ImportReference } from "@/lib/import/rows";

const HEADER = IMPORT_COLUMNS.map((c) => c.header);

const reference: ImportReference = {
  units: [
    { id: 1, name: "重庆高新区科技创新局", shortName: "高新区科技创新局", active: true },
    { id: 2, name: "重庆高新区党群工作部", shortName: "高新区党群工作部", active: true },
    { id: 3, name: "重庆高新区创新服务中心", shortName: "高新区创新服务中心", active: true },
    { id: 4, name: "重庆高新区旧单位", shortName: "旧单位", active: false },
  ],
  categories: [
    { id: 10, name: "科技、教育", active: true },
    { id: 11, name: "城乡建设", active: true },
    { id: 12, name: "旧分类", active: false },
  ],
  members: [
    { id: 100, displayName: "刘新荣" },
    { id: 101, displayName: "李晓燕" },
    { id: 102, displayName: "王海涛" },
    { id: 103, displayName: "张伟" },
    { id: 104, displayName: "张伟" },
  ],
  takenNumbers: new Set([180]),
  today: "2026-06-15",
};

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number]["key"], string>>;

/** A row in template column order, from a few named cells. */
function row(cells: Row): string[] {
  return IMPORT_COLUMNS.map((c) => cells[c.key] ?? "");
}

const good: Row = {
  number: "12",
  title: "关于加快科技成果转化的建议",
  proposer: "刘新荣",
  coSigners: "李晓燕、王海涛",
  category: "科技、教育",
  leadUnit: "重庆高新区科技创新局",
  coUnits: "高新区党群工作部，高新区创新服务中心",
  body: "一、现状\n二、建议",
  receivedOn: "2026-01-15",
};

function parse(...rows: string[][]) {
  return parseAssignmentList([HEADER, ...rows], reference);
}

function errorsOf(...rows: string[][]) {
  const result = parse(...rows);
  if (result.ok) throw new Error("expected the list to be refused");
  return result.errors;
}

describe("good rows", () => {
  it("turns a complete row into a record with ids", () => {
    const result = parse(row(good));
    expect(result).toEqual({
      ok: true,
      newMembers: [],
      records: [
        {
          row: 2,
          number: 12,
          title: "关于加快科技成果转化的建议",
          body: "一、现状\n二、建议",
          categoryId: 10,
          receivedOn: "2026-01-15",
          proposer: { kind: "existing", id: 100, name: "刘新荣" },
          coSigners: [
            { kind: "existing", id: 101, name: "李晓燕" },
            { kind: "existing", id: 102, name: "王海涛" },
          ],
          leadUnitId: 1,
          coUnitIds: [2, 3],
        },
      ],
    });
  });

  it("fills in the optional cells: the title stands for an empty body, today for an empty date, no category", () => {
    const result = parse(row({ number: "第13号", title: "关于 \n 社区养老的建议", proposer: "刘新荣", leadUnit: "高新区科技创新局" }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.records[0]).toMatchObject({
      number: 13,
      title: "关于 社区养老的建议",
      body: "关于 社区养老的建议",
      receivedOn: "2026-06-15",
      categoryId: null,
      coSigners: [],
      coUnitIds: [],
    });
  });

  it("finds the header below a title row, in any column order, ignoring marks and extra columns", () => {
    const header = ["序号", "标题*", "编号（必填）", "提案人", "主办单位", "备注"];
    const result = parseAssignmentList(
      [["2026年政协提案交办清单"], [], header, ["1", "关于停车难的建议", "20", "李晓燕", "高新区创新服务中心", "无"]],
      reference,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ row: 4, number: 20, title: "关于停车难的建议", leadUnitId: 3 });
  });

  it("skips empty rows and reports sheet row numbers", () => {
    const result = parse(row(good), ["", " ", ""], row({ ...good, number: "14" }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.records.map((r) => r.row)).toEqual([2, 4]);
  });

  it("collects unknown names once as new members, and counts the proposer or a repeated co-signer once", () => {
    const result = parse(
      row({ ...good, proposer: "赵新人", coSigners: "赵新人、钱新人 钱新人,李晓燕" }),
      row({ ...good, number: "15", proposer: "钱新人", coSigners: "" }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.newMembers).toEqual(["赵新人", "钱新人"]);
    expect(result.records[0]!.coSigners).toEqual([
      { kind: "new", name: "钱新人" },
      { kind: "existing", id: 101, name: "李晓燕" },
    ]);
  });

  it("accepts the same co-handling unit named twice, by full and short name, once", () => {
    const result = parse(row({ ...good, coUnits: "重庆高新区党群工作部 高新区党群工作部" }));
    expect(result.ok && result.records[0]!.coUnitIds).toEqual([2]);
  });
});

describe("bad rows", () => {
  it("names the row, the column and the problem in Chinese", () => {
    expect(errorsOf(row(good), row({ ...good, number: "x12", leadUnit: "不存在的局" }))).toEqual([
      { row: 3, column: "编号", message: "编号“x12”无效，应为 1–999999 的整数" },
      { row: 3, column: "主办单位", message: "未找到单位“不存在的局”，请填写系统中的单位全称或简称" },
    ]);
  });

  it("refuses numbers that are missing, repeated in the file, or taken in the session", () => {
    expect(errorsOf(row({ ...good, number: "" }))).toEqual([{ row: 2, column: "编号", message: "请填写编号" }]);
    expect(errorsOf(row({ ...good, number: "0" }))[0]!.message).toBe("编号“0”无效，应为 1–999999 的整数");
    expect(errorsOf(row({ ...good, number: "12.5" }))[0]!.column).toBe("编号");
    expect(errorsOf(row({ ...good, number: "180" }))).toEqual([{ row: 2, column: "编号", message: "本届次会议已有第180号提案" }]);
    expect(errorsOf(row(good), row({ ...good, title: "另一件" }))).toEqual([{ row: 3, column: "编号", message: "编号 12 与第 2 行重复" }]);
  });

  it("refuses an empty or overlong title and an overlong body", () => {
    expect(errorsOf(row({ ...good, title: "  " }))).toEqual([{ row: 2, column: "标题", message: "请填写标题" }]);
    expect(errorsOf(row({ ...good, title: "长".repeat(201) }))).toEqual([{ row: 2, column: "标题", message: "标题不能超过 200 个字" }]);
    expect(errorsOf(row({ ...good, body: "长".repeat(20_001) }))).toEqual([{ row: 2, column: "内容", message: "内容不能超过 20000 个字" }]);
    expect(errorsOf(row({ ...good, title: "标题\u0007" }))[0]!.message).toBe("标题含有不可见的控制字符");
  });

  it("refuses a missing proposer, names shared by two members, and names that are not names", () => {
    expect(errorsOf(row({ ...good, proposer: "" }))).toEqual([{ row: 2, column: "提案人", message: "请填写提案人" }]);
    expect(errorsOf(row({ ...good, proposer: "张伟" }))[0]!.message).toBe(
      "提案人“张伟”有 2 名同名委员/代表，无法确定是哪一位，请先在用户管理中区分姓名",
    );
    expect(errorsOf(row({ ...good, coSigners: "李晓燕、member-001" }))).toEqual([
      { row: 2, column: "联名人", message: "联名人“member-001”含有姓名中不应出现的数字或符号" },
    ]);
    expect(errorsOf(row({ ...good, coSigners: "王" }))[0]!.message).toBe("联名人“王”不像是姓名（应为 2–40 个字）");
  });

  it("refuses unknown and retired categories, listing the ones to choose from", () => {
    expect(errorsOf(row({ ...good, category: "科技" }))).toEqual([
      { row: 2, column: "主题分类", message: "未找到主题分类“科技”，可选：科技、教育；城乡建设" },
    ]);
    expect(errorsOf(row({ ...good, category: "旧分类" }))[0]!.message).toBe("主题分类“旧分类”已停用");
  });

  it("refuses a missing, unknown, retired or second lead unit, and a lead unit listed again as co unit", () => {
    expect(errorsOf(row({ ...good, leadUnit: "" }))).toEqual([{ row: 2, column: "主办单位", message: "请填写主办单位" }]);
    expect(errorsOf(row({ ...good, leadUnit: "旧单位" }))[0]!.message).toBe("单位“重庆高新区旧单位”已停用，不能交办");
    expect(errorsOf(row({ ...good, leadUnit: "高新区科技创新局、高新区党群工作部" }))[0]!.message).toBe(
      "主办单位只能填一个，其他单位请填入“协办单位”",
    );
    expect(errorsOf(row({ ...good, coUnits: "高新区党群工作部、高新区科技创新局" }))).toEqual([
      { row: 2, column: "协办单位", message: "主办单位“重庆高新区科技创新局”不能同时列为协办单位" },
    ]);
    expect(errorsOf(row({ ...good, coUnits: "高新区党群工作部、某某中心" }))).toEqual([
      { row: 2, column: "协办单位", message: "未找到单位“某某中心”，请填写系统中的单位全称或简称" },
    ]);
  });

  it("refuses dates that do not exist, are in the future or are written otherwise", () => {
    expect(errorsOf(row({ ...good, receivedOn: "2026-02-30" }))).toEqual([
      { row: 2, column: "收到日期", message: "收到日期“2026-02-30”无效，请写作 2026-01-15" },
    ]);
    expect(errorsOf(row({ ...good, receivedOn: "2026-06-16" }))[0]!.message).toBe("收到日期不能晚于今天");
    expect(errorsOf(row({ ...good, receivedOn: "一月十五日" }))[0]!.column).toBe("收到日期");
  });

  it("reports every bad row, not only the first", () => {
    const errors = errorsOf(row({ ...good, title: "" }), row({ ...good, number: "2", leadUnit: "" }), row({ ...good, number: "3" }));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, "标题"],
      [3, "主办单位"],
    ]);
  });
});

describe("the file as a whole", () => {
  it("needs a header row with 编号 and 标题", () => {
    expect(
      parseAssignmentList(
        [
          ["标题", "提案人"],
          ["关于", "刘新荣"],
        ],
        reference,
      ),
    ).toEqual({
      ok: false,
      errors: [{ row: null, column: null, message: expect.stringContaining("未找到表头行") }],
    });
  });

  it("names required columns that are missing and columns given twice", () => {
    expect(parseAssignmentList([["编号", "标题", "标题", "主办单位"]], reference)).toEqual({
      ok: false,
      errors: [
        { row: 1, column: "标题", message: "表头中“标题”列出现了 2 次" },
        { row: 1, column: "提案人", message: "缺少“提案人”列" },
      ],
    });
  });

  it("refuses a file without data and one with more than 2000 rows", () => {
    expect(parse(["", ""])).toEqual({
      ok: false,
      errors: [{ row: null, column: null, message: "文件中没有提案数据：表头下方的行都是空的" }],
    });
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row({ ...good, number: String(i + 1001) }));
    expect(parse(...many)).toEqual({
      ok: false,
      errors: [{ row: null, column: null, message: "文件中有 2001 行提案，每次最多导入 2000 行，请拆分后分批导入" }],
    });
    expect(parse(...many.slice(0, MAX_IMPORT_ROWS)).ok).toBe(true);
  });
});

describe("names and dates", () => {
  it("splits names on 、，, ； ; and spaces, including the full-width space", () => {
    expect(splitNames("李晓燕、王海涛，陈静,杨帆；赵德明;黄丽萍 周建军\u3000吴晓丽\n徐光辉")).toEqual([
      "李晓燕",
      "王海涛",
      "陈静",
      "杨帆",
      "赵德明",
      "黄丽萍",
      "周建军",
      "吴晓丽",
      "徐光辉",
    ]);
    expect(splitNames(" 、 ")).toEqual([]);
  });

  it("resolves a name to the one member, or a new member", () => {
    const directory = memberDirectory(reference.members);
    expect(resolvePerson(" 刘新荣 ", directory, "提案人")).toEqual({ ok: true, person: { kind: "existing", id: 100, name: "刘新荣" } });
    expect(resolvePerson("欧阳新委员", directory, "提案人")).toEqual({ ok: true, person: { kind: "new", name: "欧阳新委员" } });
  });

  it("reads dates as people write them", () => {
    expect(parseDate("2026-01-15")).toBe("2026-01-15");
    expect(parseDate("2026/1/5")).toBe("2026-01-05");
    expect(parseDate("2026.1.5")).toBe("2026-01-05");
    expect(parseDate("2026年1月5日")).toBe("2026-01-05");
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
    expect(parseDate("2025-02-29")).toBeNull();
    expect(parseDate("15/01/2026")).toBeNull();
    expect(receivedOnProblem("1999-12-31", "2026-06-15")).toBe("收到日期不能早于 2000 年");
    expect(receivedOnProblem("2026-06-15", "2026-06-15")).toBeNull();
  });
});
