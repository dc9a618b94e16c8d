/**
 * The year's report (办理工作总结) built for the demo data through the route's own response: every figure
 * in the DOCX (word/document.xml, opened with JSZip) and in the PDF (text by poppler's pdftotext) is the
 * statistics page's figure as statisticsFigures counts it, the tables row by row; every number in the
 * prose is one of the page's figures; only the coordinating office may generate it, from a page of this site.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yearReportResponse } from "@/app/(staff)/stats/report/year-report-response";
import { closePdfBrowser } from "@/app/letters/_server/letter-pdf";
import { statisticsByCategory, statisticsFacts, statisticsFigures } from "@/db/queries/statistics";
import { categories, proposals } from "@/db/schema";
import { chineseDate } from "@/lib/format";
import { computeFigures, FIGURE_DEFINITIONS, type Figures, percent, RATES, type Ratio } from "@/lib/statistics";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;

const ORIGIN = "http://tian.test";
const EDITED = {
  practices: "（一）建立台账，逐件跟踪。\n督查室对每件提案建立台账，编辑后的主要做法原样写入。",
  problems: "个别答复针对性不强，存在问题一节由督查室改写。",
  plans: "（一）持续提高办理质量。\n下一步打算一节由督查室改写。",
};

let t: Demo;
let sessionId: number;
let dir: string;

beforeAll(async () => {
  t = await demoDatabase();
  sessionId = await t.session("第二次会议");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "year-report-"));
}, 60_000);
afterAll(async () => {
  await closePdfBrowser();
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function post(fields: Record<string, string>, origin: string | null = ORIGIN): Request {
  const headers: Record<string, string> = { "x-forwarded-host": new URL(ORIGIN).host };
  if (origin) headers.origin = origin;
  return new Request(`${ORIGIN}/stats/report/download`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

async function generate(format: "docx" | "pdf", login = "coordinator"): Promise<Response> {
  const user = await t.user(login);
  return yearReportResponse(post({ session: String(sessionId), format, ...EDITED }), user, t.db, DEMO_TODAY);
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const runs = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join("");

/** The DOCX as its paragraphs outside tables, and its tables as rows of cell texts. */
async function readDocx(body: ArrayBuffer): Promise<{ paragraphs: string[]; tables: string[][][] }> {
  const xml = await (await JSZip.loadAsync(body)).file("word/document.xml")!.async("string");
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) =>
    [...m[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => runs(c[0]))),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  const paragraphs = [...outside.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => runs(p[0])).filter((p) => p !== "");
  return { paragraphs, tables };
}

/** The PDF's text by pdftotext: as laid out (table rows on a line each), and as one string without blanks or page numbers. */
function readPdf(body: ArrayBuffer): { layout: string; flat: string } {
  const file = path.join(dir, `${Date.now()}.pdf`);
  fs.writeFileSync(file, Buffer.from(body));
  const layout = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const flat = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })
    .replace(/—\s*\d+\s*—/g, "")
    .replace(/\s+/g, "");
  return { layout, flat };
}

const cell = (r: Ratio) => (r.of === 0 ? percent(r) : `${percent(r)}（${r.count}/${r.of}）`);
const COUNT_NAMES = ["total", "assigned", "replied", "replyOverdue", "secondRound"] as const;
const CLASSES = ["A", "B", "C", "D"] as const;

