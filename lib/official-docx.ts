/**
 * The page of an official document (公文, GB/T 9704-2012) in Word, shared by the reply letter
 * (lib/letter-docx.ts) and the year's report (lib/year-report-docx.ts): A4, margins 37/35/28/26 mm,
 * 22 lines of 28 characters of 仿宋 3号, the title in 方正小标宋简体 2号, headings as Word heading
 * styles (标题 1 in 黑体, 标题 2 in 楷体), page numbers `— 1 —` in 宋体 4号 right on odd and left on
 * even pages. Fonts are named, not embedded: an office has them.
 */
import {
  AlignmentType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from "docx";

export const DOCX_FONTS = {
  body: "仿宋",
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体",
  pageNumber: "宋体",
} as const;

export const docxFont = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
/** 3号 = 16pt, in half-points. */
export const BODY_SIZE = 32;
/** 225 mm / 22 lines, exactly. */
export const LINE = twips(225 / 22);
/** 28 characters of 16pt in 156 mm: each character 0.25pt narrower (in twentieths of a point). */
const CHARACTER_SPACING = -5;
/** One character's advance, in twips. */
export const CHAR = 320 + CHARACTER_SPACING;
/** The text block's width (156 mm), in twips. */
export const TEXT_WIDTH = twips(156);

function pageNumberFooter(alignment: "right" | "left"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === "right" ? { right: 280 } : { left: 280 },
        spacing: { line: 280, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: docxFont(DOCX_FONTS.pageNumber), size: 28, characterSpacing: 0 }),
        ],
      }),
    ],
  });
}

/** A section's page: A4 with the 公文 margins, numbered from 1. */
export const OFFICIAL_PAGE: ISectionPropertiesOptions = {
  page: {
    size: { width: twips(210), height: twips(297) },
    margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26), header: twips(15), footer: twips(23) },
    pageNumbers: { start: 1 },
  },
};

/** A section's page numbers (the document needs `evenAndOddHeaderAndFooters`). */
export const officialFooters = () => ({ default: pageNumberFooter("right"), even: pageNumberFooter("left") });

/** The document's styles: body text, 标题 (Title), 标题 1 and 标题 2. */
export const OFFICIAL_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: docxFont(DOCX_FONTS.body), size: BODY_SIZE, characterSpacing: CHARACTER_SPACING },
      paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.JUSTIFIED },
    },
    title: {
      run: { font: docxFont(DOCX_FONTS.title), size: 44, bold: false, color: "000000", characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: LINE, after: LINE, line: LINE, lineRule: LineRuleType.EXACT } },
    },
    heading1: {
      run: { font: docxFont(DOCX_FONTS.heading1), size: BODY_SIZE, bold: false, color: "000000" },
      paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true },
    },
    heading2: {
      run: { font: docxFont(DOCX_FONTS.heading2), size: BODY_SIZE, bold: false, italics: false, color: "000000" },
      paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true },
    },
  },
};

/** A body paragraph indented by two characters, optionally in a heading style. */
export const indented = (text: string, style?: string) =>
  new Paragraph({ style, indent: { firstLine: 2 * CHAR }, children: [new TextRun(text)] });
