/**
 * The coordinating office's figures, each with its definition as the page states it. Pure: the facts
 * of each proposal come in (db/queries/statistics.ts), the figures come out.
 */
import type { ProposalState, ResultClass, Satisfaction } from "./domain";

export type ProposalFacts = {
  id: number;
  status: ProposalState;
  round: number;
  leadUnitId: number | null;
  leadUnit: string | null;
  /** The lead unit accepted (签收) by its deadline; false also when the deadline passed unaccepted; null while it may still accept in time. */
  acceptedOnTime: boolean | null;
  /** The first reply was signed by the deadline in force then; null when there is no reply yet. */
  repliedOnTime: boolean | null;
  contacted: boolean;
  metInPerson: boolean;
  /** Of the latest reply. */
  resultClass: ResultClass | null;
  published: boolean;
  /** Receipts returned to the latest reply. */
  receipts: { attitude: Satisfaction; result: Satisfaction }[];
};

export type Ratio = { count: number; of: number };

export type Figures = {
  total: number;
  assigned: number;
  acceptedOnTime: Ratio;
  repliedOnTime: Ratio;
  contactRate: Ratio;
  faceToFaceRate: Ratio;
  satisfiedByAttitude: Ratio;
  satisfiedByResult: Ratio;
  resultClasses: Record<ResultClass, Ratio>;
  publicationRate: Ratio;
  secondRound: number;
};

export const FIGURE_DEFINITIONS: Record<keyof Figures, { label: string; definition: string }> = {
  total: { label: "提案总数", definition: "所选范围内登记的提案件数" },
  assigned: { label: "已交办", definition: "已确定承办单位的件数" },
  acceptedOnTime: { label: "按时签收率", definition: "主办单位在签收期限内签收的件数 ÷（已签收件数 + 超过签收期限仍未签收的件数）" },
  repliedOnTime: { label: "按时办复率", definition: "第一次答复在当时有效的办复期限（含批准的延期）内签发的件数 ÷ 已答复件数" },
  contactRate: { label: "沟通率", definition: "答复前与提案人有沟通记录的件数 ÷ 已答复件数" },
  faceToFaceRate: { label: "见面率", definition: "答复前与提案人当面、座谈或走访沟通的件数 ÷ 已答复件数" },
  satisfiedByAttitude: { label: "满意率（办理态度）", definition: "对最近一次答复的回执中，办理态度为满意或基本满意的份数 ÷ 回执份数" },
  satisfiedByResult: { label: "满意率（办理结果）", definition: "对最近一次答复的回执中，办理结果为满意或基本满意的份数 ÷ 回执份数" },
  resultClasses: { label: "办理结果类别", definition: "最近一次答复的 A/B/C/D 类件数 ÷ 已答复件数" },
  publicationRate: { label: "公开率", definition: "最近一次答复已公开（未撤回）的件数 ÷ 已答复件数" },
  secondRound: { label: "重新办理", definition: "因提案人不满意而进入第二轮办理的件数" },
};

const ratio = (count: number, of: number): Ratio => ({ count, of });
const satisfied = (s: Satisfaction) => s !== "unsatisfied";

export function computeFigures(facts: readonly ProposalFacts[]): Figures {
  const assigned = facts.filter((f) => f.status !== "registered");
  const replied = facts.filter((f) => f.repliedOnTime !== null);
  const receipts = facts.flatMap((f) => f.receipts);
  const classes = { A: 0, B: 0, C: 0, D: 0 };
  for (const f of replied) if (f.resultClass) classes[f.resultClass]++;
  return {
    total: facts.length,
    assigned: assigned.length,
    acceptedOnTime: ratio(assigned.filter((f) => f.acceptedOnTime === true).length, assigned.filter((f) => f.acceptedOnTime !== null).length),
    repliedOnTime: ratio(replied.filter((f) => f.repliedOnTime === true).length, replied.length),
    contactRate: ratio(replied.filter((f) => f.contacted).length, replied.length),
    faceToFaceRate: ratio(replied.filter((f) => f.metInPerson).length, replied.length),
    satisfiedByAttitude: ratio(receipts.filter((r) => satisfied(r.attitude)).length, receipts.length),
    satisfiedByResult: ratio(receipts.filter((r) => satisfied(r.result)).length, receipts.length),
    resultClasses: { A: ratio(classes.A, replied.length), B: ratio(classes.B, replied.length), C: ratio(classes.C, replied.length), D: ratio(classes.D, replied.length) },
    publicationRate: ratio(replied.filter((f) => f.published).length, replied.length),
    secondRound: facts.filter((f) => f.round > 1).length,
  };
}

export type UnitFigures = { unitId: number; unit: string; figures: Figures };

/** Figures per lead unit, best 按时办复率 first (units with no reply yet last). */
export function figuresByUnit(facts: readonly ProposalFacts[]): UnitFigures[] {
  const groups = new Map<number, { unit: string; facts: ProposalFacts[] }>();
  for (const f of facts) {
    if (f.leadUnitId === null) continue;
    const g = groups.get(f.leadUnitId) ?? { unit: f.leadUnit ?? "", facts: [] };
    g.facts.push(f);
    groups.set(f.leadUnitId, g);
  }
  const rate = (r: Ratio) => (r.of === 0 ? -1 : r.count / r.of);
  return [...groups.entries()]
    .map(([unitId, g]) => ({ unitId, unit: g.unit, figures: computeFigures(g.facts) }))
    .sort((a, b) => rate(b.figures.repliedOnTime) - rate(a.figures.repliedOnTime) || b.figures.total - a.figures.total);
}

/** 87.5% — or "—" when there is nothing to divide by. */
export function percent(r: Ratio): string {
  return r.of === 0 ? "—" : `${Math.round((r.count / r.of) * 1000) / 10}%`;
}
