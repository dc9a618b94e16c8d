/**
 * A reply draft read from a Word document: mammoth's HTML of the .docx (lib/import/word-read.ts) turned
 * into the body text the editor keeps (lib/letter-body.ts: one paragraph a line, headings written
 * 一、… and （一）…), with what the user must check said in Chinese. Pure.
 *
 * - Headings from Word's heading styles (<h1>, <h2>) and from automatic numbering (<ol><li>, whose
 *   numbers Word draws and mammoth leaves out) get their 一、 / （一） written out, the count going on
 *   from the headings typed as text. A list's first level is a 一、 heading, unless the section it sits
 *   in was opened by a heading style or a typed 一、: then it is that section's （一）. Deeper levels are
 *   numbered 1. and （1）, as official documents number their third and fourth levels.
 * - The parts of the letter the system writes itself (title, salutation, opening, closing, the unit
 *   and date, the contact line, the receipt note; docs/domain.md "The reply letter") are left out, so
 *   that the system's own Word letter reads back as its body.
 * - A table becomes one line a row, its cells joined by TABLE_CELL_SEPARATOR; images, footnotes and
 *   what mammoth could not read are left out; each with a warning.
 */
import { Parser } from "htmlparser2";
import { normaliseBody } from "./letter-body";

export const TABLE_CELL_SEPARATOR = "｜";

export type WordDraft = {
  body: string;
  /** What was changed or left out that the user must check, one sentence each. */
  warnings: string[];
  /** The letter's parts found in the document and left out because the system writes them (标题, 称呼…). */
  omitted: string[];
};

/** mammoth's report of what it could not convert as such. */
export type ConversionMessage = { type: "warning" | "error"; message: string };

const DIGITS = "一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (section numbers stay below 100). */
export function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? "" : DIGITS[ones - 1];
  if (tens === 0) return onesText ?? "";
  return `${tens === 1 ? "" : DIGITS[tens - 1]}十${onesText}`;
}

/** 十二 → 12; NaN for anything else. */
function numeralValue(text: string): number {
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  const digit = (c: string | undefined, empty: number) => (c === undefined || c === "" ? empty : DIGITS.indexOf(c) + 1 || Number.NaN);
  return text.includes("十") ? digit(tens, 1) * 10 + digit(ones, 0) : digit(ones, Number.NaN);
}

const H1_NUMBER = /^([一二三四五六七八九十]{1,3})、/;
const H2_NUMBER = /^[(（]([一二三四五六七八九十]{1,3})[)）]/;
/** A number typed before a styled heading's text (1. 1、 第一,), replaced by the section number. */
const TYPED_NUMBER = /^(?:\d+[.．、]|第[一二三四五六七八九十]+[,，、])\s*/;

/** One paragraph as the document had it, before numbering. */
type Block =
  | { kind: "p"; text: string; title?: true }
  | { kind: "heading"; level: 1 | 2; text: string }
  /** An item of an ordered list (`ordered`) or a bulleted one, at its nesting depth (0 = top). */
  | { kind: "item"; depth: number; ordered: boolean; text: string };

type Counts = { tables: number; images: number; notes: number };

/** Whitespace inside a paragraph: runs of blanks become one space (ideographic spaces stay as typed). */
const squeeze = (text: string) => text.replace(/[ \t\u00a0\r\n]+/g, " ").trim();

