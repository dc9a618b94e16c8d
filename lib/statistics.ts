/**
 * The coordinating office's figures, each with its definition as the page states it. Pure. Every figure
 * is a count, or a ratio of two counts, of the proposals (or receipts) meeting a condition on their
 * facts; the conditions are written once, as data (PROPOSAL_COUNTS, SATISFIED_ANSWERS), evaluated here
 * on each proposal's facts (computeFigures) and compiled to SQL by db/queries/statistics.ts, which counts
 * them in the database and hands the counts to figuresFromCounts.
 */
import { type ProposalState, RESULT_CLASSES, type ResultClass, SATISFACTION, type Satisfaction } from "./domain";

export type ProposalFacts = {
  id: number;
  status: ProposalState;
  round: number;
  leadUnitId: number | null;
  leadUnit: string | null;
  /** The lead unit accepted (签收) by its deadline; false also when the deadline passed unaccepted; null while it may still accept in time. */
  acceptedOnTime: boolean | null;
  /** There is a first reply. */
  replied: boolean;
  /** The first reply was signed by the deadline in force then; false also when the deadline passed without one; null while it may still come in time. */
  repliedOnTime: boolean | null;
  /** The reply the proposal waits for now (in any round) is past its deadline (lib/overdue.ts). */
  replyOverdue: boolean;
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
  replied: number;
  replyOverdue: number;
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
  replied: { label: "已答复", definition: "已签发第一次答复的件数" },
  replyOverdue: {
    label: "办复超期",
    definition: "办复期限（含批准的延期）已过、本轮答复仍未签发的件数（含重新办理），与督办页的超期答复一致",
  },
  acceptedOnTime: { label: "按时签收率", definition: "主办单位在签收期限内签收的件数 ÷（已签收件数 + 超过签收期限仍未签收的件数）" },
  repliedOnTime: {
    label: "按时办复率",
    definition: "第一次答复在当时有效的办复期限（含批准的延期）内签发的件数 ÷（已答复件数 + 超过办复期限仍未答复的件数）",
  },
  contactRate: { label: "沟通率", definition: "答复前与提案人有沟通记录的件数 ÷ 已答复件数" },
  faceToFaceRate: { label: "见面率", definition: "答复前与提案人当面、座谈或走访沟通的件数 ÷ 已答复件数" },
  satisfiedByAttitude: { label: "满意率（办理态度）", definition: "对最近一次答复的回执中，办理态度为满意或基本满意的份数 ÷ 回执份数" },
  satisfiedByResult: { label: "满意率（办理结果）", definition: "对最近一次答复的回执中，办理结果为满意或基本满意的份数 ÷ 回执份数" },
  resultClasses: { label: "办理结果类别", definition: "最近一次答复的 A/B/C/D 类件数 ÷ 已答复件数" },
  publicationRate: { label: "公开率", definition: "最近一次答复已公开（未撤回）的件数 ÷ 已答复件数" },
  secondRound: { label: "重新办理", definition: "因提案人不满意而进入第二轮办理的件数" },
};

/** The facts a condition can test: those of ProposalFacts that describe the proposal itself. */
export type ConditionFacts = Pick<
  ProposalFacts,
  | "status"
  | "round"
  | "acceptedOnTime"
  | "replied"
  | "repliedOnTime"
  | "replyOverdue"
  | "contacted"
  | "metInPerson"
  | "resultClass"
  | "published"
>;

/** A test of one fact: equal to a value, different from it, or (for numbers) at least it. */
export type FactTest<T> = { is: T } | { not: T } | (T extends number ? { atLeast: number } : never);

/** The proposals a count includes: every listed fact passes its test. */
export type Condition = { [K in keyof ConditionFacts]?: FactTest<ConditionFacts[K]> };

const ASSIGNED: Condition = { status: { not: "registered" } };
const REPLIED: Condition = { replied: { is: true } };
const resultClass = (c: ResultClass): Condition => ({ ...REPLIED, resultClass: { is: c } });

