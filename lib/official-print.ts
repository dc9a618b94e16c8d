/**
 * The page of an official document (公文, GB/T 9704-2012) in print HTML, shared by the reply letter
 * (lib/letter-print.ts) and the year's report (lib/year-report-print.ts): A4, margins 37 mm top and
 * 28 mm left, a text block of 156 × 225 mm holding 22 lines of 28 characters, page numbers `— 1 —` in
 * 4号 below the text block, right on odd and left on even pages. Pure.
 *
 * Fonts: each role names the fonts an office has (仿宋, 黑体, 楷体, 方正小标宋简体) first and falls back
 * to the web fonts the caller declares: Noto Serif SC for 仿宋 and, in bold, for 小标宋; Noto Sans SC
 * for 黑体; LXGW WenKai for 楷体.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The page rules and font roles. 1 char = 156 mm / 28; 1 line = 225 mm / 22. */
export const OFFICIAL_PAGE_CSS = `
@font-face { font-family: "Letter Title"; font-weight: 700; src: local("FZXBSJW--GB1-0"), local("方正小标宋简体"); }

:root {
  --char: calc(156mm / 28);
  --line: calc(225mm / 22);
  --body: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif SC", serif;
  --hei: "SimHei", "黑体", "Noto Sans SC", sans-serif;
  --kai: "KaiTi", "楷体", "KaiTi_GB2312", "LXGW WenKai", serif;
  --song: "SimSun", "宋体", "Noto Serif SC", serif;
}
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt var(--song); vertical-align: top; padding-top: 5mm; margin-right: 14pt; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt var(--song); vertical-align: top; padding-top: 5mm; margin-left: 14pt; } }

* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; }
`;

/** The text block (156 mm wide, 仿宋 16pt on 28 characters a line) of the element `selector` and its paragraphs. */
export function textBlockCss(selector: string): string {
  return `${selector} {
  width: 156mm;
  font: 16pt/var(--line) var(--body);
  letter-spacing: calc(var(--char) - 16pt);
  text-align: justify;
  line-break: strict;
  overflow-wrap: anywhere;
}
${selector} p, ${selector} h1, ${selector} h2, ${selector} h3 { margin: 0; font-size: 16pt; font-weight: normal; line-height: var(--line); }
.indent { text-indent: calc(2 * var(--char)); }
`;
}

/**
 * Text with a break opportunity before opening and after closing curly quotes: Chromium never breaks
 * next to a quotation mark (UAX #14 LB19), which would push 博士后“1+3”专项 whole to the next line
 * and leave the line before it stretched.
 */
export function paragraphHtml(text: string): string {
  return escapeHtml(text)
    .replace(/(?<=.)([“‘])/g, "<wbr>$1")
    .replace(/([”’])(?=.)/g, "$1<wbr>");
}

/** Characters of the title font (22pt) on one line of the text block (156 mm). */
const TITLE_LINE_CHARS = 19;

/**
 * The title, broken only between its parts (unit 关于 | session | 第N号提案的答复函) where they fit a
 * line, so that a line never ends inside a name (GB/T 9704: 回行时要做到词意完整).
 */
export function titleHtml(title: string): string {
  return title
    .split(/(?<=关于|委员会|代表大会|会议)/)
    .map((part) => (part.length <= TITLE_LINE_CHARS ? `<span class="keep">${escapeHtml(part)}</span>` : escapeHtml(part)))
    .join("<wbr>");
}
