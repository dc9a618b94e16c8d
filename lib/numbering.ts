/** How the official numbers are written. Pure. */

/** 发文字号: 渝高新科函〔2023〕4号 */
export function formatDocNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕${serial}号`;
}

/** 索引号: 1150010700927688XM/2023-01369 (five-digit serial). */
export function formatIndexNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}/${year}-${String(serial).padStart(5, "0")}`;
}
