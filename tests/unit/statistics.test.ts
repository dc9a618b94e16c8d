import { describe, expect, it } from "vitest";
import { CHART_UNITS, computeFigures, figuresByUnit, percent, type ProposalFacts, type UnitFigures, unitsToChart } from "@/lib/statistics";

const base: ProposalFacts = {
  id: 0,
  status: "replied",
  round: 1,
  leadUnitId: 1,
  leadUnit: "科技创新局",
  acceptedOnTime: true,
  replied: true,
  repliedOnTime: true,
  replyOverdue: false,
  contacted: true,
  metInPerson: true,
  resultClass: "A",
  published: true,
  receipts: [],
};

/**
 * Seven proposals, counted by hand:
 * 1 registered (not assigned); 2 handling, accepted late, no reply; 3 replied on time, met in person, A,
 * published, receipt 满意/满意; 4 replied late, phone only, B, publication withdrawn, no receipt yet;
 * 5 closed after a second round, C, published, two receipts 基本满意/不满意 and 满意/基本满意 (to the
 * second reply); 6 rehandling (second round, first reply late), D, not published, no receipt on the new round;
 * 7 assigned, not yet accepted; 8 handling, its reply deadline passed without a reply.
 */
const FIXTURE: ProposalFacts[] = [
  {
    ...base,
    id: 1,
    status: "registered",
    leadUnitId: null,
    leadUnit: null,
    acceptedOnTime: null,
    replied: false,
    repliedOnTime: null,
    contacted: false,
    metInPerson: false,
    resultClass: null,
    published: false,
  },
  {
    ...base,
    id: 2,
    status: "handling",
    acceptedOnTime: false,
    replied: false,
    repliedOnTime: null,
    contacted: false,
    metInPerson: false,
    resultClass: null,
    published: false,
  },
  { ...base, id: 3, receipts: [{ attitude: "satisfied", result: "satisfied" }] },
  { ...base, id: 4, repliedOnTime: false, metInPerson: false, resultClass: "B", published: false, leadUnitId: 2, leadUnit: "建设局" },
  {
    ...base,
    id: 5,
    status: "closed",
    round: 2,
    resultClass: "C",
    receipts: [
      { attitude: "basically", result: "unsatisfied" },
      { attitude: "satisfied", result: "basically" },
    ],
  },
  {
    ...base,
    id: 6,
    status: "rehandling",
    round: 2,
    repliedOnTime: false,
    resultClass: "D",
    published: false,
    leadUnitId: 2,
    leadUnit: "建设局",
  },
  {
    ...base,
    id: 7,
    status: "assigned",
    acceptedOnTime: null,
    replied: false,
    repliedOnTime: null,
    contacted: false,
    metInPerson: false,
    resultClass: null,
    published: false,
  },
  {
    ...base,
    id: 8,
    status: "handling",
    replied: false,
    repliedOnTime: false,
    replyOverdue: true,
    contacted: false,
    metInPerson: false,
    resultClass: null,
    published: false,
    leadUnitId: 3,
    leadUnit: "交通局",
  },
];

describe("statistics on a fixture with known answers", () => {
  const f = computeFigures(FIXTURE);
  it("counts and rates", () => {
    expect(f.total).toBe(8);
    expect(f.assigned).toBe(7);
    expect(f.replied).toBe(4);
    expect(f.replyOverdue).toBe(1);
    expect(f.acceptedOnTime).toEqual({ count: 5, of: 6 }); // 7 may still accept in time
    expect(f.repliedOnTime).toEqual({ count: 2, of: 5 }); // 3 and 5 on time; 4 and 6 late; 8 past its deadline without a reply
    expect(f.contactRate).toEqual({ count: 4, of: 4 });
    expect(f.faceToFaceRate).toEqual({ count: 3, of: 4 }); // 4 was by phone
    expect(f.satisfiedByAttitude).toEqual({ count: 3, of: 3 });
    expect(f.satisfiedByResult).toEqual({ count: 2, of: 3 });
    expect(f.resultClasses).toEqual({ A: { count: 1, of: 4 }, B: { count: 1, of: 4 }, C: { count: 1, of: 4 }, D: { count: 1, of: 4 } });
    expect(f.publicationRate).toEqual({ count: 2, of: 4 }); // 4 withdrawn, 6 not published
    expect(f.secondRound).toBe(2);
  });
  it("ranks units by 按时办复率", () => {
    const units = figuresByUnit(FIXTURE);
    expect(units.map((u) => [u.unit, percent(u.figures.repliedOnTime)])).toEqual([
      ["科技创新局", "100%"],
      ["建设局", "0%"],
      ["交通局", "0%"],
    ]);
    expect(figuresByUnit(FIXTURE).at(-1)?.figures.replyOverdue).toBe(1); // equal rates: the unit with a reply overdue now comes last
  });
  it("answers — rather than 0% when there is nothing to count", () => {
    const none = computeFigures([FIXTURE[0]!]);
    expect(percent(none.repliedOnTime)).toBe("—");
    expect(percent(none.satisfiedByResult)).toBe("—");
    expect(percent({ count: 2, of: 3 })).toBe("66.7%");
  });
});

describe("unitsToChart", () => {
  const unit = (unitId: number, count: number, of: number): UnitFigures => ({
    unitId,
    unit: `单位${unitId}`,
    figures: { ...computeFigures([]), satisfiedByResult: { count, of } },
  });

  it("draws every unit in the table's order while they fit", () => {
    const units = Array.from({ length: CHART_UNITS }, (_, i) => unit(i + 1, i, 40));
    expect(unitsToChart(units, "satisfiedByResult")).toEqual({ units, lowest: false });
  });

  it("draws the CHART_UNITS lowest, lowest first, when there are more; units with nothing to divide by are left out", () => {
    const units = [unit(1, 0, 0), ...Array.from({ length: CHART_UNITS + 9 }, (_, i) => unit(i + 2, 40 - (i % 15), 40))];
    const charted = unitsToChart(units, "satisfiedByResult");
    expect(charted.lowest).toBe(true);
    expect(charted.units).toHaveLength(CHART_UNITS);
    const rates = charted.units.map((u) => u.figures.satisfiedByResult.count);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(charted.units.map((u) => u.unitId)).not.toContain(1);
    const left = units.filter((u) => u.unitId !== 1 && !charted.units.includes(u));
    expect(Math.min(...left.map((u) => u.figures.satisfiedByResult.count))).toBeGreaterThanOrEqual(rates.at(-1)!);
  });
});
