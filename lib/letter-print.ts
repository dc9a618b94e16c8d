/**
 * The reply letter as a printable HTML document in the layout of GB/T 9704-2012 (党政机关公文格式):
 * A4, margins 37 mm top and 28 mm left, a text block of 156 × 225 mm holding 22 lines of 28
 * characters; title in 小标宋 2号, body in 仿宋 3号, 一、 headings in 黑体, (一) headings in 楷体;
 * the unit's name centred over the date, the date 右空四字; the contact line as 附注; page numbers
 * `— 1 —` in 4号 below the text block, right on odd and left on even pages. The same HTML is the
 * print view in the browser and the source of the server's PDF. Pure.
 *
 * Fonts: each role names the fonts an office has (仿宋, 黑体, 楷体, 方正小标宋简体) first and falls back
 * to the web fonts the caller declares (`fontFaces`): Noto Serif SC for 仿宋 and, in bold, for 小标宋;
 * Noto Sans SC for 黑体; LXGW WenKai for 楷体.
 */
import { RESULT_CLASS_LABELS } from "./domain";
import type { Letter } from "./letter";
import { escapeHtml, OFFICIAL_PAGE_CSS, paragraphHtml, textBlockCss, titleHtml } from "./official-print";

/** One addressee's letter as printed. */
export type LetterSheet = {
  letter: Letter;
  /** 发文字号; null for a draft. */
  docNumber: string | null;
  /** A draft before sign-off: marked 草稿 and without a number. */
  draft: boolean;
  /** The link to this addressee's feedback receipt, while one is owed. */
  receipt: { url: string; qrSvg: string; qrPng: Uint8Array; validUntil: string } | null;
};

export type ToolbarLink = { label: string; href: string; current?: boolean };

export type PrintOptions = {
  /** The HTML document's title (the browser offers it as the PDF file name). */
  documentTitle: string;
  /** @font-face rules of the web fonts Noto Serif SC, Noto Sans SC and LXGW WenKai. */
  fontFaces: string;
  /**
   * The on-screen toolbar (print button, downloads, other addressees); null in the PDF. Its print button
   * is worked by the script (the public site's reader script) under the response's CSP nonce: no inline handler may run.
   */
  toolbar: { links: readonly ToolbarLink[]; script: { src: string; nonce: string | null } } | null;
};

/** The print CSS: the 公文 page (lib/official-print.ts) and the letter's parts. */
function printCss(): string {
  return `${OFFICIAL_PAGE_CSS}${textBlockCss(".letter")}.letter + .letter { break-before: page; }
.top { display: flex; justify-content: space-between; min-height: var(--line); }
.draft-mark { font-family: var(--hei); }
.result-class { font-family: var(--hei); margin-left: auto; }
.doc-number { text-align: right; }
.letter h1.title {
  font: 700 22pt/var(--line) "Letter Title", "Noto Serif SC", serif;
  letter-spacing: 0;
  text-align: center;
  text-wrap: balance;
  margin: var(--line) 0;
}
.letter h1.title .keep { white-space: nowrap; }
.letter h2.section { font-family: var(--hei); }
.letter h3.subsection { font-family: var(--kai); }
.signature { margin-top: var(--line); display: flex; justify-content: flex-end; padding-right: calc(4 * var(--char)); break-inside: avoid; }
.signature-block { display: grid; grid-template-columns: max-content; }
.signature-unit { display: flex; justify-content: center; width: 0; min-width: 100%; white-space: nowrap; }
.signature-date { white-space: nowrap; }
.receipt { margin-top: var(--line); display: flex; gap: var(--char); align-items: center; break-inside: avoid; font-size: 12pt; line-height: 1.6; letter-spacing: 0; text-align: left; }
.receipt p { font-size: 12pt; line-height: 1.6; }
.receipt .qr { width: 26mm; height: 26mm; flex: none; }
.receipt .qr svg { width: 100%; height: 100%; display: block; }
.receipt a { color: inherit; text-decoration: none; word-break: break-all; }

@media screen {
  body { background: #e5e7eb; padding: 0 0 12mm; }
  .toolbar { position: sticky; top: 0; z-index: 1; display: flex; gap: 12px; align-items: center; justify-content: center; flex-wrap: wrap; padding: 10px; background: #1f2937; color: #fff; font: 14px/1.5 "Noto Sans SC", sans-serif; }
  .toolbar a[aria-current] { background: #f9fafb; color: #111827; }
  .toolbar a, .toolbar button { color: #fff; background: #374151; border: 1px solid #6b7280; border-radius: 4px; padding: 4px 12px; font: inherit; text-decoration: none; cursor: pointer; }
  .letter { width: 210mm; min-height: 297mm; margin: 8mm auto 0; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 0.25); }
}
@media print {
  .toolbar { display: none; }
}
`;
}

