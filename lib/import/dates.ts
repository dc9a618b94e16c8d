/** The received date (收到日期) as people write it in a sheet or a form. Pure. */

const EARLIEST = "2000-01-01";

/** 2026-01-15, 2026/1/15, 2026.1.15 or 2026年1月15日 → 2026-01-15; null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** Why a received date cannot be used, or null: it must be a real date, not before 2000 and not after today. */
export function receivedOnProblem(text: string, today: string): string | null {
  const iso = parseDate(text);
  if (!iso) return `收到日期“${text.trim()}”无效，请写作 2026-01-15`;
  if (iso < EARLIEST) return "收到日期不能早于 2000 年";
  if (iso > today) return "收到日期不能晚于今天";
  return null;
}
