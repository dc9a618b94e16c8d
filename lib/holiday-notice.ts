/**
 * Reads the State Council's notice on a year's holidays (国务院办公厅关于Y年部分节假日安排的通知) as it is
 * published, e.g. "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
 * 2月14日（周六）、2月28日（周六）上班。" — into the days off and the make-up working days, checking each
 * holiday's days against the "共N天" the notice states. Errors are sentences for the administrator.
 */
import type { CalendarDay } from "./holiday-calendar";

export type NoticeHoliday = { name: string; from: string; to: string; days: number; makeUpDays: string[] };
export type ParsedNotice = { ok: true; holidays: NoticeHoliday[]; days: CalendarDay[] } | { ok: false; errors: string[] };

const NAMES = "元旦|春节|清明节|劳动节|端午节|中秋节|国庆节";
const HEADING = new RegExp(`(?:[一二三四五六七八九十]+[、.．]\\s*)?((?:${NAMES})(?:、(?:${NAMES}))*)\\s*[：:]`, "g");
/** A date, its year or month possibly left out ("至3日"), and the weekday or lunar date in brackets after it. */
const DATE = String.raw`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[（(][^）)]*[）)])?`;
const RANGE = new RegExp(`${DATE}(?:\\s*[至到-]\\s*${DATE})?\\s*放假`);
const ANY_DATE = new RegExp(DATE, "g");

const pad = (n: number) => String(n).padStart(2, "0");
const DAY_MS = 86_400_000;

/** The ISO date of a matched date, or null when no such day exists (2月30日). */
function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const shown = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function parseHolidayNotice(year: number, text: string): ParsedNotice {
  const errors: string[] = [];
  const titled = /(\d{4})年(?:部分)?节假日|现将(\d{4})年/.exec(text);
  const noticeYear = titled ? Number(titled[1] ?? titled[2]) : year;
  if (noticeYear !== year) return { ok: false, errors: [`这份通知是${noticeYear}年的安排，与所选的${year}年不符`] };
  const headings = [...text.matchAll(HEADING)];
  if (headings.length === 0)
    return { ok: false, errors: ["未识别到节假日安排，请粘贴通知原文，如“一、元旦：1月1日（周五）放假，共1天。”"] };
  const holidays: NoticeHoliday[] = [];
  headings.forEach((heading, i) => {
    const name = heading[1]!;
    const body = text.slice(heading.index! + heading[0].length, headings[i + 1]?.index ?? text.length);
    const range = RANGE.exec(body);
    if (!range) {
      errors.push(`${name}：未找到放假日期（应如“1月1日至3日放假”）`);
      return;
    }
    // A date without a year is in the notice's year; 元旦 may begin on 12月 of the year before.
    const yearOf = (given: string | undefined, month: number) =>
      given ? Number(given) : name.startsWith("元旦") && month === 12 ? year - 1 : year;
    const [, y1, m1, d1, y2, m2, d2] = range;
    const fromMonth = Number(m1 ?? NaN);
    const from = isoOf(yearOf(y1, fromMonth), fromMonth, Number(d1));
    const toMonth = m2 ? Number(m2) : fromMonth;
    const to = d2 === undefined ? from : isoOf(yearOf(y2, toMonth), toMonth, Number(d2));
    if (!m1 || !from || !to) {
      errors.push(`${name}：放假日期“${range[0].replace(/放假$/, "")}”不是有效的日期`);
      return;
    }
    if (to < from) {
      errors.push(`${name}：放假结束日期${shown(to)}早于开始日期${shown(from)}`);
      return;
    }
    const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
    const stated = /共\s*(\d+)\s*天/.exec(body);
    if (stated && Number(stated[1]) !== days)
      errors.push(`${name}：${shown(from)}${to === from ? "" : `至${shown(to)}`}共${days}天，与通知所写“共${stated[1]}天”不符`);
    const makeUpDays: string[] = [];
    for (const sentence of body.slice(range.index + range[0].length).split(/[。；;]/)) {
      if (!sentence.includes("上班")) continue;
      for (const m of sentence.matchAll(ANY_DATE)) {
        const month = Number(m[2] ?? NaN);
        const iso = m[2] ? isoOf(yearOf(m[1], month), month, Number(m[3])) : null;
        if (!iso) errors.push(`${name}：调休上班日期“${m[0]}”不是有效的日期`);
        else if (weekday(iso) !== 0 && weekday(iso) !== 6) errors.push(`${name}：${shown(iso)}不是周末，无需调休上班`);
        else makeUpDays.push(iso);
      }
    }
    holidays.push({ name, from, to, days, makeUpDays });
  });
  const days = toCalendarDays(holidays);
  const seen = new Set<string>();
  for (const d of days) {
    if (seen.has(d.date)) errors.push(`${shown(d.date)}在通知中出现了两次`);
    seen.add(d.date);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, holidays, days };
}

function toCalendarDays(holidays: NoticeHoliday[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const h of holidays) {
    for (let ms = Date.parse(h.from); ms <= Date.parse(h.to); ms += DAY_MS)
      days.push({ date: new Date(ms).toISOString().slice(0, 10), kind: "holiday", name: h.name });
    for (const date of h.makeUpDays) days.push({ date, kind: "makeup", name: h.name });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
