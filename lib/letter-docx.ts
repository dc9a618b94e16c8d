/**
 * The reply letter as a Word document (.docx) that a unit can edit in Word or WPS: the same
 * LetterSheets as the print view (lib/letter-print.ts), one section per addressee with its own page
 * numbers, on the 公文 page of lib/official-docx.ts (GB/T 9704-2012), the unit's name centred over the
 * date 右空四字.
 */
import { AlignmentType, Document, ExternalHyperlink, ImageRun, LineRuleType, Packer, Paragraph, TextRun, type ISectionOptions } from "docx";
import { RESULT_CLASS_LABELS } from "./domain";
import type { LetterSheet } from "./letter-print";
import { CHAR, DOCX_FONTS, docxFont, indented, LINE, OFFICIAL_PAGE, OFFICIAL_STYLES, officialFooters } from "./official-docx";

/** Width in characters: CJK and full-width forms count 1, ASCII half. */
function widthInChars(text: string): number {
  return [...text].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

function receiptParagraphs(receipt: NonNullable<LetterSheet["receipt"]>): Paragraph[] {
  const small = { size: 24, characterSpacing: 0 };
  const line = { spacing: { line: 360, lineRule: LineRuleType.AUTO } };
  return [
    new Paragraph({
      spacing: { before: LINE, line: 360, lineRule: LineRuleType.AUTO },
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: receipt.qrPng,
          transformation: { width: 98, height: 98 },
          altText: { name: "回执二维码", title: "回执二维码", description: receipt.url },
        }),
      ],
    }),
    new Paragraph({
      ...line,
      keepNext: true,
      children: [new TextRun({ text: "答复函回执单：请用手机扫描二维码，或在浏览器中打开以下链接，在线填写并提交。", ...small })],
    }),
    new Paragraph({
      ...line,
      keepNext: true,
      children: [new ExternalHyperlink({ link: receipt.url, children: [new TextRun({ text: receipt.url, ...small })] })],
    }),
    new Paragraph({ ...line, children: [new TextRun({ text: `此链接仅限本人使用一次，${receipt.validUntil}前有效。`, ...small })] }),
  ];
}

function section({ letter, docNumber, draft, receipt }: LetterSheet): ISectionOptions {
  const dateWidth = widthInChars(letter.date);
  const unitWidth = widthInChars(letter.unitName);
  const top: Paragraph[] = [];
  if (draft) top.push(new Paragraph({ children: [new TextRun({ text: "草稿", font: docxFont(DOCX_FONTS.heading1) })] }));
  if (letter.resultClass) {
    top.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: letter.resultClass, font: docxFont(DOCX_FONTS.heading1) })],
      }),
    );
  }
  if (docNumber) top.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(docNumber)] }));
  return {
    properties: OFFICIAL_PAGE,
    footers: officialFooters(),
    children: [
      ...top,
      new Paragraph({ style: "Title", children: [new TextRun(letter.title)] }),
      new Paragraph({ children: [new TextRun(letter.salutation)] }),
      indented(letter.opening),
      ...letter.body.map((block) => indented(block.text, block.kind === "h1" ? "Heading1" : block.kind === "h2" ? "Heading2" : undefined)),
      indented(letter.closing),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: LINE },
        indent: { right: Math.round((4 + (dateWidth - unitWidth) / 2) * CHAR) },
        keepNext: true,
        children: [new TextRun(letter.unitName)],
      }),
      new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, keepNext: true, children: [new TextRun(letter.date)] }),
      indented(letter.contact),
      ...(receipt ? receiptParagraphs(receipt) : []),
    ],
  };
}

/** The letters as one .docx, one section (starting at page 1) per addressee. */
export async function letterDocx(sheets: readonly LetterSheet[], title: string): Promise<Buffer> {
  const [first] = sheets;
  const document = new Document({
    title,
    creator: first?.letter.unitName ?? "",
    description: first?.letter.resultClass ? RESULT_CLASS_LABELS[first.letter.resultClass] : undefined,
    evenAndOddHeaderAndFooters: true,
    styles: OFFICIAL_STYLES,
    sections: sheets.map(section),
  });
  return Packer.toBuffer(document);
}
