/**
 * The year's report (lib/year-report.ts) as print HTML on the 公文 page (lib/official-print.ts), the
 * source of its PDF: the title in 小标宋 2号, the date line under it, 一、 headings in 黑体, （一）
 * headings in 楷体, body in 仿宋 3号, the tables in 五号 with a 黑体 caption. Pure.
 */
import { escapeHtml, OFFICIAL_PAGE_CSS, paragraphHtml, textBlockCss, titleHtml } from "./official-print";
import type { ReportBlock, ReportTable, YearReport } from "./year-report";

const REPORT_CSS = `${OFFICIAL_PAGE_CSS}${textBlockCss(".report")}.report h1.title { font: 700 22pt/var(--line) "Letter Title", "Noto Serif SC", serif; letter-spacing: 0; text-align: center; text-wrap: balance; margin-top: var(--line); }
.report h1.title .keep { white-space: nowrap; }
.report .subtitle { text-align: center; margin-bottom: var(--line); }
.report h2 { font-family: var(--hei); break-after: avoid; }
.report h3 { font-family: var(--kai); break-after: avoid; }
.report figure { margin: calc(var(--line) / 2) 0 var(--line); break-inside: avoid; }
.report figcaption { font: 12pt/1.8 var(--hei); letter-spacing: 0; text-align: center; break-after: avoid; }
.report table { width: 100%; border-collapse: collapse; font: 10.5pt/1.5 var(--body); letter-spacing: 0; }
.report th, .report td { border: 0.75pt solid #000; padding: 1mm 1.5mm; text-align: center; white-space: nowrap; }
.report th { font-family: var(--hei); font-weight: normal; }
.report tbody th { font-family: var(--body); text-align: left; }
.report tr { break-inside: avoid; }
`;

function tableHtml(t: ReportTable): string {
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const rows = t.rows
    .map(
      ([name, ...cells]) =>
        `<tr><th scope="row">${escapeHtml(name ?? "")}</th>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<figure><figcaption>${escapeHtml(t.caption)}</figcaption><table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></figure>`;
}

function blockHtml(b: ReportBlock): string {
  if (b.kind === "table") return tableHtml(b.table);
  return b.kind === "h2" ? `<h3 class="indent">${paragraphHtml(b.text)}</h3>` : `<p class="indent">${paragraphHtml(b.text)}</p>`;
}

/** The print document; `fontFaces` declares the web fonts (app/letters/_server/fonts.ts). */
export function yearReportPrintHtml(report: YearReport, fontFaces: string): string {
  const sections = report.sections
    .map((s) => `<section><h2 class="indent">${escapeHtml(s.heading)}</h2>\n${s.blocks.map(blockHtml).join("\n")}</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(report.title)}</title>
<style>${fontFaces}
${REPORT_CSS}</style>
</head>
<body>
<article class="report">
<h1 class="title">${titleHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
${sections}
</article>
</body>
</html>`;
}