/** The three tables as the statistics page's figures give them, written here independently of lib/year-report.ts. */
async function expectedTables(): Promise<{ figures: Figures; key: Figures; tables: string[][][] }> {
  const { figures, units } = await statisticsFigures(t.db, { sessionId }, DEMO_TODAY);
  const key = (await statisticsFigures(t.db, { sessionId, keyOnly: true }, DEMO_TODAY)).figures;
  const byCategory = await statisticsByCategory(t.db, { sessionId }, DEMO_TODAY);
  const main = [
    ["指标", "全部提案", "其中重点提案"],
    ...COUNT_NAMES.map((n) => [FIGURE_DEFINITIONS[n].label, String(figures[n]), String(key[n])]),
    ...RATES.map((n) => [FIGURE_DEFINITIONS[n].label, cell(figures[n]), cell(key[n])]),
    ...CLASSES.map((c) => [`办理结果类别 ${c}类`, cell(figures.resultClasses[c]), cell(key.resultClasses[c])]),
  ];
  const row = (name: string, f: Figures) => [
    name,
    String(f.total),
    String(f.replied),
    percent(f.repliedOnTime),
    percent(f.satisfiedByResult),
  ];
  const unitTable = [["主办单位", "主办件数", "已答复", "按时办复率", "满意率（结果）"], ...units.map((u) => row(u.unit, u.figures))];
  const categoryTable = [
    ["主题分类", "件数", "已答复", "按时办复率", "满意率（结果）"],
    ...byCategory.map((c) => row(c.category ?? "未分类", c.figures)),
  ];
  return { figures, key, tables: [main, unitTable, categoryTable] };
}

/** Every figure the statistics page shows for the session, as a number written in text (counts, bases, percentages). */
function pageNumbers(...all: Figures[]): Set<string> {
  const out = new Set<string>();
  for (const f of all) {
    for (const n of COUNT_NAMES) out.add(String(f[n]));
    for (const r of [...RATES.map((n) => f[n]), ...CLASSES.map((c) => f.resultClasses[c])]) {
      out.add(String(r.count));
      out.add(String(r.of));
      out.add(percent(r));
    }
  }
  return out;
}

/** The sentences of 一、基本情况 that carry figures, written from the page's figures. */
function expectedSentences(f: Figures, key: Figures): string[] {
  return [
    `共收到提案${f.total}件，已交办${f.assigned}件。截至${chineseDate(DEMO_TODAY)}，已答复${f.replied}件，办复超期${f.replyOverdue}件，因委员不满意重新办理${f.secondRound}件。`,
    `主办单位按时签收率${percent(f.acceptedOnTime)}，按时办复率${percent(f.repliedOnTime)}；答复前沟通率${percent(f.contactRate)}，见面率${percent(f.faceToFaceRate)}。`,
    `${CLASSES.map((c) => `${c}类${f.resultClasses[c].count}件（占${percent(f.resultClasses[c])}）`).join("，")}；已公开答复${f.publicationRate.count}件，公开率${percent(f.publicationRate)}。`,
    `收到委员回执${f.satisfiedByResult.of}份，对办理态度满意或基本满意的${f.satisfiedByAttitude.count}份，满意率（办理态度）${percent(f.satisfiedByAttitude)}；对办理结果满意或基本满意的${f.satisfiedByResult.count}份，满意率（办理结果）${percent(f.satisfiedByResult)}。`,
    `确定重点提案${key.total}件，已答复${key.replied}件，按时办复率${percent(key.repliedOnTime)}，满意率（办理结果）${percent(key.satisfiedByResult)}。`,
  ];
}

const SECTIONS = ["一、基本情况", "二、主要做法", "三、成效", "四、存在问题", "五、下一步打算"];