/** Reads mammoth's HTML into paragraphs, tables as lines; counts what it leaves out. */
function readBlocks(html: string): { blocks: Block[]; counts: Counts } {
  const blocks: Block[] = [];
  const counts: Counts = { tables: 0, images: 0, notes: 0 };
  /** The names of the elements open around the text. */
  const open: string[] = [];
  let text = "";
  let title = false;
  /** Inside a footnote, endnote or its reference: skipped. */
  let skipping = 0;
  let row: string[] | null = null;
  let cell: string[] | null = null;

  const depth = () => open.filter((e) => e === "li").length - 1;
  const tableDepth = () => open.filter((e) => e === "table").length;
  /** The paragraph read so far ends here; `as` says what it was (a line break splits it into paragraphs). */
  const flush = (as: "p" | "h1" | "h2" | "item") => {
    const [first = "", ...rest] = text.split("\n").map(squeeze);
    text = "";
    if (cell) {
      cell.push(...[first, ...rest].filter(Boolean));
      return;
    }
    if (first !== "") {
      if (as === "h1" || as === "h2") blocks.push({ kind: "heading", level: as === "h1" ? 1 : 2, text: first });
      else if (as === "item") {
        const list = open.findLast((e) => e === "ol" || e === "ul");
        blocks.push({ kind: "item", depth: Math.max(depth(), 0), ordered: list === "ol", text: first });
      } else blocks.push(title ? { kind: "p", text: first, title: true } : { kind: "p", text: first });
    }
    for (const line of rest) if (line !== "") blocks.push({ kind: "p", text: line });
    title = false;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // mammoth's notes are list items with ids footnote-N / endnote-N, their references links with ids footnote-ref-N.
        if (skipping > 0 || /^(?:foot|end)note-/.test(attributes.id ?? "")) {
          if (skipping === 0 && name === "li") counts.notes += 1;
          skipping += 1;
          open.push(name);
          return;
        }
        // An item's own text comes before its nested list: it ends where the nested list begins.
        if ((name === "ol" || name === "ul") && open.at(-1) === "li") flush("item");
        if (name === "table") {
          if (tableDepth() === 0) counts.tables += 1;
          else flush("p");
        }
        if (name === "tr" && tableDepth() === 1) row = [];
        if ((name === "td" || name === "th") && tableDepth() === 1) cell = [];
        if (name === "img") counts.images += 1;
        if (name === "br") text += "\n";
        if (name === "p") title = (attributes.class ?? "").split(" ").includes("title");
        open.push(name);
      },
      ontext(data) {
        if (skipping === 0) text += data;
      },
      onclosetag(name) {
        if (skipping > 0) {
          open.pop();
          skipping -= 1;
          return;
        }
        // Read while the element is still open: an item's depth counts itself.
        if (name === "p" || /^h[3-6]$/.test(name)) flush("p");
        else if (name === "h1" || name === "h2") flush(name);
        else if (name === "li") flush("item");
        else if ((name === "td" || name === "th") && tableDepth() === 1 && cell && row) {
          flush("p");
          row.push(cell.join(" "));
          cell = null;
        } else if (name === "tr" && tableDepth() === 1 && row) {
          const line = row.filter(Boolean).join(TABLE_CELL_SEPARATOR);
          if (line) blocks.push({ kind: "p", text: line });
          row = null;
        }
        open.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush("p");
  return { blocks, counts };
}

/** The parts of its own letter the system writes around the body, as they appear in its documents. */
/** From the start, each test told what was left out before it (a short line ending in a colon is a salutation only under a title, or when it names a member). */
const LEADING: { label: string; test: (block: Block, omitted: readonly string[]) => boolean }[] = [
  { label: "“草稿”标记", test: (b) => b.text === "草稿" },
  { label: "办理结果类别", test: (b) => /^[ABCD]$/.test(b.text) },
  { label: "发文字号", test: (b) => b.text.length <= 30 && /〔\d{4}〕\d+号$/.test(b.text) },
  { label: "标题", test: (b) => b.kind === "p" && (b.title === true || /(?:答复函|的答复)$/.test(b.text)) },
  {
    label: "称呼",
    test: (b, omitted) =>
      b.kind === "p" && /^[^，,。；;]{1,30}[:：]$/.test(b.text) && (omitted.includes("标题") || /(?:委员|代表|同志)[:：]$/.test(b.text)),
  },
  { label: "开头语", test: (b) => b.kind === "p" && /答复如下[:：]$/.test(b.text) },
];
/** From the end, each test told the part found just below (the unit's name is the line above the date). */
const TRAILING: { label: string; test: (block: Block, below: string | undefined) => boolean }[] = [
  { label: "联系人", test: (b) => /^[(（]?联系人[:：]/.test(b.text) },
  {
    label: "日期",
    test: (b) =>
      /^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日$/.test(b.text),
  },
  { label: "落款单位", test: (b, below) => below === "日期" && b.text.length <= 40 && !/[。，,；：:]/.test(b.text) },
  { label: "结尾语", test: (b) => /^此答复函已经.*审签/.test(b.text) },
];
/** The note under a letter with a receipt form begins so; it and what follows are the system's. */
const RECEIPT_NOTE = /^答复函回执单/;

/** Drops the system's parts from the start and the end of the document; returns the body's blocks and what was dropped. */
function withoutFrame(blocks: Block[]): { blocks: Block[]; omitted: string[] } {
  const omitted: string[] = [];
  let start = 0;
  for (const part of LEADING) {
    const block = blocks[start];
    if (block && part.test(block, omitted)) {
      omitted.push(part.label);
      start += 1;
    }
  }
  const receipt = blocks.findIndex((b, i) => i >= start && RECEIPT_NOTE.test(b.text));
  if (receipt >= 0) omitted.push("回执说明");
  const body = blocks.slice(start, receipt >= 0 ? receipt : blocks.length);
  let below: string | undefined;
  for (let last = body.at(-1); last; last = body.at(-1)) {
    const part = TRAILING.find((p) => p.test(last!, below));
    if (!part) break;
    body.pop();
    omitted.push(part.label);
    below = part.label;
  }
  return { blocks: body, omitted };
}

/** The blocks as the body's lines, every heading with its number, the counts going on through the document. */
function numbered(blocks: Block[]): string[] {
  let h1 = 0;
  let h2 = 0;
  let deeper: number[] = [];
  /** Whether the current 一、 section was opened by a list item (its first level) or by a style or typed text. */
  let sectionFromList = true;
  const heading1 = (text: string, fromList: boolean) => {
    h1 += 1;
    h2 = 0;
    deeper = [];
    sectionFromList = fromList;
    return `${chineseNumeral(h1)}、${text.replace(TYPED_NUMBER, "")}`;
  };
  const heading2 = (text: string) => {
    h2 += 1;
    deeper = [];
    return `（${chineseNumeral(h2)}）${text.replace(TYPED_NUMBER, "")}`;
  };
  return blocks.map((block) => {
    // Numbers typed as text are kept as typed, and the count goes on from them.
    const typed1 = H1_NUMBER.exec(block.text);
    const typed2 = H2_NUMBER.exec(block.text);
    if (typed1) {
      h1 = numeralValue(typed1[1]!) || h1 + 1;
      h2 = 0;
      deeper = [];
      sectionFromList = false;
      return block.text;
    }
    if (typed2) {
      h2 = numeralValue(typed2[1]!) || h2 + 1;
      deeper = [];
      return block.text;
    }
    if (block.kind === "heading") return block.level === 1 ? heading1(block.text, false) : heading2(block.text);
    if (block.kind === "p" || !block.ordered) return block.text;
    const level = block.depth + (sectionFromList || h1 === 0 ? 0 : 1);
    if (level === 0) return heading1(block.text, true);
    if (level === 1) return heading2(block.text);
    const at = level - 2;
    deeper = [...deeper.slice(0, at), (deeper[at] ?? 0) + 1];
    const n = deeper[at]!;
    return at === 0 ? `${n}.${block.text}` : `（${n}）${block.text}`;
  });
}

/** mammoth's remarks that concern the user: not the style names it did not map (the text is kept as a paragraph). */
const unreadable = (messages: readonly ConversionMessage[]) =>
  messages.filter((m) => !/^Unrecognised (?:paragraph|run|table) style/.test(m.message));

/** The draft's body from a document's HTML (as mammoth writes it) and mammoth's messages. */
export function draftFromHtml(html: string, messages: readonly ConversionMessage[] = []): WordDraft {
  const { blocks, counts } = readBlocks(html);
  const { blocks: body, omitted } = withoutFrame(blocks);
  const warnings: string[] = [];
  if (counts.tables > 0)
    warnings.push(`文档中的 ${counts.tables} 个表格已转为文字（每行一段，单元格之间以“${TABLE_CELL_SEPARATOR}”分隔），请核对。`);
  if (counts.images > 0) warnings.push(`文档中的 ${counts.images} 张图片未导入；如需随答复提供，请作为答复附件上传。`);
  if (counts.notes > 0) warnings.push(`文档中的 ${counts.notes} 条脚注或尾注未导入，请核对正文。`);
  const others = unreadable(messages).length;
  if (others > 0) warnings.push(`文档中有 ${others} 处内容未能完全识别，请核对导入的正文。`);
  return { body: normaliseBody(numbered(body).join("\n")), warnings, omitted };
}
