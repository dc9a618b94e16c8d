/** A whole number from 1 to `max` written as at most nine digits in a query parameter, or undefined. Pure. */
export function positiveInt(value: string, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

/** A page's searchParams written back as a query string, in their order (a repeated one repeated), without `?`. */
export function queryStringOf(params: Record<string, string | string[] | undefined>): string {
  return new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => (Array.isArray(value) ? value : [value ?? ""]).map((v) => [key, v])),
  ).toString();
}
