/**
 * The body of a reply letter as text: cleaning up what is pasted from Word, and reading the
 * paragraphs and section headings (一、… and (一)…) out of it. Pure.
 */

/** The longest body a draft may have, in characters. */
export const MAX_BODY_CHARS = 50_000;

export type BodyBlockKind = "h1" | "h2" | "p";
export type BodyBlock = { kind: BodyBlockKind; text: string };

/** Characters that count as a line break: Word's manual line break (\v), form feed, U+2028/U+2029. */
const LINE_BREAKS = /\r\n?|[\v\f\u2028\u2029]/g;
/** Zero-width characters, the BOM, the soft hyphen and the remaining control characters (tab and newline kept). */
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
/** Indentation and trailing blanks: spaces, tabs, no-break and ideographic (full-width) spaces. */
const EDGE_BLANKS = /^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$/g;

/**
 * Normalises a body pasted from Word or typed into a textarea: one paragraph per line of input,
 * paragraphs separated by exactly one blank line, no indentation, no invisible characters.
 *
 * Official letters have no line wrapping inside a paragraph, so every non-empty input line is a
 * paragraph of its own; blank lines (however many) only separate paragraphs.
 */
export function normaliseBody(text: string): string {
  return text
    .replace(LINE_BREAKS, "\n")
    .replace(INVISIBLE, "")
    .split("\n")
    .map((line) => line.replace(EDGE_BLANKS, ""))
    .filter((line) => line !== "")
    .join("\n\n");
}

/** The paragraphs of a body, normalised. */
export function bodyParagraphs(text: string): string[] {
  const normalised = normaliseBody(text);
  return normalised === "" ? [] : normalised.split("\n\n");
}

/** 一 … 九十九, as section numbers are written. */
const NUMERAL = "(?:[一二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)";
const H1_MARKER = new RegExp(`^${NUMERAL}、`);
/** ASCII or full-width parentheses, as long as they are a pair of the same kind. */
const H2_MARKER = new RegExp(`^(?:\\(${NUMERAL}\\)|（${NUMERAL}）)`);
/** A sentence ending before the last character means a run-in heading followed by body text. */
const SENTENCE_END_INSIDE = /[。！？；!?;]./;

/**
 * What a paragraph is: h1 (一、工作开展情况), h2 ((一)加强政策保障 or （一）加强政策保障) or p.
 * A paragraph that starts with a section number but goes on after a full sentence
 * ((一)研发人才招聘难。科学城企业…) is body text with a run-in heading, so p.
 */
export function blockKind(paragraph: string): BodyBlockKind {
  if (SENTENCE_END_INSIDE.test(paragraph)) return "p";
  if (H1_MARKER.test(paragraph)) return "h1";
  if (H2_MARKER.test(paragraph)) return "h2";
  return "p";
}

/** The body as a list of headings and paragraphs, after normalising it. */
export function parseBody(text: string): BodyBlock[] {
  return bodyParagraphs(text).map((paragraph) => ({ kind: blockKind(paragraph), text: paragraph }));
}