/** The counts of proposals the figures are made of, each with the condition a proposal must meet. */
export const PROPOSAL_COUNTS = {
  total: {},
  assigned: ASSIGNED,
  acceptedOnTime: { ...ASSIGNED, acceptedOnTime: { is: true } },
  acceptanceDecided: { ...ASSIGNED, acceptedOnTime: { not: null } },
  replied: REPLIED,
  repliedOnTime: { repliedOnTime: { is: true } },
  replyDecided: { repliedOnTime: { not: null } },
  replyOverdue: { replyOverdue: { is: true } },
  contacted: { ...REPLIED, contacted: { is: true } },
  metInPerson: { ...REPLIED, metInPerson: { is: true } },
  classA: resultClass("A"),
  classB: resultClass("B"),
  classC: resultClass("C"),
  classD: resultClass("D"),
  published: { ...REPLIED, published: { is: true } },
  secondRound: { round: { atLeast: 2 } },
} as const satisfies Record<string, Condition>;

/** A receipt's answer that counts as satisfied (满意 or 基本满意). */
export const SATISFIED_ANSWERS: readonly Satisfaction[] = SATISFACTION.filter((s) => s !== "unsatisfied");

/** How many proposals meet each condition, and how many receipts there are and answer satisfied. */
export type Counts = Record<keyof typeof PROPOSAL_COUNTS, number> & {
  receipts: number;
  attitudeSatisfied: number;
  resultSatisfied: number;
};

export function passes<T>(value: T, test: FactTest<T>): boolean {
  if ("is" in test) return value === test.is;
  if ("not" in test) return value !== test.not;
  return typeof value === "number" && value >= test.atLeast;
}

export function meets(facts: ConditionFacts, condition: Condition): boolean {
  return (Object.keys(condition) as (keyof ConditionFacts)[]).every((fact) => passes(facts[fact], condition[fact] as FactTest<unknown>));
}

const COUNT_NAMES = [
  ...(Object.keys(PROPOSAL_COUNTS) as (keyof typeof PROPOSAL_COUNTS)[]),
  "receipts",
  "attitudeSatisfied",
  "resultSatisfied",
] as const;

/** Nothing counted. */
export function noCounts(): Counts {
  return Object.fromEntries(COUNT_NAMES.map((name) => [name, 0])) as Counts;
}

/**
 * Counts as one number per name, in a fixed order, for sums of many: the statistics page adds each session's
 * counts per unit (hundreds of units × the sessions in its filters), and adding objects name by name costs a keyed
 * property access each (~20 ns), adding these ~1 ns.
 */
export type CountsVector = Float64Array<ArrayBuffer>;

/** The counts as a vector (nothing counted when none are given). */
export function countsVector(counts?: Counts): CountsVector {
  return counts ? Float64Array.from(COUNT_NAMES, (name) => counts[name]) : new Float64Array(COUNT_NAMES.length);
}

/** Adds the counts of another, disjoint, set of proposals to `total` (changed in place, and returned). */
export function addCounts(total: CountsVector, more: CountsVector): CountsVector {
  for (let i = 0; i < total.length; i++) total[i]! += more[i]!;
  return total;
}

export function countsOfVector(vector: CountsVector): Counts {
  return Object.fromEntries(COUNT_NAMES.map((name, i) => [name, vector[i]!])) as Counts;
}

/** The counts of the proposals whose facts are given. */
export function countFacts(facts: readonly ProposalFacts[]): Counts {
  const counts = noCounts();
  for (const f of facts) {
    for (const name of Object.keys(PROPOSAL_COUNTS) as (keyof typeof PROPOSAL_COUNTS)[])
      if (meets(f, PROPOSAL_COUNTS[name])) counts[name]++;
    for (const r of f.receipts) {
      counts.receipts++;
      if (SATISFIED_ANSWERS.includes(r.attitude)) counts.attitudeSatisfied++;
      if (SATISFIED_ANSWERS.includes(r.result)) counts.resultSatisfied++;
    }
  }
  return counts;
}

const ratio = (count: number, of: number): Ratio => ({ count, of });

