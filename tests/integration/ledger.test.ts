import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { ledgerRows } from "@/db/queries/ledger";
import { LEDGER_COLUMNS, ledgerWorkbook } from "@/lib/ledger";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

describe("导出台账", () => {
  it("writes one row per proposal that a reader library opens with the right headers and values", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const rows = await ledgerRows(t.db, { session: await t.session("第二次会议") }, DEMO_TODAY);
    expect(rows.length).toBeGreaterThanOrEqual(31);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ledgerWorkbook(rows, DEMO_TODAY)).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet("办理台账")!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    const index = rows.findIndex((r) => r.number === 180);
    const row180 = (sheet.getRow(index + 2).values as unknown[]).slice(1);
    const cell = (header: string) => row180[LEDGER_COLUMNS.findIndex((c) => c.header === header)];
    expect(cell("届次会议")).toBe("政协重庆市九龙坡区第十一届委员会第二次会议");
    expect(cell("编号")).toBe(180);
    expect(cell("标题")).toBe("关于抢抓人才红利机遇,赋能科学城产业发展的建议");
    expect(cell("提案人")).toBe("刘新荣");
    expect(cell("主题分类")).toBe("科技、教育");
    expect(cell("主办单位")).toBe("重庆高新区科技创新局");
    expect(cell("协办单位")).toBe("重庆高新区党群工作部、重庆高新区创新服务中心、重庆高新区政务服务和社会事务中心");
    expect(cell("办理状态")).toBe("待审签");
  });

  it("carries the reply's document number, index number and satisfaction of a closed proposal", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const closed = await ledgerRows(t.db, { status: "closed" }, DEMO_TODAY);
    expect(closed.length).toBeGreaterThan(0);
    for (const r of closed) {
      expect(r.docNumber).toMatch(/〔\d{4}〕\d+号$/);
      expect(r.satisfaction).toMatch(/满意/);
    }
    expect(closed.some((r) => r.indexNumber?.match(/^[0-9A-Z]+\/\d{4}-\d{5}$/))).toBe(true);
    const party = await t.unit("重庆高新区党群工作部");
    const led = await ledgerRows(t.db, { lead: party }, DEMO_TODAY);
    const helped = await ledgerRows(t.db, { co: party }, DEMO_TODAY);
    expect(led.length).toBeGreaterThan(0);
    expect(helped.length).toBeGreaterThan(0);
    expect(led.every((r) => r.leadUnit === "重庆高新区党群工作部")).toBe(true);
    expect(helped.every((r) => r.coUnits?.includes("重庆高新区党群工作部"))).toBe(true);
  });
});
