/** A whole number from 1 to `max` written as at most nine digits in a query parameter, or undefined. Pure. */
export function positiveInt(value: string, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}