export function figuresFromCounts(c: Counts): Figures {
  const classes = { A: c.classA, B: c.classB, C: c.classC, D: c.classD } satisfies Record<ResultClass, number>;
  return {
    total: c.total,
    assigned: c.assigned,
    replied: c.replied,
    replyOverdue: c.replyOverdue,
    acceptedOnTime: ratio(c.acceptedOnTime, c.acceptanceDecided),
    repliedOnTime: ratio(c.repliedOnTime, c.replyDecided),
    contactRate: ratio(c.contacted, c.replied),
    faceToFaceRate: ratio(c.metInPerson, c.replied),
    satisfiedByAttitude: ratio(c.attitudeSatisfied, c.receipts),
    satisfiedByResult: ratio(c.resultSatisfied, c.receipts),
    resultClasses: Object.fromEntries(RESULT_CLASSES.map((k) => [k, ratio(classes[k], c.replied)])) as Record<ResultClass, Ratio>,
    publicationRate: ratio(c.published, c.replied),
    secondRound: c.secondRound,
  };
}

export function computeFigures(facts: readonly ProposalFacts[]): Figures {
  return figuresFromCounts(countFacts(facts));
}

export type UnitFigures = { unitId: number; unit: string; figures: Figures };

/** A 主题分类's figures; `category` null for the proposals given none. */
export type CategoryFigures = { categoryId: number | null; category: string | null; figures: Figures };

/** Figures per lead unit, ranked (rankUnits). */
export function figuresByUnit(facts: readonly ProposalFacts[]): UnitFigures[] {
  const groups = new Map<number, { unit: string; facts: ProposalFacts[] }>();
  for (const f of facts) {
    if (f.leadUnitId === null) continue;
    const g = groups.get(f.leadUnitId) ?? { unit: f.leadUnit ?? "", facts: [] };
    g.facts.push(f);
    groups.set(f.leadUnitId, g);
  }
  return rankUnits([...groups.entries()].map(([unitId, g]) => ({ unitId, unit: g.unit, figures: computeFigures(g.facts) })));
}

/** Best 按时办复率 first (units with no reply due yet last), then fewest replies overdue now, then most proposals, then by unit. */
export function rankUnits(units: UnitFigures[]): UnitFigures[] {
  const rate = (r: Ratio) => (r.of === 0 ? -1 : r.count / r.of);
  return units.sort(
    (a, b) =>
      rate(b.figures.repliedOnTime) - rate(a.figures.repliedOnTime) ||
      a.figures.replyOverdue - b.figures.replyOverdue ||
      b.figures.total - a.figures.total ||
      a.unitId - b.unitId,
  );
}

/** How many units the statistics page's chart of a rate draws at most: more bars can not be read, the table lists all. */
export const CHART_UNITS = 20;

/**
 * The units a chart of `rate` draws: all of them in the table's order while they fit; otherwise the CHART_UNITS with
 * the lowest rate, lowest first (those that need attention), units with nothing to divide by left out.
 */
export function unitsToChart(
  units: readonly UnitFigures[],
  rate: keyof Figures & (typeof RATES)[number],
): { units: UnitFigures[]; lowest: boolean } {
  if (units.length <= CHART_UNITS) return { units: [...units], lowest: false };
  const value = (u: UnitFigures) => u.figures[rate].count / u.figures[rate].of;
  const lowest = units
    .filter((u) => u.figures[rate].of > 0)
    .toSorted((a, b) => value(a) - value(b) || a.unitId - b.unitId)
    .slice(0, CHART_UNITS);
  return { units: lowest, lowest: true };
}

/** 87.5% — or "—" when there is nothing to divide by. */
export function percent(r: Ratio): string {
  return r.of === 0 ? "—" : `${Math.round((r.count / r.of) * 1000) / 10}%`;
}

/** The rates in the order the page shows them. */
export const RATES = [
  "acceptedOnTime",
  "repliedOnTime",
  "contactRate",
  "faceToFaceRate",
  "satisfiedByAttitude",
  "satisfiedByResult",
  "publicationRate",
] as const satisfies readonly (keyof Figures)[];