describe("the year's report of the demo's 第二次会议", () => {
  it("has, in its DOCX, the five sections, the edited narratives, and exactly the statistics page's figures", async () => {
    const response = await generate("docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent("政协重庆市九龙坡区第十一届委员会第二次会议提案办理工作总结.docx"),
    );
    const { paragraphs, tables } = await readDocx(await response.arrayBuffer());
    const { figures, key, tables: expected } = await expectedTables();
    // The demo has figures worth checking: nothing here is 0 of 0.
    expect(figures.total).toBeGreaterThan(10);
    expect(figures.satisfiedByResult.of).toBeGreaterThan(0);
    expect(key.total).toBeGreaterThan(0);
    expect(expected[1]!.length).toBeGreaterThan(3);
    expect(expected[2]!.length).toBeGreaterThan(3);

    expect(tables).toEqual(expected);
    expect(paragraphs.filter((p) => SECTIONS.includes(p))).toEqual(SECTIONS);
    const text = paragraphs.join("\n");
    for (const sentence of expectedSentences(figures, key)) expect(text).toContain(sentence);
    for (const line of Object.values(EDITED).flatMap((n) => n.split("\n"))) expect(paragraphs).toContain(line);

    // No other number: each one in the prose (outside the date line) is a figure of the page.
    const known = pageNumbers(figures, key, ...(await statisticsFigures(t.db, { sessionId }, DEMO_TODAY)).units.map((u) => u.figures));
    const date = chineseDate(DEMO_TODAY);
    const numbers = paragraphs.flatMap((p) => p.replaceAll(date, "").match(/\d+(?:\.\d+)?%?/g) ?? []);
    expect(numbers.length).toBeGreaterThan(30);
    expect(numbers.filter((n) => !known.has(n))).toEqual([]);
  });

  it("has, in its PDF, the same sections, narratives, sentences and table rows", { timeout: 60_000 }, async () => {
    const response = await generate("pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { layout, flat } = readPdf(await response.arrayBuffer());
    const { figures, key, tables } = await expectedTables();
    for (const heading of SECTIONS) expect(flat).toContain(heading);
    for (const sentence of expectedSentences(figures, key)) expect(flat).toContain(sentence.replace(/\s+/g, ""));
    for (const line of Object.values(EDITED).flatMap((n) => n.split("\n"))) expect(flat).toContain(line);
    const lines = layout.split("\n").map((l) => l.trim().split(/\s{2,}/));
    for (const table of tables) for (const row of table) expect(lines).toContainEqual(row);
  });

  it("counts the category table as the page counts its figures: each category's facts through computeFigures", async () => {
    const facts = await statisticsFacts(t.db, { sessionId }, DEMO_TODAY);
    const rows = await t.db.select({ id: proposals.id, categoryId: proposals.categoryId }).from(proposals).all();
    const categoryOf = new Map(rows.map((r) => [r.id, r.categoryId]));
    const byCategory = await statisticsByCategory(t.db, { sessionId }, DEMO_TODAY);
    expect(byCategory.length).toBeGreaterThan(2);
    for (const c of byCategory) expect(c.figures).toEqual(computeFigures(facts.filter((f) => categoryOf.get(f.id) === c.categoryId)));
    const names = new Map((await t.db.select().from(categories).all()).map((c) => [c.id, c.name]));
    for (const c of byCategory) expect(c.category).toBe(c.categoryId === null ? null : names.get(c.categoryId));
    expect(byCategory.reduce((n, c) => n + c.figures.total, 0)).toBe(facts.length);
  });
});

describe("who may generate the year's report", () => {
  it("refuses a unit's handler and director, a member and a district leader with 403, before reading the form", async () => {
    for (const login of ["jiangmj", "dengmj", "liuxr", "wangjh"]) {
      const response = await generate("docx", login);
      expect(response.status, login).toBe(403);
      expect(await response.text()).toBe("您没有生成办理工作总结的权限");
    }
  });

  it("refuses a post from another site's page, or without an Origin, even from the coordinator", async () => {
    const coordinator = await t.user("coordinator");
    const fields = { session: String(sessionId), format: "docx", ...EDITED };
    for (const origin of ["https://evil.example", null]) {
      const response = await yearReportResponse(post(fields, origin), coordinator, t.db, DEMO_TODAY);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe("请从本系统的统计页面生成办理工作总结");
    }
  });

  it("answers an incomplete form and an unknown session with the reason, in Chinese", async () => {
    const coordinator = await t.user("coordinator");
    const empty = await yearReportResponse(
      post({ session: String(sessionId), format: "pdf", ...EDITED, problems: "  " }),
      coordinator,
      t.db,
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toBe("请填写存在问题");
    const unknown = await yearReportResponse(post({ session: "999999", format: "docx", ...EDITED }), coordinator, t.db);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("届次会议不存在");
  });
});
