/**
 * The reply letter as a Word document (.docx) that a unit can edit in Word or WPS: the same
 * LetterSheets as the print view (lib/letter-print.ts), one section per addressee with its own page
 * numbers, in the GB/T 9704-2012 layout — A4, margins 37/35/28/26 mm, 22 lines of 28 characters of
 * 仿宋 3号, the title in 方正小标宋简体 2号, headings as Word heading styles (标题 1 in 黑体, 标题 2
 * in 楷体), the unit's name centred over the date 右空四字, page numbers `— 1 —` in 宋体 4号 right
 * on odd and left on even pages. Fonts are named, not embedded: an office has them.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
  type ISectionOptions,
} from "docx";
import { RESULT_CLASS_LABELS } from "./domain";
import type { LetterSheet } from "./letter-print";

export const DOCX_FONTS = {
  body: "仿宋",
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体",
  pageNumber: "宋体",
} as const;

const font = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
/** 3号 = 16pt, in half-points. */
const BODY_SIZE = 32;
/** 225 mm / 22 lines, exactly. */
const LINE = twips(225 / 22);
/** 28 characters of 16pt in 156 mm: each character 0.25pt narrower (in twentieths of a point). */
const CHARACTER_SPACING = -5;
/** One character's advance, in twips. */
const CHAR = 320 + CHARACTER_SPACING;

/** Width in characters: CJK and full-width forms count 1, ASCII half. */
function widthInChars(text: string): number {
  return [...text].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

const indented = (text: string, style?: string) => new Paragraph({ style, indent: { firstLine: 2 * CHAR }, children: [new TextRun(text)] });

function pageNumberFooter(alignment: "right" | "left"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === "right" ? { right: 280 } : { left: 280 },
        spacing: { line: 280, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(DOCX_FONTS.pageNumber), size: 28, characterSpacing: 0 }),
        ],
      }),
    ],
  });
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
  if (draft) top.push(new Paragraph({ children: [new TextRun({ text: "草稿", font: font(DOCX_FONTS.heading1) })] }));
  if (letter.resultClass) {
    top.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: letter.resultClass, font: font(DOCX_FONTS.heading1) })],
      }),
    );
  }
  if (docNumber) top.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(docNumber)] }));
  return {
    properties: {
      page: {
        size: { width: twips(210), height: twips(297) },
        margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26), header: twips(15), footer: twips(23) },
        pageNumbers: { start: 1 },
      },
    },
    footers: { default: pageNumberFooter("right"), even: pageNumberFooter("left") },
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
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.body), size: BODY_SIZE, characterSpacing: CHARACTER_SPACING },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.JUSTIFIED },
        },
        title: {
          run: { font: font(DOCX_FONTS.title), size: 44, bold: false, color: "000000", characterSpacing: 0 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: LINE, after: LINE, line: LINE, lineRule: LineRuleType.EXACT } },
        },
        heading1: {
          run: { font: font(DOCX_FONTS.heading1), size: BODY_SIZE, bold: false, color: "000000" },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true },
        },
        heading2: {
          run: { font: font(DOCX_FONTS.heading2), size: BODY_SIZE, bold: false, italics: false, color: "000000" },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true },
        },
      },
    },
    sections: sheets.map(section),
  });
  return Packer.toBuffer(document);
}
