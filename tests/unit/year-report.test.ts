/** The year's report model (lib/year-report.ts), its DOCX and print HTML, its form, and who may generate it. */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { can } from "@/lib/authz";
import { ROLES } from "@/lib/domain";
import { sameOriginRequest } from "@/lib/site-origin";
import { figuresFromCounts, noCounts, type Counts, type Figures } from "@/lib/statistics";
import { yearReportInput } from "@/lib/validation/year-report";
import { defaultNarratives, yearReport, type ReportBlock, type ReportTable, type YearReportFacts } from "@/lib/year-report";
import { yearReportDocx } from "@/lib/year-report-docx";
import { yearReportPrintHtml } from "@/lib/year-report-print";

function figures(over: Partial<Counts>): Figures {
  return figuresFromCounts({ ...noCounts(), ...over });
}

const ALL = figures({
  total: 32,
  assigned: 28,
  acceptedOnTime: 24,
  acceptanceDecided: 26,
  replied: 12,
  repliedOnTime: 12,
  replyDecided: 14,
  replyOverdue: 3,
  contacted: 12,
  metInPerson: 9,
  classA: 2,
  classB: 6,
  classC: 4,
  published: 10,
  secondRound: 3,
  receipts: 12,
  attitudeSatisfied: 12,
  resultSatisfied: 9,
});
const KEY = figures({ total: 6, assigned: 5, replied: 2, repliedOnTime: 2, replyDecided: 2, resultSatisfied: 1, receipts: 2 });

const FACTS: YearReportFacts = {
  session: "政协重庆市九龙坡区第十一届委员会第二次会议",
  kind: "proposal",
  asOf: "2026-06-15",
  figures: ALL,
  key: KEY,
  units: [
    { unitId: 4, unit: "重庆高新区政务服务和社会事务中心", figures: figures({ total: 3, replied: 3, repliedOnTime: 3, replyDecided: 3 }) },
    { unitId: 2, unit: "重庆高新区科技创新局", figures: figures({ total: 5 }) },
  ],
  categories: [
    { categoryId: 1, category: "科技、教育", figures: figures({ total: 20, replied: 8, repliedOnTime: 7, replyDecided: 8 }) },
    { categoryId: null, category: null, figures: figures({ total: 12, replied: 4, receipts: 4, resultSatisfied: 3 }) },
  ],
};

const NARRATIVES = { practices: "（一）建立台账。\n逐件跟踪办理。", problems: "个别答复针对性不强。", plans: "持续提高办理质量。" };

const texts = (blocks: readonly ReportBlock[]) => blocks.flatMap((b) => (b.kind === "table" ? [] : [b.text]));
const tables = (blocks: readonly ReportBlock[]): ReportTable[] => blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));

