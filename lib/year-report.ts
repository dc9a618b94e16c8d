/**
 * The year's report (办理工作总结, docs/domain.md "办理工作总结") of one 届次会议 as a document model:
 * the five standard sections, the figures written into 基本情况 and 成效 and into the three tables, and
 * the narrative sections (主要做法, 存在问题, 下一步打算) as the coordinator edited them. Every number
 * is a figure of the statistics page (lib/statistics.ts) as it is, never one derived here, so that the
 * report and the page cannot disagree. The DOCX and the print HTML render this model. Pure.
 */
import { ITEM_WORD, PROPOSER_WORD, RESULT_CLASSES, type SessionKind } from "./domain";
import { chineseDate } from "./format";
import { parseBody } from "./letter-body";
import { type CategoryFigures, FIGURE_DEFINITIONS, type Figures, percent, RATES, type Ratio, type UnitFigures } from "./statistics";

/** What the report is made from: the session and the statistics page's figures for it, counted on `asOf`. */
export type YearReportFacts = {
  /** The session's full name (sessionTitle). */
  session: string;
  kind: SessionKind;
  /** The day the figures were counted (China time, ISO). */
  asOf: string;
  figures: Figures;
  /** 重点提案 only. */
  key: Figures;
  units: readonly UnitFigures[];
  categories: readonly CategoryFigures[];
};

export const NARRATIVES = ["practices", "problems", "plans"] as const;
export type Narrative = (typeof NARRATIVES)[number];
export type Narratives = Record<Narrative, string>;
export const NARRATIVE_LABELS: Record<Narrative, string> = { practices: "主要做法", problems: "存在问题", plans: "下一步打算" };
/** A narrative section is a page or two at most. */
export const NARRATIVE_MAX_CHARS = 6000;

export type ReportTable = { caption: string; columns: readonly string[]; rows: readonly (readonly string[])[] };
export type ReportBlock = { kind: "p" | "h2"; text: string } | { kind: "table"; table: ReportTable };
export type ReportSection = { heading: string; blocks: ReportBlock[] };
export type YearReport = { title: string; subtitle: string; sections: ReportSection[] };

/** A rate in a sentence: the statistics page's percentage, or 暂无 when nothing is counted yet. */
const rate = (r: Ratio) => (r.of === 0 ? "暂无" : percent(r));
/** A rate in a table cell: 87.5%（7/8）, or — as the page shows it. */
const rateCell = (r: Ratio) => (r.of === 0 ? percent(r) : `${percent(r)}（${r.count}/${r.of}）`);
const CLASS_NAMES = { A: "A类", B: "B类", C: "C类", D: "D类" } as const;

export function yearReportTitle(facts: Pick<YearReportFacts, "session" | "kind">): string {
  return `${facts.session}${ITEM_WORD[facts.kind]}办理工作总结`;
}

