import { describe, expect, it } from "vitest";
import { ROWS_PER_UNIT, supervisionBoard, UNITS_PER_PAGE } from "@/lib/supervision-board";

const TODAY = "2026-11-26";

/** `count` steps for each of `units` units, due a day apart, most urgent first as the query gives them. */
function steps(units: number, count: number) {
  const out = [];
  for (let i = 0; i < count; i++) {
    for (let u = 1; u <= units; u++) {
      const day = String(1 + ((i * units + u) % 28)).padStart(2, "0");
      out.push({
        unitId: u,
        unit: `单位${u}`,
        proposalId: u * 1000 + i,
        due: `2026-${i < count / 2 ? "10" : "12"}-${day}`,
        stage: i % 3 === 0 ? "receipt" : "reply",
      });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

describe("supervisionBoard", () => {
  it("shows a page of units, in order of their most urgent step, with their most urgent rows", () => {
    const all = steps(45, 30);
    const board = supervisionBoard(all, TODAY, { page: 1, unitId: null });
    expect(board.unitCount).toBe(45);
    expect(board.pages).toBe(Math.ceil(45 / UNITS_PER_PAGE));
    expect(board.units).toHaveLength(UNITS_PER_PAGE);
    const firstSeen = [...new Set(all.map((s) => s.unitId))];
    expect(board.units.map((u) => u.unitId)).toEqual(firstSeen.slice(0, UNITS_PER_PAGE));
    for (const unit of board.units) {
      const own = all.filter((s) => s.unitId === unit.unitId);
      expect(unit.total).toBe(30);
      expect(unit.rows).toEqual(own.slice(0, ROWS_PER_UNIT));
      expect(unit.overdue).toBe(own.filter((s) => s.due < TODAY).length);
      expect(unit.supervisable.sort()).toEqual(
        own
          .filter((s) => s.stage !== "receipt")
          .map((s) => s.proposalId)
          .sort(),
      );
    }
  });

  it("pages through the units, the last page holding the rest, and keeps a page number in range", () => {
    const all = steps(45, 3);
    expect(supervisionBoard(all, TODAY, { page: 3, unitId: null }).units).toHaveLength(5);
    expect(supervisionBoard(all, TODAY, { page: 99, unitId: null }).page).toBe(3);
    expect(supervisionBoard(all, TODAY, { page: -2, unitId: null }).page).toBe(1);
    expect(supervisionBoard(all, TODAY, { page: Number.NaN, unitId: null }).page).toBe(1);
    const shown = [1, 2, 3].flatMap((page) => supervisionBoard(all, TODAY, { page, unitId: null }).units.map((u) => u.unitId));
    expect(new Set(shown).size).toBe(45);
  });

  it("shows every row of one unit when it is asked for", () => {
    const board = supervisionBoard(steps(45, 30), TODAY, { page: 2, unitId: 7 });
    expect(board.units.map((u) => u.unitId)).toEqual([7]);
    expect(board.units[0]!.rows).toHaveLength(30);
    expect(board.page).toBe(1);
  });

  it("is empty for no steps, or a unit with none", () => {
    expect(supervisionBoard([], TODAY, { page: 1, unitId: null })).toEqual({ units: [], page: 1, pages: 1, unitCount: 0 });
    expect(supervisionBoard(steps(3, 2), TODAY, { page: 1, unitId: 99 }).units).toEqual([]);
  });
});