describe("yearReport", () => {
  it("has the five standard sections in order, titled after the session, dated by the day of the figures", () => {
    const report = yearReport(FACTS, NARRATIVES);
    expect(report.title).toBe("政协重庆市九龙坡区第十一届委员会第二次会议提案办理工作总结");
    expect(report.subtitle).toBe("（统计截至2026年6月15日）");
    expect(report.sections.map((s) => s.heading)).toEqual(["一、基本情况", "二、主要做法", "三、成效", "四、存在问题", "五、下一步打算"]);
    expect(yearReport({ ...FACTS, kind: "suggestion" }, NARRATIVES).title).toMatch(/建议办理工作总结$/);
  });

  it("writes the statistics page's figures into 基本情况: counts, percentages, A/B/C/D, 公开率, satisfaction and 重点提案", () => {
    const [basic] = yearReport(FACTS, NARRATIVES).sections;
    expect(texts(basic!.blocks)).toEqual([
      "政协重庆市九龙坡区第十一届委员会第二次会议期间，共收到提案32件，已交办28件。截至2026年6月15日，已答复12件，办复超期3件，因委员不满意重新办理3件。",
      "主办单位按时签收率92.3%，按时办复率85.7%；答复前沟通率100%，见面率75%。",
      "已答复的提案中，A类2件（占16.7%），B类6件（占50%），C类4件（占33.3%），D类0件（占0%）；已公开答复10件，公开率83.3%。",
      "收到委员回执12份，对办理态度满意或基本满意的12份，满意率（办理态度）100%；对办理结果满意或基本满意的9份，满意率（办理结果）75%。",
      "确定重点提案6件，已答复2件，按时办复率100%，满意率（办理结果）50%。",
    ]);
    const [main] = tables(basic!.blocks);
    expect(main!.columns).toEqual(["指标", "全部提案", "其中重点提案"]);
    expect(main!.rows).toContainEqual(["按时办复率", "85.7%（12/14）", "100%（2/2）"]);
    expect(main!.rows).toContainEqual(["提案总数", "32", "6"]);
    expect(main!.rows).toContainEqual(["办理结果类别 D类", "0%（0/12）", "0%（0/2）"]);
    // A rate with nothing to divide by: — in the table, as on the page.
    expect(main!.rows).toContainEqual(["按时签收率", "92.3%（24/26）", "—"]);
    expect(main!.rows).toHaveLength(16);
  });

  it("says 暂无 for a rate with nothing counted yet, and says so when there is no 重点提案", () => {
    const empty = figures({ total: 4 });
    const [basic] = yearReport({ ...FACTS, figures: empty, key: figures({}) }, NARRATIVES).sections;
    const text = texts(basic!.blocks).join("\n");
    expect(text).toContain("按时办复率暂无");
    expect(text).toContain("本次会议未确定重点提案。");
    expect(text).not.toContain("—");
  });

  it("keeps the units in the page's order and names proposals without a category 未分类 (tables 2 and 3)", () => {
    const results = yearReport(FACTS, NARRATIVES).sections[2]!;
    const [units, categories] = tables(results.blocks);
    expect(units!.rows).toEqual([
      ["重庆高新区政务服务和社会事务中心", "3", "3", "100%", "—"],
      ["重庆高新区科技创新局", "5", "0", "—", "—"],
    ]);
    expect(categories!.rows).toEqual([
      ["科技、教育", "20", "8", "87.5%", "—"],
      ["未分类", "12", "4", "—", "75%"],
    ]);
    expect(texts(results.blocks).join("")).toContain("按时办复率居首的是重庆高新区政务服务和社会事务中心（100%）");
  });

  it("takes the narratives as typed: a line is a paragraph, a （一） heading alone on its line a sub-heading", () => {
    const report = yearReport(FACTS, {
      ...NARRATIVES,
      problems: "（一）进度不均衡。部分单位答复集中在期限末尾。\n\n\n  其次，质量待提高。",
    });
    expect(report.sections[1]!.blocks).toEqual([
      { kind: "h2", text: "（一）建立台账。" },
      { kind: "p", text: "逐件跟踪办理。" },
    ]);
    expect(report.sections[3]!.blocks).toEqual([
      { kind: "p", text: "（一）进度不均衡。部分单位答复集中在期限末尾。" },
      { kind: "p", text: "其次，质量待提高。" },
    ]);
  });
});