/** Default texts of the narrative sections, written from the figures; the coordinator edits them before generating. */
export function defaultNarratives(facts: YearReportFacts): Narratives {
  const { figures: f, key } = facts;
  const item = ITEM_WORD[facts.kind];
  const who = PROPOSER_WORD[facts.kind];
  const keyLine =
    key.total > 0
      ? `（三）突出重点，领导领办。确定重点${item}${key.total}件，由区领导领衔督办，承办单位制定办理方案、报告中期进展，已答复${key.replied}件，按时办复率${rate(key.repliedOnTime)}。`
      : `（三）突出重点，统筹推进。本次会议未确定重点${item}，对涉及面广、办理难度大的${item}由督查室会同承办单位逐件研究办理。`;
  const practices = [
    `（一）及时交办，压实责任。对收到的${f.total}件${item}逐件研究、分类交办，已交办${f.assigned}件，主办单位按时签收率${rate(f.acceptedOnTime)}。`,
    `（二）加强沟通，注重协商。坚持答复前与${who}沟通，沟通率${rate(f.contactRate)}；通过当面、座谈或走访方式沟通的见面率${rate(f.faceToFaceRate)}。`,
    keyLine,
    `（四）强化督办，接受监督。对临近和超过办复期限的${item}及时提醒催办；依法公开答复全文，公开率${rate(f.publicationRate)}。`,
  ];
  const problems = [
    f.replyOverdue > 0
      ? `（一）办理进度不够均衡。截至${chineseDate(facts.asOf)}，仍有${f.replyOverdue}件${item}超过办复期限未答复，个别单位按时办复意识有待增强。`
      : `（一）办理进度不够均衡。虽无${item}超过办复期限未答复，但部分单位答复集中在期限末尾，办理节奏有待改进。`,
    `（二）办理质量有待提升。满意率（办理结果）为${rate(f.satisfiedByResult)}，因${who}不满意而重新办理的${item}${f.secondRound}件，个别答复针对性不强。`,
    `（三）部分问题落实难度较大。答复为${CLASS_NAMES.C}（需以后解决）的${f.resultClasses.C.count}件、${CLASS_NAMES.D}（留作参考）的${f.resultClasses.D.count}件，受条件限制一时难以解决。`,
  ];
  const plans = [
    `（一）提高办理质量。坚持“内容和质量并重”，把答复前沟通作为必经环节，力争见面率和满意率进一步提高。`,
    `（二）加强督查督办。对办复超期和重新办理的${item}逐件跟踪，定期通报各承办单位的办理进度。`,
    `（三）抓好跟踪落实。对答复为${CLASS_NAMES.B}（正在解决或已列入计划逐步解决）的${f.resultClasses.B.count}件${item}建立台账，跟踪承诺事项落实情况。`,
    `（四）深化结果公开。除涉及不宜公开的内容外，答复全文应公开尽公开，主动接受${who}和社会监督。`,
  ];
  return { practices: practices.join("\n"), problems: problems.join("\n"), plans: plans.join("\n") };
}

/** A narrative section's paragraphs as the coordinator typed them: one per line; （一）-style headings alone on a line stay headings. */
function narrativeBlocks(text: string): ReportBlock[] {
  return parseBody(text).map((block) => ({ kind: block.kind === "h2" ? "h2" : "p", text: block.text }));
}

/** The rows of 表1, each figure as the statistics page labels it: all proposals, and 重点提案 apart. */
function keyFiguresTable(facts: YearReportFacts): ReportTable {
  const item = ITEM_WORD[facts.kind];
  const { figures: all, key } = facts;
  const counts = (["total", "assigned", "replied", "replyOverdue", "secondRound"] as const).map((name) => [
    FIGURE_DEFINITIONS[name].label,
    String(all[name]),
    String(key[name]),
  ]);
  const rates = RATES.map((name) => [FIGURE_DEFINITIONS[name].label, rateCell(all[name]), rateCell(key[name])]);
  const classes = RESULT_CLASSES.map((c) => [
    `${FIGURE_DEFINITIONS.resultClasses.label} ${CLASS_NAMES[c]}`,
    rateCell(all.resultClasses[c]),
    rateCell(key.resultClasses[c]),
  ]);
  return { caption: "表1 主要指标", columns: ["指标", `全部${item}`, `其中重点${item}`], rows: [...counts, ...rates, ...classes] };
}

/** As the statistics page heads its unit table. */
const FIGURE_COLUMNS = ["已答复", "按时办复率", "满意率（结果）"] as const;
const figureCells = (f: Figures) => [String(f.replied), percent(f.repliedOnTime), percent(f.satisfiedByResult)];

function unitsTable(facts: YearReportFacts): ReportTable {
  return {
    caption: "表2 各主办单位办理情况（按按时办复率排序）",
    columns: ["主办单位", "主办件数", ...FIGURE_COLUMNS],
    rows: facts.units.map((u) => [u.unit, String(u.figures.total), ...figureCells(u.figures)]),
  };
}

function categoriesTable(facts: YearReportFacts): ReportTable {
  return {
    caption: "表3 各主题分类办理情况",
    columns: ["主题分类", "件数", ...FIGURE_COLUMNS],
    rows: facts.categories.map((c) => [c.category ?? "未分类", String(c.figures.total), ...figureCells(c.figures)]),
  };
}

