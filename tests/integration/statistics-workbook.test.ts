import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { statisticsFacts, statisticsOverview, type StatisticsFilter } from "@/db/queries/statistics";
import { PROPOSAL_STATES } from "@/lib/domain";
import { computeFigures, FIGURE_DEFINITIONS, figuresByUnit, percent } from "@/lib/statistics";
import { FIGURE_HEADERS, statisticsWorkbook, UNIT_COLUMNS } from "@/lib/statistics-workbook";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe("导出统计", () => {
  it("writes the main figures and the per-unit table that a reader library opens with the page's numbers", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const facts = await statisticsFacts(t.db, { sessionId: await t.session("第二次会议") });
    const figures = computeFigures(facts);
    const units = figuresByUnit(facts);
    expect(figures.repliedOnTime.of).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await statisticsWorkbook(figures, units)).buffer as ArrayBuffer);

    const main = workbook.getWorksheet("主要指标")!;
    expect(values(main, 1)).toEqual([...FIGURE_HEADERS]);
    const rows = Array.from({ length: main.rowCount - 1 }, (_, i) => values(main, i + 2));
    expect(rows.find((r) => r[0] === "按时办复率")).toEqual([
      "按时办复率",
      percent(figures.repliedOnTime),
      figures.repliedOnTime.count,
      figures.repliedOnTime.of,
      FIGURE_DEFINITIONS.repliedOnTime.definition,
    ]);
    expect(rows.find((r) => r[0] === "提案总数")?.[1]).toBe(figures.total);
    expect(rows.find((r) => r[0] === "办理结果类别 A类")?.[1]).toBe(percent(figures.resultClasses.A));

    const byUnit = workbook.getWorksheet("各单位")!;
    expect(values(byUnit, 1)).toEqual(UNIT_COLUMNS.map((c) => c.header));
    expect(byUnit.rowCount).toBe(units.length + 1);
    expect(values(byUnit, 2)).toEqual(UNIT_COLUMNS.map((c) => c.cell(units[0]!)));
  });

  it("counts the proposals of each session by state, under the same filters", async () => {
    const t = await demoDatabase();
    const statesBySession = async (db: typeof t.db, filter: StatisticsFilter = {}) => (await statisticsOverview(db, filter)).sessions;
    cleanup = t.cleanup;
    const all = await statisticsFacts(t.db);
    const sessions = await statesBySession(t.db);
    const sum = (s: (typeof sessions)[number]) => PROPOSAL_STATES.reduce((n, state) => n + s.states[state], 0);
    expect(sessions.reduce((n, s) => n + sum(s), 0)).toBe(all.length);
    for (const state of PROPOSAL_STATES)
      expect(sessions.reduce((n, s) => n + s.states[state], 0)).toBe(all.filter((f) => f.status === state).length);

    const sessionId = await t.session("第二次会议");
    const one = await statesBySession(t.db, { sessionId });
    expect(one.map((s) => s.sessionId)).toEqual([sessionId]);
    expect(one[0]!.session).toContain("第二次会议");
    expect(sum(one[0]!)).toBe((await statisticsFacts(t.db, { sessionId })).length);

    const unitId = await t.unit("重庆高新区科技创新局");
    expect((await statesBySession(t.db, { unitId })).reduce((n, s) => n + sum(s), 0)).toBe(
      (await statisticsFacts(t.db, { unitId })).length,
    );
  });
});