function bodyBlock(kind: Letter["body"][number]["kind"], text: string): string {
  const content = paragraphHtml(text);
  if (kind === "h1") return `<h2 class="section indent">${content}</h2>`;
  if (kind === "h2") return `<h3 class="subsection indent">${content}</h3>`;
  return `<p class="indent">${content}</p>`;
}

function sheetHtml({ letter, docNumber, draft, receipt }: LetterSheet): string {
  const top =
    draft || letter.resultClass
      ? `<div class="top">${draft ? `<span class="draft-mark">草稿</span>` : ""}${
          letter.resultClass
            ? `<span class="result-class" title="${escapeHtml(RESULT_CLASS_LABELS[letter.resultClass])}">${letter.resultClass}</span>`
            : ""
        }</div>`
      : "";
  const receiptBlock = receipt
    ? `<aside class="receipt" aria-label="答复函回执">
  <div class="qr" role="img" aria-label="回执二维码">${receipt.qrSvg}</div>
  <div>
    <p>答复函回执单：请用手机扫描二维码，或在浏览器中打开以下链接，在线填写并提交。</p>
    <p><a class="receipt-link" href="${escapeHtml(receipt.url)}">${escapeHtml(receipt.url)}</a></p>
    <p>此链接仅限本人使用一次，${escapeHtml(receipt.validUntil)}前有效。</p>
  </div>
</aside>`
    : "";
  return `<article class="letter" lang="zh-CN">
${top}
${docNumber ? `<p class="doc-number">${escapeHtml(docNumber)}</p>` : ""}
<h1 class="title">${titleHtml(letter.title)}</h1>
<p class="salutation">${escapeHtml(letter.salutation)}</p>
<p class="indent">${paragraphHtml(letter.opening)}</p>
${letter.body.map((block) => bodyBlock(block.kind, block.text)).join("\n")}
<p class="indent closing">${escapeHtml(letter.closing)}</p>
<div class="signature"><div class="signature-block"><div class="signature-unit"><span>${escapeHtml(letter.unitName)}</span></div><time class="signature-date" datetime="${escapeHtml(letter.writtenOn)}">${escapeHtml(letter.date)}</time></div></div>
<p class="indent contact">${escapeHtml(letter.contact)}</p>
${receiptBlock}
</article>`;
}

/** The whole print document: one letter per sheet, each starting on a new page. */
export function letterPrintHtml(sheets: readonly LetterSheet[], options: PrintOptions): string {
  const toolbar = options.toolbar
    ? `<nav class="toolbar" aria-label="答复函操作"><button type="button" data-reader="print">打印</button>${options.toolbar.links
        .map((link) => `<a href="${escapeHtml(link.href)}"${link.current ? ` aria-current="page"` : ""}>${escapeHtml(link.label)}</a>`)
        .join("")}</nav>`
    : "";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.documentTitle)}</title>
<style>${options.fontFaces}
${printCss()}</style>
</head>
<body>
${toolbar}
<main>
${sheets.map(sheetHtml).join("\n")}
</main>
${options.toolbar ? `<script src="${escapeHtml(options.toolbar.script.src)}"${options.toolbar.script.nonce ? ` nonce="${escapeHtml(options.toolbar.script.nonce)}"` : ""} defer></script>` : ""}
</body>
</html>`;
}