function basicSituation(facts: YearReportFacts): ReportBlock[] {
  const { figures: f, key } = facts;
  const item = ITEM_WORD[facts.kind];
  const who = PROPOSER_WORD[facts.kind];
  const classes = RESULT_CLASSES.map((c) => `${CLASS_NAMES[c]}${f.resultClasses[c].count}件（占${rate(f.resultClasses[c])}）`).join("，");
  const paragraphs = [
    `${facts.session}期间，共收到${item}${f.total}件，已交办${f.assigned}件。截至${chineseDate(facts.asOf)}，已答复${f.replied}件，办复超期${f.replyOverdue}件，因${who}不满意重新办理${f.secondRound}件。`,
    `主办单位按时签收率${rate(f.acceptedOnTime)}，按时办复率${rate(f.repliedOnTime)}；答复前沟通率${rate(f.contactRate)}，见面率${rate(f.faceToFaceRate)}。`,
    `已答复的${item}中，${classes}；已公开答复${f.publicationRate.count}件，公开率${rate(f.publicationRate)}。`,
    `收到${who}回执${f.satisfiedByResult.of}份，对办理态度满意或基本满意的${f.satisfiedByAttitude.count}份，满意率（办理态度）${rate(f.satisfiedByAttitude)}；对办理结果满意或基本满意的${f.satisfiedByResult.count}份，满意率（办理结果）${rate(f.satisfiedByResult)}。`,
    key.total > 0
      ? `确定重点${item}${key.total}件，已答复${key.replied}件，按时办复率${rate(key.repliedOnTime)}，满意率（办理结果）${rate(key.satisfiedByResult)}。`
      : `本次会议未确定重点${item}。`,
  ];
  return [...paragraphs.map((text): ReportBlock => ({ kind: "p", text })), { kind: "table", table: keyFiguresTable(facts) }];
}

function results(facts: YearReportFacts): ReportBlock[] {
  const { figures: f } = facts;
  const item = ITEM_WORD[facts.kind];
  const best = facts.units[0];
  const paragraphs = [
    `（一）办复工作按期推进。按时办复率${rate(f.repliedOnTime)}，${CLASS_NAMES.A}（所提问题已经解决或基本解决）${f.resultClasses.A.count}件、${CLASS_NAMES.B}（所提问题正在解决或已列入计划逐步解决）${f.resultClasses.B.count}件，分别占已答复件数的${rate(f.resultClasses.A)}和${rate(f.resultClasses.B)}。`,
    `（二）办理满意度保持较高水平。满意率（办理态度）${rate(f.satisfiedByAttitude)}，满意率（办理结果）${rate(f.satisfiedByResult)}。`,
    best
      ? `（三）各单位办理情况。按时办复率居首的是${best.unit}（${rate(best.figures.repliedOnTime)}）；各主办单位和各主题分类的办理情况见表2、表3。`
      : `（三）各单位办理情况。本次会议的${item}尚未交办，暂无各主办单位的办理情况。`,
  ];
  return [
    ...paragraphs.map((text): ReportBlock => ({ kind: "p", text })),
    { kind: "table", table: unitsTable(facts) },
    { kind: "table", table: categoriesTable(facts) },
  ];
}

/** The whole report: 一、基本情况 二、主要做法 三、成效 四、存在问题 五、下一步打算. */
export function yearReport(facts: YearReportFacts, narratives: Narratives): YearReport {
  return {
    title: yearReportTitle(facts),
    subtitle: `（统计截至${chineseDate(facts.asOf)}）`,
    sections: [
      { heading: "一、基本情况", blocks: basicSituation(facts) },
      { heading: "二、主要做法", blocks: narrativeBlocks(narratives.practices) },
      { heading: "三、成效", blocks: results(facts) },
      { heading: "四、存在问题", blocks: narrativeBlocks(narratives.problems) },
      { heading: "五、下一步打算", blocks: narrativeBlocks(narratives.plans) },
    ],
  };
}
