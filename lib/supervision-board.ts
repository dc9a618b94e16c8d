/**
 * The 督办 board's layout: steps grouped by unit, the units in order of their most urgent step, a page
 * of units at a time and the most urgent rows of each, or every row of one unit. At 100,000 proposals
 * over ten sessions the board held 31,000 steps of 199 units — 54 MB of HTML and 15 s to render —
 * while the coordinator acts on the most urgent ones of each unit first.
 */
import { isPastDue } from "./overdue";

export const SUPERVISION_STAGES = ["accept", "opinion", "reply", "receipt", "publication"] as const;
export type SupervisionStage = (typeof SUPERVISION_STAGES)[number];
export const SUPERVISION_STAGE_LABELS: Record<SupervisionStage, string> = {
  accept: "签收",
  opinion: "协办意见",
  reply: "答复",
  receipt: "回执",
  publication: "公开",
};
/** The steps a unit can be sent a 督办 notice for (回执 are the member's to return). */
export const SUPERVISABLE_STAGES = ["accept", "opinion", "reply", "publication"] as const satisfies readonly SupervisionStage[];
export type SupervisableStage = (typeof SUPERVISABLE_STAGES)[number];

export const UNITS_PER_PAGE = 20;
export const ROWS_PER_UNIT = 10;

type Step = { unitId: number; unit: string; proposalId: number; due: string; stage: string };

export type BoardUnit<S extends Step> = {
  unitId: number;
  unit: string;
  /** The unit's steps on the board, and how many of them are overdue. */
  total: number;
  overdue: number;
  /** The rows shown: the most urgent ROWS_PER_UNIT, or all of them when one unit is asked for. */
  rows: S[];
  /** Every proposal the unit could be sent a 督办 notice for (回执 are the member's to return). */
  supervisable: number[];
};

export type Board<S extends Step> = { units: BoardUnit<S>[]; page: number; pages: number; unitCount: number };

/** `steps` sorted most urgent first; `today` decides what is overdue; `unitId` shows that unit alone, in full. */
export function supervisionBoard<S extends Step>(
  steps: readonly S[],
  today: string,
  view: { page: number; unitId: number | null },
): Board<S> {
  const byUnit = new Map<number, S[]>();
  for (const step of steps) {
    if (view.unitId !== null && step.unitId !== view.unitId) continue;
    const rows = byUnit.get(step.unitId);
    if (rows) rows.push(step);
    else byUnit.set(step.unitId, [step]);
  }
  const all = [...byUnit.values()];
  const pages = Math.max(1, Math.ceil(all.length / UNITS_PER_PAGE));
  const page = view.unitId !== null ? 1 : Math.min(Math.max(1, Math.trunc(view.page) || 1), pages);
  const shown = all.slice((page - 1) * UNITS_PER_PAGE, page * UNITS_PER_PAGE);
  return {
    page,
    pages,
    unitCount: all.length,
    units: shown.map((rows) => ({
      unitId: rows[0]!.unitId,
      unit: rows[0]!.unit,
      total: rows.length,
      overdue: rows.filter((r) => isPastDue(r.due, today)).length,
      rows: view.unitId !== null ? rows : rows.slice(0, ROWS_PER_UNIT),
      supervisable: [...new Set(rows.filter((r) => r.stage !== "receipt").map((r) => r.proposalId))],
    })),
  };
}
