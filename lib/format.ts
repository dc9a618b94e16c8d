/** How dates, numbers and names are written in the UI and in letters. Pure. */
import type { SessionKind } from "./domain";
import { ITEM_WORD } from "./domain";

/** 2023-05-16 → 2023年5月16日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** A Date → 2023-05-16 in China Standard Time (the calendar the deadlines follow). */
export function isoDateInChina(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A Date → 2023-05-16 14:03 in China Standard Time. */
export function dateTimeInChina(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** A file's size as the upload field and the file lists show it: 1.5 MB, 12 KB. */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const SESSION_BODY_SUFFIXES = ["委员会", "人民代表大会"];

/**
 * The full name of a session as letters print it: the term goes before the body's suffix,
 * 政协重庆市九龙坡区委员会 + 第十一届 + 第二次会议 → 政协重庆市九龙坡区第十一届委员会第二次会议.
 */
export function sessionTitle(session: { body: string; term: string; meeting: string }): string {
  const suffix = SESSION_BODY_SUFFIXES.find((s) => session.body.endsWith(s));
  if (!suffix) return `${session.body}${session.term}${session.meeting}`;
  return `${session.body.slice(0, -suffix.length)}${session.term}${suffix}${session.meeting}`;
}

/** 第180号提案 / 第12号建议 */
export function proposalLabel(number: number, kind: SessionKind): string {
  return `第${number}号${ITEM_WORD[kind]}`;
}

/** Sentence-final marks after which no 。 is added: reasons and comments are typed with or without one. */
const SENTENCE_END = /[。！？!?.…]$/;

/** The text as one sentence followed by more: trimmed, with 。 added unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  return SENTENCE_END.test(t) ? t : `${t}。`;
}