describe("defaultNarratives", () => {
  it("writes 主要做法, 存在问题 and 下一步打算 from the figures", () => {
    const n = defaultNarratives(FACTS);
    expect(n.practices).toContain("对收到的32件提案逐件研究、分类交办，已交办28件，主办单位按时签收率92.3%。");
    expect(n.practices).toContain("确定重点提案6件");
    expect(n.problems).toContain("截至2026年6月15日，仍有3件提案超过办复期限未答复");
    expect(n.problems).toContain("C类（需以后解决）的4件、D类（留作参考）的0件");
    expect(n.plans).toContain("B类（正在解决或已列入计划逐步解决）的6件提案");
    expect(n.practices.split("\n")).toHaveLength(4);
  });

  it("changes its sentences when nothing is overdue and there is no 重点提案, and speaks of 代表 for 人大建议", () => {
    const n = defaultNarratives({ ...FACTS, kind: "suggestion", figures: figures({ total: 5 }), key: figures({}) });
    expect(n.problems).toContain("虽无建议超过办复期限未答复");
    expect(n.practices).toContain("本次会议未确定重点建议");
    expect(n.practices).toContain("坚持答复前与代表沟通，沟通率暂无");
  });

  it("uses no number that is not one of the figures (or the date)", () => {
    const n = defaultNarratives(FACTS);
    const numbers = Object.values(n)
      .join("\n")
      .replace("2026年6月15日", "")
      .match(/\d+(?:\.\d+)?%?/g);
    expect(numbers).toEqual(["32", "28", "92.3%", "100%", "75%", "6", "2", "100%", "83.3%", "3", "75%", "3", "4", "0", "6"]);
  });
});

describe("the report's documents", () => {
  it("DOCX: the title, the five headings as 标题 1, the three tables, the narratives", async () => {
    const report = yearReport(FACTS, NARRATIVES);
    const zip = await JSZip.loadAsync(await yearReportDocx(report, "督查室"));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(5);
    expect(xml).toContain(report.title);
    expect(xml).toContain("逐件跟踪办理。");
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain("<dc:creator>督查室</dc:creator>");
  });

  it("print HTML: the narratives escaped, the tables with row and column headers, the title broken between its parts", () => {
    const html = yearReportPrintHtml(yearReport(FACTS, { ...NARRATIVES, plans: '<script>alert("x")</script>' }), "/* fonts */");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<th scope="row">重庆高新区科技创新局</th><td>5</td>');
    expect(html).toContain('<span class="keep">政协重庆市九龙坡区第十一届委员会</span><wbr><span class="keep">第二次会议</span>');
    expect(html).toContain("/* fonts */");
  });
});

describe("the report form", () => {
  const valid = { session: "3", format: "pdf", ...NARRATIVES };

  it("accepts the session, DOCX or PDF, and the three narratives trimmed", () => {
    expect(yearReportInput.parse({ ...valid, plans: "  下一步。 " })).toEqual({
      ...NARRATIVES,
      session: 3,
      format: "pdf",
      plans: "下一步。",
    });
  });

  it("refuses an empty or too long narrative, another format and a bad session, in Chinese", () => {
    const message = (input: object) => yearReportInput.safeParse(input).error?.issues[0]?.message;
    expect(message({ ...valid, practices: " \n " })).toBe("请填写主要做法");
    expect(message({ ...valid, plans: "字".repeat(6001) })).toBe("下一步打算不能超过 6000 个字");
    expect(message({ ...valid, format: "xlsx" })).toBe("请选择生成 Word 或 PDF");
    expect(message({ ...valid, session: "0" })).toBe("记录编号无效");
  });
});

describe("who may generate the report, and from where", () => {
  it("only the roles that see the whole site's statistics: the coordinating office", () => {
    expect(ROLES.filter((role) => can({ role }, "viewStatistics"))).toEqual(["coordinator"]);
  });

  it("a POST only from a page of this site (Origin equal to the forwarded host)", () => {
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(sameOriginRequest(headers({ origin: "https://tian.example", "x-forwarded-host": "tian.example" }))).toBe(true);
    expect(sameOriginRequest(headers({ origin: "http://localhost:3220", host: "localhost:3220" }))).toBe(true);
    expect(sameOriginRequest(headers({ origin: "https://evil.example", "x-forwarded-host": "tian.example" }))).toBe(false);
    expect(sameOriginRequest(headers({ origin: "null", host: "tian.example" }))).toBe(false);
    expect(sameOriginRequest(headers({ host: "tian.example" }))).toBe(false);
  });
});
